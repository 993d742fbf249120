/**
 * The change probe's summary of what a change wrote: the rows when few, only the tables when many
 * (an import of a big archive must not load every undo step into memory).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { touchedRows } from '../../src/store/probe.js';
import { Store, type RecordInput } from '../../src/store/store.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-probe-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function records(n: number): RecordInput[] {
  return Array.from({ length: n }, (_, i) => ({
    company: `Company ${i}`,
    role: 'Engineer',
    rounds: [{ date: '2026-11-30' }],
    contacts: [{ name: `Person ${i}`, role: 'hiring-manager' as const }],
    needs: [],
    expand: [],
    events: [],
  }));
}

describe('touchedRows', () => {
  it('gives the rows of a small change and only the tables of a large one', () => {
    const file = path.join(dir, 's.db');
    const store = Store.open({ file, explicit: false });
    store.insertRecords(records(2), { journal: true, summary: 'small' });
    store.insertRecords(records(300), { journal: true, summary: 'large' });
    store.close();
    const db = new Sqlite(file, { readonly: true });
    try {
      const [small, large] = (db.prepare('SELECT id FROM journal ORDER BY id').pluck().all() as number[]).slice(-2);
      const few = touchedRows(db, small);
      expect('rows' in few && few.rows.map((r) => r.table).sort()).toEqual(
        ['applications', 'applications', 'contacts', 'contacts', 'rounds', 'rounds'],
      );
      expect(touchedRows(db, large)).toEqual({ tables: ['applications', 'rounds', 'contacts'] });
    } finally {
      db.close();
    }
  });
});
