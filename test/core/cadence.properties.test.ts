/**
 * Invariants of design/cadence.md over random applications, events, settings and dates.
 * The decision date is recomputed here from the rules, independently of cadence.ts. The plan for
 * a day uses only what was known that day (cadence.md, top), so the rules are checked against the
 * records cut down to it (known-cut.ts); events, outcomes and rounds come before and after it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planToday, recordedOffers, scheduleApplication } from '../../src/core/cadence.js';
import { addDays, addWorkdays, daysBetween, isWorkday, nextWorkday } from '../../src/core/calendar.js';
import {
  ACTIONS,
  CONTACT_EVENTS,
  CONTACT_ROLES,
  EVENT_TYPES,
  OUTCOMES,
  type Application,
  type CalendarDate,
  type Contact,
  type EventType,
  type FollowupEvent,
  type Outcome,
  type PlanItem,
  type Round,
  type Settings,
  type TodayPlan,
} from '../../src/core/types.js';
import { worded } from './helpers.js';
import { cutStore } from './known-cut.js';

const RUNS = { numRuns: 300 };
const BASE = '2026-11-02'; // a Monday
const at = (n: number): CalendarDate => addDays(BASE, n);
const STATUS = new Set(['check-status', 'close-loop']);

// ---------- generators ----------

const eventTypeArb: fc.Arbitrary<EventType> = fc.oneof(
  ...EVENT_TYPES.map((t) => ({ arbitrary: fc.constant(t), weight: t === 'loop-closed' ? 1 : 5 })),
);

const contactArb = fc.record({
  role: fc.constantFrom(...CONTACT_ROLES),
  hasPhone: fc.boolean(),
  hasEmail: fc.boolean(),
  noCalls: fc.boolean(),
});

const appSpecArb = fc.record({
  firstRound: fc.integer({ min: 0, max: 50 }),
  roundGaps: fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { maxLength: 2 }),
  decisionOffsets: fc.array(fc.option(fc.integer({ min: -1, max: 15 })), { minLength: 3, maxLength: 3 }),
  /** How many days before its date each later round was recorded (booked ahead). */
  bookedAhead: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 3, maxLength: 3 }),
  contacts: fc.array(contactArb, { maxLength: 3 }),
  events: fc.array(
    fc.record({
      type: eventTypeArb,
      offset: fc.integer({ min: -5, max: 90 }),
      newDate: fc.option(fc.integer({ min: -2, max: 20 })),
    }),
    { maxLength: 10 },
  ),
  outcome: fc.oneof(
    { arbitrary: fc.constant<Outcome | null>(null), weight: 3 },
    { arbitrary: fc.constantFrom<Outcome>(...OUTCOMES), weight: 2 },
  ),
  outcomeOffset: fc.integer({ min: 0, max: 60 }),
  notInterested: fc.boolean(),
  /** An offer's deadline, this many days after it (rule 15). */
  respondBy: fc.option(fc.integer({ min: -2, max: 15 })),
  /** Accepted or declined: the offer it answered, this many days before (null: none recorded). */
  offerBefore: fc.option(fc.integer({ min: 0, max: 10 })),
});

type AppSpec = typeof appSpecArb extends fc.Arbitrary<infer T> ? T : never;

