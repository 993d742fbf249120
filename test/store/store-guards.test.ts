/**
 * Issue 10, in-process against real temporary files: the output guard, backups kept per store,
 * the probe that keeps a damaged store from taking writes, other programs' databases, and the
 * journal that records only real changes.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { StoreError, UsageError } from '../../src/errors.js';
import {
  backupDir,
  listBackups,
  pruneBackups,
  removeStaleTemps,
  timestampedBackupPath,
} from '../../src/store/backup.js';
import { checkOutputTarget, resolveWriteTarget } from '../../src/store/guard.js';
import { Store, type InterviewInput, type RecordInput } from '../../src/store/store.js';

let dir: string;
const opened: { close(): void }[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-guards-'));
});

afterEach(() => {
  for (const s of opened.splice(0)) s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function openStore(file = path.join(dir, 'followup.db')): Store {
  const store = Store.open({ file, explicit: true });
  opened.push(store);
  return store;
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function interview(company: string): InterviewInput {
  return {
    company, role: 'Engineer', date: '2026-11-20', time: null, kind: null, decisionBy: '2026-11-27', nextSteps: null,
    notes: null, why: null, contacts: [{ name: 'Dana Reyes', role: 'hiring-manager', phone: '+1 555 0100' }], needs: ['Postgres'],
    expand: [],
  };
}

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}

/** A process id that no longer runs. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('output guard', () => {
  test('the store, its companions, a backup and any SQLite database are refused by the real file', () => {
    const file = path.join(dir, 's.db');
    openStore(file).addInterview(interview('Acme'));
    fs.symlinkSync(file, path.join(dir, 'link.db'));
    fs.linkSync(file, path.join(dir, 'hard.db'));
    const other = path.join(dir, 'other.sqlite');
    new Sqlite(other).exec('CREATE TABLE t (x)');
    const cases = [file, path.join(dir, 'link.db'), path.join(dir, 'hard.db'), `${file}-wal`, `${file}-shm`, `${file}-journal`, other];
    for (const target of cases) {
      const err = caught(() => checkOutputTarget(target, file, '--out'));
      expect(err, target).toBeInstanceOf(UsageError);
      expect((err as Error).message).toMatch(/nothing was written/);
    }
    // A second path to the store through a folder link.
    fs.symlinkSync(dir, path.join(os.tmpdir(), path.basename(dir) + '-alias'));
    const alias = path.join(os.tmpdir(), path.basename(dir) + '-alias', 's.db');
    try {
      expect(caught(() => checkOutputTarget(alias, file, '--out'))).toBeInstanceOf(UsageError);
    } finally {
      fs.rmSync(path.join(os.tmpdir(), path.basename(dir) + '-alias'));
    }
  });

  test('a FIFO, a folder and a missing folder are refused; a new file and a text file are fine', () => {
    const store = path.join(dir, 's.db');
    openStore(store);
    spawnSync('mkfifo', [path.join(dir, 'pipe')]);
    expect((caught(() => checkOutputTarget(path.join(dir, 'pipe'), store, '--out')) as Error).message).toMatch(/not a regular file/);
    expect(caught(() => checkOutputTarget(dir, store, '--out'))).toBeInstanceOf(UsageError);
    expect((caught(() => checkOutputTarget(path.join(dir, 'no', 'x.csv'), store, '--out')) as Error).message).toMatch(/does not exist/);
    fs.writeFileSync(path.join(dir, 'old.csv'), 'a,b\n');
    expect(checkOutputTarget(path.join(dir, 'old.csv'), store, '--out')).toBe(path.join(dir, 'old.csv'));
    expect(checkOutputTarget(path.join(dir, 'new.csv'), store, '--out')).toBe(path.join(dir, 'new.csv'));
  });

  test('a symlink resolves to its target, also a dangling one and a chain', () => {
    fs.symlinkSync('real.txt', path.join(dir, 'a'));
    fs.symlinkSync(path.join(dir, 'a'), path.join(dir, 'b'));
    expect(resolveWriteTarget(path.join(dir, 'b'))).toBe(path.join(dir, 'real.txt'));
    fs.symlinkSync('loop2', path.join(dir, 'loop1'));
    fs.symlinkSync('loop1', path.join(dir, 'loop2'));
    expect(caught(() => resolveWriteTarget(path.join(dir, 'loop1')))).toBeInstanceOf(UsageError);
  });

  test('backup --to through a second path to the store, or onto a database, writes nothing', () => {
    const real = path.join(dir, 'r.db');
    const store = openStore(real);
    store.addInterview(interview('Acme'));
    fs.symlinkSync(real, path.join(dir, 'l.db'));
    const viaLink = Store.open({ file: path.join(dir, 'l.db'), explicit: true });
    opened.push(viaLink);
    const before = sha256(real);
    expect(caught(() => viaLink.backup(real))).toBeInstanceOf(UsageError);
    expect(caught(() => store.backup(path.join(dir, 'l.db')))).toBeInstanceOf(UsageError);
    const first = store.backup(path.join(dir, 'copy.db'));
    expect(caught(() => store.backup(first))).toBeInstanceOf(UsageError);
    expect(sha256(real)).toBe(before);
  });

  test('backup --to through a symlink writes the file it points to and keeps the link', () => {
    const store = openStore(path.join(dir, 's.db'));
    store.addInterview(interview('Acme'));
    fs.mkdirSync(path.join(dir, 'vault'));
    fs.symlinkSync(path.join(dir, 'vault', 'weekly.db'), path.join(dir, 'weekly.db'));
    store.backup(path.join(dir, 'weekly.db'));
    expect(fs.lstatSync(path.join(dir, 'weekly.db')).isSymbolicLink()).toBe(true);
    const copy = new Sqlite(path.join(dir, 'vault', 'weekly.db'), { readonly: true });
    expect(copy.prepare('SELECT company FROM applications').pluck().all()).toEqual(['Acme']);
    copy.close();
  });
});

describe('backups, one folder per store', () => {
  test('work.db and work-old.db never share backups; pruning keeps ten of its own and the newest', () => {
    const work = path.join(dir, 'work.db');
    const old = path.join(dir, 'work-old.db');
    const bare = path.join(dir, 'work');
    expect(new Set([backupDir(work), backupDir(old), backupDir(bare)]).size).toBe(3);
    const oldStore = openStore(old);
    oldStore.addInterview(interview('Old'));
    const oldBackup = oldStore.backup();
    const store = openStore(work);
    store.addInterview(interview('New'));
    const written: string[] = [];
    for (let i = 0; i < 12; i++) written.push(store.backup());
    const kept = listBackups(work);
    expect(kept).toHaveLength(10);
    expect(kept).toContain(written[11]);
    expect(listBackups(old)).toEqual([oldBackup]);
    expect(fs.existsSync(oldBackup)).toBe(true);
  });

  test('pruning never removes the backup just written, even when its name sorts first', () => {
    const work = path.join(dir, 'work.db');
    fs.mkdirSync(backupDir(work), { recursive: true });
    const later: string[] = [];
    for (let i = 0; i < 10; i++) {
      const f = timestampedBackupPath(work, new Date(Date.UTC(2030, 0, 1 + i)));
      fs.writeFileSync(f, '');
      later.push(f);
    }
    const justWritten = timestampedBackupPath(work, new Date(Date.UTC(2026, 0, 1)));
    fs.writeFileSync(justWritten, '');
    pruneBackups(work, justWritten);
    expect(fs.existsSync(justWritten)).toBe(true);
    expect(listBackups(work)).toHaveLength(10);
  });

  test('files that followup did not name are neither listed nor pruned', () => {
    const work = path.join(dir, 'work.db');
    fs.mkdirSync(backupDir(work), { recursive: true });
    const mine = path.join(backupDir(work), 'keep-me.db');
    fs.writeFileSync(mine, '');
    expect(listBackups(work)).toEqual([]);
    pruneBackups(work, '', 0);
    expect(fs.existsSync(mine)).toBe(true);
  });

  test('what a killed backup left is removed at the next one; a running one\'s is not', () => {
    const store = openStore(path.join(dir, 's.db'));
    store.addInterview(interview('Acme'));
    const folder = backupDir(store.file);
    fs.mkdirSync(folder, { recursive: true });
    const dead = deadPid();
    const stale = [`.20261130-120000-000.db.${dead}.tmp`, `.20261130-120000-000.db.${dead}.tmp-journal`];
    for (const f of stale) fs.writeFileSync(path.join(folder, f), 'x'.repeat(1000));
    const live = `.20261130-120000-000.db.${process.ppid}.tmp`;
    fs.writeFileSync(path.join(folder, live), 'x');
    store.backup();
    for (const f of stale) expect(fs.existsSync(path.join(folder, f)), f).toBe(false);
    expect(fs.existsSync(path.join(folder, live))).toBe(true);
  });

  test('removeStaleTemps with a name leaves other files\' temporaries', () => {
    const dead = deadPid();
    fs.writeFileSync(path.join(dir, `.a.csv.${dead}.tmp`), '');
    fs.writeFileSync(path.join(dir, `.b.csv.${dead}.tmp`), '');
    removeStaleTemps(dir, 'a.csv');
    expect(fs.readdirSync(dir).sort()).toEqual([`.b.csv.${dead}.tmp`]);
  });
});

/** Overwrite part of the cell area of one leaf page of an index (as a bad sector or a stray write would). */
function damageIndexLeaf(file: string, index: string, which: 'first' | 'last' = 'first'): void {
  const db = new Sqlite(file, { readonly: true });
  const leaves = db.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno").pluck().all(index) as number[];
  const size = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const page = which === 'first' ? leaves[0] : leaves[leaves.length - 1];
  const start = (page - 1) * size;
  const fd = fs.openSync(file, 'r+');
  const header = Buffer.alloc(8);
  fs.readSync(fd, header, 0, 8, start);
  // The middle of the cells: from where the cell content area starts (header bytes 5-6) to the end.
  const content = header.readUInt16BE(5) || 65536;
  const middle = content + Math.floor((size - content) / 2) - 24;
  fs.writeSync(fd, Buffer.alloc(48, 0x41), 0, 48, start + middle);
  fs.closeSync(fd);
}

