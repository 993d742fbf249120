/** The commander program: global options, every command (loaded when it runs), one error funnel. */
import { Command, CommanderError, Option } from '@commander-js/extra-typings';
import { DRAFT_KINDS } from './drafts/data.js';
import { createContext, type Context, type GlobalOptions } from './context.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, ReaderGone, StoreError, UsageError } from './errors.js';
import { writeAll, writeMessage } from './ui/output.js';
import { terminalSafe } from './ui/terminal-safe.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Flags shared by `add` and `edit`: the facts of an interview. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyCommand = Command<any, any, any>;

function interviewOptions(cmd: AnyCommand, forEdit: boolean): AnyCommand {
  return cmd
    .option('--company <name>', 'the company')
    .option('--role <title>', 'the job title')
    .option('--date <date>', forEdit ? 'the latest interview\'s date' : 'the interview\'s date (default: today)')
    .option('--time <HH:MM>', 'the interview\'s time')
    .addOption(new Option('--kind <kind>', 'how it was held').choices(['phone', 'video', 'onsite'] as const))
    .option('--interviewer <name>', 'someone who interviewed you (repeatable)', collect)
    .option('--hiring-manager <name>', 'the hiring manager: the person who decides')
    .option('--phone <number>', 'the hiring manager\'s phone')
    .option('--email <address>', 'the hiring manager\'s email')
    .option('--hr <name>', 'the HR or recruiting contact')
    .option('--hr-phone <number>', 'the HR contact\'s phone')
    .option('--hr-email <address>', 'the HR contact\'s email')
    .option('--decision-by <date>', 'the date they promised a decision by')
    .option('--next-steps <text>', 'what they said happens next')
    .option('--need <text>', 'something the company said it needs (repeatable)', collect)
    .option('--why <text>', 'why you want this job, in your words (used in the thank-you)')
    .option('--expand <text>', 'an answer you want to expand on in the thank-you (repeatable)', collect)
    .option('--notes <text>', 'anything else worth remembering');
}

/** Run a command module with a context, closing the store afterwards. */
async function withContext(cmd: AnyCommand, fn: (ctx: Context) => Promise<void> | void): Promise<void> {
  const ctx = createContext(cmd.optsWithGlobals() as GlobalOptions);
  try {
    await fn(ctx);
  } finally {
    ctx.close();
  }
}

/** Build the program. Exported for tests; `main` runs it. */

