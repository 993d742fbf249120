/** `followup config` and `followup demo` through the command line (in-process). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ADD_ACME, STACK_LINE, itemsOf, sandboxes, sha256 } from './helpers.js';

const sandbox = sandboxes();

const DEFAULTS: Record<string, string> = {
  assumeDecisionWorkdays: '5',
  minGapDays: '3',
  maxGapDays: '4',
  maxAttempts: '4',
  maxVoicemails: '2',
  keepInTouchDays: '90',
};

describe('followup config', () => {
  test('list shows every cadence setting with its default', async () => {
    const s = sandbox();
    const out = (await s.ok(['config', 'list'])).stdout;
    for (const [key, value] of Object.entries(DEFAULTS)) expect(out).toMatch(new RegExp(`${key}\\s+${value}\\b`));
    expect(out).toContain('holidays');
  });

  test.each(Object.entries(DEFAULTS))('get %s prints its default %s', async (key, value) => {
    const s = sandbox();
    expect((await s.ok(['config', 'get', key])).stdout.trim()).toBe(value);
  });

  test('set then get round-trips, and list shows the new value', async () => {
    const s = sandbox();
    await s.ok(['config', 'set', 'maxGapDays', '6']);
    await s.ok(['config', 'set', 'minGapDays', '5']);
    await s.ok(['config', 'set', 'holidays', '2026-12-24,2026-12-25']);
    expect((await s.ok(['config', 'get', 'maxGapDays'])).stdout.trim()).toBe('6');
    expect((await s.ok(['config', 'get', 'minGapDays'])).stdout.trim()).toBe('5');
    expect((await s.ok(['config', 'get', 'holidays'])).stdout).toContain('2026-12-24');
    expect((await s.ok(['config', 'get', 'holidays'])).stdout).toContain('2026-12-25');
    expect((await s.ok(['config', 'list'])).stdout).toMatch(/maxGapDays\s+6\b/);
  });

  test('a setting changes the plan: a holiday is not a working day', async () => {
    const s = sandbox('2026-12-07');
    await s.ok(ADD_ACME);
    await s.ok(['log', '1', 'thanks-sent', '--date', '2026-11-30']);
    expect(itemsOf(await s.todayPlan('2026-12-07'), 'check-status')).toHaveLength(1);
    await s.ok(['config', 'set', 'holidays', '2026-12-07']);
    const holiday = await s.todayPlan('2026-12-07');
    expect(holiday.workday).toBe(false);
    expect(holiday.items).toEqual([]);
    expect(itemsOf(await s.todayPlan('2026-12-08'), 'check-status')[0]).toMatchObject({ earliest: '2026-12-08', due: '2026-12-09' });
  });

  test('a setting changes the plan: assumeDecisionWorkdays', async () => {
    const s = sandbox('2026-12-01');
    await s.ok(['config', 'set', 'assumeDecisionWorkdays', '3']);
    await s.ok(['add', '--company', 'Acme', '--role', 'Backend Engineer', '--date', '2026-12-01']);
    // D = Fri 4 Dec, so the first chase is Mon 7 Dec.
    expect((await s.todayPlan('2026-12-02')).waiting.map((w) => w.next)).toEqual(['2026-12-07']);
  });

  test.each([
    [['minGapDays', '-1']],
    [['minGapDays', '--', '-1']],
    [['--', 'maxGapDays', '-4']],
    [['keepInTouchDays', '--', '-90']],
    [['minGapDays', 'three']],
    [['maxAttempts', '2.5']],
    [['holidays', '2026-02-30']],
  ])('a bad value %j exits 2 and changes nothing', async (args) => {
    const s = sandbox();
    const r = await s.run(['config', 'set', ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toContain(STACK_LINE);
    const list = (await s.ok(['config', 'list'])).stdout;
    for (const [key, value] of Object.entries(DEFAULTS)) expect(list).toMatch(new RegExp(`${key}\\s+${value}\\b`));
    expect(list).not.toMatch(/20\d\d-/);
  });

  test('unknown keys exit 2, naming the known ones', async () => {
    const s = sandbox();
    for (const args of [['get', 'speed'], ['set', 'speed', '3']]) {
      const r = await s.run(['config', ...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('speed');
      expect(r.stderr).toContain('minGapDays');
      expect(r.stderr).not.toContain(STACK_LINE);
    }
  });
});

describe('followup demo', () => {
  test('prints a list, exits 0, and never creates the --db store', async () => {
    const s = sandbox('2026-12-07');
    const r = await s.run(['demo']);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain(STACK_LINE);
    // A realistic list: several items with whom to contact and the helping command.
    expect(r.stdout).toMatch(/to do/);
    expect((r.stdout.match(/followup draft/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(r.stdout).toMatch(/Waiting/i);
    expect(fs.existsSync(s.db)).toBe(false);
    expect(fs.readdirSync(s.dir)).toEqual(['home']);
    // Not the default store either.
    expect(fs.readdirSync(s.home)).toEqual([]);
  });

  test('leaves an existing --db store byte-for-byte as it was', async () => {
    const s = sandbox('2026-12-07');
    await s.ok(['add', '--company', 'Zyxwv Widgets', '--role', 'Welder', '--date', '2026-11-30', '--hiring-manager', 'Quentin Oddly']);
    const before = sha256(s.db);
    const files = fs.readdirSync(s.dir).sort();
    const listBefore = await s.json(['list', '--all']);
    const r = await s.run(['demo']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('Zyxwv');
    expect(r.stdout).not.toContain('Quentin Oddly');
    expect(sha256(s.db)).toBe(before);
    expect(fs.readdirSync(s.dir).sort()).toEqual(files);
    expect(await s.json(['list', '--all'])).toEqual(listBefore);
  });

  test('its temporary store is removed afterwards', async () => {
    const s = sandbox('2026-12-07');
    const tmp = path.join(s.dir, 'tmp');
    fs.mkdirSync(tmp);
    const r = await s.run(['demo'], { env: { TMPDIR: tmp, TMP: tmp, TEMP: tmp } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/followup draft/);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  test('on a weekend it plans for the next working day', async () => {
    const s = sandbox('2026-12-05');
    const r = await s.run(['demo']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/followup draft/);
    expect(fs.existsSync(path.join(s.dir, 'followup.db'))).toBe(false);
  });
});
