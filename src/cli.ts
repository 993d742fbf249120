/** The program: global options, a table of the commands (each loaded only when it runs), one error funnel. */
import { Command, CommanderError, Help } from '@commander-js/extra-typings';
import type { CommandModule, ContextFor } from './commands/command.js';
import { createContext, type Context } from './context.js';
import { EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, ReaderGone, StoreError, UsageError } from './errors.js';
import { processIO, type IO } from './io.js';
import { defaultStorePath } from './store/open.js';
import { SHORT_USAGE, shownPath } from './usage.js';

export { SHORT_USAGE };
import { closest } from './core/suggest.js';
import { terminalSafe } from './ui/terminal-safe.js';

/** A command as `followup --help` lists it (usage, one line) and its module, loaded only when it runs. */
type Entry = [usage: string, load: () => Promise<CommandModule>, description: string];

/** Every command, in the order of `followup --help` (test/cli/registry.test.ts checks usages against modules). */
export const COMMANDS: Record<string, Entry> = {
  add: ['[options]', () => import('./commands/add.js'),
    'record an interview (a new application, or the next round of an active one)'],
  today: ['[options]', () => import('./commands/today.js'), 'whom to contact today, how and why; then who is waiting'],
  log: ['[options] <ref> <event>', () => import('./commands/log.js'),
    'record what happened: thanks-sent, no-answer, voicemail, emailed, spoke, feedback-asked, ' +
      'feedback-received, offer-shared, kept-in-touch, loop-closed'],
  outcome: ['[options] <ref> <outcome>', () => import('./commands/outcome.js'), 'record how it ended: offer (--respond-by DATE), accepted, declined, rejected or withdrawn'],
  list: ['[options]', () => import('./commands/list.js'), 'the active applications, one line each'],
  show: ['[options] <ref>', () => import('./commands/show.js'), 'everything about one application, with its timeline and what comes next'],
  edit: ['[options] <ref>', () => import('./commands/edit.js'), 'change recorded facts: decision date, contacts, needs, notes'],
  delete: ['[options] <ref>', () => import('./commands/delete.js'),
    'remove an application with everything recorded about it (asks first; followup undo brings it back)'],
  draft: ['[options] <kind> <ref>', () => import('./commands/draft.js'), 'a letter or call script for an application, from a template'],
  templates: ['', () => import('./commands/templates.js'), 'the letters\' templates: which are in use, edit your own, check them'],
  config: ['', () => import('./commands/config.js'), 'the cadence settings and who you are (for letters)'],
  agenda: ['[options]', () => import('./commands/agenda.js'),
    'the coming days, each working day with what becomes due on it if nothing is logged'],
  export: ['[options]', () => import('./commands/export.js'),
    'the plan as a calendar (ics), everything as JSON, or a spreadsheet (csv)'],
  import: ['[options] <file>', () => import('./commands/import.js'),
    'read a JSON export back: checked first, all or nothing, matched by UUID (twice adds nothing)'],
  report: ['[options]', () => import('./commands/report.js'),
    'proof of job search: every interview, contact, letter and outcome in a period, with counts'],
  undo: ['[options]', () => import('./commands/undo.js'),
    'reverse the last change (add, log, outcome, edit, delete, config); repeat to go further back'],
  backup: ['[options]', () => import('./commands/backup.js'),
    'a consistent copy of the store (by default into backups/ beside it, keeping ten)'],
  check: ['', () => import('./commands/check.js'), 'check the store for damage (SQLite integrity and foreign keys)'],
  demo: ['[options]', () => import('./commands/demo.js'), 'show the program working on a sample week, in a temporary store'],
  completion: ['<shell>', () => import('./commands/completion.js'), 'a tab-completion script for bash, zsh or fish'],
};

/** The command to load: the one named (after `help`, the one asked about), skipping global options and their values. */
export function commandName(argv: readonly string[]): string | null {
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--db' || arg === '--today') i++;
    else if (arg === 'help' && !help) help = true;
    else if (!arg.startsWith('-')) return arg;
  }
  return help ? 'help' : null;
}

