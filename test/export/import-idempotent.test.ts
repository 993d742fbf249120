/**
 * `followup import` is idempotent: the same file twice adds nothing the second time (every table
 * row as it was) and says so; two overlapping exports give their union, without duplicates, in
 * either order.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { copyStore, dumpStore, ensureBuilt, json, ok, run, STACK_LINE, tableRows, tempDir } from './helpers';
import { buildRichStore } from './scenario';

const DAY = '2026-12-04';
/** sqlite_sequence is SQLite's own counter table (an empty journal entry advances it); the rest are rows. */
const COUNTERS = ['sqlite_sequence'];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/**
 * Everything a store holds about each application, keyed by UUID (its number left out, as it may
 * differ between stores), plus its settings: read from a JSON export of that store.
 */
async function content(db: string): Promise<Record<string, Json>> {
  const archive = JSON.parse(await ok(db, DAY, ['export', '--format', 'json'])) as {
    settings: Json;
    applications: ({ uuid: string; id?: number } & { [k: string]: Json })[];
  };
  const out: Record<string, Json> = { settings: archive.settings };
  for (const a of archive.applications) {
    const { id: _id, ...rest } = a;
    void _id;
    out[a.uuid] = rest;
  }
  return out;
}

function withoutRowIds(value: Json): Json {
  const copy = JSON.parse(JSON.stringify(value)) as { [k: string]: Json };
  for (const key of ['rounds', 'contacts', 'events']) {
    const list = copy[key];
    if (Array.isArray(list)) for (const row of list) if (row && typeof row === 'object' && !Array.isArray(row)) delete row.id;
  }
  return copy;
}

function uuids(db: string, table: string): string[] {
  return tableRows<{ uuid: string }>(db, table)
    .map((r) => r.uuid)
    .sort();
}

function counts(db: string): Record<string, number> {
  return Object.fromEntries(['applications', 'rounds', 'contacts', 'events', 'facts', 'settings'].map((t) => [t, tableRows(db, t).length]));
}

let dir: string;
let source: string;
let first: string;
let second: string;

beforeAll(async () => {
  ensureBuilt();
  dir = tempDir();
  source = path.join(dir, 'source.db');
  buildRichStore(source);
  first = path.join(dir, 'first.json');
  await ok(source, DAY, ['export', '--format', 'json', '--out', first]);
  // More happens after the first export: events, a new round, a new contact and need, an
  // outcome, a new application; then the second export overlaps the first.
  await ok(source, '2026-12-07', ['log', '7', 'thanks-sent', '--note', 'late, sorry']);
  await ok(source, '2026-12-07', ['log', '8', 'thanks-sent']);
  await ok(source, '2026-12-08', ['add', '--company', 'Acme', '--role', 'Backend Engineer', '--date', '2026-12-08', '--kind', 'onsite',
    '--interviewer', 'Noor Haddad']);
  await ok(source, '2026-12-08', ['edit', '8', '--hr', 'Jo Smith', '--hr-email', 'jo@script.example', '--need', 'accessibility']);
  await ok(source, '2026-12-09', ['outcome', '7', 'rejected', '--note', 'budget']);
  await ok(source, '2026-12-09', ['add', '--company', 'Nordlys AS', '--role', 'Utvikler', '--date', '2026-12-09',
    '--hiring-manager', 'Åse Øvrebø', '--email', 'ase@nordlys.example', '--decision-by', '2026-12-16']);
  await ok(source, '2026-12-10', ['log', '9', 'thanks-sent']);
  second = path.join(dir, 'second.json');
  await ok(source, DAY, ['export', '--format', 'json', '--out', second]);
}, 60_000);

