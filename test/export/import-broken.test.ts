/**
 * A broken or hostile file changes nothing: exit 2, a message naming the place in the file, no
 * stack trace, and the store's tables byte-for-byte as they were. All or nothing: a file whose
 * last application is broken lands nothing from the earlier ones, and a failure while writing
 * rolls the whole import back. `__proto__` keys never pollute Object.prototype.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseArchive } from '../../src/export/archive';
import { addDays, dumpStore, ensureBuilt, hashFile, ok, run, STACK_LINE, tableRows, tempDir } from './helpers';

const DAY = '2026-12-04';

interface Archive {
  format: unknown;
  version: unknown;
  settings: Record<string, unknown>;
  applications: Record<string, unknown>[];
}

let dir: string;
let target: string;
let validText: string;

/** A fresh copy of the valid archive to break. */
function archive(): Archive {
  return JSON.parse(validText) as Archive;
}

function events(a: Archive, i: number): Record<string, unknown>[] {
  return a.applications[i].events as Record<string, unknown>[];
}

let counter = 0;
function writeFile(text: string | Buffer): string {
  const file = path.join(dir, `broken-${++counter}.json`);
  fs.writeFileSync(file, text);
  return file;
}

/**
 * The store's bytes and its write-ahead log's. An empty log holds nothing: one left by the
 * read-only dump is removed when import opens the store to check it against the file.
 */
function storeFiles(db: string): string {
  const wal = fs.statSync(`${db}-wal`, { throwIfNoEntry: false });
  return `${hashFile(db)} ${wal === undefined || wal.size === 0 ? 'no log' : hashFile(`${db}-wal`)}`;
}

/** Import a file that must be refused; the store must be exactly as it was. Returns stderr. */
async function refused(text: string | Buffer, place: RegExp | string, db = target): Promise<string> {
  const file = writeFile(text);
  // The dump first: a read-only open may create an empty -wal beside a store that had none.
  const before = dumpStore(db);
  const hashes = storeFiles(db);
  const r = await run(db, DAY, ['import', file]);
  expect(r.code, `exit code; stderr: ${r.stderr}`).toBe(2);
  expect(r.stderr).toContain(path.basename(file));
  if (typeof place === 'string') expect(r.stderr).toContain(place);
  else expect(r.stderr).toMatch(place);
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stderr).not.toMatch(/\bat (Object|Module|JSON|Reader|parseArchive)\b|node:internal|RangeError|TypeError/);
  expect(r.stderr.length).toBeLessThan(2000);
  expect(r.stdout).toBe('');
  expect(storeFiles(db)).toBe(hashes);
  expect(dumpStore(db)).toBe(before);
  return r.stderr;
}

beforeAll(async () => {
  ensureBuilt();
  dir = tempDir();
  // The file's source: three applications with rounds, contacts and events.
  const source = path.join(dir, 'source.db');
  await ok(source, '2026-11-02', ['add', '--company', 'Acme', '--role', 'Backend Engineer', '--date', '2026-11-02',
    '--hiring-manager', 'Dana Reyes', '--phone', '+1 555 0100', '--decision-by', '2026-11-09', '--need', 'Go']);
  await ok(source, '2026-11-03', ['log', '1', 'thanks-sent']);
  await ok(source, '2026-11-12', ['log', '1', 'no-answer']);
  await ok(source, '2026-11-05', ['add', '--company', 'Ångström AB', '--role', 'Analyst', '--date', '2026-11-05',
    '--hiring-manager', 'Zoë Ünal', '--email', 'zoe@angstrom.example']);
  await ok(source, '2026-11-06', ['log', '2', 'thanks-sent']);
  await ok(source, '2026-11-09', ['add', '--company', 'Bolt', '--role', 'SRE', '--date', '2026-11-09', '--hr', 'Mo Diaz']);
  await ok(source, '2026-11-10', ['log', '3', 'thanks-sent']);
  await ok(source, '2026-11-10', ['config', 'set', 'name', 'Alex']);
  validText = await ok(source, DAY, ['export', '--format', 'json']);
  // The store the files are imported into: other data of its own.
  target = path.join(dir, 'target.db');
  await ok(target, '2026-11-20', ['add', '--company', 'Keep Me', '--role', 'Dev', '--date', '2026-11-20', '--hiring-manager', 'Kim']);
  await ok(target, '2026-11-21', ['log', '1', 'thanks-sent']);
  await ok(target, '2026-11-21', ['config', 'set', 'maxAttempts', '3']);
}, 60_000);

