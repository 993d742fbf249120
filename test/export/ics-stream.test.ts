/**
 * `export --format ics` streams (issue 16): each application's events are written as it is read
 * from the store, before the next one is read, so memory does not grow with the store. The
 * events are those the earlier sorted calendar held, byte for byte; only their order changed,
 * to one application after another by id (RFC 5545 gives the order of VEVENTs no meaning).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateRecords } from '../../src/bench/seed.js';
import { fillDemoStore } from '../../src/commands/demo.js';
import { bookedInterviewsOf, nextActionOf, writeExport } from '../../src/commands/export.js';
import type { Context } from '../../src/context.js';
import { maxDate, nextWorkday } from '../../src/core/calendar.js';
import type { Application } from '../../src/core/types.js';
import {
  calendarFooter,
  calendarHeader,
  entryEvent,
  icsStamp,
  interviewEvent,
  type CalendarEntry,
  type InterviewEntry,
} from '../../src/export/ics.js';
import { Store, type RecordInput } from '../../src/store/store.js';
import { tempDir } from './helpers.js';

const TODAY = '2026-12-07';
const NOW = new Date('2026-12-07T08:09:10.000Z');
const STAMP = icsStamp(NOW);

/**
 * Booked interviews whose dates run against the applications' order: the last application's
 * interview is the soonest, and the first has two, so a calendar sorted by date and one written
 * application by application differ.
 */
const BOOKED: readonly RecordInput[] = [
  {
    company: 'Later Ltd',
    role: 'Platform Engineer',
    rounds: [
      { date: '2026-11-30', time: '10:00', kind: 'video', recordedOn: '2026-11-27' },
      { date: '2026-12-18', time: '10:00', kind: 'onsite', recordedOn: '2026-12-01' },
      { date: '2026-12-22', time: null, kind: 'phone', recordedOn: '2026-12-02' },
    ],
    contacts: [
      { name: 'Ines Haddad', role: 'hiring-manager', email: 'ines@later.example' },
      { name: 'Omar Sato', role: 'interviewer', round: 2 },
    ],
    needs: ['Kubernetes upgrades'],
    expand: [],
    events: [{ type: 'thanks-sent', date: '2026-11-30' }],
  },
  {
    company: 'Middle GmbH',
    role: 'Data Engineer',
    rounds: [{ date: '2026-12-09', time: '15:00', kind: 'onsite', recordedOn: '2026-12-03' }],
    contacts: [{ name: 'Lea Novak', role: 'interviewer', round: 1 }],
    needs: [],
    expand: [],
    events: [],
  },
  {
    company: 'Soon Inc',
    role: 'QA Lead',
    rounds: [{ date: '2026-12-09', time: '09:00', kind: 'phone', recordedOn: '2026-12-01' }],
    contacts: [],
    needs: [],
    expand: [],
    events: [],
  },
];

/** One event as the calendar should hold it, and the application it belongs to. */
interface Expected {
  uid: string;
  text: string;
  /** 1 for the first application read, 2 for the second, ... */
  position: number;
  /** The application's number. */
  id: number;
  /** 0 for the next action's event, else the interview's round. */
  round: number;
}

let store: Store;
let expected: Expected[];
/** The calendar as it was written before it streamed: follow-ups by date and id, then interviews by time. */
let sortedCalendar: string;

/** What the calendar must hold, from the pure pieces, with the sorted calendar of before. */
function expectedEvents(apps: Iterable<Application>): { events: Expected[]; sorted: string } {
  const config = store.getConfig();
  const offers = store.listLatestOffers(TODAY);
  const entries: CalendarEntry[] = [];
  const interviews: InterviewEntry[] = [];
  const events: Expected[] = [];
  let position = 0;
  for (const app of apps) {
    position++;
    const item = nextActionOf(app, offers, config, TODAY, ['prepare-interview']);
    if (item) {
      const entry = { uuid: app.uuid, item, date: maxDate(item.earliest, nextWorkday(TODAY, config.holidays)) };
      entries.push(entry);
      events.push({ uid: uidOf(entryEvent(entry, STAMP, TODAY)), text: entryEvent(entry, STAMP, TODAY), position, id: app.id, round: 0 });
    }
    for (const interview of bookedInterviewsOf(app, item, TODAY)) {
      interviews.push(interview);
      const text = interviewEvent(interview, STAMP, TODAY);
      events.push({ uid: uidOf(text), text, position, id: app.id, round: interview.why.round });
    }
  }
  entries.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.item.id - b.item.id));
  interviews.sort((a, b) =>
    a.why.date !== b.why.date
      ? a.why.date < b.why.date ? -1 : 1
      : (a.why.time ?? '') !== (b.why.time ?? '') ? ((a.why.time ?? '') < (b.why.time ?? '') ? -1 : 1) : a.id - b.id || a.why.round - b.why.round,
  );
  const sorted = [
    calendarHeader(),
    ...entries.map((e) => entryEvent(e, STAMP, TODAY)),
    ...interviews.map((i) => interviewEvent(i, STAMP, TODAY)),
    calendarFooter(),
  ].join('');
  return { events, sorted };
}