describe('import is idempotent', () => {
  test('the same file twice adds nothing the second time, says so, and leaves every row as it was', async () => {
    const db = path.join(tempDir(), 'twice.db');
    const once = await run(db, DAY, ['import', first]);
    expect(once.code, once.stderr).toBe(0);
    expect(once.stdout).toMatch(/Imported .*first\.json: 8 applications added/);
    const after1 = dumpStore(db, { skip: COUNTERS });

    const twice = await run(db, DAY, ['import', first]);
    expect(twice.code, twice.stderr).toBe(0);
    expect(twice.stdout).toMatch(/Nothing new in .*first\.json/);
    expect(twice.stderr).not.toMatch(STACK_LINE);
    expect(dumpStore(db, { skip: COUNTERS })).toBe(after1);

    const thrice = await json<Record<string, number>>(db, DAY, ['import', first]);
    expect(thrice).toEqual({ applications: 0, merged: 8, rounds: 0, contacts: 0, events: 0, settings: 0, outcomes: 0 });
    expect(dumpStore(db, { skip: COUNTERS })).toBe(after1);

    // Nothing to undo from the no-op imports: undo takes back the first import itself.
    const journal = tableRows<{ summary: string }>(db, 'journal');
    expect(journal).toHaveLength(1);
    expect(journal[0].summary).toMatch(/^import: /);
  });

  test('importing an export back into the store it came from changes nothing', async () => {
    const db = copyStore(source);
    const before = dumpStore(db, { skip: COUNTERS });
    const r = await run(db, DAY, ['import', second]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Nothing new/);
    expect(dumpStore(db, { skip: COUNTERS })).toBe(before);
  });

  test('two overlapping exports give their union, without duplicates, in either order', async () => {
    const firstArchive = JSON.parse(fs.readFileSync(first, 'utf8')) as { applications: unknown[] };
    const secondArchive = JSON.parse(fs.readFileSync(second, 'utf8')) as { applications: unknown[] };
    expect(firstArchive.applications).toHaveLength(8);
    expect(secondArchive.applications).toHaveLength(9);

    const expected = await content(source);
    const expectedCounts = counts(source);
    for (const order of [[first, second], [second, first]]) {
      const db = path.join(tempDir(), 'union.db');
      for (const file of order) {
        const r = await run(db, DAY, ['import', file]);
        expect(r.code, r.stderr).toBe(0);
      }
      expect(counts(db), `${order.map((f) => path.basename(f)).join(' then ')}`).toEqual(expectedCounts);
      for (const table of ['applications', 'rounds', 'contacts', 'events']) expect(uuids(db, table), table).toEqual(uuids(source, table));
      expect(await content(db)).toEqual(expected);
      expect(await ok(db, DAY, ['today', '--json'])).toBe(await ok(source, DAY, ['today', '--json']));
      for (const id of [3, 8, 9]) {
        expect(withoutRowIds(await json<Json>(db, DAY, ['show', String(id)]))).toEqual(withoutRowIds(await json<Json>(source, DAY, ['show', String(id)])));
      }
      expect(await ok(db, '2026-12-14', ['list', '--all', '--json'])).toBe(await ok(source, '2026-12-14', ['list', '--all', '--json']));
    }
  });

  test('a store that went its own way after the first import gets the union of both', async () => {
    const db = path.join(tempDir(), 'laptop.db');
    await ok(db, DAY, ['import', first]);
    await ok(db, '2026-12-07', ['add', '--company', 'Oslo Kaffe', '--role', 'Barista', '--date', '2026-12-07', '--hiring-manager', 'Kari']);
    await ok(db, '2026-12-07', ['log', '3', 'no-answer']);
    const mine = await content(db);
    const r = await run(db, DAY, ['import', second]);
    expect(r.code, r.stderr).toBe(0);
    const theirs = await content(source);
    const union = await content(db);
    // Every application of both sides is there once; what only this store had is kept as it was.
    expect(Object.keys(union).sort()).toEqual([...new Set([...Object.keys(mine), ...Object.keys(theirs)])].sort());
    const kaffe = Object.keys(mine).find((k) => k !== 'settings' && !(k in theirs))!;
    expect(union[kaffe]).toEqual(mine[kaffe]);
    // Acme's events are the union of both sides' events, each once.
    const acmeUuid = (await json<{ uuid: string; company: string }[]>(source, DAY, ['list', '--all'])).find((a) => a.company === 'Acme')!.uuid;
    const events = (x: Record<string, Json>) => ((x[acmeUuid] as { events: { uuid: string }[] }).events.map((e) => e.uuid));
    expect(events(union).sort()).toEqual([...new Set([...events(mine), ...events(theirs)])].sort());
    for (const table of ['applications', 'rounds', 'contacts', 'events']) {
      const ids = uuids(db, table);
      expect(new Set(ids).size, table).toBe(ids.length);
      expect(ids).toEqual(expect.arrayContaining(uuids(source, table)));
    }
    // And once more: nothing new.
    const again = await run(db, DAY, ['import', second]);
    expect(again.stdout).toMatch(/Nothing new/);
  });
});
