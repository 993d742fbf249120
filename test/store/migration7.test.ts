/**
 * Schema 7: cadence rule 6 now has keep-in-touch follow a no-response close, so migration 7
 * recomputes the derived columns (such an application is no longer settled) without journalling
 * an undo step, and adds the index a replay (--today in the past) reads through.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { planToday } from '../../src/core/cadence.js';
import { SCHEMA_VERSION } from '../../src/store/schema.js';
import { Store } from '../../src/store/store.js';
import { storeAtSchema } from './schema-at.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-migration7-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migration 7', () => {
  it('a store at schema 6 with a no-response close: unsettled after opening, listed for keep-in-touch, nothing to undo', () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(7);
    const file = path.join(dir, 'v6.db');
    // A schema-6 store, as the previous release wrote it.
    storeAtSchema(file, 6, `
      INSERT INTO applications (id, uuid, company, role, status, created_at, settled, last_activity)
        VALUES (1, 'a-1', 'Acme', 'Engineer', 'no-response', '2026-11-30T09:00:00Z', 1, '2026-12-18');
      INSERT INTO rounds (uuid, application_id, number, date, created_at, recorded_on)
        VALUES ('r-1', 1, 1, '2026-11-30', '2026-11-30T09:00:00Z', '2026-11-30');
      INSERT INTO events (uuid, application_id, type, date, created_at)
        VALUES ('e-1', 1, 'loop-closed', '2026-12-18', '2026-12-18T09:00:00Z');`);

    const store = Store.open({ file, explicit: true });
    try {
      const config = store.getConfig();
      const day = '2027-03-18';
      const plan = planToday(store.listPlanned(day, config.keepInTouchDays, day), config, day, store.listLatestOffers(day));
      expect(plan.items.map((i) => [i.id, i.action, i.earliest])).toEqual([[1, 'keep-in-touch', '2027-03-18']]);
      expect(store.lastChange()).toBeNull();
    } finally {
      store.close();
    }
    const db = new Sqlite(file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.prepare('SELECT settled, last_activity FROM applications').get()).toEqual({ settled: 0, last_activity: '2026-12-18' });
      expect((db.prepare('SELECT count(*) AS n FROM undo_log').get() as { n: number }).n).toBe(0);
      const plan = db.prepare(
        "EXPLAIN QUERY PLAN SELECT id FROM applications WHERE last_activity > '2026-12-01'",
      ).all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/applications_last_activity/);
    } finally {
      db.close();
    }
  });
});
