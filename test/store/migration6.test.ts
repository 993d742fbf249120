/**
 * Schema 6: rounds learn the day they were recorded. A store from before knows only when each
 * round was written (created_at, by the clock): a round is taken as known from its own date, or
 * from the day it was written when that was earlier (booked ahead), so nothing already recorded
 * disappears from today's list, and a replay never shows a round before its date or its writing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { storeAtSchema } from './schema-at.js';
import { Store } from '../../src/store/store.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-migration6-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migration 6', () => {
  it('takes each round as known from its own date, or from when it was written if that was earlier', () => {
    const file = path.join(dir, 'v5.db');
    storeAtSchema(file, 5, `
      INSERT INTO applications (id, uuid, company, role, created_at) VALUES (1, 'a-1', 'Acme', 'Engineer', '2026-11-20T09:00:00Z');
      -- held on 30 Nov, written down two days later
      INSERT INTO rounds (uuid, application_id, number, date, created_at) VALUES ('r-1', 1, 1, '2026-11-30', '2026-12-02T18:00:00Z');
      -- booked on 3 Dec for 10 Dec
      INSERT INTO rounds (uuid, application_id, number, date, created_at) VALUES ('r-2', 1, 2, '2026-12-10', '2026-12-03T08:00:00Z');`);
    Store.open({ file, explicit: true }).close();
    const db = new Sqlite(file, { readonly: true });
    try {
      expect(db.prepare('SELECT number, recorded_on FROM rounds ORDER BY number').all()).toEqual([
        { number: 1, recorded_on: '2026-11-30' },
        { number: 2, recorded_on: '2026-12-03' },
      ]);
      expect((db.prepare('SELECT count(*) AS n FROM undo_log').get() as { n: number }).n).toBe(0);
    } finally {
      db.close();
    }
  });
});
