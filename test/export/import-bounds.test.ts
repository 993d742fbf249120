/**
 * Imports that would break the store (issue 10, items 6-10), in-process: parseArchive and the
 * Store on temporary files. Every refusal is a UsageError naming the place in the file, and the
 * store's tables are exactly as they were.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { buildArchive, parseArchive, type Archive } from '../../src/export/archive.js';
import { UsageError } from '../../src/errors.js';
import { Store, type InterviewInput } from '../../src/store/store.js';
import { dumpStore } from './helpers.js';

let dir: string;
const opened: Store[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-import-bounds-'));
});

afterEach(() => {
  for (const s of opened.splice(0)) s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

let counter = 0;
function openStore(): Store {
  const store = Store.open({ file: path.join(dir, `s${++counter}.db`), explicit: true });
  opened.push(store);
  return store;
}

function interview(over: Partial<InterviewInput> = {}): InterviewInput {
  return {
    company: 'Acme', role: 'Backend Engineer', date: '2026-11-02', time: '09:30', kind: 'video',
    decisionBy: '2026-11-09', nextSteps: null, notes: null, why: null,
    contacts: [{ name: 'Dana Reyes', role: 'hiring-manager', phone: '+1 555 0100' }], needs: ['Go'], expand: [], ...over,
  };
}

/** A store with two applications (rounds, contacts, events) and its archive as JSON data. */
function sourceArchive(): { store: Store; data: ArchiveData } {
  const store = openStore();
  const a = store.addInterview(interview());
  store.addEvent(a.id, { type: 'thanks-sent', date: '2026-11-03' });
  const b = store.addInterview(interview({ company: 'Bolt', role: 'SRE', date: '2026-11-05', contacts: [{ name: 'Mo', role: 'hr' }] }));
  store.addEvent(b.id, { type: 'thanks-sent', date: '2026-11-06' });
  store.setConfig('name', 'Alex');
  return { store, data: toData(buildArchive(store.listApplications('all'), store.storedSettings(), '')) };
}

type ArchiveData = { settings: Record<string, unknown>; applications: Record<string, unknown>[] } & Record<string, unknown>;
const toData = (a: Archive): ArchiveData => JSON.parse(JSON.stringify(a)) as ArchiveData;
const list = (a: ArchiveData, i: number, key: 'rounds' | 'contacts' | 'events') =>
  a.applications[i][key] as Record<string, unknown>[];

/** The UsageError parseArchive or importArchive throws for this file, or fails when it imports. */
function refusal(data: ArchiveData | string, into: Store): string {
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  const before = dumpStore(into.file);
  let error: unknown = null;
  try {
    into.importArchive(parseArchive(text, 'f.json'), 'f.json');
  } catch (err) {
    error = err;
  }
  expect(error, 'the import should have been refused').toBeInstanceOf(UsageError);
  expect(dumpStore(into.file)).toBe(before);
  const message = (error as Error).message;
  expect(message).toMatch(/^f\.json: /);
  expect(message).toMatch(/Nothing was imported/);
  return message;
}

function imports(data: ArchiveData, into: Store) {
  return into.importArchive(parseArchive(JSON.stringify(data), 'f.json'), 'f.json');
}

/** Each application's round, contact and event UUIDs as the store holds them, by application UUID. */
function ownership(store: Store): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const a of store.listApplications('all')) {
    out[a.uuid] = [...a.rounds, ...a.contacts, ...a.events].map((x) => x.uuid!).sort();
  }
  return out;
}

