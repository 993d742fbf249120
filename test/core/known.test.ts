/**
 * What was known on day T (cadence.md, top): knownOn cuts an application down to it, and the
 * plan for T (planToday, scheduleApplication) uses nothing else.
 */
import { describe, expect, it } from 'vitest';
import { planToday, scheduleApplication } from '../../src/core/cadence.js';
import { knownOn, outcomeKnownOn } from '../../src/core/known.js';
import type { PastOutcome } from '../../src/core/types.js';
import { app, contact, dana, ev, itemOf, plan, round, settings, statusItem, waitingOf } from './helpers.js';

const past = (over: Partial<PastOutcome>): PastOutcome => ({
  id: 1, outcome: 'offer', date: '2026-12-09', note: null, notInterested: false, replacedOn: '2026-12-15', ...over,
});

describe('knownOn', () => {
  it('returns the application itself when nothing was recorded or dated after T', () => {
    const a = app({ events: [ev('thanks-sent', '2026-12-01')], outcome: 'rejected', outcomeDate: '2026-12-07' });
    expect(knownOn(a, '2026-12-07')).toBe(a);
    expect(knownOn(a, '2027-01-01')).toBe(a);
  });

  it('leaves out events and an outcome dated after T, and does not touch the application', () => {
    const a = app({
      events: [ev('thanks-sent', '2026-12-01'), ev('no-answer', '2026-12-07'), ev('voicemail', '2026-12-10')],
      outcome: 'rejected',
      outcomeDate: '2026-12-11',
    });
    const before = structuredClone(a);
    const k = knownOn(a, '2026-12-07')!;
    expect(k.events.map((e) => e.date)).toEqual(['2026-12-01', '2026-12-07']);
    expect(k).toMatchObject({ outcome: null, outcomeDate: null, outcomeNote: null, notInterested: false });
    expect(a).toEqual(before);
  });

  it('leaves out rounds recorded after T: a round booked ahead is known from the day it was recorded', () => {
    const a = app({ rounds: ['2026-11-30', round('2026-12-15', { number: 2, recordedOn: '2026-12-08' })] });
    expect(knownOn(a, '2026-12-07')!.rounds.map((r) => r.number)).toEqual([1]);
    expect(knownOn(a, '2026-12-08')!.rounds.map((r) => r.number)).toEqual([1, 2]);
    // Without a recording day (older records), a round is known from its own date.
    const b = app({ rounds: ['2026-11-30', '2026-12-15'] });
    expect(knownOn(b, '2026-12-14')!.rounds.map((r) => r.number)).toEqual([1]);
  });

  it('is null before any of its rounds was recorded: the application was not known yet', () => {
    const a = app({ rounds: [round('2026-11-30', { recordedOn: '2026-12-02' })], outcome: 'rejected', outcomeDate: '2026-12-01' });
    expect(knownOn(a, '2026-12-01')).toBeNull();
    expect(knownOn(a, '2026-12-02')?.outcome).toBe('rejected');
  });

  it('leaves out contacts recorded after T; one without a recording day was known from the start', () => {
    const hr = contact('hr', 'Jordan Kim', { phone: '+1 555 0101' });
    const hank = dana({ name: 'Hank Scorpio', recordedOn: '2026-12-17' });
    const a = app({ contacts: [hr, hank] });
    expect(knownOn(a, '2026-12-16')!.contacts.map((c) => c.name)).toEqual(['Jordan Kim']);
    expect(knownOn(a, '2026-12-17')!.contacts.map((c) => c.name)).toEqual(['Jordan Kim', 'Hank Scorpio']);
  });

  it('an outcome dated after T gives way to the one that stood then (history dated by T, replaced after it)', () => {
    const a = app({
      outcome: 'rejected',
      outcomeDate: '2026-12-15',
      notInterested: true,
    });
    a.outcomeNote = 'went with internal';
    a.pastOutcomes = [past({ id: 1, outcome: 'offer', date: '2026-12-09', note: 'verbal', replacedOn: '2026-12-15' })];
    const on12 = knownOn(a, '2026-12-12')!;
    expect(on12).toMatchObject({ outcome: 'offer', outcomeDate: '2026-12-09', outcomeNote: 'verbal', notInterested: false });
    expect(on12.pastOutcomes).toEqual([]);
    expect(knownOn(a, '2026-12-08')).toMatchObject({ outcome: null, outcomeDate: null, outcomeNote: null });
    const on15 = knownOn(a, '2026-12-15')!;
    expect(on15).toMatchObject({ outcome: 'rejected', outcomeDate: '2026-12-15', notInterested: true });
    expect(on15.pastOutcomes).toHaveLength(1);
  });

  it('outcomeKnownOn: the latest earlier outcome that still stood on T, else none', () => {
    const a = app({ outcome: 'withdrawn', outcomeDate: '2026-12-20' });
    a.pastOutcomes = [
      past({ id: 1, outcome: 'offer', date: '2026-12-01', replacedOn: '2026-12-10' }),
      past({ id: 2, outcome: 'rejected', date: '2026-12-10', replacedOn: '2026-12-20' }),
    ];
    expect(outcomeKnownOn(a, '2026-11-30').outcome).toBeNull();
    expect(outcomeKnownOn(a, '2026-12-05').outcome).toBe('offer');
    expect(outcomeKnownOn(a, '2026-12-12').outcome).toBe('rejected');
    expect(outcomeKnownOn(a, '2026-12-20').outcome).toBe('withdrawn');
  });
});

