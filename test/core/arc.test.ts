/**
 * The arc around the days after an interview (design/cadence.md rules 10 and 14-16, issue 14):
 * a booked interview, an offer with a deadline, accepting it and withdrawing elsewhere, as worked
 * examples at their boundaries (the day before, the day of, weekends and holidays).
 *
 *   Nov 30 Mon | Dec 1 Tue  2 Wed  3 Thu  4 Fri  5 Sat  6 Sun
 *   Dec 7 Mon  8 Tue  9 Wed 10 Thu 11 Fri 12 Sat 13 Sun
 *   Dec 14 Mon 15 Tue 16 Wed 17 Thu 18 Fri 19 Sat 20 Sun
 *   Dec 21 Mon 22 Tue 23 Wed 24 Thu 25 Fri 26 Sat 27 Sun 28 Mon 29 Tue 30 Wed 31 Thu
 */
import { describe, expect, it } from 'vitest';
import { planToday, recordedOffers, scheduleApplication } from '../../src/core/cadence.js';
import { knownOn } from '../../src/core/known.js';
import type { Application, CalendarDate, PastOutcome } from '../../src/core/types.js';
import { app, contact, dana, ev, itemOf, itemsOf, plan, round, settings, statusItem, waitingOf, type AppSpec } from './helpers.js';

/**
 * Acme: round 1 on Mon 30 Nov (thanked on 1 Dec), and round 2, a video interview on Tue 8 Dec
 * at 15:00 with Priya Shah, booked on Wed 2 Dec; what they need and the next steps recorded.
 */
function booked(over: { date?: CalendarDate; recordedOn?: CalendarDate; events?: AppSpec['events'] } = {}): Application {
  const r2 = round(over.date ?? '2026-12-08', {
    number: 2,
    time: '15:00',
    kind: 'video',
    recordedOn: over.recordedOn ?? '2026-12-02',
    nextSteps: 'a system design exercise',
  });
  return {
    ...app({
      company: 'Acme',
      rounds: [round('2026-11-30', { number: 1, recordedOn: '2026-11-30' }), r2],
      contacts: [dana(), contact('interviewer', 'Priya Shah', { round: 2 }), contact('interviewer', 'Ken Ito', { round: 1 })],
      events: over.events ?? [ev('thanks-sent', '2026-12-01')],
    }),
    needs: ['scaling the billing queue'],
  };
}

/** Globex: interviewed Tue 1 Dec, an offer on Wed 9 Dec to be answered by `respondBy`. */
function offer(respondBy: CalendarDate | null, over: Partial<Application> = {}): Application {
  return {
    ...app({ id: 2, company: 'Globex', rounds: ['2026-12-01'], outcome: 'offer', outcomeDate: '2026-12-09' }),
    respondBy,
    ...over,
  };
}

/** Globex's offer of Wed 9 Dec (answer by Fri 18 Dec), answered on `date`: the offer stays as history. */
function answered(outcome: 'accepted' | 'declined', date: CalendarDate): Application {
  const past: PastOutcome = {
    id: 1, outcome: 'offer', date: '2026-12-09', note: null, notInterested: false, replacedOn: date, respondBy: '2026-12-18',
  };
  return { ...offer(null), outcome, outcomeDate: date, pastOutcomes: [past] };
}

