/**
 * The benchmark's seeder makes exactly the stores it is asked for, and `followup today` on a
 * seeded store plans exactly what the pure core plans over every record: the store's shortcut
 * past the history (settled, feedback_pending, last_activity) leaves nothing out.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRecords } from '../../src/bench/seed.js';
import { planToday, recordedOffers, scheduleApplication } from '../../src/core/cadence.js';
import { itemJson, waitingJson } from '../../src/words/plan.js';
import { statusOf } from '../../src/core/types.js';
import { Store } from '../../src/store/store.js';

const ROOT = path.resolve(__dirname, '..', '..');
const N = 600;
let dir: string;
let db: string;

function followup(args: string[]): string {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'followup'), '--db', db, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CI: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status !== 0) throw new Error(`followup ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-seed-'));
  db = path.join(dir, 'seeded.db');
  // The exact command line other tools use: npm run bench:seed -- --db PATH --applications N
  const r = spawnSync('npm', ['run', '--silent', 'bench:seed', '--', '--db', db, '--applications', String(N)], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status !== 0) throw new Error(`bench:seed failed: ${r.stderr}`);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('bench:seed', () => {
  it(`creates exactly ${N} applications, a realistic mix`, () => {
    const conn = new Database(db, { readonly: true });
    try {
      const rows = conn.prepare('SELECT status, count(*) AS n FROM applications GROUP BY status').all() as {
        status: string;
        n: number;
      }[];
      const count = Object.fromEntries(rows.map((r) => [r.status, r.n]));
      expect(rows.reduce((sum, r) => sum + r.n, 0)).toBe(N);
      for (const status of ['active', 'rejected', 'no-response', 'withdrawn', 'offer']) {
        expect(count[status] ?? 0).toBeGreaterThan(0);
      }
      // Most of the history is closed.
      expect(count.active).toBeLessThan(N * 0.2);
      const rounds = conn.prepare('SELECT max(number) AS m FROM rounds').get() as { m: number };
      expect(rounds.m).toBeGreaterThanOrEqual(2);
      expect((conn.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n).toBeGreaterThan(N);
    } finally {
      conn.close();
    }
  });

  it('is deterministic from its seed', () => {
    const a = generateRecords({ applications: 50, seed: 7, today: '2026-12-07' });
    const b = generateRecords({ applications: 50, seed: 7, today: '2026-12-07' });
    const c = generateRecords({ applications: 50, seed: 8, today: '2026-12-07' });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  for (const today of ['2026-12-07', '2026-12-09', '2026-12-12', '2027-02-15']) {
    it(`today --json on ${today} equals the pure core's plan over every record`, () => {
      const store = Store.open({ file: db, explicit: true });
      let expected;
      try {
        const all = store.listApplications('all');
        expected = planToday(all, store.getConfig(), today, recordedOffers(all));
      } finally {
        store.close();
      }
      const actual = JSON.parse(followup(['--today', today, 'today', '--json']));
      expect(actual.items.length + actual.waiting.length).toBeGreaterThan(0);
      // --json is the core's plan with its reasons in words (src/words/plan.ts).
      expect(actual.items).toEqual(JSON.parse(JSON.stringify(expected.items.map((i) => itemJson(i, today)))));
      expect(actual.waiting).toEqual(JSON.parse(JSON.stringify(expected.waiting.map((w) => waitingJson(w, today)))));
      expect(actual.linedUp).toBe(expected.linedUp);
      expect(actual.workday).toBe(expected.workday);
    });

    it(`list --json and list --all --json on ${today} (which read only what the rules need) equal the core over every record`, () => {
      const store = Store.open({ file: db, explicit: true });
      let expected;
      try {
        const all = store.listApplications('all');
        const settings = store.getConfig();
        expected = all
          .map((app) => {
            const next = scheduleApplication(app, { settings, offers: recordedOffers(all), today }).sort((a, b) =>
              a.earliest < b.earliest ? -1 : a.earliest > b.earliest ? 1 : 0,
            )[0];
            return {
              id: app.id,
              uuid: app.uuid,
              company: app.company,
              role: app.role,
              status: statusOf(app),
              rounds: app.rounds.length,
              lastInterview: app.rounds[app.rounds.length - 1]?.date ?? null,
              next: next ? { action: next.action, earliest: next.earliest, due: next.due } : null,
            };
          });
      } finally {
        store.close();
      }
      const active = expected.filter((a) => a.status === 'active');
      expect(active.length).toBeGreaterThan(10);
      expect(JSON.parse(followup(['--today', today, 'list', '--json']))).toEqual(active);
      expect(JSON.parse(followup(['--today', today, 'list', '--all', '--json']))).toEqual(expected);
    });
  }

  it('--years spreads the same number of applications over a longer history, with less going on at once', () => {
    const active = (years: number) =>
      generateRecords({ applications: 4000, seed: 5, today: '2026-12-07', years }).filter(
        (r) => !r.outcome && !r.events.some((e) => e.type === 'loop-closed'),
      ).length;
    const two = active(2);
    const twenty = active(20);
    expect(two).toBeGreaterThan(100);
    // Ten times the span, about a tenth as many active at once.
    expect(twenty).toBeGreaterThan(two / 20);
    expect(twenty).toBeLessThan(two / 5);
    const span = generateRecords({ applications: 2000, seed: 5, today: '2026-12-07', years: 20 }).map((r) => r.rounds[0].date);
    expect(span[0] < '2008-01-01').toBe(true);
  });

  it('numbers the applications in the order their first interviews happened, as a real store grows', () => {
    const records = generateRecords({ applications: 300, seed: 3, today: '2026-12-07' });
    const firsts = records.map((r) => r.rounds[0].date);
    expect(firsts).toEqual([...firsts].sort());
    // So the active ones are the newest.
    const conn = new Database(db, { readonly: true });
    try {
      const { oldestActive } = conn.prepare("SELECT min(id) AS oldestActive FROM applications WHERE status = 'active'").get() as {
        oldestActive: number;
      };
      expect(oldestActive).toBeGreaterThan(N * 0.8);
    } finally {
      conn.close();
    }
  });
});
