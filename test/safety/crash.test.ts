/**
 * Crash loop: a child writes through the store and reports each commit; it is killed with
 * SIGKILL at random moments, again and again. Every reported commit must be there, whole,
 * and the store must pass SQLite's integrity check.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './harness.js';

const KILLS = 16;
let writer: string;
let dir: string;

beforeAll(() => {
  dir = tempDir('followup-crash-');
  // The writer uses the real Store; bundle it so a plain node child can run it.
  writer = path.join(ROOT, 'node_modules', '.cache', 'followup-tests', `writer-${process.pid}.cjs`);
  buildSync({
    entryPoints: [path.join(__dirname, 'writer.ts')],
    outfile: writer,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['better-sqlite3'],
    logLevel: 'silent',
  });
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(writer, { force: true });
});

/** Run the writer until it has reported a few commits, then kill it after a random delay. */
function runAndKill(file: string, round: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, file, `r${round}`], { stdio: ['ignore', 'pipe', 'pipe'] });
    const reported: string[] = [];
    let buffer = '';
    let stderr = '';
    let armed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      reported.push(...lines.filter(Boolean));
      if (!armed && reported.length >= 2) {
        armed = true;
        // A random moment in the middle of the write loop.
        setTimeout(() => child.kill('SIGKILL'), 5 + Math.floor(Math.random() * 60));
      }
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer stopped on its own (${signal}): ${stderr}`));
      else resolve(reported);
    });
  });
}

describe('crash loop', () => {
  it(`keeps every reported commit, whole, through ${KILLS} SIGKILLs`, async () => {
    const file = path.join(dir, 'crash.db');
    const reported: string[] = [];
    for (let round = 0; round < KILLS; round++) reported.push(...(await runAndKill(file, round)));
    expect(reported.length).toBeGreaterThanOrEqual(KILLS * 2);

    const db = new Database(file);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      for (const line of reported) {
        const [tag, id] = line.split(' ');
        const app = db.prepare('SELECT company FROM applications WHERE id = ?').get(Number(id)) as { company: string };
        expect(app.company).toBe(`Crash ${tag}`);
        const events = db.prepare("SELECT note FROM events WHERE application_id = ? AND type = 'thanks-sent'").all(Number(id));
        expect(events).toEqual([{ note: tag }]);
      }
      // No application is partial: each has its round, both contacts and both needs, or does not exist.
      const apps = db.prepare('SELECT id, company FROM applications').all() as { id: number; company: string }[];
      expect(apps.length).toBeGreaterThanOrEqual(reported.length);
      const newestId = Math.max(...apps.map((a) => a.id));
      for (const app of apps) {
        const tag = app.company.replace(/^Crash /, '');
        const count = (sql: string) => (db.prepare(sql).get(app.id) as { n: number }).n;
        expect(count('SELECT count(*) AS n FROM rounds WHERE application_id = ?')).toBe(1);
        expect(count('SELECT count(*) AS n FROM contacts WHERE application_id = ?')).toBe(2);
        expect(count("SELECT count(*) AS n FROM facts WHERE application_id = ? AND kind = 'need'")).toBe(2);
        const notes = db.prepare('SELECT notes FROM rounds WHERE application_id = ?').get(app.id) as { notes: string };
        expect(notes.notes).toBe(`notes for ${tag}`);
        // Each change is journalled in the same transaction (the journal keeps the newest 1000
        // changes, two per loop here, so look at the newest applications only).
        if (app.id > newestId - 400) {
          expect(count("SELECT count(*) AS n FROM journal WHERE summary LIKE 'add: #' || CAST(? AS INTEGER) || ' %'")).toBe(1);
        }
      }
    } finally {
      db.close();
    }
  });
});