/** Each command's registration; only the one being run is registered (startup time matters). */
const COMMANDS: Record<string, (program: AnyCommand) => void> = {
  add: (program) => {
    interviewOptions(
      program
        .command('add')
        .description('record an interview (a new application, or the next round of an active one)')
        .option('--json', 'print the result as JSON'),
      false,
    )
      .addHelpText(
        'after',
        `
  Examples:
    followup add
    followup add --company Acme --role "Backend Engineer" --date 2026-11-30 \\
      --hiring-manager "Dana Reyes" --phone "+1 555 0100" --decision-by 2026-12-04 \\
      --need "on-call experience" --need "Postgres tuning"`,
      )
      .action(async (...args: unknown[]) => {
        const [opts, cmd] = args as [import('./commands/add.js').AddOptions, AnyCommand];
        await withContext(cmd, async (ctx) => (await import('./commands/add.js')).runAdd(ctx, opts));
      });
  },
  today: (program) => {
    program
      .command('today')
      .description('whom to contact today, how and why; then who is waiting')
      .option('--json', 'print the plan as JSON')
      .addHelpText('after', '\nExamples:\n  followup today\n  followup today --today 2026-12-07 --json')
      .action(async (opts, cmd) => {
        await withContext(cmd, async (ctx) => (await import('./commands/today.js')).runToday(ctx, opts));
      });
  },
  log: (program) => {
    program
      .command('log')
      .description(
        'record what happened: thanks-sent, no-answer, voicemail, emailed, spoke, feedback-asked, ' +
          'feedback-received, offer-shared, kept-in-touch, loop-closed',
      )
      .argument('<ref>', 'application number or company name prefix')
      .argument('<event>', 'what happened')
      .option('--date <date>', 'when (default: today)')
      .option('--with <name>', 'whom you spoke or wrote to')
      .option('--note <text>', 'what was said')
      .option('--new-date <date>', 'with spoke: the new decision date they gave')
      .option('--json', 'print the recorded event as JSON')
      .addHelpText(
        'after',
        `
  Examples:
    followup log 3 thanks-sent
    followup log acme no-answer
    followup log 3 spoke --with "Dana Reyes" --new-date 2026-12-16 --note "still interviewing"`,
      )
      .action(async (ref, event, opts, cmd) => {
        await withContext(cmd, async (ctx) => (await import('./commands/log.js')).runLog(ctx, ref, event, opts));
      });
  },
  outcome: (program) => {
    program
      .command('outcome')
      .description('record how it ended: offer, rejected or withdrawn')
      .argument('<ref>', 'application number or company name prefix')
      .argument('<outcome>', 'offer, rejected or withdrawn')
      .option('--date <date>', 'when (default: today)')
      .option('--note <text>', 'what was said')
      .option('--not-interested', 'with rejected: no keep-in-touch reminders')
      .option('--json', 'print the result as JSON')
      .addHelpText('after', '\nExamples:\n  followup outcome 3 rejected\n  followup outcome acme offer --date 2026-12-09')
      .action(async (ref, outcome, opts, cmd) => {
        await withContext(cmd, async (ctx) =>
          (await import('./commands/outcome.js')).runOutcome(ctx, ref, outcome, opts),
        );
      });
  },
  list: (program) => {
    program
      .command('list')
      .description('the active applications, one line each')
      .option('--all', 'every application, ended ones too')
      .option('--json', 'print an array of objects')
      .addHelpText('after', '\nExamples:\n  followup list\n  followup list --all --json')
      .action(async (opts, cmd) => {
        await withContext(cmd, async (ctx) => (await import('./commands/list.js')).runList(ctx, opts));
      });
  },
  show: (program) => {
    program
      .command('show')
      .description('everything about one application, with its timeline and what comes next')
      .argument('<ref>', 'application number or company name prefix')
      .option('--json', 'print one object')
      .addHelpText('after', '\nExamples:\n  followup show 3\n  followup show acme --json')
      .action(async (ref, opts, cmd) => {
        await withContext(cmd, async (ctx) => (await import('./commands/show.js')).runShow(ctx, ref, opts));
      });
  },
  edit: (program) => {
    interviewOptions(
      program
        .command('edit')
        .description('change recorded facts: decision date, contacts, needs, notes')
        .argument('<ref>', 'application number or company name prefix')
        .option('--calls', 'the contact may be phoned again')
        .option('--no-calls', 'the contact asked not to be phoned')
        .option('--contact <name>', 'whom --no-calls/--calls is about (default: the hiring manager)')
        .option('--json', 'print the application as JSON'),
      true,
    )
      .addHelpText(
        'after',
        `
  Examples:
    followup edit 3 --decision-by 2026-12-11
    followup edit 3 --hiring-manager "Dana Reyes" --email dana@acme.example
    followup edit 3 --no-calls --contact "Sam Lee"`,
      )
      .action(async (...args: unknown[]) => {
        const [ref, opts, cmd] = args as [string, import('./commands/edit.js').EditOptions, AnyCommand];
        await withContext(cmd, async (ctx) => (await import('./commands/edit.js')).runEdit(ctx, ref, opts));
      });
  },
  draft: (program) => {
    program
      .command('draft')
      .description('a letter or call script for an application, from a template')
      .argument('<kind>', DRAFT_KINDS.join(', '))
      .argument('<ref>', 'application number or company name prefix')
      .option('--to <name>', 'address it to this recorded contact (one thank-you per interviewer)')
      .option('--out <file>', 'write it to a file (private, 0600) instead of printing it')
      .option('--edit', 'open it in $VISUAL or $EDITOR before printing or writing it')
      .option('--mark-sent', 'also log it as sent (thanks-sent, emailed, feedback-asked, ...)')
      .option('--name-company', 'share-offer: name the employer whose offer you have')
      .option('--prefer', 'share-offer: say this is still the role you would most like')
      .option('--reason <text>', 'keep-in-touch: why you are getting back in touch')
      .addHelpText(
        'after',
        `
  Kinds:
    thanks          thank-you note after an interview (one per interviewer with --to)
    check-in        polite, assertive email asking where the decision stands
    call            call script for a status chase, with a voicemail version
    feedback        after a rejection: thanks, and a request for feedback and advice
    thank-feedback  thanks for feedback received, and what you will do with it
    share-offer     tell them truthfully about a real, recorded offer; ask their timeline
    close-loop      a gracious last note after unanswered chases
    keep-in-touch   a short note that keeps you in mind for the next opening

  Examples:
    followup config set name "Alex Morgan"      (once: letters are signed with it)
    followup draft thanks 3
    followup draft thanks 3 --to "Priya Natarajan" --out priya.txt
    followup draft check-in acme --edit --mark-sent
    followup draft call 3
    followup draft feedback 5
    followup draft thank-feedback 5
    followup draft share-offer 2 --prefer
    followup draft close-loop 6 --mark-sent
    followup draft keep-in-touch 5 --reason "I just finished a course on distributed systems"

  Templates: your own in ~/.config/followup/templates/<kind>.hbs replace the built-in
  ones; see followup templates --help.`,
      )
      .action(async (kind, ref, opts, cmd) => {
        await withContext(cmd, async (ctx) => (await import('./commands/draft.js')).runDraft(ctx, kind, ref, opts));
      });
  },
  templates: (program) => {
    const templates = program
      .command('templates')
      .description('the letters\' templates: which are in use, edit your own, check them')
      .addHelpText(
        'after',
        `
  Examples:
    followup templates list
    followup templates edit thanks      (copies the built-in one to your folder, opens $EDITOR)
    followup templates check`,
      );
    templates
      .command('list')
      .description('which template each kind uses')
      .option('--json', 'print an array')
      .action(async (opts, cmd) => {
        await withContext(cmd, async (ctx) => (await import('./commands/templates.js')).runTemplatesList(ctx, opts));
      });
    templates
      .command('edit')
      .description('make a kind\'s template your own and open it in the editor')
      .argument('<kind>', DRAFT_KINDS.join(', '))
      .action(async (kind, _opts, cmd) => {
        await withContext(cmd, async (ctx) => (await import('./commands/templates.js')).runTemplatesEdit(ctx, kind));
      });
    templates
      .command('check')
      .description('parse and try every template of your own; report problems with file and line')
      .action(async (_opts, cmd) => {
        await withContext(cmd, async (ctx) => (await import('./commands/templates.js')).runTemplatesCheck(ctx));
      });
  },
  config: (program) => {
    const config = program
      .command('config')
      .description('the cadence settings and who you are (for letters)')
      .addHelpText(
        'after',
        `
  Examples:
    followup config list
    followup config get minGapDays
    followup config set holidays 2026-12-24,2026-12-25
    followup config set name "Alex Morgan"`,
      );
    config
      .command('list')
      .description('every setting with its value')
      .option('--json', 'print an object')
      .action(async (opts, cmd) => {
        await withContext(cmd, async (ctx) => (await import('./commands/config.js')).runConfigList(ctx, opts));
      });
    config
      .command('get')
      .description('one setting\'s value')
      .argument('<key>', 'the setting')
      .action(async (key, _opts, cmd) => {
        await withContext(cmd, async (ctx) => (await import('./commands/config.js')).runConfigGet(ctx, key));
      });
    config
      .command('set')
      .description('change a setting (checked)')
      .argument('<key>', 'the setting')
      .argument('<value>', 'its new value')
      .action(async (key, value, _opts, cmd) => {
        await withContext(cmd, async (ctx) => (await import('./commands/config.js')).runConfigSet(ctx, key, value));
      });
  },
  agenda: (program) => {
    program
      .command('agenda')
      .description('the coming days, each working day with what becomes due on it if nothing is logged')
      .option('--days <n>', 'how many days (default 14)')
      .option('--json', 'print the days as JSON')
      .addHelpText('after', '\nExamples:\n  followup agenda\n  followup agenda --days 30 --json')
      .action(async (opts, cmd) => {
        await withContext(cmd, async (ctx) => (await import('./commands/agenda.js')).runAgenda(ctx, opts));
      });
  },
  export: (program) => {
    program
      .command('export')
      .description('the plan as a calendar (ics), everything as JSON, or a spreadsheet (csv)')
      .option('--format <format>', 'json (default), ics or csv')
      .option('--out <file>', 'write to this file (private, 0600) instead of stdout')
      .addHelpText(
        'after',
        `
Formats:
  json  everything (settings, applications, rounds, contacts, events, outcomes) with stable
        UUIDs, for backups and for followup import
  ics   one all-day event per application's next action, with a 09:00 reminder; re-importing
        into Google Calendar, Apple Calendar, Thunderbird or khal updates instead of duplicating
  csv   one row per application, for spreadsheets (formula-like cells are neutralised)

Examples:
  followup export --format json --out followup-backup.json
  followup export --format ics --out followup.ics
  followup export --format csv > applications.csv`,
      )
      .action(async (opts, cmd) => {
        await withContext(cmd, async (ctx) => (await import('./commands/export.js')).runExport(ctx, opts));
      });
  },
  import: (program) => {
    program
      .command('import')
      .description('read a JSON export back: checked first, all or nothing, matched by UUID (twice adds nothing)')
      .argument('<file>', 'a file made by followup export --format json')
      .option('--json', 'print what was added as JSON')
      .addHelpText('after', '\nExamples:\n  followup import followup-backup.json\n  followup undo     (takes an import back)')
      .action(async (file, opts, cmd) => {
        await withContext(cmd, async (ctx) => (await import('./commands/import.js')).runImport(ctx, file, opts));
      });
  },
  report: (program) => {
    program
      .command('report')
      .description('proof of job search: every interview, contact, letter and outcome in a period, with counts')
      .option('--from <date>', 'the first day')
      .option('--to <date>', 'the last day')
      .option('--format <format>', 'md (default), csv or html')
      .option('--out <file>', 'write to this file (private, 0600) instead of stdout')
      .addHelpText(
        'after',
        `
Examples:
  followup report --from 2026-11-01 --to 2026-11-30
  followup report --from 2026-11-01 --to 2026-11-30 --format html --out november.html
  followup report --from 2026-11-01 --to 2026-11-30 --format csv > november.csv`,
      )
      .action(async (opts, cmd) => {
        await withContext(cmd, async (ctx) => (await import('./commands/report.js')).runReport(ctx, opts));
      });
  },
  undo: (program) => {
    program
      .command('undo')
      .description('reverse the last change (add, log, outcome, edit, config); repeat to go further back')
      .option('-y, --yes', 'do not ask (needed without a terminal)')
      .option('--json', 'print what was undone as JSON')
      .addHelpText('after', '\nExamples:\n  followup undo\n  followup undo --yes')
      .action(async (opts, cmd) => {
        await withContext(cmd, async (ctx) => (await import('./commands/safety.js')).runUndo(ctx, opts));
      });
  },
  backup: (program) => {
    program
      .command('backup')
      .description('a consistent copy of the store (by default into backups/ beside it, keeping ten)')
      .option('--to <file>', 'write the copy here instead')
      .addHelpText('after', '\nExamples:\n  followup backup\n  followup backup --to ~/followup-2026-12-01.db')
      .action(async (opts, cmd) => {
        await withContext(cmd, async (ctx) => (await import('./commands/safety.js')).runBackup(ctx, opts));
      });
  },
  check: (program) => {
    program
      .command('check')
      .description('check the store for damage (SQLite integrity and foreign keys)')
      .addHelpText('after', '\nExit 0 and "sound" when all is well; exit 1 with what is damaged and what to do.')
      .action(async (_opts, cmd) => {
        await withContext(cmd, async (ctx) => (await import('./commands/safety.js')).runCheck(ctx));
      });
  },
  demo: (program) => {
    program
      .command('demo')
      .description('show the program working on a sample week, in a temporary store')
      .option('--json', 'print the plan as JSON')
      .option('--keep', 'keep the temporary store and say where it is')
      .action(async (opts, cmd) => {
        await withContext(cmd, async (ctx) => (await import('./commands/demo.js')).runDemo(ctx, opts));
      });
  },
};

