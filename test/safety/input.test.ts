/** Hostile and odd input is stored verbatim or refused with exit 2; prompts never hang without a terminal. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BIN, STACK_LINE, addApplication, binEnv, dumpStore, run, tempDir } from './harness.js';

let sharedDir = '';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function store(): string {
  const d = tempDir();
  dirs.push(d);
  return path.join(d, 'store.db');
}

const ODD = [
  "Robert'); DROP TABLE applications;--",
  'She said "hello" and \'goodbye\'',
  'tab\there\tand\tthere',
  'emoji 🙂🚀 and 家族',
  'עברית ומספרים 123 right-to-left',
  'O\'Brien & Co <b>bold</b> &amp;',
  '  leading and trailing spaces kept inside  x',
];

describe('odd input is stored verbatim', () => {
  it('company, role, names and notes come back exactly as typed', () => {
    const db = store();
    for (const text of ODD) {
      const add = run(['--db', db, '--today', '2026-12-07', 'add', '--company', text, '--role', text,
        '--hiring-manager', text, '--notes', text, '--need', text, '--json']);
      expect(add.code).toBe(0);
      const id = JSON.parse(add.stdout).id;
      expect(run(['--db', db, '--today', '2026-12-07', 'log', String(id), 'spoke', '--note', text, '--with', text]).code).toBe(0);
      const show = JSON.parse(run(['--db', db, 'show', String(id), '--json']).stdout);
      const trimmed = text.trim();
      expect(show.company).toBe(trimmed);
      expect(show.role).toBe(trimmed);
      expect(show.contacts[0].name).toBe(trimmed);
      expect(show.rounds[0].notes).toBe(trimmed);
      expect(show.needs).toEqual([trimmed]);
      expect(show.events[0].note).toBe(trimmed);
      expect(show.events[0].withName).toBe(trimmed);
    }
    // On the day they were recorded (a plan of an earlier day would not know them yet).
    expect(JSON.parse(run(['--db', db, '--today', '2026-12-07', 'list', '--all', '--json']).stdout)).toHaveLength(ODD.length);
  });

  it('a 100 kB note is kept whole', () => {
    const db = store();
    const id = addApplication(db, '2026-12-07');
    // 100 kB in UTF-8 (one argument may be at most 128 kB on Linux).
    const note = `${'x'.repeat(99_990)}🙂 the end`;
    expect(run(['--db', db, '--today', '2026-12-07', 'log', String(id), 'spoke', '--note', note]).code).toBe(0);
    const show = JSON.parse(run(['--db', db, 'show', String(id), '--json']).stdout);
    expect(show.events[0].note).toBe(note);
  });
});

describe('bad input is exit 2 and changes nothing', () => {
  let shared: string;
  let sharedBefore: string;
  beforeAll(() => {
    const d = tempDir();
    sharedDir = d;
    shared = path.join(d, 'store.db');
    addApplication(shared, '2026-12-07');
    sharedBefore = dumpStore(shared);
  });
  afterAll(() => fs.rmSync(sharedDir, { recursive: true, force: true }));
  const cases: [string, string[], RegExp][] = [
    ['an impossible day', ['log', '1', 'no-answer', '--date', '2026-02-30'], /not a date that exists/],
    ['an impossible month', ['log', '1', 'no-answer', '--date', '2026-13-01'], /not a date that exists/],
    ['a nonsense date', ['log', '1', 'no-answer', '--date', 'someday soon'], /not a date/],
    ['an impossible interview date', ['add', '--company', 'X', '--role', 'Y', '--date', '2026-02-30'], /not a date that exists/],
    ['an unknown reference', ['log', '99', 'no-answer'], /no application 99/i],
    ['an unknown company', ['show', 'zzz'], /No application's company starts with "zzz"/],
    ['an unknown event', ['log', '1', 'phoned-twice'], /Unknown event/],
    ['an unknown outcome', ['outcome', '1', 'ghosted'], /Unknown outcome/],
    ['an unknown command', ['tomorrow'], /unknown command/],
    ['an unknown flag', ['today', '--yesterday'], /unknown option/],
  ];
  for (const [name, args, message] of cases) {
    it(name, () => {
      const r = run(['--db', shared, '--today', '2026-12-07', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(dumpStore(shared)).toBe(sharedBefore);
    });
  }
});

describe('prompts never hang', () => {
  function addWithStdin(db: string, mode: 'closed' | 'silent-pipe'): Promise<{ code: number | null; stderr: string; ms: number }> {
    return new Promise((resolve) => {
      const started = Date.now();
      const child = spawn(process.execPath, [BIN, '--db', db, 'add', '--date', 'today'], {
        env: binEnv(),
        stdio: [mode === 'closed' ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr!.on('data', (d) => (stderr += d));
      // The open pipe is never written to and never closed until the child is gone.
      const guard = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.on('close', (code) => {
        clearTimeout(guard);
        resolve({ code, stderr, ms: Date.now() - started });
      });
    });
  }

  for (const mode of ['closed', 'silent-pipe'] as const) {
    it(`add with missing fields and stdin ${mode} exits 2 at once, naming the flags`, async () => {
      const r = await addWithStdin(store(), mode);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--company');
      expect(r.stderr).toContain('--role');
    });
  }

  it('CI set means no prompts even with every field missing', () => {
    const r = run(['--db', store(), 'add'], { env: { CI: 'true' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--company');
  });
});