describe('the plan for a past day uses only what was known on it', () => {
  const chased = () =>
    app({
      decisionBy: '2026-12-04',
      contacts: [contact('hr', 'Jordan Kim', { phone: '+1 555 0101' }), dana({ name: 'Hank Scorpio', recordedOn: '2026-12-17' })],
      events: [ev('thanks-sent', '2026-12-01'), ev('no-answer', '2026-12-07'), ev('voicemail', '2026-12-10')],
      outcome: 'rejected',
      outcomeDate: '2026-12-18',
    });

  it('a later rejection does not hide the chase, and the chase names the contact known then', () => {
    const p = plan(chased(), '2026-12-14');
    expect(statusItem(p)).toMatchObject({ action: 'check-status', attempt: 3, contact: { name: 'Jordan Kim', role: 'hr' } });
    expect(itemOf(p, 'ask-feedback')).toBeUndefined();
    // On 17 Dec Hank is known: the chase names him.
    expect(statusItem(plan(chased(), '2026-12-17'))?.contact?.name).toBe('Hank Scorpio');
    expect(itemOf(plan(chased(), '2026-12-18'), 'ask-feedback')).toBeDefined();
  });

  it('later events do not count: a chase logged after T does not move the chase of T', () => {
    expect(waitingOf(plan(chased(), '2026-12-04'), 1)).toMatchObject({ next: '2026-12-07' });
    // The no-answer of the 7th counts from the 7th (dated on or before T), the voicemail from the 10th.
    expect(waitingOf(plan(chased(), '2026-12-07'), 1)).toMatchObject({ next: '2026-12-10' });
    expect(statusItem(plan(chased(), '2026-12-10'))).toBeUndefined();
    expect(statusItem(plan(chased(), '2026-12-09'))).toBeUndefined();
    expect(waitingOf(plan(chased(), '2026-12-09'), 1)).toMatchObject({ next: '2026-12-10' });
  });

  it('scheduleApplication cuts too, and lists nothing for an application not recorded yet', () => {
    const ctx = { settings: settings(), offers: [], today: '2026-12-14' };
    expect(scheduleApplication(chased(), ctx).map((i) => i.action)).toEqual(['check-status']);
    const later = app({ rounds: [round('2026-11-30', { recordedOn: '2026-12-15' })] });
    expect(scheduleApplication(later, ctx)).toEqual([]);
    expect(plan(later, '2026-12-01').items).toEqual([]);
  });

  it('an offer dated after T is not shared; one replaced after T still is', () => {
    const other = app({ id: 2, rounds: ['2026-11-25'], events: [ev('thanks-sent', '2026-11-25')] });
    const offered = app({ id: 1, rounds: ['2026-11-20'], outcome: 'offer', outcomeDate: '2026-12-09' });
    expect(itemOf(plan([offered, other], '2026-12-08'), 'share-offer')).toBeUndefined();
    expect(itemOf(plan([offered, other], '2026-12-09'), 'share-offer', 2)).toBeDefined();
    const replaced = { ...offered, outcome: 'rejected' as const, outcomeDate: '2026-12-15', pastOutcomes: [past({})] };
    expect(itemOf(plan([replaced, other], '2026-12-10'), 'share-offer', 2)).toMatchObject({
      why: { code: 'share-offer', offer: { date: '2026-12-09' } },
    });
    expect(itemOf(plan([replaced, other], '2026-12-15'), 'share-offer', 2)).toBeUndefined();
    // Offers passed in (the store's) that are dated after T are not used either.
    const offers = [{ id: 1, company: 'Company 1', date: '2026-12-09' }];
    expect(planToday([other], settings(), '2026-12-08', offers).items.filter((i) => i.action === 'share-offer')).toEqual([]);
    expect(planToday([other], settings(), '2026-12-09', offers).items.filter((i) => i.action === 'share-offer')).toHaveLength(1);
  });

  it('on a weekend, what is lined up for Monday is counted from what was known on the day', () => {
    // Thank-you still owed on Saturday 5 Dec; it was sent on Sunday the 6th.
    const a = app({ rounds: ['2026-12-04'], events: [ev('thanks-sent', '2026-12-06')] });
    const sat = planToday([a], settings(), '2026-12-05');
    expect(sat.linedUp).toBe(1);
    expect(planToday([a], settings(), '2026-12-06').linedUp).toBe(0);
  });
});