describe('broken files change nothing and exit 2 naming the place', () => {
  test('the valid file itself imports (so each refusal below is due to its one change)', async () => {
    const db = path.join(tempDir(), 'valid.db');
    const r = await run(db, DAY, ['import', writeFile(validText)]);
    expect(r.code, r.stderr).toBe(0);
    expect(tableRows(db, 'applications')).toHaveLength(3);
  });

  test('invalid JSON: a syntax error, a cut-off file, an empty file, not UTF-8 text', async () => {
    const lines = validText.split('\n');
    lines[3] = `${lines[3]} oops`;
    expect(await refused(lines.join('\n'), /not valid JSON/)).toMatch(/position \d+|line \d+/);
    await refused(validText.slice(0, Math.floor(validText.length / 2)), /not valid JSON/);
    await refused('', /not valid JSON/);
    await refused(Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0xc3, 0x28, 0x7d]), /not valid JSON/);
    await refused('[]', /\(top\)|object/);
    await refused('"followup"', /\(top\)|object/);
  });

  test('a file that is not a followup export, or from a newer followup', async () => {
    const wrong = archive();
    wrong.format = 'something-else';
    await refused(JSON.stringify(wrong), 'format');
    const missing = archive() as Partial<Archive>;
    delete missing.format;
    await refused(JSON.stringify(missing), 'format');
    const newer = archive();
    newer.version = 3;
    expect(await refused(JSON.stringify(newer), 'version')).toMatch(/newer|3/);
    const older = archive();
    older.version = '1';
    await refused(JSON.stringify(older), 'version');
  });

  test('an application missing "company"', async () => {
    const a = archive();
    delete a.applications[1].company;
    await refused(JSON.stringify(a), 'applications[1].company');
    const empty = archive();
    empty.applications[1].company = '   ';
    await refused(JSON.stringify(empty), 'applications[1].company');
  });

  test('an event dated 2026-02-30, and other impossible dates', async () => {
    const a = archive();
    events(a, 0)[1].date = '2026-02-30';
    await refused(JSON.stringify(a), 'applications[0].events[1].date');
    const b = archive();
    (b.applications[2].rounds as Record<string, unknown>[])[0].date = '2026-13-01';
    await refused(JSON.stringify(b), 'applications[2].rounds[0].date');
    const c = archive();
    events(c, 1)[0].date = 20261106;
    await refused(JSON.stringify(c), 'applications[1].events[0].date');
  });

  test('an unknown event type', async () => {
    const a = archive();
    events(a, 0)[0].type = 'danced';
    await refused(JSON.stringify(a), 'applications[0].events[0].type');
  });

  test('a duplicated UUID, within a table and across tables', async () => {
    const a = archive();
    events(a, 2)[0].uuid = events(a, 0)[1].uuid;
    await refused(JSON.stringify(a), 'applications[2].events[0].uuid');
    const b = archive();
    b.applications[2].uuid = b.applications[0].uuid;
    await refused(JSON.stringify(b), 'applications[2].uuid');
    const c = archive();
    (c.applications[1].contacts as Record<string, unknown>[])[0].uuid = c.applications[0].uuid;
    await refused(JSON.stringify(c), 'applications[1].contacts[0].uuid');
    const d = archive();
    events(d, 1)[0].uuid = 'not a uuid!';
    await refused(JSON.stringify(d), 'applications[1].events[0].uuid');
  });

  test('huge numbers: an id of 1e309 and of 2**60', async () => {
    for (const literal of ['1e309', '1152921504606846976', '9007199254740991', '2147483648', '-1', '1.5', '0']) {
      // The application's id (rounds, contacts and events carry row ids too).
      const text = validText.replace(/"id": 2,(\s*"company")/, `"id": ${literal},$1`);
      expect(text).not.toBe(validText);
      await refused(text, 'applications[1].id');
    }
    const round = validText.replace(/"number": 1,/, '"number": 1e309,');
    await refused(round, 'applications[0].rounds[0].number');
  });

  test('deep nesting: 100000 nested arrays or objects, alone or inside a field', async () => {
    const depth = 100_000;
    await refused('['.repeat(depth) + ']'.repeat(depth), /\(top\)|nested|not valid JSON/);
    await refused('{"a":'.repeat(depth) + '1' + '}'.repeat(depth), /format|nested|not valid JSON/);
    const inside = validText.replace('"needs": [', `"needs": [${'['.repeat(depth)}${']'.repeat(depth)},`);
    expect(inside).not.toBe(validText);
    await refused(inside, /applications\[0\]\.needs|nested|not valid JSON/);
    const obj = validText.replace('"why": null', `"why": ${'{"x":'.repeat(depth)}1${'}'.repeat(depth)}`);
    expect(obj).not.toBe(validText);
    await refused(obj, /applications\[0\]\.why|nested|not valid JSON/);
  });

  test('a settings value out of range, of the wrong kind, or unknown', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ maxAttempts: 99 }, 'settings.maxAttempts'],
      [{ minGapDays: 0 }, 'settings.minGapDays'],
      [{ minGapDays: 10, maxGapDays: 5 }, 'settings.minGapDays'],
      [{ keepInTouchDays: 1e309 }, 'settings.keepInTouchDays'],
      [{ holidays: ['2026-02-30'] }, 'settings.holidays'],
      [{ maxVoicemails: { n: 1 } }, 'settings.maxVoicemails'],
      [{ colour: 'blue' }, 'settings.colour'],
      // Fine on its own, but not with this store's maxGapDays (4, the default): config set refuses it.
      [{ name: 'Sam', minGapDays: 50 }, 'settings.minGapDays'],
      [{ holidays: ['1969-12-25'] }, 'settings.holidays'],
    ];
    for (const [settings, place] of cases) {
      const a = archive();
      a.settings = settings;
      const text = JSON.stringify(a).replace('"keepInTouchDays":null', '"keepInTouchDays":1e309');
      await refused(text, place);
    }
  });

  test('all or nothing: a valid file whose LAST application is broken lands nothing from the earlier ones', async () => {
    const a = archive();
    const last = a.applications[a.applications.length - 1];
    (last.rounds as Record<string, unknown>[])[0].kind = 'telepathy';
    const stderr = await refused(JSON.stringify(a), `applications[${a.applications.length - 1}].rounds[0].kind`);
    expect(stderr).toMatch(/Nothing was imported|nothing/i);
    const b = archive();
    const lastEvents = events(b, b.applications.length - 1);
    lastEvents[lastEvents.length - 1].date = '2026-11-31';
    await refused(JSON.stringify(b), `applications[${b.applications.length - 1}].events[${lastEvents.length - 1}].date`);
    // And into an empty store: it stays empty.
    const empty = path.join(tempDir(), 'empty.db');
    await ok(empty, DAY, ['config', 'set', 'name', 'Sam']);
    await refused(JSON.stringify(a), 'rounds[0].kind', empty);
    expect(tableRows(empty, 'applications')).toHaveLength(0);
  });

  test('all or nothing: a failure while writing the last record rolls the whole import back', async () => {
    const db = path.join(tempDir(), 'abort.db');
    await ok(db, '2026-11-20', ['add', '--company', 'Keep Me', '--role', 'Dev', '--date', '2026-11-20']);
    // A trigger that refuses one particular event stands in for a disk or constraint failure.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Sqlite = require('better-sqlite3') as typeof import('better-sqlite3');
    const handle = new Sqlite(db);
    handle.exec(`CREATE TRIGGER test_refuse BEFORE INSERT ON events WHEN new.note = 'refuse me'
      BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;`);
    handle.close();
    const a = archive();
    const lastEvents = events(a, a.applications.length - 1);
    lastEvents[lastEvents.length - 1].note = 'refuse me';
    const file = writeFile(JSON.stringify(a));
    const before = dumpStore(db);
    const r = await run(db, DAY, ['import', file]);
    // It failed in the write itself (after the earlier applications were inserted), not before.
    expect(r.stderr).toContain('refused by the test');
    expect(r.code).not.toBe(0);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(dumpStore(db)).toBe(before);
  });
});

