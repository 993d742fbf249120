/**
 * What a run may touch of the process it runs in: the clock, the three streams, which of them are
 * terminals, and the environment. `main` gets it from outside; tests give buffers and a fixed env
 * (test/support/in-process.ts). The real one does no work until something is asked of it: startup
 * time is measured, and most commands never look at stdin, stderr's width or node:tty.
 */
import { isTerminal, writeAll, writeMessage } from './ui/output.js';

/** Where text goes: stdout (data) or stderr (messages). */
export interface Sink {
  /** Write text as it is. stdout's throws ReaderGone when nobody reads any more; stderr's never throws. */
  write(text: string): void;
  /** The terminal's width, when this is one. */
  readonly columns: number | undefined;
  /** The same as a stream, for the prompt library (a terminal's cursor and width); opened when asked for. */
  readonly stream: NodeJS.WritableStream;
}

/** Which of the streams are terminals. */
export interface TTYs {
  readonly stdin: boolean;
  readonly stdout: boolean;
  readonly stderr: boolean;
}

/** A run's world outside the program. */
export interface IO {
  /** The clock: today's date comes from it unless --today or FOLLOWUP_TODAY says otherwise. */
  now(): Date;
  out: Sink;
  err: Sink;
  /** Standard input, for prompts: opened only when asked for. */
  readonly in: NodeJS.ReadableStream;
  isTTY: TTYs;
  /** The environment: the program reads it here, never from process.env. */
  env: NodeJS.ProcessEnv;
}

/** Run `fn` once, when first asked. */
function once<T>(fn: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = fn();
      done = true;
    }
    return value;
  };
}

/**
 * The real process's: output written synchronously to fds 1 and 2 (ui/output.ts says why), each
 * terminal check made on first use (isTerminal loads node:tty only for a character device), and
 * process.stdin, process.stdout and process.stderr opened only when a prompt or a width needs them.
 */
export function processIO(proc: NodeJS.Process = process): IO {
  const stdinTTY = once(() => isTerminal(0));
  const stdoutTTY = once(() => isTerminal(1));
  const stderrTTY = once(() => isTerminal(2));
  return {
    now: () => new Date(),
    out: {
      write: (text) => writeAll(1, text),
      get columns() {
        return stdoutTTY() ? proc.stdout.columns : undefined;
      },
      get stream() {
        return proc.stdout;
      },
    },
    err: {
      write: writeMessage,
      get columns() {
        return stderrTTY() ? proc.stderr.columns : undefined;
      },
      get stream() {
        return proc.stderr;
      },
    },
    get in() {
      return proc.stdin;
    },
    isTTY: {
      get stdin() {
        return stdinTTY();
      },
      get stdout() {
        return stdoutTTY();
      },
      get stderr() {
        return stderrTTY();
      },
    },
    env: proc.env,
  };
}
