/** `followup undo` restores exactly the state before each kind of change (in-process: the process is not the subject). */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addApplicationInProcess as addApplication, dumpStore, runInProcess as run, tempDir } from './harness.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function store(): string {
  const d = tempDir();
  dirs.push(d);
  return path.join(d, 'store.db');
}

/** What `show --json` says of application 1 (or the error when it does not exist). */
async function show1(db: string): Promise<string> {
  const r = await run(['--db', db, '--today', '2026-12-07', 'show', '1', '--json']);
  return r.code === 0 ? r.stdout : `exit ${r.code}`;
}

/** Every row of the store and application 1 as `show --json` gives it. */
async function snapshot(db: string): Promise<string> {
  return JSON.stringify({ rows: dumpStore(db), show: await show1(db) });
}

const CHANGES: [string, string[]][] = [
  ['a new application', ['add', '--company', 'Globex', '--role', 'Analyst', '--hr', 'Jordan Kim']],
  ['a next round', ['add', '--company', 'Acme', '--role', 'Backend Engineer', '--interviewer', 'Priya', '--need', 'Go']],
  ['a log', ['log', '1', 'spoke', '--new-date', '2026-12-16', '--note', 'soon']],
  ['a loop-closed log', ['log', '1', 'loop-closed']],
  ['an outcome', ['outcome', '1', 'rejected', '--not-interested']],
  ['an edit', ['edit', '1', '--decision-by', '2026-12-20', '--email', 'dana@acme.example', '--why', 'the team']],
  ['a no-calls edit', ['edit', '1', '--no-calls']],
  ['a setting', ['config', 'set', 'holidays', '2026-12-24,2026-12-25']],
];

describe('undo', () => {
  for (const [name, args] of CHANGES) {
    it(`reverses ${name} exactly`, async () => {
      const db = store();
      await addApplication(db, '2026-12-07', ['--interviewer', 'Sam', '--need', 'Postgres']);
      await run(['--db', db, '--today', '2026-12-07', 'log', '1', 'thanks-sent']);
      const before = await snapshot(db);
      const change = await run(['--db', db, '--today', '2026-12-07', ...args]);
      expect(change.code).toBe(0);
      expect(await snapshot(db)).not.toBe(before);
      const undo = await run(['--db', db, 'undo', '--yes']);
      expect(undo.code).toBe(0);
      expect(undo.stdout).toMatch(/^Undone: /);
      expect(await snapshot(db)).toBe(before);
    });
  }

  it('walks back further when repeated, and says when there is nothing left', async () => {
    const db = store();
    expect((await run(['--db', db, 'list'])).code).toBe(0); // creates the empty store
    const empty = await snapshot(db);
    await addApplication(db, '2026-12-07');
    await run(['--db', db, '--today', '2026-12-07', 'log', '1', 'no-answer']);
    expect((await run(['--db', db, 'undo', '--yes'])).stdout).toMatch(/log: no-answer/);
    expect((await run(['--db', db, 'undo', '--yes'])).stdout).toMatch(/add: #1 Acme/);
    expect(await snapshot(db)).toBe(empty);
    const nothing = await run(['--db', db, 'undo', '--yes']);
    expect(nothing.code).toBe(0);
    expect(nothing.stdout).toMatch(/Nothing to undo/);
    // Numbers are never reused, even after an undone add.
    expect(await addApplication(db, '2026-12-07')).toBe(2);
  });

  it('without a terminal it says what it would reverse and asks for --yes, changing nothing', async () => {
    const db = store();
    await addApplication(db, '2026-12-07');
    const before = await snapshot(db);
    const r = await run(['--db', db, 'undo']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/would reverse: add: #1 Acme/);
    expect(r.stderr).toContain('--yes');
    expect(await snapshot(db)).toBe(before);
  });
});
