/** Where text goes and how it looks: the only module that knows about chalk. */
import fs from 'node:fs';
import type { ChalkInstance } from 'chalk';
import { ReaderGone } from '../errors.js';

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
  /** Data, to stdout, as one or more whole lines. */
  out(text: string): void;
  /** Data, to stdout, exactly as given (a document: CSV, calendar, HTML). */
  write(text: string): void;
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

/**
 * Write all of a text to a file descriptor, synchronously: nothing is left in a buffer when the
 * process exits. (process.stdout would cost a stream, and for a pipe a socket, at every start.)
 * A reader that has gone away (`followup today | head`) is a ReaderGone, which ends the run
 * quietly, as for any filter.
 */
export function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  while (done < bytes.length) {
    try {
      done += fs.writeSync(fd, bytes, done, bytes.length - done);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') throw new ReaderGone();
      // A non-blocking pipe that is full: wait a moment for the reader.
      if (code === 'EAGAIN') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
      else throw err;
    }
  }
}

/** Write a message to stderr; if nobody reads it any more, the run goes on without it. */
export function writeMessage(text: string): void {
  try {
    writeAll(2, text);
  } catch {
    // Diagnostics only: the exit code still tells.
  }
}

/**
 * Whether a file descriptor is a terminal. Only a character device can be one, and the tty
 * module (which loads the whole stream stack) is consulted only for those that are not /dev/null.
 */
export function isTerminal(fd: number): boolean {
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isCharacterDevice()) return false;
    const devNull = fs.statSync('/dev/null', { throwIfNoEntry: false });
    if (devNull && devNull.rdev === stat.rdev) return false;
  } catch {
    return false;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('node:tty') as typeof import('node:tty')).isatty(fd);
}

/** Build the output for a run. */
export function createOutput(opts: {
  color: boolean;
  /** Data goes here (stdout). */
  out: (text: string) => void;
  /** Messages go here (stderr). */
  err: (text: string) => void;
  /** The terminal's width, when stdout is one. */
  columns?: number;
}): Output {
  let styles = PLAIN_STYLES;
  if (opts.color) {
    // chalk 5 does not look at NO_COLOR itself: the level is decided above and set here.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Chalk } = require('chalk') as typeof import('chalk');
    styles = stylesFor(new Chalk({ level: 1 }));
  }
  const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
  return {
    styles,
    out: (text) => opts.out(line(text)),
    write: (text) => opts.out(text),
    err: (text) => opts.err(line(text)),
    json: (value) => opts.out(`${JSON.stringify(value, null, 2)}\n`),
    columns: Math.max(40, Math.min(opts.columns ?? 80, 100)),
  };
}

// eslint-disable-next-line no-control-regex
const ANSI_SEQUENCE = /\u001b\[[0-9;]*[A-Za-z]/g;
/** Characters a terminal draws two columns wide: East Asian wide and fullwidth forms, and emoji. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
/** Characters that take no column of their own (combining marks, joiners, variation selectors). */
const ZERO_WIDTH = /[\p{M}\u200b-\u200f\u2060\ufe00-\ufe0f]/u;

/**
 * Text whose every character takes one column and is no white space but the space: printable
 * ASCII and the Latin letters and signs up to U+02FF (no combining mark, wide character or
 * colour code among them; U+00A0, a space of another kind, is left out).
 */
const NARROW = /^[\x20-\x7e\u00a1-\u02ff]*$/;

/** The columns a text takes on a terminal: colour codes take none, wide characters two. */
export function visibleWidth(text: string): number {
  // The common case, plain ASCII or Latin text (a "·" between facts, a name with an accent), is its length.
  if (NARROW.test(text)) return text.length;
  let width = 0;
  for (const ch of text.replace(ANSI_SEQUENCE, '')) {
    if (ZERO_WIDTH.test(ch)) continue;
    width += WIDE.test(ch) ? 2 : 1;
  }
  return width;
}

/**
 * wrap for NARROW text, whose only white space is the space and whose width is its length:
 * the same lines, found with indexOf rather than a split and a width per word (today wraps two
 * or three lines of every item).
 */
function wrapNarrow(text: string, room: number, indent: string): string {
  let out = '';
  let line = '';
  for (let i = 0; i < text.length; ) {
    if (text.charCodeAt(i) === 32) {
      i++;
      continue;
    }
    let end = text.indexOf(' ', i);
    if (end < 0) end = text.length;
    const word = text.slice(i, end);
    if (line && line.length + 1 + word.length > room) {
      out += `${indent}${line}\n`;
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
    i = end;
  }
  return `${out}${indent}${line}`;
}

/**
 * wrapNarrow for text whose words are separated by single spaces, with none before or after:
 * every line is a slice of the text, found with lastIndexOf, so nothing is built word by word
 * (today wraps a reason of twenty words for each of hundreds of items).
 */
function wrapSingleSpaced(text: string, room: number, indent: string): string {
  let out = '';
  let start = 0;
  while (text.length - start > room) {
    // The last space that leaves the line within the room; a word longer than the room alone.
    let end = text.lastIndexOf(' ', start + room);
    if (end <= start) end = text.indexOf(' ', start);
    if (end < 0) break;
    out += `${indent}${text.slice(start, end)}\n`;
    start = end + 1;
  }
  return `${out}${indent}${text.slice(start)}`;
}

/** Wrap text to a width, indenting every line; colour codes and wide characters are measured as drawn. */
export function wrap(text: string, width: number, indent: string): string {
  const indentWidth = visibleWidth(indent);
  if (NARROW.test(text)) {
    const singleSpaced = !/ {2}|^ | $/.test(text);
    if (singleSpaced && indentWidth + text.length <= width) return indent + text;
    return singleSpaced ? wrapSingleSpaced(text, width - indentWidth, indent) : wrapNarrow(text, width - indentWidth, indent);
  }
  // Most lines already fit and have single spaces only: nothing to split.
  if (indentWidth + visibleWidth(text) <= width && !/\s\s|^\s|\s$|[^\S ]/.test(text)) return indent + text;
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const wordWidth = visibleWidth(word);
      if (line && indentWidth + lineWidth + 1 + wordWidth > width) {
        lines.push(indent + line);
        line = word;
        lineWidth = wordWidth;
      } else {
        line = line ? `${line} ${word}` : word;
        lineWidth = line === word ? wordWidth : lineWidth + 1 + wordWidth;
      }
    }
    lines.push(indent + line);
  }
  return lines.join('\n');
}

/** Wrap with a first line that starts at `first` (already printed) and the rest indented by `rest`. */
export function hangingWrap(first: string, text: string, width: number, rest: string): string {
  const firstWidth = visibleWidth(first);
  if (width - firstWidth < 20) return `${first.trimEnd()}\n${wrap(text, width, rest)}`;
  const pad = ' '.repeat(firstWidth);
  const wrapped = wrap(text, width, pad);
  const [head, ...tail] = wrapped.split('\n');
  return [first + head.slice(pad.length), ...tail.map((l) => rest + l.slice(pad.length))].join('\n');
}
