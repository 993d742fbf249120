/**
 * `export --format json` then `import` into a fresh store: the archive is versioned and carries a
 * UUID on every record, and the fresh store plans exactly like the original (`today --json`,
 * `list --all --json`, `show N --json`) on several days, a weekend and a holiday among them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ensureBuilt, json, ok, run, STACK_LINE, tempDir } from './helpers';
import { buildRichStore, PLAN_DAYS, RICH_NOTES } from './scenario';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EVENT_TYPES = [
  'thanks-sent', 'no-answer', 'voicemail', 'emailed', 'spoke', 'feedback-asked', 'feedback-received',
  'offer-shared', 'kept-in-touch', 'loop-closed',
];

interface ArchiveLike {
  format: string;
  version: number;
  settings: Record<string, unknown>;
  applications: {
    uuid: string;
    id: number;
    company: string;
    outcome: string | null;
    notInterested: boolean;
    rounds: { uuid: string }[];
    contacts: { uuid: string; noCalls: boolean }[];
    needs: string[];
    expand: string[];
    events: { uuid: string; type: string; newDate: string | null }[];
  }[];
}

/** show is compared on fewer days (eight applications each): a Saturday and a holiday. */
const SHOW_DAYS = ['2026-12-05', '2026-12-24'];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** show --json without the store's internal row numbers of rounds, contacts and events. */
function withoutRowIds(value: Json): Json {
  const copy = JSON.parse(JSON.stringify(value)) as { [k: string]: Json };
  for (const key of ['rounds', 'contacts', 'events']) {
    const list = copy[key];
    if (Array.isArray(list)) for (const row of list) if (row && typeof row === 'object' && !Array.isArray(row)) delete row.id;
  }
  return copy;
}

let dir: string;
let original: string;
let restored: string;
let archiveFile: string;
let archiveText: string;

beforeAll(async () => {
  ensureBuilt();
  dir = tempDir();
  original = path.join(dir, 'original.db');
  buildRichStore(original);
  archiveFile = path.join(dir, 'export.json');
  const r = await run(original, '2026-12-04', ['export', '--format', 'json', '--out', archiveFile]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toBe('');
  archiveText = fs.readFileSync(archiveFile, 'utf8');
  restored = path.join(dir, 'restored.db');
  const imported = await run(restored, '2026-12-04', ['import', archiveFile]);
  expect(imported.code, imported.stderr).toBe(0);
  expect(imported.stderr).not.toMatch(STACK_LINE);
}, 60_000);

describe('JSON export', () => {
  test('is versioned, holds everything, and puts a UUID on every application, round, contact and event', () => {
    const archive = JSON.parse(archiveText) as ArchiveLike;
    expect(archive.format).toBe('followup');
    expect(archive.version).toBe(2);
    expect(archive.applications).toHaveLength(8);
    const uuids: string[] = [];
    for (const a of archive.applications) {
      expect(a.uuid).toMatch(UUID);
      uuids.push(a.uuid);
      for (const r of a.rounds) (expect(r.uuid).toMatch(UUID), uuids.push(r.uuid));
      for (const c of a.contacts) (expect(c.uuid).toMatch(UUID), uuids.push(c.uuid));
      for (const e of a.events) (expect(e.uuid).toMatch(UUID), uuids.push(e.uuid));
    }
    expect(new Set(uuids).size).toBe(uuids.length);
    // The scenario's richness is in the file: every event type, every outcome, noCalls, needs, expand, settings.
    const types = new Set(archive.applications.flatMap((a) => a.events.map((e) => e.type)));
    expect([...types].sort()).toEqual([...EVENT_TYPES].sort());
    expect(new Set(archive.applications.map((a) => a.outcome))).toEqual(new Set([null, 'offer', 'rejected', 'withdrawn']));
    expect(archive.applications.some((a) => a.notInterested)).toBe(true);
    expect(archive.applications.some((a) => a.contacts.some((c) => c.noCalls))).toBe(true);
    expect(archive.applications.some((a) => a.needs.length > 0 && a.expand.length > 0)).toBe(true);
    expect(archive.applications.some((a) => a.events.some((e) => e.newDate !== null))).toBe(true);
    expect(archive.settings).toEqual({ holidays: ['2026-12-24', '2026-12-25'], keepInTouchDays: 30, name: 'Zoë Tester' });
    expect(archiveText).toContain(JSON.stringify(RICH_NOTES));
  });

  test('to stdout is the same archive as --out', async () => {
    const stdout = await ok(original, '2026-12-04', ['export', '--format', 'json']);
    const strip = (t: string) => JSON.stringify({ ...JSON.parse(t), exportedAt: null });
    expect(strip(stdout)).toBe(strip(archiveText));
    // json is the default format.
    expect(strip(await ok(original, '2026-12-04', ['export']))).toBe(strip(archiveText));
  });
});

describe('JSON round trip into a fresh store', () => {
  test('a second export of the restored store is the same archive', async () => {
    const again = await ok(restored, '2026-12-04', ['export', '--format', 'json']);
    const strip = (t: string) => JSON.stringify({ ...JSON.parse(t), exportedAt: null });
    expect(strip(again)).toBe(strip(archiveText));
  });

  test.each(PLAN_DAYS)('today --json and list --all --json are identical on %s', async (day) => {
    expect(await ok(restored, day, ['today', '--json'])).toBe(await ok(original, day, ['today', '--json']));
    expect(await ok(restored, day, ['list', '--all', '--json'])).toBe(await ok(original, day, ['list', '--all', '--json']));
    // The plain views too (what a person reads).
    expect(await ok(restored, day, ['today'])).toBe(await ok(original, day, ['today']));
  });

  test.each(SHOW_DAYS)('show N --json for every N carries the same records and plan on %s', async (day) => {
    const ids = (await json<{ id: number }[]>(original, day, ['list', '--all'])).map((a) => a.id);
    expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const id of ids) {
      const a = await json<Json>(original, day, ['show', String(id)]);
      const b = await json<Json>(restored, day, ['show', String(id)]);
      expect(withoutRowIds(b), `show ${id} on ${day}`).toEqual(withoutRowIds(a));
    }
  });

  test('show N --json for every N is byte-identical, row ids included', async () => {
    const day = '2026-12-04';
    for (let id = 1; id <= 8; id++) {
      expect(await ok(restored, day, ['show', String(id), '--json']), `show ${id}`).toBe(await ok(original, day, ['show', String(id), '--json']));
    }
  });

  test('the settings came along (holidays, name, keep-in-touch timer)', async () => {
    for (const key of ['holidays', 'name', 'keepInTouchDays', 'minGapDays']) {
      expect(await ok(restored, '2026-12-04', ['config', 'get', key])).toBe(await ok(original, '2026-12-04', ['config', 'get', key]));
    }
    expect((await ok(restored, '2026-12-04', ['config', 'get', 'name'])).trim()).toBe('Zoë Tester');
  });
});
