/**
 * The store's shortcuts for `today`, `list` and rule 9 (listPlanned, listPlans and
 * listLatestOffers filter on derived columns that say how things stand now) still give every
 * application and offer that counts on a past day: on random stores and days, planning from them
 * with `today` T equals the pure core planning every record as known on T.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { planToday, recordedOffers, scheduleApplication } from '../../src/core/cadence.js';
import { addDays, nextWorkday } from '../../src/core/calendar.js';
import { allKnownOn } from '../../src/core/known.js';
import { EVENT_TYPES, OUTCOMES, statusOf, type CalendarDate, type PlanApplication } from '../../src/core/types.js';
import { Store, type RecordInput } from '../../src/store/store.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-replay-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const BASE = '2026-11-02';
const at = (n: number): CalendarDate => addDays(BASE, n);

const recordArb = fc.record({
  /** booked: how many days ahead of its date a round was recorded (below zero: recorded late). */
  rounds: fc.array(fc.record({ day: fc.integer({ min: 0, max: 40 }), booked: fc.integer({ min: -8, max: 10 }) }), { minLength: 1, maxLength: 3 }),
  hmRecorded: fc.option(fc.integer({ min: 0, max: 60 })),
  events: fc.array(fc.record({ type: fc.constantFrom(...EVENT_TYPES), day: fc.integer({ min: 0, max: 70 }) }), { maxLength: 8 }),
  outcomes: fc.array(
    fc.record({
      outcome: fc.constantFrom(...OUTCOMES),
      day: fc.integer({ min: 0, max: 70 }),
      notInterested: fc.boolean(),
      /** With an offer: its deadline, this many days after it. */
      respondBy: fc.option(fc.integer({ min: 0, max: 12 })),
    }),
    { maxLength: 3 },
  ),
});
type Spec = typeof recordArb extends fc.Arbitrary<infer T> ? T : never;

function toRecord(spec: Spec, i: number): RecordInput {
  const rounds = [...spec.rounds].sort((a, b) => a.day - b.day);
  return {
    company: `Company ${i}`,
    role: 'Engineer',
    rounds: rounds.map((r, k) => ({ date: at(r.day), recordedOn: at(k === 0 ? r.day : Math.max(rounds[0].day, r.day - r.booked)) })),
    contacts: [
      { name: 'Jordan Kim', role: 'hr', phone: '+1 555 0101' },
      { name: 'Hank Scorpio', role: 'hiring-manager', email: 'hank@example.com', recordedOn: spec.hmRecorded === null ? null : at(spec.hmRecorded) },
    ],
    needs: [],
    expand: [],
    events: spec.events.map((e) => ({ type: e.type, date: at(e.day) })),
  };
}

describe('the fast paths replay a past day as the core does over every record', () => {
  it('a round recorded late does not hide, before it was recorded, the chases since the round known then', () => {
    const store = Store.open({ file: path.join(dir, 'late.db'), explicit: true });
    try {
      // Round 2 on Mon 16 Nov, recorded only on the 20th; a no-answer on the 9th, after round 1.
      store.insertRecords(
        [{
          company: 'Acme', role: 'Engineer',
          rounds: [{ date: '2026-11-02', decisionBy: '2026-11-04' }, { date: '2026-11-16', recordedOn: '2026-11-20' }],
          contacts: [{ name: 'Jordan Kim', role: 'hr', phone: '+1 555 0101' }], needs: [], expand: [],
          events: [{ type: 'thanks-sent', date: '2026-11-02' }, { type: 'no-answer', date: '2026-11-09' }],
        }],
        { journal: false, summary: 'late' },
      );
      const config = store.getConfig();
      for (const day of ['2026-11-18', '2026-11-20']) {
        const fast = planToday(store.listPlanned(day, config.keepInTouchDays, day), config, day, store.listLatestOffers(day));
        expect(fast, day).toEqual(planToday(store.listApplications('all'), config, day));
      }
      const on18 = planToday(store.listPlanned('2026-11-18', config.keepInTouchDays, '2026-11-18'), config, '2026-11-18');
      expect(on18.items).toEqual([expect.objectContaining({ action: 'check-status', attempt: 2 })]);
    } finally {
      store.close();
    }
  });

  it('today, list and the offers, on random stores and days', () => {
    let n = 0;
    fc.assert(
      fc.property(
        fc.array(recordArb, { minLength: 1, maxLength: 10 }),
        fc.array(fc.integer({ min: -3, max: 110 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 5, max: 40 }),
        (specs, days, keepInTouchDays) => {
          const store = Store.open({ file: path.join(dir, `s${n++}.db`), explicit: true });
          try {
            store.setConfig('keepInTouchDays', keepInTouchDays);
            const ids = store.insertRecords(specs.map(toRecord), { journal: false, summary: 'random' });
            // Outcomes as `outcome` records them, each later one with --replace on its own day;
            // accepted and declined only after an offer (or each other), as `outcome` allows.
            specs.forEach((spec, i) => {
              let current: string | null = null;
              for (const o of [...spec.outcomes].sort((a, b) => a.day - b.day)) {
                const answer = o.outcome === 'accepted' || o.outcome === 'declined';
                if (answer && !(current === 'offer' || current === 'accepted' || current === 'declined')) continue;
                store.setOutcome(ids[i], o.outcome, at(o.day), null, o.outcome === 'rejected' && o.notInterested, {
                  replace: true,
                  today: at(o.day),
                  respondBy: o.outcome === 'offer' && o.respondBy !== null ? at(o.day + o.respondBy) : null,
                });
                current = o.outcome;
              }
            });
            const config = store.getConfig();
            const all = store.listApplications('all');
            for (const day of days.map(at)) {
              const known = allKnownOn(all, day);
              // today (its fast path: listPlanned up to the next working day, the offers known then)
              const fast = planToday(
                store.listPlanned(nextWorkday(day, config.holidays), config.keepInTouchDays, day),
                config,
                day,
                store.listLatestOffers(day),
              );
              expect(fast, `today on ${day}`).toEqual(planToday(all, config, day));
              // the offers known then: the two latest, and every accepted one (rule 16), latest first
              const offers = recordedOffers(known).sort((a, b) => (a.date === b.date ? a.id - b.id : a.date < b.date ? 1 : -1));
              expect(store.listLatestOffers(day), `offers on ${day}`).toEqual(
                offers.filter((o, k) => k < 2 || o.answer?.outcome === 'accepted'),
              );
              // list and list --all: each application as it stood, with what comes next
              const ctx = { settings: config, offers: store.listLatestOffers(day), today: day };
              const view = (apps: readonly PlanApplication[]) =>
                apps.map((a) => ({ id: a.id, status: statusOf(a), rounds: a.rounds.length, next: scheduleApplication(a, ctx) }));
              const listed = allKnownOn(store.listPlans('active', day), day).filter((a) => statusOf(a) === 'active');
              expect(view(listed), `list on ${day}`).toEqual(view(known.filter((a) => statusOf(a) === 'active')));
              expect(view(allKnownOn(store.listPlans('all', day), day)), `list --all on ${day}`).toEqual(view(known));
            }
          } finally {
            store.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
