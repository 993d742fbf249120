/**
 * A run sees the process only through the IO main() is given: the clock, the streams and which of
 * them are terminals, the environment. In-process, with fake ones.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { tempDirFrom } from '../../src/context.js';
import { runCli } from '../support/in-process.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-io-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const env = { HOME: dir, XDG_DATA_HOME: path.join(dir, 'data') };
const db = path.join(dir, 'io.db');
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;

describe('the clock', () => {
  test('today is the clock\'s local date unless --today or FOLLOWUP_TODAY says otherwise', async () => {
    const now = new Date(2026, 11, 7, 23, 30);
    const plan = async (args: string[], extra = {}) =>
      JSON.parse((await runCli(['--db', db, ...args, 'today', '--json'], { env: { ...env, ...extra }, now })).stdout).date;
    expect(await plan([])).toBe('2026-12-07');
    expect(await plan(['--today', '2026-12-09'])).toBe('2026-12-09');
    expect(await plan([], { FOLLOWUP_TODAY: '2026-12-10' })).toBe('2026-12-10');
    // Relative dates are taken from the clock too.
    expect(await plan(['--today', 'tomorrow'])).toBe('2026-12-08');
  });

  test('export stamps the archive and the calendar with the clock', async () => {
    const now = new Date('2026-12-07T08:09:10.000Z');
    const args = ['--db', db, '--today', '2026-12-07'];
    await runCli([...args, 'add', '--company', 'Acme', '--role', 'Engineer', '--decision-by', '2026-12-09'], { env, now });
    const archive = JSON.parse((await runCli([...args, 'export'], { env, now })).stdout);
    expect(archive.exportedAt).toBe('2026-12-07T08:09:10.000Z');
    expect((await runCli([...args, 'export', '--format', 'ics'], { env, now })).stdout).toContain('DTSTAMP:20261207T080910Z');
  });
});

describe('the streams', () => {
  test('colour only when stdout is a terminal, and never with NO_COLOR', async () => {
    const args = ['--db', db, '--today', '2026-12-07', 'list'];
    expect((await runCli(args, { env })).stdout).not.toMatch(ANSI);
    expect((await runCli(args, { env, tty: { stdout: true } })).stdout).toMatch(ANSI);
    expect((await runCli(args, { env: { ...env, NO_COLOR: '1' }, tty: true })).stdout).not.toMatch(ANSI);
  });

  test('the help is wrapped to a terminal\'s width, else to 80 columns', async () => {
    const widest = (text: string) => Math.max(...text.split('\n').map((l) => l.length));
    expect(widest((await runCli(['--help'], { env })).stdout)).toBeLessThanOrEqual(80);
    const wide = widest((await runCli(['--help'], { env, tty: true, columns: 110 })).stdout);
    expect(wide).toBeGreaterThan(80);
    expect(wide).toBeLessThanOrEqual(110);
  });

  test('prompts are offered only when stdin and stderr are terminals', async () => {
    const args = ['--db', db, '--today', '2026-12-07', 'undo'];
    const piped = await runCli(args, { env, tty: { stdout: true } });
    expect(piped.status).toBe(2);
    expect(piped.stderr).toContain('followup undo --yes');
  });
});

describe('the environment', () => {
  test('comes from the IO, not from the test process', async () => {
    const file = path.join(dir, 'from-env.db');
    expect((await runCli(['--today', '2026-12-07', 'list'], { env: { ...env, FOLLOWUP_DB: file } })).status).toBe(0);
    expect(fs.existsSync(file)).toBe(true);
    expect(process.env.FOLLOWUP_DB).toBeUndefined();
  });

  test('temporary files go where its TMPDIR says, as os.tmpdir() would put them', () => {
    expect(tempDirFrom({ TMPDIR: '/x/y/' }, 'linux')).toBe('/x/y');
    expect(tempDirFrom({ TMP: '/t' }, 'linux')).toBe('/t');
    expect(tempDirFrom({}, 'linux')).toBe('/tmp');
    expect(tempDirFrom({ TEMP: 'C:\\Temp\\' }, 'win32')).toBe('C:\\Temp');
    expect(tempDirFrom({ TEMP: 'C:\\' }, 'win32')).toBe('C:\\');
  });
});
