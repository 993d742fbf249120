/**
 * cli.ts's table of commands: `followup --help` lists each command as its module defines it, only
 * the command being run is loaded, and no command's module imports another's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { buildProgram, COMMANDS } from '../../src/cli.js';
import type { ContextFor } from '../../src/commands/command.js';
import { processIO } from '../../src/io.js';

const io = { ...processIO(), env: {} };
const noContext: ContextFor = () => {
  throw new Error('no action runs in these tests');
};

/** Each command's line in a program's list of commands, by name. */
function listing(program: Awaited<ReturnType<typeof buildProgram>>): Map<string, [string, string]> {
  const help = program.createHelp();
  return new Map(program.commands.map((c) => [c.name(), [help.subcommandTerm(c), help.subcommandDescription(c)]]));
}

const loads = Object.fromEntries(Object.entries(COMMANDS).map(([name, entry]) => [name, entry[1]]));
afterEach(() => {
  for (const [name, load] of Object.entries(loads)) COMMANDS[name][1] = load;
});

describe('the table of commands', () => {
  test('lists each command with the usage and description its module gives it', async () => {
    const listed = listing(await buildProgram(['--help'], io, noContext));
    expect([...listed.keys()]).toEqual(Object.keys(COMMANDS));
    for (const name of Object.keys(COMMANDS)) {
      const loaded = listing(await buildProgram([name], io, noContext));
      expect([...loaded.keys()], name).toEqual([name]);
      expect(listed.get(name), name).toEqual(loaded.get(name));
    }
  });

  test('loads only the command being run, and none for help or an unknown command', async () => {
    const loaded: string[] = [];
    for (const [name, entry] of Object.entries(COMMANDS)) {
      const load = entry[1];
      entry[1] = () => {
        loaded.push(name);
        return load();
      };
    }
    await buildProgram(['--db', 'x.db', '--today', 'log', 'today', '--json'], io, noContext);
    expect(loaded).toEqual(['today']);
    await buildProgram(['help', 'draft'], io, noContext);
    expect(loaded).toEqual(['today', 'draft']);
    for (const args of [[], ['--help'], ['help'], ['frobnicate'], ['--version']]) await buildProgram(args, io, noContext);
    expect(loaded).toEqual(['today', 'draft']);
  });

  test('no command module imports another command module', () => {
    const src = path.resolve(__dirname, '..', '..', 'src');
    const dir = path.join(src, 'commands');
    const table = [...fs.readFileSync(path.join(src, 'cli.ts'), 'utf8').matchAll(/^ {2}(\w+): \['[^']*', \(\) => import\('\.\/commands\/([^']+)\.js'\)/gm)];
    expect(table.map((m) => m[1])).toEqual(Object.keys(COMMANDS));
    const commandFiles = new Set(table.map((m) => m[2]));
    for (const file of commandFiles) {
      const source = fs.readFileSync(path.join(dir, `${file}.ts`), 'utf8');
      const imported = [...source.matchAll(/from '\.\/([^']+)\.js'/g)].map((m) => m[1]);
      expect(imported.filter((name) => commandFiles.has(name)), `${file}.ts`).toEqual([]);
    }
  });
});