describe('rule 14: a booked interview (prepare-interview)', () => {
  it('is not listed before the working day before it; the chase waits for the booked round', () => {
    const p = plan(booked(), '2026-12-04');
    expect(itemOf(p, 'prepare-interview')).toBeUndefined();
    expect(statusItem(p)).toBeUndefined();
    // The booked round is the latest for rule 2: D = Tue 8 Dec + 5 working days = Tue 15 Dec.
    expect(waitingOf(p, 1)).toMatchObject({
      next: '2026-12-16',
      action: 'check-status',
      interview: { round: 2, date: '2026-12-08', time: '15:00', kind: 'video' },
    });
    expect(waitingOf(p, 1)!.reason).toContain('video interview (round 2) on Tue 8 Dec at 15:00');
  });

  it('the day before: listed with its time, kind, interviewers and what to prepare, due on the day', () => {
    const p = plan(booked(), '2026-12-07');
    const item = itemOf(p, 'prepare-interview');
    expect(item).toMatchObject({ earliest: '2026-12-07', due: '2026-12-08', overdue: false, channel: null, attempt: null });
    // The letters' recipient (rule 7): the hiring manager.
    expect(item!.contact).toMatchObject({ name: 'Dana Reyes' });
    expect(item!.why).toEqual({
      code: 'prepare-interview',
      round: 2,
      date: '2026-12-08',
      time: '15:00',
      kind: 'video',
      interviewers: ['Priya Shah'],
      needs: ['scaling the billing queue'],
      expand: [],
      nextSteps: 'a system design exercise',
    });
    expect(item!.reason).toBe(
      'Video interview (round 2) on Tue 8 Dec at 15:00 with Priya Shah. Prepare what they said they need ' +
        '(scaling the billing queue) and the next steps they named (a system design exercise).',
    );
    expect(item!.command).toBe('followup show 1');
    expect(statusItem(p)).toBeUndefined();
  });

  it('the day of: still listed, with the thank-you for it; the day after: gone, the thank-you stays', () => {
    const on = plan(booked(), '2026-12-08');
    expect(itemOf(on, 'prepare-interview')).toMatchObject({ due: '2026-12-08', overdue: false });
    expect(itemOf(on, 'send-thanks')).toMatchObject({ earliest: '2026-12-08', due: '2026-12-09' });
    const after = plan(booked(), '2026-12-09');
    expect(itemOf(after, 'prepare-interview')).toBeUndefined();
    expect(itemOf(after, 'send-thanks')).toMatchObject({ due: '2026-12-09', overdue: false });
    expect(waitingOf(after, 1)).toMatchObject({ next: '2026-12-16' });
    expect(waitingOf(after, 1)!.interview).toBeUndefined();
  });

  it('the thank-you for the last round already held stays listed while a round is booked', () => {
    const p = plan(booked({ events: [] }), '2026-12-04');
    expect(itemOf(p, 'send-thanks')).toMatchObject({ due: '2026-12-01', overdue: true });
    expect(itemOf(p, 'send-thanks')!.why).toMatchObject({ round: 1, date: '2026-11-30' });
  });

  it('on a Monday: from the Friday before; nothing on the weekend, which still waits', () => {
    const monday = booked({ date: '2026-12-14', recordedOn: '2026-12-09' });
    expect(itemOf(plan(monday, '2026-12-10'), 'prepare-interview')).toBeUndefined();
    expect(itemOf(plan(monday, '2026-12-11'), 'prepare-interview')).toMatchObject({ earliest: '2026-12-11', due: '2026-12-14' });
    for (const weekend of ['2026-12-12', '2026-12-13']) {
      const p = plan(monday, weekend);
      expect(p.items).toEqual([]);
      expect(waitingOf(p, 1)).toMatchObject({ interview: { date: '2026-12-14' } });
    }
    expect(itemOf(plan(monday, '2026-12-14'), 'prepare-interview')).toMatchObject({ overdue: false });
  });

  it('after holidays: from the last working day before them', () => {
    // Tue 29 Dec, with Fri 25 and Mon 28 Dec holidays: the working day before is Thu 24 Dec.
    const s = settings({ holidays: ['2026-12-25', '2026-12-28'] });
    const a = booked({ date: '2026-12-29', recordedOn: '2026-12-16' });
    expect(itemOf(plan(a, '2026-12-23', s), 'prepare-interview')).toBeUndefined();
    expect(itemOf(plan(a, '2026-12-24', s), 'prepare-interview')).toMatchObject({ earliest: '2026-12-24', due: '2026-12-29' });
    expect(plan(a, '2026-12-28', s).items).toEqual([]);
  });

  it('booked late: not before the next working day of the day it was recorded', () => {
    // Booked on Sat 5 Dec for Mon 7 Dec: from Mon 7 Dec (not Fri 4 Dec, when nobody knew).
    const a = booked({ date: '2026-12-07', recordedOn: '2026-12-05' });
    expect(scheduleApplication(a, { settings: settings(), offers: [], today: '2026-12-05' })).toContainEqual(
      expect.objectContaining({ action: 'prepare-interview', earliest: '2026-12-07', due: '2026-12-07' }),
    );
    expect(itemOf(plan(a, '2026-12-07'), 'prepare-interview')).toBeDefined();
  });

  it('a replay of a day before it was booked knows nothing of it', () => {
    const p = plan(booked(), '2026-12-01');
    expect(itemOf(p, 'prepare-interview')).toBeUndefined();
    // Round 1's chase: decision assumed Mon 7 Dec, first chase Tue 8 Dec, without an interview.
    expect(waitingOf(p, 1)).toMatchObject({ next: '2026-12-08' });
    expect(waitingOf(p, 1)!.interview).toBeUndefined();
  });

  it('a round recorded on its own day is not booked', () => {
    const a = app({ rounds: [round('2026-12-08', { recordedOn: '2026-12-08' })] });
    expect(itemOf(plan(a, '2026-12-08'), 'prepare-interview')).toBeUndefined();
  });
});

