/**
 * Schema 8 rebuilds the applications table (outcomes accepted and declined, an offer's deadline):
 * with foreign keys off around it, so no round, contact, event or history row goes with the old
 * table; ids, the AUTOINCREMENT high-water mark, indexes and undo triggers are kept.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { storeAtSchema } from './schema-at.js';
import { Store } from '../../src/store/store.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-migration8-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function schema7(file: string): void {
  storeAtSchema(file, 7, `
    INSERT INTO applications (id, uuid, company, role, status, outcome, outcome_date, created_at)
      VALUES (1, 'a-1', 'Acme', 'Engineer', 'offer', 'offer', '2026-12-09', '2026-11-30T09:00:00Z'),
             (2, 'a-2', 'Globex', 'Analyst', 'active', NULL, NULL, '2026-11-30T09:00:00Z'),
             (3, 'a-3', 'Gone', 'Deleted', 'active', NULL, NULL, '2026-11-30T09:00:00Z');
    DELETE FROM applications WHERE id = 3;
    INSERT INTO rounds (uuid, application_id, number, date, created_at, recorded_on)
      VALUES ('r-1', 1, 1, '2026-11-30', '2026-11-30T09:00:00Z', '2026-11-30'),
             ('r-2', 2, 1, '2026-12-01', '2026-12-01T09:00:00Z', '2026-12-01');
    INSERT INTO contacts (uuid, application_id, name, role, position) VALUES ('c-1', 1, 'Dana Reyes', 'hiring-manager', 1);
    INSERT INTO events (uuid, application_id, type, date, created_at) VALUES ('e-1', 2, 'no-answer', '2026-12-08', 'x');
    INSERT INTO outcome_history (uuid, application_id, outcome, date, replaced_on, created_at)
      VALUES ('h-1', 1, 'rejected', '2026-12-03', '2026-12-09', 'x');`);
}

describe('migration 8', () => {
  it('keeps every record, id and reference, and the next id stays above the deleted one', () => {
    const file = path.join(dir, 'v7.db');
    schema7(file);
    const store = Store.open({ file, explicit: true });
    store.close();
    const db = new Sqlite(file);
    try {
      expect(db.prepare('SELECT id, company, status, outcome FROM applications ORDER BY id').all()).toEqual([
        { id: 1, company: 'Acme', status: 'offer', outcome: 'offer' },
        { id: 2, company: 'Globex', status: 'active', outcome: null },
      ]);
      for (const [table, n] of [['rounds', 2], ['contacts', 1], ['events', 1], ['outcome_history', 1]] as const) {
        expect((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBe(n);
      }
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect((db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'applications'").get() as { seq: number }).seq).toBe(3);
      const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'applications'").all() as {
        name: string;
      }[]).map((r) => r.name);
      expect(indexes).toEqual(expect.arrayContaining(['applications_status', 'applications_planned', 'applications_offers', 'applications_last_activity']));
      // The widened checks and the new column (outside the store: with its journal paused).
      db.prepare('UPDATE journal_state SET suspended = 1').run();
      db.prepare("UPDATE applications SET status = 'accepted', outcome = 'accepted', respond_by = '2026-12-18' WHERE id = 1").run();
      expect(() => db.prepare("UPDATE applications SET status = 'maybe' WHERE id = 1").run()).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });

  it('an application added after it gets a new id, and its change is undone by undo', () => {
    const file = path.join(dir, 'v7b.db');
    schema7(file);
    const store = Store.open({ file, explicit: true });
    try {
      const { id } = store.addInterview({ company: 'Initech', role: 'QA', date: '2026-12-10', contacts: [], needs: [], expand: [] });
      expect(id).toBe(4);
      const entry = store.lastChange()!;
      store.undo(entry.id);
      expect(store.getApplication(4)).toBeNull();
      expect(store.getApplication(1)?.rounds).toHaveLength(1);
    } finally {
      store.close();
    }
  });
});
