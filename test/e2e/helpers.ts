/**
 * Running `followup` as a person or a script would: a fresh store, a fixed today. `run` and `ok`
 * run it in this process (test/support/in-process.ts); `spawn` runs the built binary, for what
 * only a real process shows.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ensureBuilt } from '../support/ensure-built.js';
import { runCli } from '../support/in-process.js';

export { ensureBuilt };

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'followup');

/** The environment every run gets: no colour, no CI, no store or date from the caller's shell. */
export function cleanEnv(home: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('FOLLOWUP_') || key.startsWith('VITEST') || key === 'CI' || key === 'FORCE_COLOR' || key === 'NODE_OPTIONS') {
      delete env[key];
    }
  }
  env.NO_COLOR = '1';
  env.TERM = 'xterm-256color';
  // Any default store would land in the test's own folder, never in the real home.
  env.HOME = home;
  env.USERPROFILE = home;
  env.XDG_DATA_HOME = path.join(home, 'xdg-data');
  env.LOCALAPPDATA = path.join(home, 'localappdata');
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run followup in this process with exactly these arguments (no --db or --today added). */
export function runRaw(args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<RunResult> {
  return runCli(args, { env: opts.env ?? { ...process.env }, cwd: opts.cwd });
}

/** Run the built binary with exactly these arguments (no --db or --today added). */
export function spawnRaw(args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: opts.env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 20_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder with its own store path; `run` always passes --db and --today. */
export class Sandbox {
  readonly dir: string;
  readonly home: string;
  readonly db: string;
  today: string;

  constructor(today = '2026-11-30') {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-e2e-'));
    this.home = path.join(this.dir, 'home');
    fs.mkdirSync(this.home);
    this.db = path.join(this.dir, 'followup.db');
    this.today = today;
  }

  env(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
    return cleanEnv(this.home, extra);
  }

  /** `followup --db <db> --today <today> ...args`, in this process. */
  run(args: string[], opts: { today?: string; env?: Record<string, string | undefined> } = {}): Promise<RunResult> {
    return runRaw(['--db', this.db, '--today', opts.today ?? this.today, ...args], { env: this.env(opts.env) });
  }

  /** The same through the built binary, for what only a real process shows. */
  spawn(args: string[], opts: { today?: string; env?: Record<string, string | undefined> } = {}): RunResult {
    return spawnRaw(['--db', this.db, '--today', opts.today ?? this.today, ...args], { env: this.env(opts.env) });
  }

  /** Run, expect exit 0, return the result. */
  async ok(args: string[], opts: { today?: string; env?: Record<string, string | undefined> } = {}): Promise<RunResult> {
    const r = await this.run(args, opts);
    if (r.status !== 0) {
      throw new Error(`followup ${args.join(' ')} exited ${r.status}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
    }
    return r;
  }

  /** Run with --json, expect exit 0 and stdout to be exactly one JSON document. */
  async json<T = any>(args: string[], opts: { today?: string } = {}): Promise<T> {
    const r = await this.ok([...args, '--json'], opts);
    return parseJson<T>(r.stdout);
  }

  /** `today --json` for a date. */
  todayPlan(date: string): Promise<TodayJson> {
    return this.json<TodayJson>(['today'], { today: date });
  }

  cleanup(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Parse stdout as one JSON document, failing with the text when it is not. */
export function parseJson<T = any>(stdout: string): T {
  try {
    return JSON.parse(stdout) as T;
  } catch {
    throw new Error(`stdout is not one JSON document:\n${stdout}`);
  }
}

export interface TodayItem {
  id: number;
  company: string;
  role: string;
  action: string;
  earliest: string;
  due: string;
  overdue: boolean;
  attempt: number | null;
  channel: 'phone' | 'email' | null;
  contact: { name: string; role: string; phone: string | null; email: string | null } | null;
  reason: string;
}

export interface TodayJson {
  date: string;
  workday: boolean;
  items: TodayItem[];
  waiting: { id: number; company: string; role: string; next: string }[];
}

/** A fresh sandbox for each test of a file, removed afterwards. */
export function sandboxes(): (today?: string) => Sandbox {
  const made: Sandbox[] = [];
  beforeAll(() => ensureBuilt());
  afterAll(() => {
    for (const s of made) s.cleanup();
  });
  return (today?: string) => {
    const s = new Sandbox(today);
    made.push(s);
    return s;
  };
}

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** A stack trace line as Node prints it. */
export const STACK_LINE = '    at ';

/** Any ANSI escape sequence. */
// eslint-disable-next-line no-control-regex
export const ANSI = /\u001b\[/;

/** Example A of cadence.md: interview Mon 30 Nov, decision promised by Fri 4 Dec, Dana with a phone. */
export const ADD_ACME = [
  'add',
  '--company', 'Acme',
  '--role', 'Backend Engineer',
  '--date', '2026-11-30',
  '--hiring-manager', 'Dana Reyes',
  '--phone', '+1 555 0100',
  '--decision-by', '2026-12-04',
];

/** A second company, for references and rule 9. */
export const ADD_GLOBEX = [
  'add',
  '--company', 'Globex',
  '--role', 'Analyst',
  '--date', '2026-12-01',
  '--hiring-manager', 'Lee Chan',
  '--phone', '+1 555 0200',
  '--email', 'lee@globex.example',
];

/** The items of one action in a plan. */
export function itemsOf(plan: TodayJson, action: string): TodayItem[] {
  return plan.items.filter((i) => i.action === action);
}