describe('rule 15: an offer with a deadline (decide-offer)', () => {
  it('answer by Fri 18 Dec: from Wed 16 Dec, due Fri 18 Dec, overdue from Mon 21 Dec', () => {
    expect(itemOf(plan(offer('2026-12-18'), '2026-12-15'), 'decide-offer')).toBeUndefined();
    const first = itemOf(plan(offer('2026-12-18'), '2026-12-16'), 'decide-offer');
    expect(first).toMatchObject({ earliest: '2026-12-16', due: '2026-12-18', overdue: false, channel: null, attempt: null });
    expect(first!.why).toEqual({ code: 'decide-offer', offer: '2026-12-09', respondBy: '2026-12-18' });
    expect(first!.reason).toBe(
      'The offer of Wed 9 Dec asks for your answer by Fri 18 Dec: decide, and accept or decline it in writing before then.',
    );
    expect(itemOf(plan(offer('2026-12-18'), '2026-12-18'), 'decide-offer')).toMatchObject({ overdue: false });
    expect(itemOf(plan(offer('2026-12-18'), '2026-12-21'), 'decide-offer')).toMatchObject({ overdue: true });
  });

  it('a deadline on a Saturday is due the Friday before', () => {
    expect(itemOf(plan(offer('2026-12-19'), '2026-12-16'), 'decide-offer')).toMatchObject({
      earliest: '2026-12-16',
      due: '2026-12-18',
    });
  });

  it('a deadline on a holiday: due the last working day before it, from two working days earlier', () => {
    const s = settings({ holidays: ['2026-12-25'] });
    expect(itemOf(plan(offer('2026-12-25'), '2026-12-21', s), 'decide-offer')).toBeUndefined();
    expect(itemOf(plan(offer('2026-12-25'), '2026-12-22', s), 'decide-offer')).toMatchObject({
      earliest: '2026-12-22',
      due: '2026-12-24',
    });
  });

  it('a short deadline: not before the next working day of the offer, and never after due', () => {
    // Offer Wed 9 Dec, answer by Thu 10 Dec: from Wed 9 Dec (two working days back is Tue 8 Dec).
    expect(itemOf(plan(offer('2026-12-10'), '2026-12-09'), 'decide-offer')).toMatchObject({ earliest: '2026-12-09', due: '2026-12-10' });
    // Offer on Sat 12 Dec to be answered that day: due Fri 11 Dec, so from Fri 11 Dec too.
    const weekend = offer('2026-12-12', { outcomeDate: '2026-12-12' });
    expect(scheduleApplication(weekend, { settings: settings(), offers: [], today: '2026-12-12' })).toEqual([
      expect.objectContaining({ action: 'decide-offer', earliest: '2026-12-11', due: '2026-12-11' }),
    ]);
  });

  it('an offer without a deadline lists nothing (rule 10)', () => {
    for (const today of ['2026-12-09', '2026-12-16', '2026-12-31']) expect(plan(offer(null), today).items).toEqual([]);
  });

  it('every other active application is told the deadline when it is told of the offer', () => {
    const acme = app({ company: 'Acme', rounds: ['2026-11-30'], events: [ev('thanks-sent', '2026-12-01')] });
    const share = itemOf(plan([acme, offer('2026-12-19')], '2026-12-10'), 'share-offer');
    expect(share!.why).toEqual({
      code: 'share-offer',
      offer: { company: 'Globex', date: '2026-12-09', respondBy: '2026-12-19' },
    });
    expect(share!.reason).toContain('You have an offer from Globex (Wed 9 Dec) and must answer it by Sat 19 Dec:');
    // Without a deadline, none is invented.
    const plain = itemOf(plan([acme, offer(null)], '2026-12-10'), 'share-offer');
    expect(plain!.why).toEqual({ code: 'share-offer', offer: { company: 'Globex', date: '2026-12-09' } });
    expect(plain!.reason).not.toMatch(/answer/);
  });

  it('an offer declined still counts for rule 9, and the words say it was declined', () => {
    const acme = app({ company: 'Acme', rounds: ['2026-11-30'], events: [ev('thanks-sent', '2026-12-01')] });
    const p = plan([acme, answered('declined', '2026-12-11')], '2026-12-14');
    expect(itemsOf(p, 'share-offer')).toHaveLength(1);
    expect(itemOf(p, 'share-offer')!.reason).toContain('You had an offer from Globex (Wed 9 Dec) and declined it on Fri 11 Dec');
    expect(itemOf(p, 'decide-offer')).toBeUndefined();
  });

  it('on a day before it was answered, the answered offer is an open offer with its deadline', () => {
    const accepted = answered('accepted', '2026-12-17');
    expect(knownOn(accepted, '2026-12-16')).toMatchObject({ outcome: 'offer', outcomeDate: '2026-12-09', respondBy: '2026-12-18' });
    expect(itemOf(plan(accepted, '2026-12-16'), 'decide-offer')).toMatchObject({ earliest: '2026-12-16', due: '2026-12-18' });
    expect(plan(accepted, '2026-12-17').items).toEqual([]);
  });
});

