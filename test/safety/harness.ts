/**
 * Shared helpers for the data-safety tests: temporary stores and runs of the built binary (these
 * tests are mostly about the process: crashes, locks, concurrency, files on disk), and the same
 * runs in this process for the tests whose subject is not the process (undo).
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/in-process.js';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'followup');

/** A fresh temporary folder, removed by the caller's afterEach if wanted. */
export function tempDir(prefix = 'followup-safety-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The environment the binary runs in: no colour, no CI, the given extras. */
export function binEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  delete env.CI;
  delete env.FOLLOWUP_DB;
  delete env.FOLLOWUP_TODAY;
  return env;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built binary to completion, stdin closed. */
export function run(args: string[], opts: { env?: NodeJS.ProcessEnv; input?: string } = {}): Run {
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: binEnv(opts.env),
    input: opts.input,
    stdio: opts.input === undefined ? ['ignore', 'pipe', 'pipe'] : ['pipe', 'pipe', 'pipe'],
    timeout: 20_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Run followup in this process, as `run` runs the binary. */
export async function runInProcess(args: string[], opts: { env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<Run> {
  const r = await runCli(args, { env: binEnv(opts.env), stdin: opts.input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Run the binary without waiting (for concurrency tests). */
export function runAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: binEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The SHA-256 of a file, to prove it was left untouched. */
export function hashFile(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** A stack trace line, which must never reach the user. */
export const STACK_LINE = /\n\s+at .+\(.*:\d+:\d+\)/;

/** The arguments that add the one application these tests use. */
function addArgs(db: string, today: string, extra: string[]): string[] {
  return ['--db', db, '--today', today, 'add', '--company', 'Acme', '--role', 'Backend Engineer',
    '--hiring-manager', 'Dana Reyes', '--phone', '+1 555 0100', '--decision-by', today, '--json', ...extra];
}

/** The id an `add --json` printed. */
function addedId(r: Run): number {
  if (r.code !== 0) throw new Error(`add failed: ${r.stderr}`);
  return JSON.parse(r.stdout).id as number;
}

/** Add one application through the binary; returns its id. */
export function addApplication(db: string, today: string, extra: string[] = []): number {
  return addedId(run(addArgs(db, today, extra)));
}

/** Add the same application in this process; returns its id. */
export async function addApplicationInProcess(db: string, today: string, extra: string[] = []): Promise<number> {
  return addedId(await runInProcess(addArgs(db, today, extra)));
}

/** Every user-visible row of a store, for "nothing changed" and "exactly restored" comparisons. */
export function dumpStore(file: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Sqlite = require('better-sqlite3') as typeof import('better-sqlite3');
  const db = new Sqlite(file, { readonly: true });
  try {
    const tables = ['applications', 'rounds', 'contacts', 'facts', 'events', 'settings'];
    return JSON.stringify(Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()])));
  } finally {
    db.close();
  }
}