function buildApp(id: number, spec: AppSpec): Application {
  const offsets = [spec.firstRound];
  for (const gap of [...spec.roundGaps].sort((a, b) => a - b)) offsets.push(spec.firstRound + gap);
  const rounds: Round[] = offsets.map((o, i) => {
    const d = spec.decisionOffsets[i];
    return {
      id: id * 10 + i,
      number: i + 1,
      date: at(o),
      time: null,
      kind: null,
      decisionBy: d === null ? null : at(o + d),
      nextSteps: null,
      notes: null,
      recordedOn: i === 0 ? at(o) : at(Math.max(spec.firstRound, o - spec.bookedAhead[i])),
    };
  });
  const contacts: Contact[] = spec.contacts.map((c, i) => ({
    id: id * 10 + i,
    name: `Person ${id}.${i}`,
    role: c.role,
    phone: c.hasPhone ? `+1 555 01${id}${i}` : null,
    email: c.hasEmail ? `p${id}${i}@example.com` : null,
    noCalls: c.noCalls,
  }));
  const events: FollowupEvent[] = spec.events.map((e, i) => {
    const date = at(spec.firstRound + e.offset);
    return {
      id: id * 100 + i,
      type: e.type,
      date,
      withName: null,
      note: null,
      newDate: e.type === 'spoke' && e.newDate !== null ? addDays(date, e.newDate) : null,
    };
  });
  return {
    id,
    uuid: `uuid-${id}`,
    company: `Company ${id}`,
    role: 'Engineer',
    why: null,
    rounds,
    contacts,
    needs: [],
    expand: [],
    events,
    outcome: spec.outcome,
    outcomeDate: spec.outcome ? at(spec.firstRound + spec.outcomeOffset) : null,
    outcomeNote: null,
    notInterested: spec.notInterested,
    respondBy:
      spec.outcome === 'offer' && spec.respondBy !== null ? at(spec.firstRound + spec.outcomeOffset + spec.respondBy) : null,
    // An answered offer: the offer stays as history, replaced on the day of the answer.
    pastOutcomes:
      (spec.outcome === 'accepted' || spec.outcome === 'declined') && spec.offerBefore !== null
        ? [{
            id: id * 10,
            outcome: 'offer',
            date: at(spec.firstRound + spec.outcomeOffset - spec.offerBefore),
            note: null,
            notInterested: false,
            replacedOn: at(spec.firstRound + spec.outcomeOffset),
            respondBy: spec.respondBy === null ? null : at(spec.firstRound + spec.outcomeOffset + spec.respondBy),
          }]
        : [],
  };
}

const settingsArb: fc.Arbitrary<Settings> = fc
  .record({
    assumeDecisionWorkdays: fc.integer({ min: 1, max: 10 }),
    minGapDays: fc.integer({ min: 1, max: 6 }),
    extraGap: fc.integer({ min: 0, max: 5 }),
    maxAttempts: fc.integer({ min: 1, max: 6 }),
    maxVoicemails: fc.integer({ min: 0, max: 3 }),
    keepInTouchDays: fc.integer({ min: 1, max: 120 }),
    holidays: fc.uniqueArray(fc.integer({ min: 0, max: 200 }), { maxLength: 15 }),
  })
  .map(({ extraGap, holidays, ...s }) => ({
    ...s,
    maxGapDays: s.minGapDays + extraGap,
    holidays: holidays.map(at).sort(),
  }));

const worldArb = fc.record({
  apps: fc.array(appSpecArb, { minLength: 1, maxLength: 4 }).map((specs) => specs.map((s, i) => buildApp(i + 1, s))),
  settings: settingsArb,
  today: fc.integer({ min: -5, max: 200 }).map(at),
});

// ---------- the rules, recomputed ----------

function latestRoundOf(app: Application): Round {
  return app.rounds.reduce((a, b) => (b.date > a.date || (b.date === a.date && b.number > a.number) ? b : a));
}

function sinceLatestRound(app: Application): FollowupEvent[] {
  const r = latestRoundOf(app);
  return app.events
    .filter((e) => e.date >= r.date)
    .sort((a, b) => (a.date === b.date ? a.id - b.id : a.date < b.date ? -1 : 1));
}

/** D of rules 2 and 5. */
function decisionDate(app: Application, s: Settings): CalendarDate {
  const r = latestRoundOf(app);
  const spokes = sinceLatestRound(app).filter((e) => e.type === 'spoke');
  const last = spokes[spokes.length - 1];
  if (last) return last.newDate ?? addWorkdays(last.date, s.assumeDecisionWorkdays, s.holidays);
  return r.decisionBy ?? addWorkdays(r.date, s.assumeDecisionWorkdays, s.holidays);
}

function isActive(app: Application): boolean {
  return app.outcome === null && !app.events.some((e) => e.type === 'loop-closed');
}

/** Status dates seen on a plan: listed items and waiting entries. */
function statusDates(p: TodayPlan, id: number): CalendarDate[] {
  return [
    ...p.items.filter((i) => i.id === id && STATUS.has(i.action)).map((i) => i.earliest),
    ...p.waiting.filter((w) => w.id === id).map((w) => w.next),
  ];
}

/** Every item scheduleApplication gives on `today`, with the offers known on it. */
function allScheduled(apps: Application[], s: Settings, today: CalendarDate) {
  const ctx = { settings: s, offers: recordedOffers(cutStore(apps, today)), today };
  return apps.flatMap((a) => scheduleApplication(a, ctx));
}

