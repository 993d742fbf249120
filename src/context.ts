/** What every command gets: the store's path, today's date, the streams, and whether it may ask. */
import os from 'node:os';
import { formatISO } from 'date-fns/formatISO';
import { parseUserDate } from './core/dates.js';
import { UsageError } from './errors.js';
import type { CalendarDate } from './core/types.js';
import { Store } from './store/store.js';
import { defaultStorePath } from './store/open.js';
import type { IO } from './io.js';
import { createOutput, wantsColor, type Output } from './ui/output.js';

/** The global options of design/cli.md, as commander parses them (cli.ts declares them; a difference fails to compile). */
export type GlobalOptions = {
  db?: string;
  today?: string;
  color: boolean;
  input: boolean;
};

/** A command's world: everything it may touch, set from outside so tests can fix it. */
export interface Context {
  storePath: string;
  explicitStore: boolean;
  today: CalendarDate;
  /** Whether prompts may be shown: a terminal on stdin and stderr, no --no-input, no CI. */
  interactive: boolean;
  output: Output;
  env: NodeJS.ProcessEnv;
  /** The process's clock, streams and terminals, as `main` was given them. */
  io: IO;
  /** The folder for temporary files, as os.tmpdir() would say with this run's environment. */
  tempDir: string;
  /** Open the store (once per run); `mustExist` refuses to create one (`check`, `backup`). */
  openStore(opts?: { mustExist?: boolean }): Store;
  /** Close what was opened. */
  close(): void;
}

/** The local calendar date of a moment: today's, from the clock the run was given. */
export function localToday(now: Date): CalendarDate {
  return formatISO(now, { representation: 'date' });
}

/** os.tmpdir(), read from a run's environment rather than from process.env. */
export function tempDirFrom(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') {
    const dir = env.TEMP || env.TMP || (env.SystemRoot || env.windir ? `${env.SystemRoot || env.windir}\\temp` : os.tmpdir());
    return dir.length > 1 && dir.endsWith('\\') && !dir.endsWith(':\\') ? dir.slice(0, -1) : dir;
  }
  const dir = env.TMPDIR || env.TMP || env.TEMP || '/tmp';
  return dir.length > 1 && dir.endsWith('/') ? dir.slice(0, -1) : dir;
}

/** FOLLOWUP_BUSY_TIMEOUT_MS: how long to wait for another followup holding the store. */
function busyTimeout(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  if (!/^\d{1,9}$/.test(text.trim())) {
    throw new UsageError(
      `FOLLOWUP_BUSY_TIMEOUT_MS is "${text}", not a number of milliseconds. Set it to a whole number such as 5000, or unset it.`,
    );
  }
  return Number(text.trim());
}

/** Build the context from the global options and the process's IO. */
export function createContext(opts: GlobalOptions, io: IO): Context {
  const env = io.env;
  const stdoutTTY = io.isTTY.stdout;
  const output = createOutput({
    color: wantsColor({ flag: opts.color, env, isTTY: stdoutTTY }),
    out: (text) => io.out.write(text),
    err: (text) => io.err.write(text),
    // Only a terminal has a width; asking for it opens process.stdout.
    columns: stdoutTTY ? io.out.columns : undefined,
  });
  const dbFlag = opts.db ?? (env.FOLLOWUP_DB ? env.FOLLOWUP_DB : undefined);
  const todayText = opts.today ?? (env.FOLLOWUP_TODAY ? env.FOLLOWUP_TODAY : undefined);
  const realToday = localToday(io.now());
  const today = todayText ? parseUserDate(todayText, realToday, opts.today ? '--today' : 'FOLLOWUP_TODAY') : realToday;
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI !== 'false';
  // Decided when a command first asks: looking at stdin and stderr may load node:tty, which most
  // commands never need.
  let interactive: boolean | undefined;
  let store: Store | null = null;
  return {
    storePath: dbFlag ?? defaultStorePath(env),
    explicitStore: dbFlag !== undefined,
    today,
    get interactive() {
      interactive ??= opts.input && !ci && io.isTTY.stdin && io.isTTY.stderr;
      return interactive;
    },
    output,
    env,
    io,
    get tempDir() {
      return tempDirFrom(env);
    },
    openStore(storeOpts = {}) {
      store ??= Store.open({
        file: this.storePath,
        explicit: this.explicitStore,
        busyTimeoutMs: busyTimeout(env.FOLLOWUP_BUSY_TIMEOUT_MS),
        mustExist: storeOpts.mustExist,
      });
      return store;
    },
    close() {
      store?.close();
      store = null;
    },
  };
}