function seedRecords(n: number): RecordInput[] {
  return Array.from({ length: n }, (_, i) => ({
    company: `Company ${i} ${'x'.repeat(200)}`,
    role: 'Engineer',
    rounds: [{ date: '2026-11-02', decisionBy: '2026-11-09' }],
    contacts: [{ name: `Person ${i}`, role: 'hiring-manager' as const, phone: '+1 555 0100' }],
    needs: [`need ${i} ${'y'.repeat(200)}`],
    expand: [],
    events: [{ type: 'thanks-sent' as const, date: '2026-11-03' }],
  }));
}

describe('a damaged store takes no writes', () => {
  test('small store: add, log and undo refused with exit 1 and "nothing was changed", the file byte for byte', () => {
    const file = path.join(dir, 's.db');
    const store = openStore(file);
    for (let i = 0; i < 40; i++) store.addInterview(interview(`Co${i}`));
    store.close();
    damageIndexLeaf(file, 'applications_status');
    const before = sha256(file);
    const damaged = openStore(file);
    for (const write of [
      () => damaged.addInterview(interview('Zed')),
      () => damaged.addEvent(3, { type: 'thanks-sent', date: '2026-11-21' }),
      () => damaged.undo(damaged.lastChange()!.id),
    ]) {
      const err = caught(write);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).kind).toBe('damaged');
      expect((err as StoreError).exitCode).toBe(1);
      expect((err as Error).message).toMatch(/Nothing was changed/);
    }
    damaged.close();
    expect(sha256(file)).toBe(before);
  });

  test('larger store (checked by reading back what a change wrote): refused where damaged, nothing else changed', () => {
    const file = path.join(dir, 'big.db');
    const store = openStore(file);
    store.insertRecords(seedRecords(1500), { journal: false, summary: 'seed' });
    store.close();
    expect(fs.statSync(file).size).toBeGreaterThan(1024 * 1024);
    damageIndexLeaf(file, 'applications_status');
    const before = scanTables(file);
    const damaged = openStore(file);
    const accepted: number[] = [];
    let refused = 0;
    for (let id = 1; id <= 1500; id += 7) {
      try {
        damaged.addEvent(id, { type: 'voicemail', date: '2026-11-20' });
        accepted.push(id);
      } catch (err) {
        expect(err).toBeInstanceOf(StoreError);
        expect((err as StoreError).kind).toBe('damaged');
        refused++;
      }
    }
    damaged.close();
    // The writes whose rows sit on the damaged page were refused; the rest landed, and nothing else moved.
    expect(refused).toBeGreaterThan(0);
    expect(accepted.length).toBeGreaterThan(0);
    const after = scanTables(file);
    expect(after.applications).toEqual(before.applications);
    const added = after.events.filter((e) => !before.events.some((b) => b.id === e.id));
    expect(added.map((e) => [e.application_id, e.type])).toEqual(accepted.map((id) => [id, 'voicemail']));
    expect(after.events.slice(0, before.events.length)).toEqual(before.events);
  });
});

