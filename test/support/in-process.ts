/**
 * Run followup inside the test's own process, as GitHub CLI's IOStreams test helpers do: main()
 * from the sources, with stdout and stderr going to buffers, the environment given (never the
 * test process's), stdin from a string, and the terminals the test says. Nothing is spawned, so a
 * run costs milliseconds. Use the built binary (a spawn) where the process itself is the subject:
 * exit codes end to end, signals, a reader that goes away, a real terminal, crashes, concurrency.
 */
import { Readable, Writable } from 'node:stream';
import { main } from '../../src/cli.js';
import type { IO, Sink } from '../../src/io.js';

export interface InProcessOptions {
  /** The whole environment the run sees. */
  env: NodeJS.ProcessEnv;
  /** What stdin holds (default: nothing, as from /dev/null). */
  stdin?: string;
  /** Which streams are terminals: true for all three (default: none). */
  tty?: boolean | { stdin?: boolean; stdout?: boolean; stderr?: boolean };
  /** A terminal's width (default 80). */
  columns?: number;
  /** The clock (default: the real one). */
  now?: Date;
  /** The working folder for the run (relative paths); the test process's is put back afterwards. */
  cwd?: string;
}

export interface InProcessResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** A sink that keeps what is written, both as text and as a stream (prompts write to the stream). */
function bufferSink(chunks: string[], tty: boolean, columns: number): Sink {
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return {
    write: (text) => {
      chunks.push(text);
    },
    columns: tty ? columns : undefined,
    stream: Object.assign(stream, { isTTY: tty, columns: tty ? columns : undefined }),
  };
}

// One run at a time in a test process: a run may change the working folder.
let queue: Promise<unknown> = Promise.resolve();

/** `followup ...args` in this process; resolves with the exit code and everything written. */
export function runCli(args: readonly string[], opts: InProcessOptions): Promise<InProcessResult> {
  const run = queue.then(() => runNow(args, opts));
  queue = run.catch(() => undefined);
  return run;
}

async function runNow(args: readonly string[], opts: InProcessOptions): Promise<InProcessResult> {
  const tty = typeof opts.tty === 'object' ? opts.tty : { stdin: opts.tty, stdout: opts.tty, stderr: opts.tty };
  const columns = opts.columns ?? 80;
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: IO = {
    now: () => (opts.now ? new Date(opts.now) : new Date()),
    out: bufferSink(stdout, Boolean(tty.stdout), columns),
    err: bufferSink(stderr, Boolean(tty.stderr), columns),
    get in() {
      return Object.assign(Readable.from(opts.stdin === undefined ? [] : [opts.stdin]), { isTTY: Boolean(tty.stdin) });
    },
    isTTY: { stdin: Boolean(tty.stdin), stdout: Boolean(tty.stdout), stderr: Boolean(tty.stderr) },
    env: { ...opts.env },
  };
  const cwd = process.cwd();
  if (opts.cwd !== undefined) process.chdir(opts.cwd);
  try {
    const status = await main(args, io);
    return { status, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    if (opts.cwd !== undefined) process.chdir(cwd);
  }
}
