/**
 * Booked interviews in the calendar (issue 14, cadence rule 14), read back by ical.js: a round
 * with a time is a timed event at that time in floating local time (no "Z", no TZID), an hour
 * long, with its kind and interviewers in the description; a round without a time is an all-day
 * event; both stay apart from the all-day follow-ups, with UIDs that do not move when the time does.
 */
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import {
  calendarFooter,
  calendarHeader,
  entryEvent,
  interviewEvent,
  interviewStart,
  interviewUid,
  type CalendarEntry,
  type InterviewEntry,
} from '../../src/export/ics.js';

const STAMP = '20261207T080000Z';
const TODAY = '2026-12-07';

function interview(over: Partial<InterviewEntry['why']> = {}, key = 'round-uuid-2'): InterviewEntry {
  return {
    key,
    id: 3,
    company: 'Initech',
    role: 'Data Engineer',
    who: 'Tom Wu and Ana Ruiz',
    why: {
      code: 'prepare-interview',
      round: 2,
      date: '2026-12-15',
      time: '15:00',
      kind: 'onsite',
      interviewers: ['Tom Wu', 'Ana Ruiz'],
      needs: ['Spark pipelines'],
      expand: [],
      nextSteps: 'meet the team lead',
      ...over,
    },
  };
}

const FOLLOW_UP: CalendarEntry = {
  uuid: 'app-uuid-1',
  date: '2026-12-07',
  item: {
    id: 1,
    company: 'Acme',
    role: 'Backend Engineer',
    action: 'check-status',
    earliest: '2026-12-07',
    due: '2026-12-08',
    attempt: 1,
    channel: 'phone',
    contact: { name: 'Dana Reyes', role: 'hiring-manager', phone: '+1 555 0100', email: null },
    why: { code: 'chase', decision: { date: '2026-12-04', source: 'given', spokeOn: null }, attempts: [], closing: false },
    notes: [],
  } as unknown as CalendarEntry['item'],
};

/** A whole calendar from the pieces the export writes: the follow-ups, then the interviews. */
function calendar(entries: readonly CalendarEntry[], interviews: readonly InterviewEntry[]): string {
  return [
    calendarHeader(),
    ...entries.map((e) => entryEvent(e, STAMP, TODAY)),
    ...interviews.map((i) => interviewEvent(i, STAMP, TODAY)),
    calendarFooter(),
  ].join('');
}

function events(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((ev) => {
    const start = ev.getFirstProperty('dtstart')!;
    const value = start.getFirstValue() as ICAL.Time;
    const event = new ICAL.Event(ev);
    return {
      uid: String(ev.getFirstPropertyValue('uid')),
      summary: String(ev.getFirstPropertyValue('summary')),
      description: String(ev.getFirstPropertyValue('description')),
      isDate: value.isDate,
      start: value.toString(),
      end: event.endDate.toString(),
      tzid: start.getParameter('tzid') ?? null,
      zone: value.zone?.tzid ?? null,
      transp: String(ev.getFirstPropertyValue('transp')),
      alarm: ev.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger')?.toString() ?? null,
    };
  });
}

describe('booked interviews in the calendar', () => {
  test('a round with a time: a timed event at that time, floating, an hour long, with kind and interviewers, beside the all-day follow-up', () => {
    const text = calendar([FOLLOW_UP], [interview()]);
    const [followUp, booked] = events(text);
    expect(followUp.isDate).toBe(true);
    expect(followUp.start).toBe('2026-12-07');
    expect(followUp.summary).toBe('Call Dana Reyes at Acme (Backend Engineer)');

    expect(booked.isDate).toBe(false);
    expect(booked.start).toBe('2026-12-15T15:00:00');
    expect(booked.end).toBe('2026-12-15T16:00:00');
    // Floating: neither UTC nor a named zone.
    expect(booked.tzid).toBeNull();
    expect(booked.zone).toBe('floating');
    expect(text).toContain('\r\nDTSTART:20261215T150000\r\n');
    expect(booked.summary).toBe('Interview with Tom Wu and Ana Ruiz at Initech (Data Engineer)');
    expect(booked.description).toContain('On-site interview (round 2) on Tue 15 Dec at 15:00 with Tom Wu and Ana Ruiz.');
    expect(booked.description).toContain('Spark pipelines');
    expect(booked.description).toContain('meet the team lead');
    expect(booked.description).toContain('Help: followup show 3');
    expect(booked.transp).toBe('OPAQUE');
    expect(booked.alarm).toBe('-PT1H');
    expect(booked.uid).toBe('round-uuid-2-interview@followup');
    expect(booked.uid).not.toBe(followUp.uid);
  });

  test('a round without a time stays an all-day event on its day, with the 09:00 reminder', () => {
    const [booked] = events(calendar([], [interview({ time: null, kind: 'video' })]));
    expect(booked.isDate).toBe(true);
    expect(booked.start).toBe('2026-12-15');
    expect(booked.end).toBe('2026-12-16');
    expect(booked.description).toContain('Video interview (round 2) on Tue 15 Dec with Tom Wu and Ana Ruiz.');
    expect(booked.transp).toBe('TRANSPARENT');
    expect(booked.alarm).toBe('PT9H');
  });

  test('nobody recorded: "Interview at ..."; the UID is the round\'s, the same when its time or day moves', () => {
    const before = calendar([], [interview({}, 'k1')]);
    const moved = calendar([], [{ ...interview({ time: '09:30', date: '2026-12-16' }, 'k1'), who: null }]);
    const [a] = events(before);
    const [b] = events(moved);
    expect(b.uid).toBe(a.uid);
    expect(b.start).toBe('2026-12-16T09:30:00');
    expect(b.summary).toBe('Interview at Initech (Data Engineer)');
    expect(interviewUid(interview({}, 'k2'))).not.toBe(a.uid);
  });

  test('DTSTART for a clock time; anything else is refused rather than written', () => {
    expect(interviewStart('2026-12-15', '9:05')).toBe('20261215T090500');
    expect(interviewStart('2026-12-15', '23:59')).toBe('20261215T235900');
    expect(() => interviewStart('2026-12-15', '3pm')).toThrow();
  });
});