describe('__proto__ keys', () => {
  const hostile = (): string[] => {
    const top = validText.replace('"format":', '"__proto__": {"polluted": "top", "format": "followup"}, "format":');
    const inApp = validText.replace('"company": "Acme",', '"__proto__": {"polluted": "app", "company": "Injected"}, "company": "Acme",');
    const inEvent = validText.replace('"type": "no-answer",', '"__proto__": {"polluted": "event"}, "type": "no-answer",');
    const inSettings = validText.replace('"settings": {', '"settings": {"__proto__": {"polluted": "settings", "maxAttempts": 99},');
    const constructor = validText.replace('"company": "Bolt",', '"constructor": {"prototype": {"polluted": "ctor"}}, "company": "Bolt",');
    const texts = [top, inApp, inEvent, inSettings, constructor];
    for (const t of texts) expect(t).not.toBe(validText);
    return texts;
  };

  test('do not pollute Object.prototype when parsed (in this process)', () => {
    for (const text of hostile()) {
      try {
        parseArchive(text, 'hostile.json');
      } catch (err) {
        expect((err as Error).name).toBe('UsageError');
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    }
    // An application whose own company is missing is not completed from __proto__.
    const noOwnCompany = validText.replace('"company": "Acme",', '"__proto__": {"company": "Injected"},');
    expect(() => parseArchive(noOwnCompany, 'hostile.json')).toThrow(/applications\[0\]\.company/);
  });

  test('through the command: each file imports as data or fails cleanly, and nothing is taken from __proto__', async () => {
    for (const text of hostile()) {
      const db = path.join(tempDir(), 'proto.db');
      await ok(db, '2026-11-20', ['add', '--company', 'Keep Me', '--role', 'Dev', '--date', '2026-11-20']);
      const file = writeFile(text);
      const before = dumpStore(db);
      const r = await run(db, DAY, ['import', file]);
      expect(r.stderr).not.toMatch(STACK_LINE);
      if (r.code === 0) {
        const companies = tableRows<{ company: string }>(db, 'applications').map((a) => a.company);
        expect(companies).toEqual(['Keep Me', 'Acme', 'Ångström AB', 'Bolt']);
        expect(tableRows<{ key: string; value: string }>(db, 'settings').map((s) => s.key)).toEqual(['name']);
        expect(JSON.stringify(tableRows(db, 'events'))).not.toContain('polluted');
      } else {
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/__proto__|constructor/);
        expect(dumpStore(db)).toBe(before);
      }
    }
    const noOwnCompany = validText.replace('"company": "Acme",', '"__proto__": {"company": "Injected"},');
    const db = path.join(tempDir(), 'proto2.db');
    await ok(db, '2026-11-20', ['config', 'set', 'name', 'Sam']);
    await refused(noOwnCompany, 'applications[0].company', db);
  });
});