/** The command named on the command line, skipping the global options and their values. */
export function commandName(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--db' || arg === '--today') i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return null;
}

export function buildProgram(argv: readonly string[] = process.argv.slice(2)): AnyCommand {
  const program = new Command()
    .name('followup')
    .description(
      'A planner for the days after a job interview: whom to contact today, how, and why. ' +
        'A thank-you within a day, quiet until the promised decision date, then a call every ' +
        'three to four days to the decision maker, and a gracious close.',
    )
    .version('0.1.0', '-V, --version')
    .option('--db <path>', 'the store (env FOLLOWUP_DB; default ~/.local/share/followup/followup.db)')
    .option('--today <date>', 'take this date as today (env FOLLOWUP_TODAY)')
    .option('--no-color', 'plain output (also NO_COLOR, TERM=dumb, or when piped)')
    .option('--no-input', 'never prompt; missing input is an error (also when CI is set)')
    // Written synchronously, like everything else, so that nothing is lost at exit.
    .configureOutput({ writeOut: (text) => writeAll(1, text), writeErr: writeMessage })
    .showHelpAfterError('(run with --help for usage)')
    .showSuggestionAfterError(true)
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
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

  // Register only the command being run when it is known; everything for help and suggestions.
  const name = commandName(argv);
  if (name !== null && Object.prototype.hasOwnProperty.call(COMMANDS, name)) COMMANDS[name](program);
  else for (const register of Object.values(COMMANDS)) register(program);

  return program;
}

