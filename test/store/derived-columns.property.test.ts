/**
 * The store keeps rule 8 (feedback, keep in touch) in SQL too, as derived columns that let
 * `today` skip the history. This checks that SQL against the one definition, the pure core, on
 * random records: what the columns say is what scheduleApplication does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import Sqlite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { scheduleApplication } from '../../src/core/cadence.js';
import { addDays } from '../../src/core/calendar.js';
import { DEFAULT_SETTINGS, EVENT_TYPES, OUTCOMES, statusOf, type EventType, type PlanApplication } from '../../src/core/types.js';
import { Store, type RecordInput } from '../../src/store/store.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-derived-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const BASE = '2026-11-02';
const FAR = '2100-01-04';

const recordArb = fc.record({
  outcome: fc.oneof(fc.constant(null), fc.constantFrom(...OUTCOMES), fc.constant('rejected' as const)),
  outcomeOffset: fc.integer({ min: 0, max: 40 }),
  notInterested: fc.boolean(),
  /** With an offer: a deadline this many days after it (rule 15), or none. */
  respondBy: fc.option(fc.integer({ min: 0, max: 20 })),
  events: fc.array(
    fc.record({
      type: fc.oneof(
        fc.constantFrom<EventType>('feedback-asked', 'feedback-received', 'thanks-sent'),
        fc.constantFrom(...EVENT_TYPES),
      ),
      offset: fc.integer({ min: 0, max: 60 }),
    }),
    { maxLength: 6 },
  ),
});

type Spec = typeof recordArb extends fc.Arbitrary<infer T> ? T : never;

function toRecord(spec: Spec, i: number): RecordInput {
  return {
    company: `Company ${i}`,
    role: 'Engineer',
    rounds: [{ date: BASE, decisionBy: addDays(BASE, 7) }],
    contacts: [{ name: 'Dana Reyes', role: 'hiring-manager', phone: '+1 555 0100', email: 'dana@example.com' }],
    needs: [],
    expand: [],
    events: spec.events.map((e) => ({ type: e.type, date: addDays(BASE, e.offset) })),
    outcome: spec.outcome,
    outcomeDate: spec.outcome ? addDays(BASE, spec.outcomeOffset) : null,
    notInterested: spec.notInterested,
    respondBy: spec.outcome === 'offer' && spec.respondBy !== null ? addDays(BASE, spec.outcomeOffset + spec.respondBy) : null,
  };
}

describe('derived columns (rule 8 in SQL) agree with the core', () => {
  it('feedback_pending, settled and last_activity say what scheduleApplication does', () => {
    let n = 0;
    fc.assert(
      fc.property(fc.array(recordArb, { minLength: 1, maxLength: 12 }), (specs) => {
        const file = path.join(dir, `s${n++}.db`);
        const store = Store.open({ file, explicit: true });
        try {
          store.insertRecords(specs.map(toRecord), { journal: false, summary: 'random' });
          const apps = store.listApplications('all');
          const db = new Sqlite(file, { readonly: true });
          const rows = db.prepare('SELECT id, feedback_pending, settled, last_activity FROM applications').all() as {
            id: number;
            feedback_pending: number;
            settled: number;
            last_activity: string;
          }[];
          db.close();
          for (const row of rows) {
            const app = apps.find((a) => a.id === row.id)! as PlanApplication;
            const ctx = { settings: DEFAULT_SETTINGS, offers: [], today: FAR };
            const items = scheduleApplication(app, ctx);
            const feedback = items.some((i) => i.action === 'ask-feedback' || i.action === 'thank-for-feedback');
            expect(row.feedback_pending === 1, `feedback_pending of #${row.id}`).toBe(feedback);
            const status = statusOf(app);
            if (status !== 'active') {
              // Settled: nothing can be listed again, however long one waits.
              expect(row.settled === 1, `settled of #${row.id} (${status})`).toBe(items.length === 0);
            }
            const keep = items.find((i) => i.action === 'keep-in-touch');
            if (keep && keep.why.code === 'keep-in-touch') expect(keep.why.lastContact).toBe(row.last_activity);
          }
        } finally {
          store.close();
          fs.rmSync(file, { force: true });
        }
      }),
      { numRuns: 60 },
    );
  });
});
