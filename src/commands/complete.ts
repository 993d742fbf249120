/**
 * `followup __complete WORDS...` (hidden): what may come at the last word of a command line, one
 * candidate a line, as `value<TAB>description`. The shell scripts of completion.ts call it. It
 * reads commands, subcommands, flags and arguments from the same definitions as `--help`
 * (buildProgram), and application references from the store. It never prints an error: a
 * completion that cannot be worked out is simply empty.
 */
import type { Command, Option } from '@commander-js/extra-typings';
import { buildProgram, COMMANDS } from '../cli.js';
import { createContext, type GlobalOptions } from '../context.js';
import { DRAFT_KINDS } from '../core/actions.js';
import { CONFIG_KEYS } from '../core/config.js';
import { EVENT_TYPES, OUTCOMES } from '../core/types.js';
import type { IO } from '../io.js';
import { SHELLS } from './completion.js';

/** A candidate and what it means. */
type Candidate = [value: string, description: string];

/** Global options that take a value. */
const GLOBAL_VALUES = new Set(['--db', '--today']);

/** The values an argument takes, by its name in the command definitions. */
const ARGUMENT_VALUES: Record<string, () => Candidate[]> = {
  event: () => EVENT_TYPES.map((e) => [e, 'event']),
  kind: () => DRAFT_KINDS.map((k) => [k, 'draft kind']),
  outcome: () => OUTCOMES.map((o) => [o, 'outcome']),
  key: () => Object.keys(CONFIG_KEYS).map((k) => [k, 'setting']),
  shell: () => SHELLS.map((s) => [s, 'shell']),
};

/** A company name as a reference matches it: lower case, no accents, letters and digits only. */
export function referenceWord(company: string): string {
  return company
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The candidates for the last of `words` (the words after `followup`; the last may be empty). */
export async function complete(words: readonly string[], io: IO): Promise<Candidate[]> {
  const current = words.length > 0 ? words[words.length - 1] : '';
  const before = words.slice(0, -1);
  const globals: { db?: string } = {};

  // The command, its subcommand, and the positional words typed after them.
  let name: string | null = null;
  let i = 0;
  for (; i < before.length; i++) {
    const w = before[i];
    if (GLOBAL_VALUES.has(w)) {
      if (w === '--db') globals.db = before[i + 1];
      i++;
    } else if (w === 'help' && name === null) {
      continue;
    } else if (!w.startsWith('-')) {
      name = w;
      break;
    }
  }
  if (before.length > 0 && GLOBAL_VALUES.has(before[before.length - 1])) return [];

  const program = await buildProgram(name !== null && Object.hasOwn(COMMANDS, name) ? [name] : [], io, () => {
    throw new Error('not run');
  });
  const globalFlags = optionCandidates(program.options as readonly Option[]);
  if (name === null) {
    if (current.startsWith('-')) return filter(globalFlags, current);
    return filter(
      Object.entries(COMMANDS).map(([n, [, , description]]) => [n, description] as Candidate),
      current,
    );
  }
  let cmd = program.commands.find((c) => c.name() === name) as Command | undefined;
  if (!cmd) return [];
  const rest = before.slice(i + 1);
  // A command with subcommands (config, templates): the first positional word picks one.
  let positional: string[] = [];
  for (let j = 0; j < rest.length; j++) {
    const w = rest[j];
    const option = findOption(cmd, w) ?? findOption(program as unknown as Command, w);
    if (option) {
      if (option.required || option.optional) j++;
      continue;
    }
    if (w.startsWith('-')) continue;
    if (cmd.commands.length > 0 && positional.length === 0) {
      const sub = cmd.commands.find((c) => c.name() === w);
      if (sub) {
        cmd = sub as Command;
        continue;
      }
    }
    positional.push(w);
  }
  const previous = rest.length > 0 ? rest[rest.length - 1] : null;
  const valueOf = previous === null ? undefined : findOption(cmd, previous);
  if (valueOf && (valueOf.required || valueOf.optional)) {
    return filter((valueOf.argChoices ?? []).map((c) => [c, valueOf.description] as Candidate), current);
  }
  if (current.startsWith('-')) {
    return filter([...optionCandidates(cmd.options as readonly Option[]), ...globalFlags], current);
  }
  if (cmd.commands.length > 0) {
    return filter(
      cmd.commands.map((c) => [c.name(), c.description()] as Candidate),
      current,
    );
  }
  positional = positional.slice(0, cmd.registeredArguments.length);
  const argument = cmd.registeredArguments[positional.length];
  if (!argument) return [];
  const argName = argument.name();
  if (argName === 'ref') return filter(references(globals, io), current);
  const values = ARGUMENT_VALUES[argName]?.() ?? (argument.argChoices ?? []).map((c) => [c, argument.description] as Candidate);
  return filter(values, current);
}

/** The option a word names (`--date` or `--date=...`), if any. */
function findOption(cmd: Command, word: string): Option | undefined {
  const flag = word.includes('=') ? word.slice(0, word.indexOf('=')) : word;
  return (cmd.options as readonly Option[]).find((o) => o.long === flag || o.short === flag);
}

/** The long flags of these options, with their descriptions. */
function optionCandidates(options: readonly Option[]): Candidate[] {
  return options.filter((o) => !o.hidden && o.long).map((o) => [o.long!, o.description]);
}

/** The candidates that start with what was typed (case-insensitively). */
function filter(candidates: Candidate[], typed: string): Candidate[] {
  const lower = typed.toLowerCase();
  return candidates.filter(([value]) => value.toLowerCase().startsWith(lower));
}

/** Application numbers and company names from the store; none when there is no store. */
function references(globals: { db?: string }, io: IO): Candidate[] {
  const opts: GlobalOptions = { db: globals.db, color: false, input: false };
  const ctx = createContext(opts, io);
  try {
    const apps = ctx.openStore({ mustExist: true }).listReferences();
    const byWord = new Map<string, string[]>();
    for (const a of apps) {
      const word = referenceWord(a.company);
      if (word === '') continue;
      byWord.set(word, [...(byWord.get(word) ?? []), `#${a.id} ${a.company}, ${a.role}`]);
    }
    return [
      ...apps.map((a) => [String(a.id), `${a.company}, ${a.role} (${a.status})`] as Candidate),
      ...[...byWord].map(([word, labels]) => [word, labels.join('; ')] as Candidate),
    ];
  } finally {
    ctx.close();
  }
}

/** Run `__complete`: print the candidates, one a line; never fail. */
export async function runComplete(words: readonly string[], io: IO): Promise<void> {
  let candidates: Candidate[] = [];
  try {
    candidates = await complete(words, io);
  } catch {
    candidates = [];
  }
  const clean = (text: string) => text.replace(/[\t\n\r\p{Cc}]/gu, ' ');
  const lines = candidates.map(([value, description]) => `${clean(value)}\t${clean(description ?? '')}`);
  if (lines.length > 0) io.out.write(`${lines.join('\n')}\n`);
}
