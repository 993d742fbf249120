/**
 * Helpers for the export/import/agenda/report tests: followup run as a script would run it (in
 * this process: a temporary --db, a fixed --today, nothing on stdin, NO_COLOR=1, CI removed), and
 * a dump of a store's tables to prove what changed and what did not.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { ensureBuilt } from '../support/ensure-built.js';
import { runCli } from '../support/in-process.js';

export { ensureBuilt };

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'followup');


const made: string[] = [];

/** A fresh temporary folder, removed after the file's tests. */
export function tempDir(prefix = 'followup-export-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** The environment the binary runs in: no colour, no CI, nothing from the caller's followup. */
export function binEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const key of Object.keys(env)) {
    if (key === 'CI' || key.startsWith('FOLLOWUP_') || key === 'FORCE_COLOR' || key === 'NODE_OPTIONS') delete env[key];
  }
  return env;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run followup to completion in this process, nothing on stdin. */
export async function runRaw(args: string[]): Promise<Run> {
  const r = await runCli(args, { env: binEnv() });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Run against a store with a fixed today. */
export function run(db: string, today: string, args: string[]): Promise<Run> {
  return runRaw(['--db', db, '--today', today, ...args]);
}

/** Run and insist on exit 0; returns stdout. */
export async function ok(db: string, today: string, args: string[]): Promise<string> {
  const r = await run(db, today, args);
  if (r.code !== 0) throw new Error(`followup ${args.join(' ')} exited ${r.code}:\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}

/** Run with --json and parse stdout. */
export async function json<T = unknown>(db: string, today: string, args: string[]): Promise<T> {
  return JSON.parse(await ok(db, today, [...args, '--json'])) as T;
}

/** A stack trace line, which must never reach the user. */
export const STACK_LINE = /\n\s+at .+(\(.*:\d+:\d+\)|:\d+:\d+)/;

/** The SHA-256 of a file (or "missing"), to prove it was left untouched. */
export function hashFile(file: string): string {
  if (!fs.existsSync(file)) return 'missing';
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Every table of a store (sqlite_sequence too, unless left out), row by row, as JSON text. */
export function dumpStore(file: string, opts: { skip?: readonly string[] } = {}): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Sqlite = require('better-sqlite3') as typeof import('better-sqlite3');
  const db = new Sqlite(file, { readonly: true, fileMustExist: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[])
      .map((t) => t.name)
      .filter((t) => !(opts.skip ?? []).includes(t));
    const out: Record<string, unknown> = {};
    for (const t of tables) out[t] = db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all();
    out.user_version = db.pragma('user_version', { simple: true });
    return JSON.stringify(out);
  } finally {
    db.close();
  }
}

/** The rows of one table. */
export function tableRows<T = Record<string, unknown>>(file: string, table: string): T[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Sqlite = require('better-sqlite3') as typeof import('better-sqlite3');
  const db = new Sqlite(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all() as T[];
  } finally {
    db.close();
  }
}

/** Copy a store (closed, so a single file) to a new temporary place. */
export function copyStore(file: string): string {
  const dir = tempDir();
  const dest = path.join(dir, 'copy.db');
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.copyFileSync(file + suffix, dest + suffix);
  }
  return dest;
}

/** Add days to a YYYY-MM-DD date (UTC arithmetic). */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The day itself when it is a working day (no weekend, no holiday), else the next one. */
export function nextWorkday(date: string, holidays: readonly string[] = []): string {
  let d = date;
  while (weekday(d) === 0 || weekday(d) === 6 || holidays.includes(d)) d = addDays(d, 1);
  return d;
}