describe('imports that would break the store (issue 10, items 6-10), through the command', () => {
  test('100,000 holidays are refused, and today still answers', async () => {
    const a = archive();
    a.settings = { holidays: Array.from({ length: 100_000 }, (_, i) => addDays('1990-01-01', i)) };
    expect(await refused(JSON.stringify(a), 'settings.holidays')).toMatch(/at most 1000/);
  });

  test('a date outside 1970-01-01 .. 2100-12-31 is refused naming the place', async () => {
    const a = archive();
    (a.applications[1].rounds as Record<string, unknown>[])[0].date = '1835-05-12';
    await refused(JSON.stringify(a), 'applications[1].rounds[0].date');
  });

  test("a round UUID of another application in the store is refused naming the place", async () => {
    const a = archive();
    const theirs = tableRows<{ uuid: string }>(target, 'rounds')[0].uuid;
    (a.applications[2].rounds as Record<string, unknown>[])[0].uuid = theirs;
    await refused(JSON.stringify(a), 'applications[2].rounds[0].uuid');
  });

  test('add --date -9999w is refused with the range, and nothing is written', async () => {
    const db = path.join(tempDir(), 'range.db');
    await ok(db, DAY, ['add', '--company', 'Keep', '--role', 'Dev', '--date', DAY]);
    const before = dumpStore(db);
    const r = await run(db, DAY, ['add', '--company', 'Old', '--role', 'Dev', '--date', '-9999w']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/--date.*1835-.*1970-01-01 to 2100-12-31/);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(dumpStore(db)).toBe(before);
  });

  test('a time written as 9:30 imports, as 09:30', async () => {
    const a = archive();
    (a.applications[0].rounds as Record<string, unknown>[])[0].time = '9:30';
    const db = path.join(tempDir(), 'time.db');
    const r = await run(db, DAY, ['import', writeFile(JSON.stringify(a))]);
    expect(r.code, r.stderr).toBe(0);
    expect(tableRows<{ time: string | null }>(db, 'rounds')[0].time).toBe('09:30');
  });
});