/** Print an error the user can act on and return its exit code. The only place that does. */
export function reportError(err: unknown, stderr: { write(text: string): unknown }, env: NodeJS.ProcessEnv): number {
  if (err instanceof CommanderError) {
    // commander has already printed its message (and the help hint).
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0) {
      return EXIT_OK;
    }
    return EXIT_USAGE;
  }
  const debug = env.FOLLOWUP_DEBUG === '1';
  // A message may quote stored text or what was typed (an ambiguous reference lists companies):
  // escaped for the terminal, keeping the message's own lines.
  const safe = (text: string) => terminalSafe(text, { keepLines: true });
  if (err instanceof UsageError || err instanceof StoreError) {
    stderr.write(`followup: ${safe(err.message)}\n`);
    if (debug && err.stack) stderr.write(`${safe(err.stack)}\n`);
    return err.exitCode;
  }
  if (isPromptAbort(err)) {
    stderr.write('followup: cancelled; nothing was recorded.\n');
    return EXIT_USAGE;
  }
  const message = safe(err instanceof Error ? err.message : String(err));
  stderr.write(
    `followup: something went wrong that followup did not expect: ${message}\n` +
      'Nothing was half-written: every change is all or nothing. Run again with FOLLOWUP_DEBUG=1 for details.\n',
  );
  if (debug && err instanceof Error && err.stack) stderr.write(`${safe(err.stack)}\n`);
  return EXIT_FAILURE;
}

function isPromptAbort(err: unknown): boolean {
  return err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError');
}

/** Run the program on argv and return the exit code. */
export async function main(argv: string[] = process.argv): Promise<number> {
  const program = buildProgram(argv.slice(2));
  try {
    await program.parseAsync(argv);
    return EXIT_OK;
  } catch (err) {
    // Whoever read stdout has stopped: the work is done, and there is nothing to say.
    if (err instanceof ReaderGone) return EXIT_OK;
    return reportError(err, { write: writeMessage }, process.env);
  }
}
