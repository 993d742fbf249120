/**
 * `followup today --compact` (one line per item) and `followup today -i` where it cannot run (no
 * terminal, --no-input, with --json): in-process runs on the demo store of Mon 30 Nov 2026.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/in-process.js';
import { visibleWidth as visibleWidthOf } from '../../src/ui/output.js';
import { STACK_LINE, type Sandbox, sandboxes } from '../e2e/helpers.js';

const sandbox = sandboxes();

/** A sandbox holding the demo store; `run` walks it on Mon 30 Nov 2026. */
async function demo(): Promise<{ s: Sandbox; db: string; run: (args: string[], opts?: { tty?: boolean | object; columns?: number }) => ReturnType<typeof runCli> }> {
  const s = sandbox('2026-11-30');
  const r = await s.run(['demo', '--keep'], { env: { TMPDIR: s.dir } });
  expect(r.status).toBe(0);
  const db = /kept at (\S+\.db)/.exec(r.stdout + r.stderr)![1];
  return {
    s,
    db,
    run: (args, opts = {}) => runCli(['--db', db, '--today', '2026-11-30', ...args], { env: s.env(), ...opts }),
  };
}

describe('followup today --compact', () => {
  it('prints one line per item, in the list order: number (! when overdue), how, who, where, why and when', async () => {
    const { run } = await demo();
    const r = await run(['today', '--compact']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.replace(/\n$/, '').split('\n');
    const plan = JSON.parse((await run(['today', '--json'])).stdout) as { items: { id: number; company: string }[] };
    expect(lines).toHaveLength(plan.items.length);
    expect(lines.map((l) => /#(\d+):/.exec(l)?.[1])).toEqual(plan.items.map((i) => String(i.id)));
    expect(lines[0]).toMatch(/^!1 call +Jordan Kim +Globex #3: chase, attempt 1, overdue since Fri 27 Nov$/);
    expect(lines[1]).toMatch(/^!2 email +Gavin Belson +Hooli #6: closing note, overdue since Fri 27 Nov$/);
    expect(lines[2]).toMatch(/^ 3 call +Dana Reyes +Acme Corp #1: chase, attempt 2, due Mon 30 Nov$/);
    expect(lines[3]).toMatch(/^ 4 write +Ana Silva +Northwind Analytics #2: thank-you, due Tue 1 Dec$/);
    // No heading, no waiting list: only the items.
    expect(r.stdout).not.toContain('Waiting');
    expect(r.stdout).not.toContain('help:');
  });

  it("fits the terminal's width, cutting long lines with an ellipsis", async () => {
    const { run } = await demo();
    const r = await run(['today', '--compact'], { tty: { stdout: true }, columns: 50 });
    expect(r.status).toBe(0);
    const lines = r.stdout.replace(/\n$/, '').split('\n');
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(visibleWidthOf(line)).toBeLessThanOrEqual(50);
    expect(lines.some((l) => l.endsWith('…'))).toBe(true);
    // Piped, the lines are whole.
    const piped = await run(['today', '--compact']);
    expect(piped.stdout).toContain('Northwind Analytics #2: thank-you, due Tue 1 Dec');
  });

  it('prints nothing on a day with nothing to do (so its lines count what is to do)', async () => {
    const { db, s } = await demo();
    const r = await runCli(['--db', db, '--today', '2026-12-05', 'today', '--compact'], { env: s.env() });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('does not go with --json or -i (exit 2, saying what to type)', async () => {
    const { run } = await demo();
    const json = await run(['today', '--compact', '--json']);
    expect(json.status).toBe(2);
    expect(json.stdout).toBe('');
    expect(json.stderr).toMatch(/--compact .*does not go with --json.*followup today --json/);
    const walk = await run(['today', '--compact', '-i'], { tty: true });
    expect(walk.status).toBe(2);
    expect(walk.stderr).toContain('followup today -i');
  });
});

describe('followup today --interactive where it cannot ask', () => {
  it('without a terminal: exit 2 pointing to followup today and followup log, and nothing opened or written', async () => {
    const s = sandbox('2026-11-30');
    const r = await s.run(['today', '--interactive']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('followup today');
    expect(r.stderr).toContain('followup log REF EVENT');
    expect(r.stderr).not.toContain(STACK_LINE);
    // Refused before the store is opened: none is created.
    expect(fs.existsSync(s.db)).toBe(false);
  });

  it('with --no-input on a terminal, or with --json: exit 2', async () => {
    const { run } = await demo();
    const noInput = await run(['--no-input', 'today', '-i'], { tty: true });
    expect(noInput.status).toBe(2);
    expect(noInput.stderr).toContain('followup log');
    const json = await run(['today', '-i', '--json'], { tty: true });
    expect(json.status).toBe(2);
    expect(json.stdout).toBe('');
    expect(json.stderr).toContain('followup today --json');
  });

  it('--help shows the new flags with examples', async () => {
    const s = sandbox();
    const r = await s.run(['today', '--help']);
    expect(r.stdout).toContain('-i, --interactive');
    expect(r.stdout).toContain('--compact');
    expect(r.stdout).toContain('followup today -i\n');
    expect(r.stdout).toContain('followup today --compact\n');
  });
});