/** The UID of one VEVENT's text. */
function uidOf(event: string): string {
  const m = /\r\nUID:([^\r]*)\r\n/.exec(event.replace(/\r\n /g, ''));
  if (!m) throw new Error(`no UID in ${JSON.stringify(event)}`);
  return m[1];
}

/** A calendar's VEVENTs, each as its exact text, in the order written. */
function vevents(text: string): string[] {
  return text.match(/BEGIN:VEVENT\r\n[\s\S]*?END:VEVENT\r\n/g) ?? [];
}

/** The store as writeExport sees it, counting the applications read from its iterator. */
function counting(reads: { count: number }): Store {
  const wrapped = Object.create(store) as Store;
  wrapped.iterateApplications = function* () {
    for (const app of store.iterateApplications()) {
      reads.count++;
      yield app;
    }
  };
  return wrapped;
}

/** The export's context, with only what writeExport reads: the store, today and the clock. */
function contextWith(s: Store): Context {
  return { today: TODAY, io: { now: () => NOW }, openStore: () => s } as unknown as Context;
}

beforeAll(() => {
  store = Store.open({ file: path.join(tempDir(), 'stream.db'), explicit: true });
  store.insertRecords(generateRecords({ applications: 150, seed: 16, today: '2026-12-04', years: 1 }), { journal: false, summary: 'seed' });
  fillDemoStore(store, TODAY);
  store.insertRecords(BOOKED, { journal: false, summary: 'booked' });
  ({ events: expected, sorted: sortedCalendar } = expectedEvents(store.iterateApplications()));
});

afterAll(() => store.close());

describe('export --format ics streams', () => {
  test('each event is written before the next application is read; the header before the first, the footer after the last', () => {
    const reads = { count: 0 };
    const chunks: { text: string; reads: number }[] = [];
    writeExport(contextWith(counting(reads)), 'ics', (text) => chunks.push({ text, reads: reads.count }));
    const total = reads.count;
    expect(total).toBeGreaterThan(150);

    expect(chunks[0]).toEqual({ text: calendarHeader(), reads: 0 });
    expect(chunks[chunks.length - 1]).toEqual({ text: calendarFooter(), reads: total });
    const position = new Map(expected.map((e) => [e.uid, e.position]));
    // The first application's event goes out before the second application is read.
    const firstEvent = chunks.find((c) => c.text.startsWith('BEGIN:VEVENT'))!;
    expect(firstEvent.reads).toBe(position.get(uidOf(firstEvent.text)));
    expect(firstEvent.reads).toBeLessThan(total);
    // Every event is written on its own, while its application is the last one read.
    for (const chunk of chunks.slice(1, -1)) {
      expect(vevents(chunk.text)).toEqual([chunk.text]);
      expect(chunk.reads, uidOf(chunk.text)).toBe(position.get(uidOf(chunk.text)));
    }
  });

  test('the same events as the sorted calendar of before, byte for byte, grouped by application in id order', () => {
    let text = '';
    writeExport(contextWith(store), 'ics', (piece) => (text += piece));
    expect(text.startsWith(calendarHeader())).toBe(true);
    expect(text.endsWith(calendarFooter())).toBe(true);
    expect(text.length).toBe(sortedCalendar.length);

    // The same set, by UID, with the same text (DTSTAMP included).
    const byUid = (events: string[]) => new Map(events.map((e) => [uidOf(e), e]));
    const written = vevents(text);
    const before = vevents(sortedCalendar);
    expect(new Set(written.map(uidOf)).size).toBe(written.length);
    expect(byUid(written)).toEqual(byUid(before));
    // The store has what makes this mean something: interviews and follow-ups, in another order than before.
    expect(before.filter((e) => e.includes('CATEGORIES:Interview')).length).toBeGreaterThanOrEqual(4);
    expect(written.map(uidOf)).not.toEqual(before.map(uidOf));

    // Application by application in id order; for each, its next action, then its interviews by round.
    expect(written).toEqual(expected.map((e) => e.text));
    const order = expected.map((e) => [e.id, e.round]);
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    const later = expected.filter((e) => e.text.includes('Later Ltd')).map((e) => e.round);
    expect(later).toEqual([0, 2, 3]);
  });
});
