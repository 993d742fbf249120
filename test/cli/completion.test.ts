/**
 * Shell completion: `followup completion SHELL` prints a script, and the script's answers come
 * from `followup __complete`, which reads the same definitions as --help. The bash script is
 * loaded into a real bash and asked as bash asks at a Tab.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli.js';
import { DRAFT_KINDS } from '../../src/core/actions.js';
import { EVENT_TYPES, OUTCOMES } from '../../src/core/types.js';
import { referenceWord } from '../../src/commands/complete.js';
import { ADD_ACME, ADD_GLOBEX, BIN, runRaw, sandboxes } from '../e2e/helpers.js';

const sandbox = sandboxes();

/** What `__complete` offers for these words, as values only. */
async function values(s: ReturnType<typeof sandbox>, words: string[]): Promise<string[]> {
  const r = await runRaw(['__complete', ...words], { env: s.env({ FOLLOWUP_DB: s.db }) });
  expect(r.status).toBe(0);
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean).map((line) => line.split('\t')[0]);
}

/** Ask bash, with the script loaded, what a Tab after `line` offers. */
function bashComplete(s: ReturnType<typeof sandbox>, line: string): string[] {
  const shim = path.join(s.dir, 'bin');
  fs.mkdirSync(shim, { recursive: true });
  const link = path.join(shim, 'followup');
  if (!fs.existsSync(link)) fs.symlinkSync(BIN, link);
  const script = spawnSync(process.execPath, [BIN, 'completion', 'bash'], { encoding: 'utf8', env: s.env() }).stdout;
  const words = line.split(' ');
  const program = [
    script,
    `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')})`,
    `COMP_CWORD=${words.length - 1}`,
    '_followup_complete',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', program], {
    encoding: 'utf8',
    env: s.env({ PATH: `${shim}${path.delimiter}${process.env.PATH}`, FOLLOWUP_DB: s.db }),
  });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

describe('followup completion', () => {
  it('prints a script for each shell, and refuses another with the ones it has', async () => {
    const s = sandbox();
    for (const shell of ['bash', 'zsh', 'fish']) {
      const r = await runRaw(['completion', shell], { env: s.env() });
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('followup __complete');
    }
    const r = await runRaw(['completion', 'tcsh'], { env: s.env() });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('followup completion bash');
  });

  it('bash completes dr<TAB> to draft and draft th<TAB> to the draft kinds', async () => {
    const s = sandbox();
    expect(bashComplete(s, 'followup dr')).toEqual(['draft']);
    expect(bashComplete(s, 'followup draft th').sort()).toEqual(['thank-feedback', 'thanks']);
  });

  it('bash completes application numbers and company names from the store', async () => {
    const s = sandbox();
    await s.ok(ADD_ACME);
    await s.ok(ADD_GLOBEX);
    await s.ok(['add', '--company', "O'Brien & Zoë Co", '--role', 'Writer', '--date', '2026-11-30']);
    expect(bashComplete(s, 'followup show ')).toEqual(['1', '2', '3', 'acme', 'globex', 'obrienzoeco']);
    expect(bashComplete(s, 'followup log gl')).toEqual(['globex']);
  });
});

describe('__complete answers from the command definitions', () => {
  it('offers every command in the table, and help topics', async () => {
    const s = sandbox();
    expect(await values(s, [''])).toEqual(Object.keys(COMMANDS));
    expect(await values(s, ['help', 'to'])).toEqual(['today']);
  });

  it('offers log events, outcomes and draft kinds where they go', async () => {
    const s = sandbox();
    expect(await values(s, ['log', '3', ''])).toEqual([...EVENT_TYPES]);
    expect(await values(s, ['outcome', '3', ''])).toEqual([...OUTCOMES]);
    expect(await values(s, ['draft', ''])).toEqual([...DRAFT_KINDS]);
    expect(await values(s, ['templates', 'edit', ''])).toEqual([...DRAFT_KINDS]);
  });

  it('offers subcommands, then config keys', async () => {
    const s = sandbox();
    expect(await values(s, ['config', ''])).toEqual(['list', 'get', 'set', 'add', 'remove']);
    expect(await values(s, ['config', 'set', 'max'])).toEqual(['maxGapDays', 'maxAttempts', 'maxVoicemails']);
  });

  it("offers a command's flags and the global ones, skipping option values", async () => {
    const s = sandbox();
    const flags = await values(s, ['log', '--date', 'fri', '3', '--']);
    expect(flags).toContain('--note');
    expect(flags).toContain('--with');
    expect(flags).toContain('--db');
    expect(await values(s, ['log', '--date', ''])).toEqual([]);
    expect(await values(s, ['--db', 'x.db', 'sh'])).toEqual(['show']);
  });

  it('offers nothing and prints no error without a store', async () => {
    const s = sandbox();
    expect(await values(s, ['show', ''])).toEqual([]);
    expect(fs.existsSync(s.db)).toBe(false);
  });

  it('turns company names into references that match them', () => {
    expect(referenceWord("O'Brien & Co")).toBe('obrienco');
    expect(referenceWord('Zoë Labs')).toBe('zoelabs');
  });
});
