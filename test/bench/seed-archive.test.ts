/**
 * What bench:seed writes, export writes and import takes back whole (issue 10, item 9): times as
 * HH:MM, dates within 1970-01-01 .. 2100-12-31, however many years it is asked to spread over.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateRecords } from '../../src/bench/seed.js';
import { buildArchive, parseArchive } from '../../src/export/archive.js';
import { Store } from '../../src/store/store.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-seed-archive-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every date a record holds. */
function datesOf(records: ReturnType<typeof generateRecords>): string[] {
  return records.flatMap((r) => [
    ...r.rounds.flatMap((x) => [x.date, x.decisionBy ?? null]),
    ...r.events.flatMap((e) => [e.date, e.newDate ?? null]),
    r.outcomeDate ?? null,
  ]).filter((d): d is string => d !== null);
}

describe('bench:seed', () => {
  it('writes times as zero-padded HH:MM', () => {
    const times = generateRecords({ applications: 200, seed: 1, today: '2026-12-07' }).flatMap((r) => r.rounds.map((x) => x.time));
    expect(times.length).toBeGreaterThan(0);
    for (const t of times) expect(t).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
    expect(times.some((t) => t!.startsWith('09:'))).toBe(true);
  });

  it('keeps every date within 1970-01-01 .. 2100-12-31, even over 100 years', () => {
    const dates = datesOf(generateRecords({ applications: 300, seed: 3, today: '2026-12-07', years: 100 }));
    expect(dates.reduce((a, b) => (a < b ? a : b))).toMatch(/^19[7-9]\d-/);
    for (const d of dates) expect(d >= '1970-01-01' && d <= '2100-12-31').toBe(true);
  });

  it('refuses a today too close to the end of the range', () => {
    expect(() => generateRecords({ applications: 1, seed: 1, today: '2100-12-31' })).toThrow(/2100/);
  });

  it('a seeded store exports, and the export imports into an empty store', () => {
    const source = Store.open({ file: path.join(dir, 'seeded.db'), explicit: true });
    const target = Store.open({ file: path.join(dir, 'target.db'), explicit: true });
    try {
      source.insertRecords(generateRecords({ applications: 150, seed: 7, today: '2026-12-07' }), { journal: false, summary: 'seed' });
      const text = JSON.stringify(buildArchive(source.listApplications('all'), source.storedSettings(), ''));
      const counts = target.importArchive(parseArchive(text, 'seeded.json'), 'seeded.json');
      expect(counts.applications).toBe(150);
      expect(JSON.stringify(target.listApplications('all'))).toBe(JSON.stringify(source.listApplications('all')));
    } finally {
      source.close();
      target.close();
    }
  });
});