const ORDER = ['prepare-interview', 'decide-offer', 'withdraw', 'send-thanks', 'thank-for-feedback', 'share-offer', 'check-status', 'close-loop', 'ask-feedback', 'keep-in-touch'];
function ruleThirteen(a: PlanItem, b: PlanItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.due !== b.due) return a.due < b.due ? -1 : 1;
  if (a.action !== b.action) return ORDER.indexOf(a.action) - ORDER.indexOf(b.action);
  return a.id - b.id;
}

// ---------- properties ----------

describe('cadence invariants (fast-check)', () => {
  it('the order of the actions is the one cadence.md gives', () => {
    expect([...ACTIONS]).toEqual(ORDER);
  });

  it('no check-status or close-loop has its earliest on or before the decision date', () => {
    fc.assert(
      fc.property(worldArb, ({ apps, settings, today }) => {
        const p = planToday(apps, settings, today);
        const known = cutStore(apps, today);
        for (const app of apps) {
          if (!known.some((k) => k.id === app.id)) expect(statusDates(p, app.id)).toEqual([]);
        }
        for (const app of known) {
          const dates = statusDates(p, app.id);
          if (!isActive(app)) {
            expect(dates).toEqual([]);
            continue;
          }
          const d = decisionDate(app, settings);
          for (const earliest of dates) expect(earliest > d, `app ${app.id}: ${earliest} vs D ${d}`).toBe(true);
        }
        for (const item of allScheduled(apps, settings, today)) {
          if (STATUS.has(item.action)) {
            const app = known.find((a) => a.id === item.id)!;
            expect(item.earliest > decisionDate(app, settings)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('no chase is listed less than minGapDays after a contact since the latest round', () => {
    fc.assert(
      fc.property(worldArb, ({ apps, settings, today }) => {
        const p = planToday(apps, settings, today);
        for (const app of cutStore(apps, today)) {
          const contacts = sinceLatestRound(app).filter((e) => CONTACT_EVENTS.includes(e.type));
          for (const item of p.items.filter((i) => i.id === app.id && STATUS.has(i.action))) {
            for (const c of contacts) {
              expect(daysBetween(c.date, today)).toBeGreaterThanOrEqual(settings.minGapDays);
              expect(daysBetween(c.date, item.earliest)).toBeGreaterThanOrEqual(settings.minGapDays);
            }
          }
          for (const next of statusDates(p, app.id)) {
            for (const c of contacts) expect(daysBetween(c.date, next)).toBeGreaterThanOrEqual(settings.minGapDays);
          }
        }
      }),
      RUNS,
    );
  });

  it('every earliest and due is a working day, and earliest <= due', () => {
    fc.assert(
      fc.property(worldArb, ({ apps, settings, today }) => {
        const p = planToday(apps, settings, today);
        const all = [...allScheduled(apps, settings, today), ...p.items];
        for (const item of all) {
          expect(isWorkday(item.earliest, settings.holidays), `${item.action} earliest ${item.earliest}`).toBe(true);
          expect(isWorkday(item.due, settings.holidays), `${item.action} due ${item.due}`).toBe(true);
          expect(item.earliest <= item.due).toBe(true);
        }
        for (const w of p.waiting) expect(isWorkday(w.next, settings.holidays)).toBe(true);
      }),
      RUNS,
    );
  });

  it('listed items are due from today on, with overdue meaning due before today, in rule 13 order', () => {
    fc.assert(
      fc.property(worldArb, ({ apps, settings, today }) => {
        const p = planToday(apps, settings, today);
        for (const item of p.items) {
          expect(item.earliest <= today).toBe(true);
          expect(item.overdue).toBe(item.due < today);
        }
        for (let i = 1; i < p.items.length; i++) {
          expect(ruleThirteen(p.items[i - 1], p.items[i])).toBeLessThan(0);
        }
        for (const w of p.waiting) expect(w.next > today).toBe(true);
      }),
      RUNS,
    );
  });

  it('nothing is listed on a non-working day; it names the next working day and what is lined up', () => {
    fc.assert(
      fc.property(worldArb, ({ apps, settings, today }) => {
        const p = planToday(apps, settings, today);
        expect(p.date).toBe(today);
        if (isWorkday(today, settings.holidays)) {
          expect(p.workday).toBe(true);
          expect(p.nextWorkday).toBeNull();
          return;
        }
        expect(p.workday).toBe(false);
        expect(p.items).toEqual([]);
        const next = nextWorkday(today, settings.holidays);
        expect(p.nextWorkday).toBe(next);
        // Lined up: what the next working day's list holds, from what is known today.
        expect(p.linedUp).toBe(planToday(cutStore(apps, today), settings, next).items.length);
      }),
      RUNS,
    );
  });

  it('at most one status item (check-status or close-loop) per application, listed or waiting', () => {
    fc.assert(
      fc.property(worldArb, ({ apps, settings, today }) => {
        const p = planToday(apps, settings, today);
        for (const app of apps) {
          const listed = p.items.filter((i) => i.id === app.id && STATUS.has(i.action)).length;
          const waiting = p.waiting.filter((w) => w.id === app.id).length;
          expect(listed + waiting).toBeLessThanOrEqual(1);
        }
        for (const item of p.items) {
          if (item.action === 'check-status') {
            expect(item.attempt).toBeGreaterThanOrEqual(1);
            expect(item.attempt).toBeLessThanOrEqual(settings.maxAttempts);
          } else if (item.action === 'close-loop') {
            expect(item.attempt).toBe(settings.maxAttempts + 1);
          } else {
            expect(item.attempt).toBeNull();
          }
        }
      }),
      RUNS,
    );
  });

  it('share-offer only appears when another application has an offer, and only for active ones', () => {
    fc.assert(
      fc.property(worldArb, ({ apps, settings, today }) => {
        const p = planToday(apps, settings, today);
        const known = cutStore(apps, today);
        for (const item of itemsOfAction(p, 'share-offer')) {
          const app = known.find((a) => a.id === item.id)!;
          expect(isActive(app)).toBe(true);
          const firstRound = app.rounds.map((r) => r.date).sort()[0];
          // An offer, or one answered since (it still counts, rule 15), dated on or after the first round.
          const offers = known.filter((o) => {
            if (o.id === app.id || o.outcomeDate === null) return false;
            if (o.outcome === 'offer') return firstRound <= o.outcomeDate;
            const offer = (o.pastOutcomes ?? []).filter((h) => h.outcome === 'offer').pop();
            return (o.outcome === 'accepted' || o.outcome === 'declined') && offer?.date != null && firstRound <= offer.date;
          });
          expect(offers.length).toBeGreaterThan(0);
        }
        if (!known.some((a) => a.outcome === 'offer' || a.outcome === 'accepted' || a.outcome === 'declined')) {
          for (const item of worded(p).items) expect(`${item.reason} ${item.hints.join(' ')}`).not.toMatch(/offer/i);
        }
      }),
      RUNS,
    );
  });

  it('withdrawn, accepted and declined applications list nothing, an offer only decide-offer (with a deadline), no-response ones only keep-in-touch; rejected ones list only letters', () => {
    fc.assert(
      fc.property(worldArb, ({ apps, settings, today }) => {
        const p = planToday(apps, settings, today);
        const scheduled = allScheduled(apps, settings, today);
        const known = cutStore(apps, today);
        for (const app of apps) {
          if (!known.some((k) => k.id === app.id)) expect(scheduled.filter((i) => i.id === app.id)).toEqual([]);
        }
        for (const app of known) {
          const mine = scheduled.filter((i) => i.id === app.id).map((i) => i.action);
          if (app.outcome === 'rejected') {
            for (const a of mine) expect(['ask-feedback', 'thank-for-feedback', 'keep-in-touch']).toContain(a);
            if (app.notInterested) expect(mine).not.toContain('keep-in-touch');
          } else if (app.outcome === null && !isActive(app)) {
            // Closed as no-response (rule 6): the door stays open, nothing else.
            expect(mine).toEqual(['keep-in-touch']);
            expect(p.waiting.some((w) => w.id === app.id)).toBe(false);
          } else if (app.outcome === 'offer') {
            expect(mine).toEqual(app.respondBy ? ['decide-offer'] : []);
            expect(p.waiting.some((w) => w.id === app.id)).toBe(false);
          } else if (!isActive(app)) {
            expect(mine).toEqual([]);
            expect(p.waiting.some((w) => w.id === app.id)).toBe(false);
          }
        }
      }),
      RUNS,
    );
  });

  it('rule 16: after an offer accepted elsewhere on A, an active application whose first round is on or before A lists only withdraw', () => {
    fc.assert(
      fc.property(worldArb, ({ apps, settings, today }) => {
        const p = planToday(apps, settings, today);
        const scheduled = allScheduled(apps, settings, today);
        const known = cutStore(apps, today);
        for (const app of known.filter(isActive)) {
          const first = app.rounds.map((r) => r.date).sort()[0];
          const accepted = known
            .filter((o) => o.id !== app.id && o.outcome === 'accepted' && o.outcomeDate !== null && o.outcomeDate >= first)
            .map((o) => o.outcomeDate!)
            .sort();
          const mine = scheduled.filter((i) => i.id === app.id);
          if (accepted.length === 0) {
            expect(mine.map((i) => i.action)).not.toContain('withdraw');
            continue;
          }
          let earliest = accepted[0];
          while (!isWorkday(earliest, settings.holidays)) earliest = addDays(earliest, 1);
          expect(mine.map((i) => [i.action, i.earliest, i.due, i.channel])).toEqual([
            ['withdraw', earliest, addWorkdays(earliest, 2, settings.holidays), null],
          ]);
          expect(p.waiting.some((w) => w.id === app.id)).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('rule 15: an offer with a deadline X lists decide-offer, due the last working day on or before X, from two working days before', () => {
    fc.assert(
      fc.property(worldArb, ({ apps, settings, today }) => {
        const scheduled = allScheduled(apps, settings, today);
        for (const app of cutStore(apps, today)) {
          const mine = scheduled.filter((i) => i.action === 'decide-offer' && i.id === app.id);
          if (app.outcome !== 'offer' || !app.respondBy) {
            expect(mine).toEqual([]);
            continue;
          }
          let due = app.respondBy;
          while (!isWorkday(due, settings.holidays)) due = addDays(due, -1);
          let from = addWorkdays(due, -2, settings.holidays);
          let offerDay = app.outcomeDate!;
          while (!isWorkday(offerDay, settings.holidays)) offerDay = addDays(offerDay, 1);
          if (from < offerDay) from = offerDay;
          if (from > due) from = due;
          expect(mine.map((i) => [i.earliest, i.due, i.channel])).toEqual([[from, due, null]]);
        }
      }),
      RUNS,
    );
  });

  it('rule 14: a booked round is prepared for from the working day before it (not before it was recorded) through its date', () => {
    fc.assert(
      fc.property(worldArb, ({ apps, settings, today }) => {
        const p = planToday(apps, settings, today);
        const scheduled = allScheduled(apps, settings, today);
        for (const app of cutStore(apps, today)) {
          const mine = scheduled.filter((i) => i.action === 'prepare-interview' && i.id === app.id);
          const withdrawing = scheduled.some((i) => i.action === 'withdraw' && i.id === app.id);
          const booked = app.rounds
            .filter((r) => r.recordedOn && r.recordedOn < r.date && r.date >= today)
            .sort((a, b) => (a.date < b.date ? -1 : 1))[0];
          if (!isActive(app) || withdrawing || !booked) {
            expect(mine).toEqual([]);
            continue;
          }
          let dayBefore = addDays(booked.date, -1);
          while (!isWorkday(dayBefore, settings.holidays)) dayBefore = addDays(dayBefore, -1);
          const recorded = nextWorkday(booked.recordedOn!, settings.holidays);
          expect(mine.map((i) => [i.earliest, i.due, i.why.code === 'prepare-interview' && i.why.date])).toEqual([
            [dayBefore > recorded ? dayBefore : recorded, nextWorkday(booked.date, settings.holidays), booked.date],
          ]);
          // No chase before the booked round is held (rule 2; its own decision date is checked above).
          for (const date of statusDates(p, app.id)) expect(date >= booked.date).toBe(true);
        }
        for (const item of itemsOfAction(p, 'prepare-interview')) {
          if (item.why.code === 'prepare-interview') expect(today <= item.why.date).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('planToday is deterministic, leaves its input alone, and does not depend on the order of the applications', () => {
    fc.assert(
      fc.property(worldArb, fc.integer(), ({ apps, settings, today }, seed) => {
        const before = structuredClone({ apps, settings });
        const first = planToday(apps, settings, today);
        const second = planToday(structuredClone(apps), structuredClone(settings), today);
        expect(second).toEqual(first);
        expect({ apps, settings }).toEqual(before);
        const shuffled = [...apps].sort((a, b) => ((a.id * 7919 + seed) % 13) - ((b.id * 7919 + seed) % 13));
        const third = planToday(shuffled, settings, today);
        expect(third.items).toEqual(first.items);
        expect(third.linedUp).toBe(first.linedUp);
        expect([...third.waiting].sort((a, b) => a.id - b.id)).toEqual([...first.waiting].sort((a, b) => a.id - b.id));
      }),
      RUNS,
    );
  });
});

function itemsOfAction(p: TodayPlan, action: PlanItem['action']): PlanItem[] {
  return p.items.filter((i) => i.action === action);
}
