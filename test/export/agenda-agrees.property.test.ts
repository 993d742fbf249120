/**
 * agenda and today agree (issue 15): on random seeded stores and days, the agenda's first working
 * day holds exactly the items `today` lists for it, and every later day only items that `today`
 * of that day lists as falling due on it. In process, over the seeder's random histories.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateRecords } from '../../src/bench/seed.js';
import { addDays, nextWorkday } from '../../src/core/calendar.js';
import { Store } from '../../src/store/store.js';
import { runRaw, cleanEnv } from '../e2e/helpers.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-agenda-agrees-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Item { id: number; action: string; due: string }
const key = (i: Item) => `${i.id}:${i.action}`;

async function json<T>(db: string, today: string, args: string[]): Promise<T> {
  const r = await runRaw(['--db', db, '--today', today, ...args, '--json'], { env: cleanEnv(dir) });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as T;
}

describe('agenda agrees with today', () => {
  for (const seed of [3, 17, 2026]) {
    it(`on a random store (seed ${seed}), for a working day, a Saturday and a Sunday`, async () => {
      const db = path.join(dir, `s${seed}.db`);
      const seededOn = '2026-12-04';
      const store = Store.open({ file: db, explicit: false });
      store.insertRecords(generateRecords({ applications: 120, seed, today: seededOn, years: 1 }), {
        journal: false,
        summary: 'seed',
      });
      store.close();
      for (const today of [seededOn, '2026-12-05', '2026-12-06']) {
        const agenda = await json<{ days: { date: string; items: Item[] }[] }>(db, today, ['agenda', '--days', '10']);
        const first = nextWorkday(today, []);
        const listedFirst = (await json<{ items: Item[] }>(db, first, ['today'])).items.map(key).sort();
        const firstRow = agenda.days.find((d) => d.date === first)!;
        expect(firstRow.items.map(key).sort(), `${today}: ${first}`).toEqual(listedFirst);
        expect(listedFirst.length).toBeGreaterThan(0);
        for (const day of agenda.days.filter((d) => d.date > first && d.items.length > 0)) {
          const listed = new Map((await json<{ items: Item[] }>(db, day.date, ['today'])).items.map((i) => [key(i), i]));
          for (const item of day.items) {
            expect(listed.get(key(item))?.due, `${day.date} ${key(item)}`).toBe(day.date);
          }
        }
        expect(agenda.days[0].date).toBe(today);
        expect(agenda.days[9].date).toBe(addDays(today, 9));
      }
    });
  }
});

describe('agenda as text', () => {
  it('keeps its columns when the year appears, and --compact shows only days with something on them', async () => {
    const s = path.join(dir, 'text.db');
    const env = cleanEnv(dir);
    const run = async (today: string, args: string[]) => {
      const r = await runRaw(['--db', s, '--today', today, ...args], { env });
      if (r.status !== 0) throw new Error(r.stderr);
      return r.stdout;
    };
    await run('2026-12-21', ['add', '--company', 'Acme', '--role', 'Engineer', '--date', '2026-12-21',
      '--hiring-manager', 'Dana Reyes', '--phone', '+1 555 0100', '--decision-by', '2026-12-30']);
    const text = await run('2026-12-28', ['agenda', '--days', '10']);
    const dayLines = text.split('\n').filter((l) => /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) /.test(l));
    expect(dayLines.some((l) => / 2027/.test(l))).toBe(true);
    // Every day's text starts in the same column, with or without the year.
    const dashes = dayLines.filter((l) => l.endsWith(' -'));
    expect(dashes.some((l) => l.includes('2027'))).toBe(true);
    expect(dashes.some((l) => !l.includes('2027'))).toBe(true);
    expect(new Set(dashes.map((l) => l.length)).size).toBe(1);
    const compact = await run('2026-12-28', ['agenda', '--days', '10', '--compact']);
    expect(compact).not.toMatch(/ -$/m);
    expect(compact).not.toContain('not a working day');
    expect(compact).toMatch(/Fri 1 Jan 2027/);
  });
});
