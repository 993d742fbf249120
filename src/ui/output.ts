/** Where text goes and how it looks: the only module that knows about chalk. */
import type { ChalkInstance } from 'chalk';

/** The styles views use; all identity functions when colour is off. */
export interface Styles {
  heading(text: string): string;
  overdue(text: string): string;
  strong(text: string): string;
  dim(text: string): string;
  command(text: string): string;
  warn(text: string): string;
  error(text: string): string;
  ok(text: string): string;
}

/** Streams and styles for one run of a command. */
export interface Output {
  styles: Styles;
  /** Data, to stdout. */
  out(text: string): void;
  /** Messages, warnings and progress, to stderr. */
  err(text: string): void;
  /** One JSON document on stdout, and nothing else there. */
  json(value: unknown): void;
  columns: number;
}

interface ColorDecision {
  flag: boolean;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

/** Colour only on a terminal, and never with --no-color, NO_COLOR or TERM=dumb. */
export function wantsColor({ flag, env, isTTY }: ColorDecision): boolean {
  if (!flag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return isTTY;
}

const plain = (t: string) => t;

/** No colour: every style leaves the text as it is (and chalk is never loaded). */
const PLAIN_STYLES: Styles = {
  heading: plain,
  overdue: plain,
  strong: plain,
  dim: plain,
  command: plain,
  warn: plain,
  error: plain,
  ok: plain,
};

function stylesFor(chalk: ChalkInstance): Styles {
  return {
    heading: (t) => chalk.bold.underline(t),
    overdue: (t) => chalk.red.bold(t),
    strong: (t) => chalk.bold(t),
    dim: (t) => chalk.dim(t),
    command: (t) => chalk.cyan(t),
    warn: (t) => chalk.yellow(t),
    error: (t) => chalk.red(t),
    ok: (t) => chalk.green(t),
  };
}

/** Build the output for a run. */
export function createOutput(opts: {
  color: boolean;
  stdout: NodeJS.WritableStream & { columns?: number };
  /** Asked for only when a message is written: opening stderr costs start-up time. */
  stderr: () => NodeJS.WritableStream;
}): Output {
  let styles = PLAIN_STYLES;
  if (opts.color) {
    // chalk 5 does not look at NO_COLOR itself: the level is decided above and set here.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Chalk } = require('chalk') as typeof import('chalk');
    styles = stylesFor(new Chalk({ level: 1 }));
  }
  return {
    styles,
    out: (text) => void opts.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => void opts.stderr().write(text.endsWith('\n') ? text : `${text}\n`),
    json: (value) => void opts.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    columns: Math.max(40, Math.min(opts.stdout.columns ?? 80, 100)),
  };
}

/** Wrap text to a width, indenting every line. */
export function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && indent.length + line.length + 1 + word.length > width) {
        lines.push(indent + line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(indent + line);
  }
  return lines.join('\n');
}
