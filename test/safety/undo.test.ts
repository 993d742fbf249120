/** `followup undo` restores exactly the state before each kind of change. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addApplication, dumpStore, run, tempDir } from './harness.js';

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
function show1(db: string): string {
  const r = run(['--db', db, '--today', '2026-12-07', 'show', '1', '--json']);
  return r.code === 0 ? r.stdout : `exit ${r.code}`;
}

/** Every row of the store and application 1 as `show --json` gives it. */
function snapshot(db: string): string {
  return JSON.stringify({ rows: dumpStore(db), show: show1(db) });
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
    it(`reverses ${name} exactly`, () => {
      const db = store();
      addApplication(db, '2026-12-07', ['--interviewer', 'Sam', '--need', 'Postgres']);
      run(['--db', db, '--today', '2026-12-07', 'log', '1', 'thanks-sent']);
      const before = snapshot(db);
      const change = run(['--db', db, '--today', '2026-12-07', ...args]);
      expect(change.code).toBe(0);
      expect(snapshot(db)).not.toBe(before);
      const undo = run(['--db', db, 'undo', '--yes']);
      expect(undo.code).toBe(0);
      expect(undo.stdout).toMatch(/^Undone: /);
      expect(snapshot(db)).toBe(before);
    });
  }

  it('walks back further when repeated, and says when there is nothing left', () => {
    const db = store();
    expect(run(['--db', db, 'list']).code).toBe(0); // creates the empty store
    const empty = snapshot(db);
    addApplication(db, '2026-12-07');
    run(['--db', db, '--today', '2026-12-07', 'log', '1', 'no-answer']);
    expect(run(['--db', db, 'undo', '--yes']).stdout).toMatch(/log: no-answer/);
    expect(run(['--db', db, 'undo', '--yes']).stdout).toMatch(/add: #1 Acme/);
    expect(snapshot(db)).toBe(empty);
    const nothing = run(['--db', db, 'undo', '--yes']);
    expect(nothing.code).toBe(0);
    expect(nothing.stdout).toMatch(/Nothing to undo/);
    // Numbers are never reused, even after an undone add.
    expect(addApplication(db, '2026-12-07')).toBe(2);
  });

  it('without a terminal it says what it would reverse and asks for --yes, changing nothing', () => {
    const db = store();
    addApplication(db, '2026-12-07');
    const before = snapshot(db);
    const r = run(['--db', db, 'undo']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/would reverse: add: #1 Acme/);
    expect(r.stderr).toContain('--yes');
    expect(snapshot(db)).toBe(before);
  });
});