describe('6. row ids stay in a safe range', () => {
  test('an application id of 2^53-1, or above 2^31-1, is refused naming the place', () => {
    const { data } = sourceArchive();
    for (const id of [2 ** 53 - 1, 2 ** 31, 2 ** 40]) {
      data.applications[1].id = id;
      expect(refusal(data, openStore())).toContain('applications[1].id');
    }
  });

  test('the ids of rounds, contacts and events too', () => {
    for (const key of ['rounds', 'contacts', 'events'] as const) {
      const { data } = sourceArchive();
      list(data, 0, key)[0].id = 2 ** 53 - 1;
      expect(refusal(data, openStore())).toContain(`applications[0].${key}[0].id`);
    }
  });

  test('the largest id allowed imports; a second application that wants it gets another number, its own rounds', () => {
    const target = openStore();
    const { data } = sourceArchive();
    data.applications[0].id = 2 ** 31 - 1;
    imports(data, target);
    const other = sourceArchive().data;
    other.applications[0].id = 2 ** 31 - 1;
    imports(other, target);
    const apps = target.listApplications('all');
    const ids = apps.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(Number.isSafeInteger(id)).toBe(true);
    expect(ids).toContain(2 ** 31 - 1);
    const expected: Record<string, string[]> = {};
    for (const d of [data, other]) {
      for (const a of d.applications) {
        expected[a.uuid as string] = (['rounds', 'contacts', 'events'] as const)
          .flatMap((k) => (a[k] as { uuid: string }[]).map((x) => x.uuid))
          .sort();
      }
    }
    expect(ownership(target)).toEqual(expected);
    // And `add` after it gets a fresh, safe number.
    const added = target.addInterview(interview({ company: 'After', role: 'Dev' }));
    expect(Number.isSafeInteger(added.id)).toBe(true);
    expect(ids).not.toContain(added.id);
  });

  test('a store already holding an id near 2^53 never gets two applications with one number', () => {
    const target = openStore();
    // A store damaged by the old import: applications 1 and 2 (the numbers the file asks for),
    // and one numbered 2^53-1, so the file's two get the numbers after it.
    target.addInterview(interview({ company: 'One', role: 'Dev' }));
    target.addInterview(interview({ company: 'Two', role: 'Dev' }));
    const old = target.addInterview(interview({ company: 'Old', role: 'Dev' })).id;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Sqlite = require('better-sqlite3') as typeof import('better-sqlite3');
    const raw = new Sqlite(target.file);
    raw.pragma('foreign_keys = OFF');
    const big = 2n ** 53n - 1n;
    for (const table of ['rounds', 'contacts', 'facts']) {
      raw.prepare(`UPDATE ${table} SET application_id = ? WHERE application_id = ?`).run(big, old);
    }
    raw.prepare('UPDATE applications SET id = ? WHERE id = ?').run(big, old);
    raw.close();
    const { data } = sourceArchive();
    let error: unknown = null;
    try {
      imports(data, target);
    } catch (err) {
      error = err;
    }
    if (error === null) {
      // Imported: every application's number is its own, and so are its rounds.
      const check = new Sqlite(target.file, { readonly: true });
      check.defaultSafeIntegers(true);
      const ids = (check.prepare('SELECT id FROM applications').pluck().all() as bigint[]).map(String);
      const orphans = check.prepare(
        `SELECT count(*) FROM applications a WHERE NOT EXISTS (SELECT 1 FROM rounds r WHERE r.application_id = a.id)`,
      ).pluck().get() as bigint;
      check.close();
      expect(new Set(ids).size).toBe(ids.length);
      expect(orphans).toBe(0n);
    } else {
      expect((error as Error).message).toMatch(/nothing was (imported|changed)/i);
    }
  });
});