describe('rule 6: keep-in-touch after a no-response close', () => {
  // loop-closed on Fri 18 Dec 2026: + 90 days = Thu 18 Mar 2027.
  const closed = (more: ReturnType<typeof ev>[] = [], over: Parameters<typeof app>[0] = {}) =>
    app({ events: [ev('thanks-sent', '2026-11-30'), ev('loop-closed', '2026-12-18'), ...more], ...over });

  it('the day before: nothing; the day of: keep-in-touch, due 5 working days later', () => {
    expect(plan(closed(), '2027-03-17').items).toEqual([]);
    const item = itemOf(plan(closed(), '2027-03-18'), 'keep-in-touch');
    expect(item).toMatchObject({
      earliest: '2027-03-18', due: '2027-03-25', overdue: false, channel: null, attempt: null,
      contact: { name: 'Dana Reyes' }, why: { code: 'keep-in-touch', lastContact: '2026-12-18' },
    });
    expect(item?.command).toBe('followup draft keep-in-touch 1');
    expect(itemOf(plan(closed(), '2027-03-25'), 'keep-in-touch')?.overdue).toBe(false);
    expect(itemOf(plan(closed(), '2027-03-26'), 'keep-in-touch')?.overdue).toBe(true);
    expect(plan(closed(), '2027-03-18').waiting).toEqual([]);
  });

  it('a timer running out on a weekend lists it on Monday; the weekend lines it up', () => {
    // loop-closed Mon 21 Dec: + 90 days = Sun 21 Mar 2027.
    const a = app({ events: [ev('loop-closed', '2026-12-21')] });
    expect(plan(a, '2027-03-19').items).toEqual([]);
    const sat = plan(a, '2027-03-20');
    expect(sat).toMatchObject({ workday: false, items: [], nextWorkday: '2027-03-22', linedUp: 1 });
    expect(itemOf(plan(a, '2027-03-22'), 'keep-in-touch')).toMatchObject({ earliest: '2027-03-22', due: '2027-03-29' });
  });

  it('a holiday moves it on; keepInTouchDays sets the timer', () => {
    const s = settings({ holidays: ['2027-03-18'] });
    expect(plan(closed(), '2027-03-18', s).items).toEqual([]);
    expect(itemOf(plan(closed(), '2027-03-19', s), 'keep-in-touch')).toMatchObject({ earliest: '2027-03-19', due: '2027-03-26' });
    // 18 Dec + 30 days = Sun 17 Jan: Mon 18 Jan.
    expect(itemOf(plan(closed(), '2027-01-18', settings({ keepInTouchDays: 30 })), 'keep-in-touch')?.earliest).toBe('2027-01-18');
  });

  it('every logged event restarts the timer', () => {
    // kept-in-touch on Thu 18 Mar 2027: + 90 days = Wed 16 Jun.
    const a = closed([ev('kept-in-touch', '2027-03-18')]);
    expect(itemOf(plan(a, '2027-06-15'), 'keep-in-touch')).toBeUndefined();
    expect(itemOf(plan(a, '2027-06-16'), 'keep-in-touch')).toMatchObject({ earliest: '2027-06-16', why: { lastContact: '2027-03-18' } });
  });

  it('withdrawn ends it; a rejection or an offer recorded later replaces no-response', () => {
    expect(plan(closed([], { outcome: 'withdrawn', outcomeDate: '2027-01-05' }), '2027-06-01').items).toEqual([]);
    expect(plan(closed([], { outcome: 'offer', outcomeDate: '2027-01-05' }), '2027-06-01').items).toEqual([]);
    const rejected = plan(closed([], { outcome: 'rejected', outcomeDate: '2027-01-05' }), '2027-06-01');
    expect(rejected.items.map((i) => i.action).sort()).toEqual(['ask-feedback', 'keep-in-touch']);
    // Replayed before the withdrawal, keep-in-touch was listed.
    expect(itemOf(plan(closed([], { outcome: 'withdrawn', outcomeDate: '2027-03-22' }), '2027-03-19'), 'keep-in-touch')).toBeDefined();
  });

  it('no chase, no thank-you, no share-offer and no waiting for a closed application', () => {
    const offer = app({ id: 2, rounds: ['2026-11-25'], outcome: 'offer', outcomeDate: '2027-03-18' });
    const p = plan([closed([], { rounds: ['2026-12-01'] }), offer], '2027-03-18');
    expect(p.items.filter((i) => i.id === 1).map((i) => i.action)).toEqual(['keep-in-touch']);
    expect(p.waiting).toEqual([]);
  });
});
