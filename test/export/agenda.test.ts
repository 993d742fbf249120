/**
 * `followup agenda [--days N] [--json]`: the coming days (14 by default), each working day with
 * what falls due on it if nothing is logged in between (overdue items on the first working
 * day); weekends and holidays hold nothing. Checked against `today --json` run on each of those
 * days: what the agenda promises for a day is what `today` lists as due that day.
 */
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { addDays, ensureBuilt, json, nextWorkday, ok, run, STACK_LINE, tempDir, weekday } from './helpers';
import { buildRichStore } from './scenario';

const HOLIDAYS = ['2026-12-24', '2026-12-25'];

interface Item {
  id: number;
  action: string;
  attempt: number | null;
  earliest: string;
  due: string;
  overdue: boolean;
}

interface Agenda {
  from: string;
  to: string;
  days: { date: string; workday: boolean; items: Item[] }[];
}

const key = (i: Item) => `#${i.id} ${i.action} ${i.attempt ?? '-'} due ${i.due}`;

let db: string;

beforeAll(() => {
  ensureBuilt();
  db = path.join(tempDir(), 'agenda.db');
  buildRichStore(db);
}, 60_000);

/** The agenda's days must be consecutive from today, weekends and holidays empty and marked. */
function checkShape(agenda: Agenda, today: string, days: number): void {
  expect(agenda.from).toBe(today);
  expect(agenda.to).toBe(addDays(today, days - 1));
  expect(agenda.days.map((d) => d.date)).toEqual(Array.from({ length: days }, (_, i) => addDays(today, i)));
  for (const day of agenda.days) {
    const working = weekday(day.date) !== 0 && weekday(day.date) !== 6 && !HOLIDAYS.includes(day.date);
    expect(day.workday, day.date).toBe(working);
    if (!working) expect(day.items, `${day.date} is not a working day`).toEqual([]);
  }
}

/**
 * The first working day holds exactly what `today --today FIRST` lists (it must agree with
 * today: overdue, due, and open but due later); each later day D holds what `today --today D`
 * lists as falling due on D, leaving out what the first day already holds.
 */
async function checkAgainstToday(agenda: Agenda, today: string): Promise<void> {
  const first = nextWorkday(today, HOLIDAYS);
  const onFirst = new Set((await json<{ items: Item[] }>(db, first, ['today'])).items.map(key));
  for (const day of agenda.days) {
    if (!day.workday) continue;
    const shown = day.items.map(key).sort();
    const listed = (await json<{ items: Item[] }>(db, day.date, ['today'])).items;
    const expected =
      day.date === first
        ? [...onFirst].sort()
        : listed.filter((i) => i.due === day.date && !onFirst.has(key(i))).map(key).sort();
    expect(shown, `items of ${day.date}`).toEqual(expected);
    for (const item of day.items) {
      if (item.overdue) {
        expect(day.date).toBe(first);
        expect(item.due < today).toBe(true);
      } else if (day.date !== first) {
        expect(item.due).toBe(day.date);
      }
    }
  }
}

describe('agenda --json', () => {
  test('covers 14 days by default, from today, each day with what falls due on it', async () => {
    const today = '2026-12-04';
    const agenda = await json<Agenda>(db, today, ['agenda']);
    checkShape(agenda, today, 14);
    const all = agenda.days.flatMap((d) => d.items);
    expect(all.length).toBeGreaterThan(3);
    // Friday 4 December holds the overdue work; nothing sits on the weekend.
    expect(agenda.days[0].items.some((i) => i.overdue)).toBe(true);
    await checkAgainstToday(agenda, today);
  });

  test('--days N gives N days; a longer window reaches the keep-in-touch note and skips the holidays', async () => {
    const today = '2026-12-04';
    for (const n of [1, 3]) checkShape(await json<Agenda>(db, today, ['agenda', '--days', String(n)]), today, n);
    const long = await json<Agenda>(db, today, ['agenda', '--days', '30']);
    checkShape(long, today, 30);
    // Keep-in-touch (30 days here): for #2, closed as no-response on Fri 6 Nov (rule 6), from
    // Mon 7 Dec, due 14 Dec; for #1, rejected and last in touch on 20 Nov (rule 8), due 30 Dec.
    const keeps = long.days.flatMap((d) => d.items.filter((i) => i.action === 'keep-in-touch').map((i) => [d.date, i.id]));
    expect(keeps).toEqual([['2026-12-14', 2], ['2026-12-30', 1]]);
    for (const holiday of HOLIDAYS) expect(long.days.find((d) => d.date === holiday)?.items).toEqual([]);
    for (const day of long.days) for (const item of day.items) expect(item.overdue ? day.date === today : item.due === day.date).toBe(true);
    // The first N days of a longer agenda are the agenda of N days.
    const short = await json<Agenda>(db, today, ['agenda', '--days', '10']);
    expect(short.days).toEqual(long.days.slice(0, 10));
  });

  test('from a Saturday, the overdue items go on Monday and the weekend stays empty', async () => {
    const saturday = '2026-12-05';
    const agenda = await json<Agenda>(db, saturday, ['agenda']);
    checkShape(agenda, saturday, 14);
    expect(agenda.days[0].items).toEqual([]);
    expect(agenda.days[1].items).toEqual([]);
    const monday = agenda.days[2];
    expect(monday.date).toBe('2026-12-07');
    expect(monday.items.filter((i) => i.overdue).length).toBeGreaterThan(0);
    await checkAgainstToday(agenda, saturday);
  });

  test('from the day before the holidays, across them', async () => {
    const day = '2026-12-21';
    const agenda = await json<Agenda>(db, day, ['agenda', '--days', '14']);
    checkShape(agenda, day, 14);
    await checkAgainstToday(agenda, day);
  });

  test('the plain view marks the weekend as not a working day', async () => {
    const text = await ok(db, '2026-12-04', ['agenda']);
    expect(text).toMatch(/Sat 5 Dec\s+not a working day/);
    expect(text).toMatch(/Sun 6 Dec\s+not a working day/);
    const dayLines = text.split('\n').filter((l) => /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}\b/.test(l));
    expect(dayLines).toHaveLength(14);
  });

  test.each(['0', 'abc', '-1', '1.5', '367', ''])('--days %j is refused with exit 2', async (value) => {
    const r = await run(db, '2026-12-04', ['agenda', '--days', value, '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--days/);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });
});