/** The program for these arguments: the command they name is loaded; otherwise every command is listed by name only. */
export async function buildProgram(args: readonly string[], io: IO, contextFor: ContextFor) {
  const listed = new Map<unknown, string>();
  const program = new Command()
    .name('followup')
    .description(
      'A planner for the days after a job interview: whom to contact today, how, and why. A thank-you within a day, ' +
        'quiet until the promised decision date, then a call every three to four days to the decision maker, and a gracious close.',
    )
    .version('0.1.0', '-V, --version')
    .option('--db <path>', `the store (env FOLLOWUP_DB; default ${shownPath(defaultStorePath(io.env), io.env)})`)
    .option('--today <date>', 'take this date as today (env FOLLOWUP_TODAY)')
    .option('--no-color', 'plain output (also NO_COLOR, TERM=dumb, or when piped)')
    .option('--no-input', 'never prompt; missing input is an error (also when CI is set)')
    .configureOutput({
      // The run's own streams (written synchronously in the real process: nothing is lost at exit).
      writeOut: (text) => io.out.write(text), writeErr: (text) => io.err.write(text),
      getOutHelpWidth: () => (io.isTTY.stdout ? io.out.columns : undefined) ?? 80,
      getErrHelpWidth: () => (io.isTTY.stderr ? io.err.columns : undefined) ?? 80,
      // The help has no colour to keep or strip; commander would look at process.env and the streams.
      getOutHasColors: () => false, getErrHasColors: () => false,
    })
    .showHelpAfterError('(run with --help for usage)')
    .showSuggestionAfterError(true)
    // A command that is only listed shows the usage the table gives it.
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false, subcommandTerm: (cmd) => listed.get(cmd) ?? new Help().subcommandTerm(cmd) })
    .exitOverride()
    .addHelpText(
      'after',
      `
Daily use:
  followup add                  right after an interview (asks for each detail)
  followup today                each morning: whom to contact, how and why
  followup draft thanks 3       a letter for application 3
  followup log 3 no-answer      record what happened
  followup demo                 see it work on a sample week

Exit codes: 0 done, 1 the store could not be used, 2 the input was wrong.`,
    );

  const name = commandName(args);
  if (name !== null && Object.hasOwn(COMMANDS, name)) {
    const [, load, description] = COMMANDS[name];
    (await load()).register(program.command(name).description(description), contextFor);
  } else {
    // For help, suggestions and "unknown command": names and descriptions only, no module loaded.
    for (const [each, [usage, , description]] of Object.entries(COMMANDS)) {
      listed.set(program.command(each).description(description), usage ? `${each} ${usage}` : each);
    }
  }
  return program;
}

/** Print an error the user can act on and return its exit code. The only place that does. */
export function reportError(err: unknown, stderr: { write(text: string): unknown }, env: NodeJS.ProcessEnv): number {
  // commander has already printed its message (and the help hint).
  if (err instanceof CommanderError) {
    return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  const debug = env.FOLLOWUP_DEBUG === '1';
  // A message may quote stored or typed text: escaped for the terminal, keeping its own lines.
  const safe = (text: string) => terminalSafe(text, { keepLines: true });
  if (err instanceof UsageError || err instanceof StoreError) {
    stderr.write(`followup: ${safe(err.message)}\n`);
    if (debug && err.stack) stderr.write(`${safe(err.stack)}\n`);
    return err.exitCode;
  }
  // Ctrl-C at a prompt (the prompt library reads it as a key and gives up): nothing was written.
  if (err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError')) {
    stderr.write('followup: cancelled; nothing was changed.\n');
    return EXIT_INTERRUPTED;
  }
  const message = safe(err instanceof Error ? err.message : String(err));
  stderr.write(
    `followup: something went wrong that followup did not expect: ${message}\n` +
      'Nothing was half-written: every change is all or nothing. Run again with FOLLOWUP_DEBUG=1 for details.\n',
  );
  if (debug && err instanceof Error && err.stack) stderr.write(`${safe(err.stack)}\n`);
  return EXIT_FAILURE;
}

/** `help NAME` for a name that is no command: what was meant, or null when it is one (or none was given). */
function unknownHelpTopic(args: readonly string[]): string | null {
  const name = commandName(args);
  const at = args.indexOf('help');
  if (at < 0 || name === null || name === 'help' || Object.hasOwn(COMMANDS, name) || args.indexOf(name) < at) return null;
  const meant = closest(name, Object.keys(COMMANDS));
  return `unknown command ${name}${meant ? `; did you mean ${meant}?` : '.'} Commands: followup --help.`;
}

/** Run the program on the arguments after `followup` with the process's IO (or a test's); return the exit code. */
export async function main(args: readonly string[], io: IO = processIO()): Promise<number> {
  let ctx: Context | undefined;
  const contextFor: ContextFor = (cmd) => (ctx = createContext(cmd.optsWithGlobals(), io));
  try {
    // The shells' completion scripts (followup completion) ask here at each Tab.
    if (commandName(args) === '__complete') {
      // The words around it as typed: global options before it stay (complete() reads --db).
      const at = args.indexOf('__complete');
      await (await import('./commands/complete.js')).runComplete([...args.slice(0, at), ...args.slice(at + 1)], io);
      return EXIT_OK;
    }
    // `followup` alone (global options at most): how to start, not an error.
    const flagsOnly = args.every((a, i) => a.startsWith('-') || args[i - 1] === '--db' || args[i - 1] === '--today');
    if (commandName(args) === null && flagsOnly && !args.some((a) => ['-h', '--help', '-V', '--version'].includes(a))) {
      io.out.write(SHORT_USAGE);
      return EXIT_OK;
    }
    const unknownTopic = unknownHelpTopic(args);
    if (unknownTopic) throw new UsageError(unknownTopic);
    const program = await buildProgram(args, io, contextFor);
    try {
      await program.parseAsync(args, { from: 'user' });
    } finally {
      ctx?.close(); // each run closes what it opened, also when it failed
    }
    return EXIT_OK;
  } catch (err) {
    // Whoever read stdout has stopped: the work is done, and there is nothing to say.
    if (err instanceof ReaderGone) return EXIT_OK;
    return reportError(err, io.err, io.env);
  }
}
