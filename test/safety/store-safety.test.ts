/** Migrations, damage, paths and permissions, a full disk, and no async transactions. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreError, UsageError } from '../../src/errors.js';
import { listBackups } from '../../src/store/backup.js';
import { migrate } from '../../src/store/open.js';
import { FOLLOWUP_APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../src/store/schema.js';
import { Store } from '../../src/store/store.js';
import { ROOT, STACK_LINE, addApplication, hashFile, run, runAsync, tempDir } from './harness.js';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'store-v1.db');
const FIXTURE_SHOW = path.join(ROOT, 'test', 'fixtures', 'store-v1.show-1.json');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function dir(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}
function copyFixture(): string {
  const file = path.join(dir(), 'old.db');
  fs.copyFileSync(FIXTURE, file);
  return file;
}
function userVersion(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}
function tables(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
      (r) => r.name,
    );
  } finally {
    db.close();
  }
}

describe('migrations', () => {
  it('the committed schema-1 fixture is upgraded with its data intact and a backup taken first', () => {
    const file = copyFixture();
    expect(userVersion(file)).toBe(1);
    const r = run(['--db', file, '--today', '2026-12-07', 'show', '1', '--json']);
    expect(r.code).toBe(0);
    // Everything schema 1 showed is still there, exactly (later versions add fields, such as UUIDs).
    expect(JSON.parse(r.stdout)).toMatchObject(JSON.parse(fs.readFileSync(FIXTURE_SHOW, 'utf8')));
    expect(userVersion(file)).toBe(SCHEMA_VERSION);
    const backups = listBackups(file);
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/schema1\.db$/);
    expect(userVersion(backups[0])).toBe(1);
    expect(fs.statSync(backups[0]).mode & 0o777).toBe(0o600);
    // The second application and the settings survived too. (On the fixture's days: a real today
    // before them would list only what was recorded by then.)
    expect(JSON.parse(run(['--db', file, '--today', '2026-12-07', 'list', '--all', '--json']).stdout).map((a: { status: string }) => a.status)).toEqual([
      'active',
      'rejected',
    ]);
    expect(run(['--db', file, 'config', 'get', 'minGapDays']).stdout.trim()).toBe('2');
  });

  it('a migration that fails part-way leaves schema and user_version as they were, and the backup', () => {
    const file = copyFixture();
    const db = new Database(file);
    try {
      const failing = [...MIGRATIONS, 'CREATE TABLE half_done (a); INSERT INTO no_such_table VALUES (1);'];
      expect(() => migrate(db, file, failing)).toThrow(/no_such_table/);
    } finally {
      db.close();
    }
    expect(userVersion(file)).toBe(1);
    expect(tables(file)).not.toContain('half_done');
    expect(tables(file)).not.toContain('journal');
    const backups = listBackups(file);
    expect(backups).toHaveLength(1);
    expect(userVersion(backups[0])).toBe(1);
  });

  it('four processes starting at once on an old store migrate it once', async () => {
    const file = copyFixture();
    const runs = await Promise.all(
      Array.from({ length: 4 }, () => runAsync(['--db', file, '--today', '2026-12-07', 'today', '--json'])),
    );
    for (const r of runs) expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const plans = runs.map((r) => JSON.parse(r.stdout));
    for (const p of plans) expect(p).toEqual(plans[0]);
    expect(userVersion(file)).toBe(SCHEMA_VERSION);
    expect(listBackups(file)).toHaveLength(1);
  });

  it('a store from a newer version is refused with exit 1 and left byte for byte', () => {
    const file = path.join(dir(), 'newer.db');
    const db = new Database(file);
    // A newer followup marks its stores as schema 5 on does.
    db.pragma(`application_id = ${FOLLOWUP_APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = hashFile(file);
    const r = run(['--db', file, 'today']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/newer followup/);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(hashFile(file)).toBe(before);
  });
});

describe('damage', () => {
  function storeWithData(): string {
    const file = path.join(dir(), 'store.db');
    const id = addApplication(file, '2026-12-07');
    // Written in-process through the store: enough events to fill several pages.
    const store = Store.open({ file, explicit: true });
    try {
      for (let i = 0; i < 30; i++) {
        store.addEvent(id, { type: 'spoke', date: '2026-12-07', note: `conversation ${i} `.repeat(40) });
      }
    } finally {
      store.close();
    }
    return file;
  }

  it('a text file is exit 1, never overwritten, and check says so', () => {
    const file = path.join(dir(), 'notes.db');
    fs.writeFileSync(file, 'my shopping list\n');
    for (const args of [['today'], ['log', '1', 'no-answer'], ['check']]) {
      const r = run(['--db', file, ...args]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/not a (followup store|SQLite database)/);
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
    expect(fs.readFileSync(file, 'utf8')).toBe('my shopping list\n');
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('a truncated store is exit 1, untouched, and check names the damage and the latest backup', () => {
    const file = storeWithData();
    expect(run(['--db', file, 'backup']).code).toBe(0);
    const size = fs.statSync(file).size;
    fs.truncateSync(file, Math.floor(size / 2));
    const before = hashFile(file);
    const today = run(['--db', file, 'today']);
    expect(today.code).toBe(1);
    expect(today.stderr).toMatch(/damaged/);
    const check = run(['--db', file, 'check']);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/damaged/);
    expect(check.stderr).toContain(listBackups(file)[0]);
    expect(check.stderr).not.toMatch(STACK_LINE);
    expect(hashFile(file)).toBe(before);
  });

  it('one scrambled page is exit 1 for the commands that read it, and check reports it', () => {
    const file = storeWithData();
    const db = new Database(file);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const root = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'events'").get() as { rootpage: number })
      .rootpage;
    db.close();
    const fd = fs.openSync(file, 'r+');
    const garbage = Buffer.alloc(pageSize, 0xa7);
    fs.writeSync(fd, garbage, 0, pageSize, (root - 1) * pageSize);
    fs.closeSync(fd);
    const before = hashFile(file);
    const show = run(['--db', file, 'show', '1']);
    expect(show.code).toBe(1);
    expect(show.stderr).toMatch(/damaged/);
    expect(show.stderr).not.toMatch(STACK_LINE);
    const check = run(['--db', file, 'check']);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/damaged/);
    expect(hashFile(file)).toBe(before);
  });

  it('check says sound for a healthy store', () => {
    const file = storeWithData();
    const r = run(['--db', file, 'check']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/sound/);
  });
});

describe('paths and permissions', () => {
  it('a mistyped --db folder is exit 2 and creates nothing', () => {
    const base = dir();
    const file = path.join(base, 'no-such-folder', 'store.db');
    const r = run(['--db', file, 'add', '--company', 'Acme', '--role', 'Dev']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does not exist/);
    expect(fs.readdirSync(base)).toEqual([]);
  });

  it('the default store folder is 0700; the store, its -wal and -shm files and backups are 0600', () => {
    const home = dir();
    const env = { XDG_DATA_HOME: home, HOME: home };
    expect(run(['add', '--company', 'Acme', '--role', 'Dev'], { env }).code).toBe(0);
    const folder = path.join(home, 'followup');
    const file = path.join(folder, 'followup.db');
    expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // Keep a connection open so the -wal and -shm files stay while another followup writes.
    const holder = new Database(file);
    try {
      holder.prepare('SELECT count(*) FROM applications').get();
      expect(run(['log', '1', 'no-answer'], { env }).code).toBe(0);
      for (const suffix of ['-wal', '-shm']) expect(fs.statSync(file + suffix).mode & 0o777).toBe(0o600);
    } finally {
      holder.close();
    }
    const backup = run(['backup'], { env });
    expect(backup.code).toBe(0);
    const written = backup.stdout.trim();
    expect(fs.statSync(written).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(written)).mode & 0o777).toBe(0o700);
  });

  it('backup keeps the newest ten in backups/', () => {
    const file = path.join(dir(), 'store.db');
    addApplication(file, '2026-12-07');
    const store = Store.open({ file, explicit: true });
    try {
      const made = Array.from({ length: 12 }, () => store.backup());
      const kept = listBackups(file);
      expect(kept).toHaveLength(10);
      expect(kept).toEqual(made.slice(-10));
    } finally {
      store.close();
    }
  });

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // As root, file permissions do not stop writes, so a read-only store cannot be made here.
  it.skipIf(isRoot)('a read-only store is exit 1 with a clear message, data intact', () => {
    const file = path.join(dir(), 'store.db');
    addApplication(file, '2026-12-07');
    fs.chmodSync(file, 0o400);
    const r = run(['--db', file, 'log', '1', 'no-answer']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot be written|read-only/);
    expect(r.stderr).not.toMatch(STACK_LINE);
    fs.chmodSync(file, 0o600);
    expect(JSON.parse(run(['--db', file, 'show', '1', '--json']).stdout).events).toEqual([]);
  });

  it('a full disk (max_page_count) is a clear StoreError and earlier data stays', () => {
    const file = path.join(dir(), 'store.db');
    const id = addApplication(file, '2026-12-07');
    const pages = fs.statSync(file).size / 4096;
    const store = Store.open({ file, explicit: true, maxPageCount: Math.ceil(pages) + 8 });
    let failure: unknown = null;
    const big = 'x'.repeat(50_000);
    try {
      for (let i = 0; i < 50 && failure === null; i++) {
        try {
          store.addEvent(id, { type: 'spoke', date: '2026-12-07', note: `${i}:${big}` });
        } catch (err) {
          failure = err;
        }
      }
    } finally {
      store.close();
    }
    expect(failure).toBeInstanceOf(StoreError);
    expect((failure as StoreError).kind).toBe('full');
    expect((failure as StoreError).message).toMatch(/full.*Nothing was changed/s);
    const check = run(['--db', file, 'check']);
    expect(check.code).toBe(0);
    const show = JSON.parse(run(['--db', file, 'show', String(id), '--json']).stdout);
    expect(show.company).toBe('Acme');
    // Every event that was written is whole.
    for (const e of show.events) expect(e.note).toMatch(/^\d+:x{50000}$/);
  });
});

describe('transactions', () => {
  it('no source file passes an async function to a transaction or a store write', () => {
    const offenders: string[] = [];
    const walk = (d: string) => {
      for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) {
          const text = fs.readFileSync(p, 'utf8');
          if (/\.transaction\(\s*async\b/.test(text) || /\bthis\.write\([^)]*?async\b/.test(text)) offenders.push(p);
        }
      }
    };
    walk(path.join(ROOT, 'src'));
    expect(offenders).toEqual([]);
  });

  it('the store refuses an async function at run time, before touching anything', () => {
    const file = path.join(dir(), 'store.db');
    const store = Store.open({ file, explicit: true });
    try {
      const write = (store as unknown as { write: (s: string, fn: () => unknown) => unknown }).write.bind(store);
      expect(() => write('bad', async () => undefined)).toThrow(/async/);
      expect(store.lastChange()).toBeNull();
    } finally {
      store.close();
    }
  });

  it('an explicit --db in a missing folder throws a UsageError from the store too', () => {
    expect(() => Store.open({ file: path.join(dir(), 'nope', 'x.db'), explicit: true })).toThrow(UsageError);
  });
});