describe('rule 16: accepting ends the search (withdraw)', () => {
  const acme = () => booked({ date: '2026-12-17', recordedOn: '2026-12-10', events: [] });

  it('accepted on Tue 15 Dec: every other active application begun by then lists only withdraw', () => {
    const initech = app({ id: 3, company: 'Initech', rounds: ['2026-12-16'] });
    const apps = [acme(), answered('accepted', '2026-12-15'), initech];
    expect(itemOf(plan(apps, '2026-12-14'), 'withdraw')).toBeUndefined();
    const p = plan(apps, '2026-12-15');
    // Acme's booked interview, its thank-you and its chase all give way.
    expect(p.items.filter((i) => i.id === 1)).toEqual([
      expect.objectContaining({ action: 'withdraw', earliest: '2026-12-15', due: '2026-12-17', channel: null, attempt: null }),
    ]);
    expect(waitingOf(p, 1)).toBeUndefined();
    const item = itemOf(p, 'withdraw', 1)!;
    expect(item.why).toEqual({ code: 'withdraw', accepted: { company: 'Globex', date: '2026-12-15' } });
    expect(item.contact).toMatchObject({ name: 'Dana Reyes' });
    expect(item.reason).toBe(
      'You accepted the offer from Globex on Tue 15 Dec: withdraw from this one graciously, thank them for their time, ' +
        'and leave the door open.',
    );
    expect(item.command).toBe('followup draft withdraw 1');
    // Begun after the acceptance: no withdrawal (and the accepted application lists nothing itself).
    expect(itemOf(plan(apps, '2026-12-16'), 'withdraw', 3)).toBeUndefined();
    expect(p.items.filter((i) => i.id === 2)).toEqual([]);
    // Overdue after Thu 17 Dec, until it gets an outcome.
    expect(itemOf(plan(apps, '2026-12-18'), 'withdraw', 1)).toMatchObject({ overdue: true });
    const withdrawn = { ...acme(), outcome: 'withdrawn' as const, outcomeDate: '2026-12-17' };
    expect(plan([withdrawn, answered('accepted', '2026-12-15')], '2026-12-18').items).toEqual([]);
  });

  it('accepted on a Saturday: from the Monday, due the Wednesday', () => {
    const p = plan([acme(), answered('accepted', '2026-12-19')], '2026-12-21');
    expect(itemOf(p, 'withdraw')).toMatchObject({ earliest: '2026-12-21', due: '2026-12-23' });
    expect(plan([acme(), answered('accepted', '2026-12-19')], '2026-12-19').items).toEqual([]);
  });

  it('accepted around the holidays: the days off do not count', () => {
    const s = settings({ holidays: ['2026-12-25', '2026-12-28'] });
    // Accepted Thu 24 Dec: from Thu 24, two working days later is Wed 30 Dec.
    expect(itemOf(plan([acme(), answered('accepted', '2026-12-24')], '2026-12-24', s), 'withdraw')).toMatchObject({
      earliest: '2026-12-24',
      due: '2026-12-30',
    });
    // Accepted on the holiday itself: from Tue 29 Dec, due Thu 31 Dec.
    expect(itemOf(plan([acme(), answered('accepted', '2026-12-25')], '2026-12-29', s), 'withdraw')).toMatchObject({
      earliest: '2026-12-29',
      due: '2026-12-31',
    });
  });

  it('an offer elsewhere still open (no acceptance) is shared, not withdrawn from', () => {
    const p = plan([acme(), offer('2026-12-18')], '2026-12-15');
    expect(itemOf(p, 'withdraw')).toBeUndefined();
    expect(itemOf(p, 'share-offer')).toBeDefined();
  });

  it('recordedOffers carries an answered offer with its deadline and its answer', () => {
    const offers = recordedOffers([answered('accepted', '2026-12-15')]);
    expect(offers).toEqual([
      { id: 2, company: 'Globex', date: '2026-12-09', respondBy: '2026-12-18', answer: { outcome: 'accepted', date: '2026-12-15' } },
    ]);
  });
});

describe('rule 10: accepted, declined and withdrawn list nothing for themselves', () => {
  it('on any day after, with or without events', () => {
    for (const outcome of ['accepted', 'declined', 'withdrawn'] as const) {
      const a = { ...app({ outcome, outcomeDate: '2026-12-09', events: [ev('spoke', '2026-12-10')] }), respondBy: null };
      for (const today of ['2026-12-09', '2026-12-10', '2027-06-01']) {
        const p = planToday([a], settings(), today);
        expect(p.items, `${outcome} on ${today}`).toEqual([]);
        expect(p.waiting).toEqual([]);
      }
    }
  });
});
