/**
 * One run of the built binary per command, as a person or a script runs it (a process of its own,
 * --db in a temporary folder, --today fixed), and the exit codes end to end. Everything else about
 * the commands is tested in-process; this shows the bundle, the shim and the process agree.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ADD_ACME, ADD_GLOBEX, parseJson, sandboxes, STACK_LINE, type RunResult, type Sandbox } from './helpers.js';

const sandbox = sandboxes();
let s: Sandbox;

/** Spawn `followup --db ... --today 2026-12-07 ...args` and insist on exit 0 and no stack trace. */
function spawnOk(args: string[]): RunResult {
  const r = s.spawn(args);
  expect(r.status, `followup ${args.join(' ')}: ${r.stderr}`).toBe(0);
  expect(r.stderr).not.toContain(STACK_LINE);
  return r;
}

beforeAll(async () => {
  s = sandbox('2026-12-07');
  // The store is prepared in-process; each test below then runs one command as a process.
  await s.ok(['config', 'set', 'name', 'Alex Morgan']);
  await s.ok(ADD_ACME);
  await s.ok(ADD_GLOBEX);
  await s.ok(['log', '1', 'thanks-sent', '--date', '2026-11-30']);
});

describe('each command, through the binary', () => {
  test('add', () => {
    const added = parseJson(spawnOk(['add', '--company', 'Initech', '--role', 'QA Lead', '--date', '2026-12-07', '--json']).stdout);
    expect(added).toMatchObject({ id: 3, company: 'Initech', newApplication: true });
  });

  test('today', () => {
    expect(parseJson(spawnOk(['today', '--json']).stdout).date).toBe('2026-12-07');
    expect(spawnOk(['today']).stdout).toMatch(/^Mon 7 Dec 2026/);
  });

  test('log', () => {
    expect(parseJson(spawnOk(['log', '1', 'no-answer', '--json']).stdout).event).toMatchObject({ type: 'no-answer', date: '2026-12-07' });
  });

  test('outcome', () => {
    expect(spawnOk(['outcome', '2', 'rejected']).stdout).toMatch(/Globex/);
  });

  test('list', () => {
    expect(parseJson<{ id: number }[]>(spawnOk(['list', '--all', '--json']).stdout).map((a) => a.id)).toEqual([1, 2, 3]);
  });

  test('show', () => {
    expect(spawnOk(['show', '1']).stdout).toMatch(/^#1 Acme, Backend Engineer/);
  });

  test('edit', () => {
    expect(parseJson(spawnOk(['edit', '1', '--notes', 'smoke', '--json']).stdout).rounds[0].notes).toBe('smoke');
  });

  test('draft', () => {
    expect(spawnOk(['draft', 'thanks', '1']).stdout).toMatch(/^Dear Dana,$[^]*Alex Morgan/m);
  });

  test('templates', () => {
    expect(spawnOk(['templates', 'list']).stdout).toMatch(/^thanks\s+built-in/m);
  });

  test('config', () => {
    expect(spawnOk(['config', 'get', 'name']).stdout).toBe('Alex Morgan\n');
  });

  test('agenda', () => {
    expect(parseJson(spawnOk(['agenda', '--days', '5', '--json']).stdout).days).toHaveLength(5);
  });

  test('export and import', () => {
    const file = path.join(s.dir, 'backup.json');
    spawnOk(['export', '--format', 'json', '--out', file]);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(spawnOk(['import', file]).stdout).toMatch(/^Nothing new in /);
  });

  test('report', () => {
    expect(spawnOk(['report', '--from', '2026-11-01', '--to', '2026-12-31']).stdout).toMatch(/Acme/);
  });

  test('undo', () => {
    expect(spawnOk(['undo', '--yes']).stdout).toMatch(/^Undone: /);
  });

  test('backup and check', () => {
    const copy = path.join(s.dir, 'copy.db');
    expect(spawnOk(['backup', '--to', copy]).stdout).toBe(`${copy}\n`);
    expect(spawnOk(['check']).stdout).toBe(`${s.db}: sound\n`);
  });

  test('demo', () => {
    expect(parseJson(spawnOk(['demo', '--json']).stdout).items.length).toBeGreaterThan(0);
  });
});

describe('exit codes end to end', () => {
  test('0 for --help and --version, with the output on stdout', () => {
    expect(spawnOk(['--help']).stdout).toMatch(/^Usage: followup /);
    expect(spawnOk(['--version']).stdout).toBe('0.1.0\n');
  });

  test('2 for a wrong command or argument, 1 for a store that cannot be used', () => {
    const wrong = s.spawn(['frobnicate']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("unknown command 'frobnicate'");
    expect(s.spawn(['show', '42']).status).toBe(2);
    const text = sandbox('2026-12-07');
    fs.writeFileSync(text.db, 'not a database\n'.repeat(100));
    const refused = text.spawn(['list']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).not.toContain(STACK_LINE);
  });
});