/** The rows of applications (what the user recorded) and events, read from the tables, not through an index. */
function scanTables(file: string): { applications: unknown[]; events: { id: number; application_id: number; type: string }[] } {
  const db = new Sqlite(file, { readonly: true });
  try {
    return {
      applications: db.prepare('SELECT id, uuid, company, role, status, outcome FROM applications NOT INDEXED ORDER BY rowid').all(),
      events: db.prepare('SELECT id, application_id, type, date FROM events NOT INDEXED ORDER BY rowid').all() as never,
    };
  } finally {
    db.close();
  }
}

describe('another program\'s database', () => {
  test('is refused with not-a-database, no byte changed, no -wal or -shm made, in either journal mode', () => {
    for (const mode of ['delete', 'wal']) {
      const file = path.join(dir, `other-${mode}.db`);
      const raw = new Sqlite(file);
      raw.pragma(`journal_mode = ${mode}`);
      raw.exec("CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('mine')");
      raw.pragma('user_version = 3');
      raw.close();
      const before = sha256(file);
      const err = caught(() => Store.open({ file, explicit: true }));
      expect(err, mode).toBeInstanceOf(StoreError);
      expect((err as StoreError).kind).toBe('not-a-database');
      expect((err as Error).message).toMatch(/left untouched/);
      expect(sha256(file)).toBe(before);
      expect(fs.existsSync(`${file}-wal`)).toBe(false);
      expect(fs.existsSync(`${file}-shm`)).toBe(false);
    }
  });

  test('a negative user_version or another application id is refused; an empty database becomes a store', () => {
    const negative = path.join(dir, 'neg.db');
    const raw = new Sqlite(negative);
    raw.pragma('user_version = -1');
    raw.close();
    expect((caught(() => Store.open({ file: negative, explicit: true })) as StoreError).kind).toBe('not-a-database');
    const foreign = path.join(dir, 'app.db');
    const raw2 = new Sqlite(foreign);
    raw2.pragma('application_id = 42');
    raw2.close();
    expect((caught(() => Store.open({ file: foreign, explicit: true })) as StoreError).kind).toBe('not-a-database');
    const empty = path.join(dir, 'empty.db');
    new Sqlite(empty).close();
    openStore(empty).addInterview(interview('Acme'));
  });
});

