/**
 * cadence.md's "what was known on day T" as a property (issue 13, Done when): for random stores
 * and dates, planning with today T equals planning the store cut down to what was known on T
 * (known-cut.ts, plain filters written independently of src/core/known.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planToday, recordedOffers, scheduleApplication } from '../../src/core/cadence.js';
import { addDays } from '../../src/core/calendar.js';
import { knownOn } from '../../src/core/known.js';
import {
  CONTACT_ROLES,
  DEFAULT_SETTINGS,
  EVENT_TYPES,
  OUTCOMES,
  type Application,
  type CalendarDate,
  type Settings,
} from '../../src/core/types.js';
import { cutApplication, cutStore } from './known-cut.js';

const BASE = '2026-11-02'; // a Monday
const at = (n: number): CalendarDate => addDays(BASE, n);

const appArb = fc.record({
  rounds: fc.array(
    fc.record({ day: fc.integer({ min: 0, max: 60 }), recordedBefore: fc.integer({ min: -3, max: 15 }), decision: fc.option(fc.integer({ min: 1, max: 12 })) }),
    { minLength: 1, maxLength: 3 },
  ),
  contacts: fc.array(
    fc.record({
      role: fc.constantFrom(...CONTACT_ROLES),
      phone: fc.boolean(),
      email: fc.boolean(),
      recorded: fc.option(fc.integer({ min: 0, max: 80 })),
    }),
    { maxLength: 3 },
  ),
  events: fc.array(
    fc.record({ type: fc.constantFrom(...EVENT_TYPES), day: fc.integer({ min: 0, max: 90 }), newDate: fc.option(fc.integer({ min: 1, max: 10 })) }),
    { maxLength: 10 },
  ),
  /** Outcomes in the order they were recorded: the last one stands, the others are history. */
  outcomes: fc.array(
    fc.record({
      outcome: fc.constantFrom(...OUTCOMES),
      day: fc.integer({ min: 0, max: 90 }),
      notInterested: fc.boolean(),
      undated: fc.boolean(),
      /** With an offer: its deadline, this many days after it (rule 15). */
      respondBy: fc.option(fc.integer({ min: 0, max: 20 })),
    }),
    { maxLength: 3 },
  ),
});

type AppSpec = typeof appArb extends fc.Arbitrary<infer T> ? T : never;

function buildApp(id: number, spec: AppSpec): Application {
  const days = [...spec.rounds].sort((a, b) => a.day - b.day);
  const outcomes = spec.outcomes;
  const last = outcomes[outcomes.length - 1];
  return {
    id,
    uuid: `uuid-${id}`,
    company: `Company ${id}`,
    role: 'Engineer',
    why: null,
    rounds: days.map((r, i) => ({
      id: id * 10 + i,
      number: i + 1,
      date: at(r.day),
      time: null,
      kind: null,
      decisionBy: r.decision === null ? null : at(r.day + r.decision),
      nextSteps: null,
      notes: null,
      recordedOn: r.recordedBefore < 0 ? null : at(Math.max(0, r.day - r.recordedBefore)),
    })),
    contacts: spec.contacts.map((c, i) => ({
      id: id * 10 + i,
      name: `Person ${id}.${i}`,
      role: c.role,
      phone: c.phone ? `+1 555 01${id}${i}` : null,
      email: c.email ? `p${id}${i}@example.com` : null,
      noCalls: false,
      recordedOn: c.recorded === null ? null : at(c.recorded),
    })),
    needs: [],
    expand: [],
    events: spec.events.map((e, i) => ({
      id: id * 100 + i,
      type: e.type,
      date: at(e.day),
      withName: null,
      note: null,
      newDate: e.type === 'spoke' && e.newDate !== null ? at(e.day + e.newDate) : null,
    })),
    outcome: last?.outcome ?? null,
    outcomeDate: last ? at(last.day) : null,
    outcomeNote: last ? `note ${last.day}` : null,
    notInterested: last?.notInterested ?? false,
    respondBy: last?.outcome === 'offer' && last.respondBy !== null ? at(last.day + last.respondBy) : null,
    // Each earlier outcome was replaced when the next one was recorded (on or after its date).
    pastOutcomes: outcomes.slice(0, -1).map((o, i) => ({
      id: id * 10 + i,
      outcome: o.outcome,
      date: o.undated ? null : at(o.day),
      note: `note ${o.day}`,
      notInterested: o.notInterested,
      replacedOn: at(Math.max(o.day, outcomes[i + 1].day)),
      respondBy: o.outcome === 'offer' && o.respondBy !== null ? at(o.day + o.respondBy) : null,
    })),
  };
}

const settingsArb: fc.Arbitrary<Settings> = fc
  .record({ keepInTouchDays: fc.integer({ min: 1, max: 40 }), holidays: fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { maxLength: 6 }) })
  .map(({ keepInTouchDays, holidays }) => ({ ...DEFAULT_SETTINGS, keepInTouchDays, holidays: holidays.map(at).sort() }));

const worldArb = fc.record({
  apps: fc.array(appArb, { minLength: 1, maxLength: 5 }).map((specs) => specs.map((s, i) => buildApp(i + 1, s))),
  settings: settingsArb,
  today: fc.integer({ min: -2, max: 130 }).map(at),
});

describe('what was known on day T (property)', () => {
  it('planToday(store, T) equals planToday(the store cut down to T, T)', () => {
    let cutSomething = 0;
    fc.assert(
      fc.property(worldArb, ({ apps, settings, today }) => {
        const cut = cutStore(apps, today);
        if (JSON.stringify(cut) !== JSON.stringify(apps)) cutSomething++;
        expect(planToday(apps, settings, today)).toEqual(planToday(cut, settings, today));
        // With the offers passed in, as the store passes those known on T.
        expect(planToday(apps, settings, today, recordedOffers(cut))).toEqual(planToday(cut, settings, today));
      }),
      { numRuns: 400 },
    );
    // The property is about something: most worlds hold records from after their day.
    expect(cutSomething).toBeGreaterThan(200);
  });

  it('scheduleApplication on day T equals it on the application cut down to T', () => {
    fc.assert(
      fc.property(worldArb, ({ apps, settings, today }) => {
        const ctx = { settings, offers: recordedOffers(cutStore(apps, today)), today };
        for (const app of apps) {
          const cut = cutApplication(app, today);
          expect(scheduleApplication(app, ctx)).toEqual(cut ? scheduleApplication(cut, ctx) : []);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('knownOn is the cut, and cutting twice or at a later day changes nothing more', () => {
    fc.assert(
      fc.property(worldArb, fc.integer({ min: 0, max: 30 }), ({ apps, today }, later) => {
        for (const app of apps) {
          const k = knownOn(app, today);
          expect(k).toEqual(cutApplication(app, today));
          if (k) {
            expect(knownOn(k, today)).toBe(k);
            expect(knownOn(k, addDays(today, later))).toBe(k);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
