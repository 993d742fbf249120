/**
 * The manual page, man/followup.1, made at build time (scripts/build.mjs) from the same command
 * definitions as `--help`: every command with its usage, description, options and examples, then
 * the exit codes, the environment and the files. Plain man(7) macros, readable by groff and mandoc.
 */
import type { Command, Option } from '@commander-js/extra-typings';
import { buildProgram, COMMANDS } from './cli.js';
import type { IO } from './io.js';

/** Text made safe for roff: backslashes, and a leading dot or quote that would read as a request. */
function roff(text: string): string {
  return text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .split('\n')
    .map((line) => (/^[.']/.test(line) ? `\\&${line}` : line))
    .join('\n');
}

/** An IO that keeps what is written to stdout (commander writes help there) and nothing else. */
function captureIO(chunks: string[]): IO {
  const sink = (keep: boolean) => ({
    write: (text: string) => {
      if (keep) chunks.push(text);
    },
    columns: 78,
    get stream(): NodeJS.WritableStream {
      throw new Error('no stream');
    },
  });
  return {
    now: () => new Date(0),
    out: sink(true),
    err: sink(false),
    get in(): NodeJS.ReadableStream {
      throw new Error('no stdin');
    },
    isTTY: { stdin: false, stdout: false, stderr: false },
    // The page shows the default places, not the builder's own.
    env: { HOME: '~' },
  };
}

/** The text a command adds after its help (its examples), as `--help` prints it. */
function helpAfter(cmd: Command, chunks: string[]): string {
  chunks.length = 0;
  cmd.outputHelp();
  const full = chunks.join('');
  const core = cmd.helpInformation();
  return full.startsWith(core) ? full.slice(core.length).replace(/^\n+/, '').trimEnd() : '';
}

function optionEntry(o: Option): string {
  const value = o.required ? ` \\fI${roff(o.flags.replace(/^.*?[<[]/, '').replace(/[>\]]$/, ''))}\\fR` : '';
  const names = [o.short, o.long].filter(Boolean).map((f) => `\\fB${roff(f!)}\\fR`).join(', ');
  return `.TP\n${names}${value}\n${roff(o.description)}`;
}

/** An indented block kept as it is written (examples). */
function literal(text: string): string {
  const lines = text.split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return `.PP\n.nf\n${roff(lines.map((l) => l.slice(indent)).join('\n'))}\n.fi`;
}

function commandSection(cmd: Command, chunks: string[], prefix: string): string[] {
  const usage = cmd.usage();
  const parts = [
    `.SS "${roff(`${prefix}${cmd.name()}${usage ? ` ${usage}` : ''}`)}"`,
    roff(cmd.description()),
  ];
  const options = (cmd.options as readonly Option[]).filter((o) => !o.hidden);
  for (const arg of cmd.registeredArguments) {
    if (arg.description) parts.push(`.TP\n\\fI${roff(arg.name())}\\fR\n${roff(arg.description)}`);
  }
  for (const o of options) parts.push(optionEntry(o));
  const after = helpAfter(cmd, chunks);
  if (after) parts.push(literal(after));
  for (const sub of cmd.commands) parts.push(...commandSection(sub as Command, chunks, `${prefix}${cmd.name()} `));
  return parts;
}

/** The whole page. */
export async function manPage(version: string): Promise<string> {
  const chunks: string[] = [];
  const io = captureIO(chunks);
  const noRun = () => {
    throw new Error('the manual runs no command');
  };
  const top = await buildProgram([], io, noRun);
  const globals = (top.options as readonly Option[]).filter((o) => !o.hidden);
  const sections: string[] = [];
  for (const name of Object.keys(COMMANDS)) {
    const program = await buildProgram([name], io, noRun);
    const cmd = program.commands.find((c) => c.name() === name) as Command;
    sections.push(...commandSection(cmd, chunks, 'followup '));
  }
  return [
    `.TH FOLLOWUP 1 "" "followup ${version}" "User Commands"`,
    '.SH NAME',
    'followup \\- a planner for the days after a job interview: whom to contact today, how, and why',
    '.SH SYNOPSIS',
    '.B followup',
    '[\\fIglobal options\\fR] \\fIcommand\\fR [\\fIoptions\\fR] [\\fIarguments\\fR]',
    '.SH DESCRIPTION',
    roff(top.description()),
    '.PP',
    roff(
      'Record each interview with followup add. Each morning, followup today lists whom to contact, how and why: ' +
        'a thank-you within a day, nothing until the promised decision date, then a call every three to four days ' +
        'to the decision maker, a gracious closing note after a few unanswered tries, and after a rejection a request ' +
        'for feedback and keeping in touch. followup draft writes the letters and call scripts; followup log records ' +
        'what happened.',
    ),
    '.SH GLOBAL OPTIONS',
    ...globals.map(optionEntry),
    '.SH COMMANDS',
    ...sections,
    '.SH EXIT STATUS',
    '.TP\n\\fB0\\fR\ndone (also when a reader such as head(1) stopped reading early)',
    '.TP\n\\fB1\\fR\nthe store could not be used (missing, locked, damaged, or not a followup store)',
    '.TP\n\\fB2\\fR\nthe input was wrong: an unknown command, flag, reference or date; the message says what to type instead',
    '.TP\n\\fB130\\fR\ninterrupted (Ctrl\\-C); nothing half\\-written',
    '.SH ENVIRONMENT',
    '.TP\n\\fBFOLLOWUP_DB\\fR\nthe store, when \\fB\\-\\-db\\fR is not given',
    '.TP\n\\fBFOLLOWUP_TODAY\\fR\ntake this date as today, when \\fB\\-\\-today\\fR is not given',
    '.TP\n\\fBFOLLOWUP_BUSY_TIMEOUT_MS\\fR\nhow long to wait for another followup that is writing the store',
    '.TP\n\\fBFOLLOWUP_DEBUG\\fR\nset to 1 to print stack traces with errors',
    '.TP\n\\fBNO_COLOR\\fR, \\fBFORCE_COLOR\\fR, \\fBTERM\\fR\ncolour: none with NO_COLOR, TERM=dumb or when output is not a terminal',
    '.TP\n\\fBCI\\fR\nwhen set, followup never prompts',
    '.TP\n\\fBVISUAL\\fR, \\fBEDITOR\\fR\nthe editor for \\fBdraft \\-\\-edit\\fR and \\fBtemplates edit\\fR',
    '.TP\n\\fBXDG_DATA_HOME\\fR, \\fBXDG_CONFIG_HOME\\fR\nwhere the store and your own templates live',
    '.SH FILES',
    '.TP\n\\fI$XDG_DATA_HOME/followup/followup.db\\fR (default \\fI~/.local/share/followup/followup.db\\fR)\nthe store: a SQLite file, readable only by you',
    '.TP\n\\fIbackups/followup.db/\\fR beside the store\nautomatic backups, the newest ten (\\fBfollowup backup\\fR)',
    '.TP\n\\fI$XDG_CONFIG_HOME/followup/templates/KIND.hbs\\fR (default \\fI~/.config/followup/templates\\fR)\nyour own letter templates, used instead of the built\\-in ones (\\fBfollowup templates\\fR)',
    '.SH EXAMPLES',
    literal(
      [
        '  followup add                      right after an interview',
        '  followup today                    each morning',
        '  followup draft thanks 3           a thank-you letter for application 3',
        '  followup log 3 voicemail          record a call that went to voicemail',
        '  followup outcome 3 rejected       record how it ended',
        '  followup demo                     see it work on a sample week',
      ].join('\n'),
    ),
    '.SH SEE ALSO',
    'The README of followup, and docs/rules.md for the rules behind \\fBtoday\\fR.',
    '',
  ].join('\n');
}