describe('7. an archive holds what a job search holds', () => {
  test('100,000 holidays are refused naming settings.holidays; 1,000 import', () => {
    const start = Date.UTC(1990, 0, 1);
    const days = (n: number) => Array.from({ length: n }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
    const { data } = sourceArchive();
    data.settings = { holidays: days(100_000) };
    expect(refusal(data, openStore())).toContain('settings.holidays');
    data.settings = { holidays: days(1001) };
    expect(refusal(data, openStore())).toContain('settings.holidays');
    data.settings = { holidays: days(1000) };
    const target = openStore();
    imports(data, target);
    expect(target.getConfig().holidays).toHaveLength(1000);
  });

  test('dates outside 1970-01-01 .. 2100-12-31 are refused, wherever they are', () => {
    const cases: [(a: ArchiveData) => void, string][] = [
      [(a) => (list(a, 0, 'rounds')[0].date = '1969-12-31'), 'applications[0].rounds[0].date'],
      [(a) => (list(a, 0, 'rounds')[0].decisionBy = '2101-01-01'), 'applications[0].rounds[0].decisionBy'],
      [(a) => (list(a, 1, 'events')[0].date = '1900-01-01'), 'applications[1].events[0].date'],
      [(a) => (list(a, 1, 'events')[0].newDate = '2999-12-31'), 'applications[1].events[0].newDate'],
      [(a) => Object.assign(a.applications[0], { outcome: 'rejected', outcomeDate: '1950-06-01' }), 'applications[0].outcomeDate'],
      [(a) => (a.settings = { holidays: ['1969-12-25'] }), 'settings.holidays'],
    ];
    for (const [breakIt, place] of cases) {
      const { data } = sourceArchive();
      breakIt(data);
      expect(refusal(data, openStore())).toContain(place);
    }
    const { data } = sourceArchive();
    list(data, 0, 'rounds')[0].date = '1970-01-01';
    list(data, 0, 'rounds')[0].decisionBy = '2100-12-31';
    imports(data, openStore());
  });

  test('counts are bounded: events, contacts, rounds and facts of one application', () => {
    const cases: [keyof ArchiveData & string | 'events' | 'contacts' | 'needs', number][] = [
      ['events', 10_001],
      ['contacts', 1001],
      ['needs', 1001],
    ];
    for (const [key, n] of cases) {
      const { data } = sourceArchive();
      const app = data.applications[0];
      const one = (app[key] as unknown[])[0];
      app[key] = Array.from({ length: n }, (_, i) =>
        typeof one === 'string' ? `need ${i}` : { ...(one as object), uuid: `u${String(i).padStart(12, '0')}`, id: undefined },
      );
      expect(refusal(data, openStore())).toContain(`applications[0].${key}`);
    }
  });

  test('texts are bounded', () => {
    const { data } = sourceArchive();
    data.applications[0].company = 'x'.repeat(1_000_001);
    expect(refusal(data, openStore())).toContain('applications[0].company');
  });
});

describe('8. settings go through the checks of config set, all or nothing', () => {
  test('minGapDays 50 into a store where maxGapDays is 4 (the default) is refused, and nothing else lands', () => {
    const target = openStore();
    target.addInterview(interview({ company: 'Keep', role: 'Me' }));
    const { data } = sourceArchive();
    data.settings = { name: 'Sam', minGapDays: 50 };
    expect(refusal(data, target)).toContain('settings.minGapDays');
    expect(target.storedSettings()).toEqual({});
    expect(target.listApplications('all')).toHaveLength(1);
  });

  test('settings merged with the ones stored here must hold together', () => {
    const target = openStore();
    target.setConfig('maxGapDays', 10);
    const { data } = sourceArchive();
    data.settings = { minGapDays: 20, maxGapDays: 30 };
    expect(refusal(data, target)).toMatch(/settings\.minGapDays.*maxGapDays/);
    // Into an empty store the same pair is fine, and config set still works after it.
    const empty = openStore();
    imports(data, empty);
    expect(empty.getConfig()).toMatchObject({ minGapDays: 20, maxGapDays: 30 });
  });

  test('a value config set refuses is refused: null for a number, a fraction, out of range', () => {
    for (const [settings, place] of [
      [{ minGapDays: null }, 'settings.minGapDays'],
      [{ maxAttempts: 2.5 }, 'settings.maxAttempts'],
      [{ keepInTouchDays: 0 }, 'settings.keepInTouchDays'],
      [{ minGapDays: 10, maxGapDays: 5 }, 'settings.minGapDays'],
    ] as const) {
      const { data } = sourceArchive();
      data.settings = { ...settings };
      expect(refusal(data, openStore())).toContain(place);
    }
  });
});

describe('9. what add, edit and bench:seed write, import takes', () => {
  test('a time typed as 9:30 (the shared time rule) imports as 09:30; 24:00 is refused', () => {
    const { data } = sourceArchive();
    list(data, 0, 'rounds')[0].time = '9:30';
    const target = openStore();
    imports(data, target);
    expect(target.listApplications('all')[0].rounds[0].time).toBe('09:30');
    const bad = sourceArchive().data;
    list(bad, 0, 'rounds')[0].time = '24:00';
    expect(refusal(bad, openStore())).toContain('applications[0].rounds[0].time');
  });
});

describe('10. a UUID names one record', () => {
  test('a round, contact or event UUID of another application in the store is refused naming the place', () => {
    for (const key of ['rounds', 'contacts', 'events'] as const) {
      const target = openStore();
      const { data } = sourceArchive();
      imports(data, target);
      // A second file: a new application that reuses application 0's record UUID.
      const other = sourceArchive().data;
      list(other, 1, key)[0].uuid = list(data, 0, key)[0].uuid;
      expect(refusal(other, target)).toContain(`applications[1].${key}[0].uuid`);
    }
  });

  test('a record UUID that is another application UUID in the store, or another kind of record', () => {
    const target = openStore();
    const { data } = sourceArchive();
    imports(data, target);
    const other = sourceArchive().data;
    list(other, 0, 'rounds')[0].uuid = data.applications[1].uuid;
    expect(refusal(other, target)).toContain('applications[0].rounds[0].uuid');
    const third = sourceArchive().data;
    list(third, 1, 'events')[0].uuid = list(data, 0, 'contacts')[0].uuid;
    expect(refusal(third, target)).toContain('applications[1].events[0].uuid');
  });

  test('within the archive: a round UUID used twice', () => {
    const { data } = sourceArchive();
    list(data, 1, 'rounds')[0].uuid = list(data, 0, 'rounds')[0].uuid;
    expect(refusal(data, openStore())).toContain('applications[1].rounds[0].uuid');
  });

  test('the same file twice still adds nothing the second time', () => {
    const target = openStore();
    const { data } = sourceArchive();
    imports(data, target);
    const before = dumpStore(target.file, { skip: ['journal', 'undo_log', 'sqlite_sequence'] });
    const counts = imports(data, target);
    expect(counts).toMatchObject({ applications: 0, rounds: 0, contacts: 0, events: 0, settings: 0 });
    expect(dumpStore(target.file, { skip: ['journal', 'undo_log', 'sqlite_sequence'] })).toBe(before);
  });
});