describe('checking and backing up never create a store', () => {
  test('mustExist refuses a missing path with exit 2 and creates nothing', () => {
    const file = path.join(dir, 'typo.db');
    const err = caught(() => Store.open({ file, explicit: true, mustExist: true }));
    expect(err).toBeInstanceOf(UsageError);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('companion files left read-only', () => {
  test('a -shm made read-only while the store was gets the store\'s mode back, and writes work', () => {
    const file = path.join(dir, 's.db');
    openStore(file).addInterview(interview('Acme'));
    const keep = Store.open({ file, explicit: true });
    keep.getConfig();
    fs.chmodSync(`${file}-shm`, 0o444);
    keep.close();
    fs.writeFileSync(`${file}-shm`, Buffer.alloc(0), { flag: 'a' });
    fs.chmodSync(`${file}-shm`, 0o444);
    const store = openStore(file);
    expect(fs.statSync(`${file}-shm`).mode & 0o777).toBe(0o600);
    store.addInterview(interview('Globex'));
  });
});

describe('the journal records only real changes', () => {
  test('setting the same value twice is one change; undo takes back the first', () => {
    const store = openStore();
    store.setConfig('name', 'Sam Lee');
    const first = store.lastChange()!;
    store.setConfig('name', 'Sam Lee');
    expect(store.lastChange()!.id).toBe(first.id);
    store.undo(first.id);
    expect(store.getConfig().name).toBeNull();
    expect(store.lastChange()).toBeNull();
  });

  test('an edit that changes nothing journals nothing', () => {
    const store = openStore();
    const { id } = store.addInterview(interview('Acme'));
    const before = store.lastChange()!.id;
    store.updateApplication(id, { role: 'Engineer', notes: null });
    expect(store.lastChange()!.id).toBe(before);
  });
});
