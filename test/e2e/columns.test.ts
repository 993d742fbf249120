/**
 * Every human command's output fits an 80-column terminal on the demo store, with colour and
 * without (issue 15): wrapping measures text as the terminal draws it, escape codes taking no room.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/in-process.js';
import { visibleWidth } from '../../src/ui/output.js';
import { COMMANDS, SHORT_USAGE } from '../../src/cli.js';
import { sandboxes } from './helpers.js';

const sandbox = sandboxes();

const TODAY = '2026-11-30';

describe('80 columns', () => {
  it('today, list, show, agenda, config and templates fit, with and without colour', async () => {
    const s = sandbox(TODAY);
    const kept = await runCli(['--today', TODAY, 'demo', '--keep'], { env: s.env() });
    expect(kept.status).toBe(0);
    const db = /(\/\S+\.db)/.exec(kept.stderr)?.[1];
    expect(db).toBeTruthy();
    const ids = (JSON.parse((await runCli(['--db', db!, '--today', TODAY, 'list', '--all', '--json'], { env: s.env() })).stdout) as {
      id: number;
    }[]).map((a) => a.id);
    const commands = [
      ['today'],
      ['list'],
      ['list', '--all'],
      ...ids.map((id) => ['show', String(id)]),
      ['agenda', '--days', '30'],
      ['agenda', '--days', '30', '--compact'],
      ['config', 'list'],
      ['templates', 'list'],
    ];
    for (const colour of [false, true]) {
      const env = s.env(colour ? { NO_COLOR: undefined, FORCE_COLOR: '1' } : {});
      for (const args of commands) {
        const r = await runCli(['--db', db!, '--today', TODAY, ...args], { env, tty: true, columns: 80 });
        expect(r.status, args.join(' ')).toBe(0);
        if (colour && args[0] === 'today') expect(r.stdout).toMatch(/\u001b\[/);
        for (const line of `${r.stdout}${r.stderr}`.split('\n')) {
          expect(visibleWidth(line), `${args.join(' ')}${colour ? ' (colour)' : ''}: ${line}`).toBeLessThanOrEqual(80);
        }
      }
    }
  });

  it("every command's --help fits", async () => {
    const s = sandbox(TODAY);
    for (const line of SHORT_USAGE.split('\n')) expect(visibleWidth(line), `usage: ${line}`).toBeLessThanOrEqual(80);
    for (const name of ['', ...Object.keys(COMMANDS)]) {
      const r = await runCli(name ? [name, '--help'] : ['--help'], { env: s.env(), tty: true, columns: 80 });
      for (const line of r.stdout.split('\n')) expect(visibleWidth(line), `${name} --help: ${line}`).toBeLessThanOrEqual(80);
    }
  });
});
