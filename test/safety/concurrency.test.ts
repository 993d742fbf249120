/** Several followups on one store at once: all succeed and nothing is lost; a held lock fails cleanly. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { STACK_LINE, addApplication, run, runAsync, tempDir } from './harness.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function freshStore(): string {
  const dir = tempDir();
  dirs.push(dir);
  return path.join(dir, 'store.db');
}

function eventNotes(db: string): string[] {
  const conn = new Database(db, { readonly: true });
  try {
    return (conn.prepare('SELECT note FROM events ORDER BY note').all() as { note: string }[]).map((r) => r.note);
  } finally {
    conn.close();
  }
}

describe('concurrency', () => {
  it('four processes logging many events at once all succeed and lose nothing', async () => {
    const db = freshStore();
    const id = addApplication(db, '2026-12-07');
    const PROCESSES = 4;
    const EACH = 8;
    const workers = Array.from({ length: PROCESSES }, async (_, p) => {
      const results = [];
      for (let i = 0; i < EACH; i++) {
        // Each process runs its own binaries back to back, so writes from the four overlap.
        results.push(
          await runAsync(['--db', db, '--today', '2026-12-07', 'log', String(id), 'spoke', '--note', `p${p}-${i}`]),
        );
      }
      return results;
    });
    // Several binaries of each worker in flight at once, too.
    const burst = Array.from({ length: PROCESSES * 2 }, (_, i) =>
      runAsync(['--db', db, '--today', '2026-12-07', 'log', String(id), 'spoke', '--note', `burst-${i}`]),
    );
    const results = [...(await Promise.all(workers)).flat(), ...(await Promise.all(burst))];
    for (const r of results) expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const expected = [
      ...Array.from({ length: PROCESSES }, (_, p) => Array.from({ length: EACH }, (_, i) => `p${p}-${i}`)).flat(),
      ...Array.from({ length: PROCESSES * 2 }, (_, i) => `burst-${i}`),
    ].sort();
    expect(eventNotes(db)).toEqual(expected);
  });

  it('a lock held longer than the busy timeout is exit 1, says so, and writes nothing', () => {
    const db = freshStore();
    const id = addApplication(db, '2026-12-07');
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const r = run(['--db', db, '--today', '2026-12-07', 'log', String(id), 'no-answer'], {
        env: { FOLLOWUP_BUSY_TIMEOUT_MS: '200' },
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('in use by another followup; nothing was changed');
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.stdout).toBe('');
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(eventNotes(db)).toEqual([]);
    // Reading is not blocked by a writer in WAL mode, and once the lock is gone writing works.
    expect(run(['--db', db, '--today', '2026-12-07', 'log', String(id), 'no-answer']).code).toBe(0);
  });
});
