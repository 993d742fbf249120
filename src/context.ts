/** What every command gets: the store's path, today's date, the streams, and whether it may ask. */
import { formatISO } from 'date-fns/formatISO';
import { parseUserDate } from './core/dates.js';
import { UsageError } from './errors.js';
import type { CalendarDate } from './core/types.js';
import { Store } from './store/store.js';
import { defaultStorePath } from './store/open.js';
import { createOutput, isTerminal, wantsColor, type Output } from './ui/output.js';

/** The global options of design/cli.md, as commander parsed them. */
export interface GlobalOptions {
  db?: string;
  today?: string;
  color: boolean;
  input: boolean;
}

/** A command's world: everything it may touch, set from outside so tests can fix it. */
export interface Context {
  storePath: string;
  explicitStore: boolean;
  today: CalendarDate;
  /** Whether prompts may be shown: a terminal on stdin and stderr, no --no-input, no CI. */
  interactive: boolean;
  output: Output;
  env: NodeJS.ProcessEnv;
  /** Open the store (once per run); `mustExist` refuses to create one (`check`, `backup`). */
  openStore(opts?: { mustExist?: boolean }): Store;
  /** Close what was opened. */
  close(): void;
}

/** Today's local calendar date: the one place that reads the clock for planning. */
export function localToday(): CalendarDate {
  return formatISO(new Date(), { representation: 'date' });
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

/** Build the context from the global options and the process. */
export function createContext(opts: GlobalOptions, proc: NodeJS.Process = process): Context {
  const env = proc.env;
  const stdoutTTY = isTerminal(1);
  const output = createOutput({
    color: wantsColor({ flag: opts.color, env, isTTY: stdoutTTY }),
    stdoutFd: 1,
    // Only a terminal has a width; asking process.stdout for it opens the stream.
    columns: stdoutTTY ? proc.stdout.columns : undefined,
  });
  const dbFlag = opts.db ?? (env.FOLLOWUP_DB ? env.FOLLOWUP_DB : undefined);
  const todayText = opts.today ?? (env.FOLLOWUP_TODAY ? env.FOLLOWUP_TODAY : undefined);
  const realToday = localToday();
  const today = todayText ? parseUserDate(todayText, realToday, opts.today ? '--today' : 'FOLLOWUP_TODAY') : realToday;
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI !== 'false';
  // Decided when a command first asks: isatty() loads node:tty, which most commands never need.
  let interactive: boolean | undefined;
  let store: Store | null = null;
  return {
    storePath: dbFlag ?? defaultStorePath(env),
    explicitStore: dbFlag !== undefined,
    today,
    get interactive() {
      // isatty(0) rather than process.stdin: touching process.stdin opens a stream.
      if (interactive === undefined) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const tty = require('node:tty') as typeof import('node:tty');
        interactive = opts.input && !ci && tty.isatty(0) && tty.isatty(2);
      }
      return interactive;
    },
    output,
    env,
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
