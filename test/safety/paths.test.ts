/**
 * Issue 10 through the built binary, where the process is the subject: exit codes and messages,
 * and the files on disk before and after.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../support/ensure-built.js';
import { STACK_LINE, addApplication, hashFile, run, tempDir } from './harness.js';

const TODAY = '2026-11-30';
let dir: string;
let store: string;

beforeAll(() => {
  ensureBuilt();
  dir = tempDir('followup-paths-');
  store = path.join(dir, 's.db');
  addApplication(store, TODAY);
  expect(run(['--db', store, 'config', 'set', 'name', 'Sam Lee']).code).toBe(0);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function files(): string[] {
  return fs.readdirSync(dir).sort();
}

describe('--out never lands on the store', () => {
  it.each([
    ['export', ['export', '--format', 'csv', '--out']],
    ['report', ['report', '--from', '2026-11-01', '--to', TODAY, '--out']],
    ['draft', ['draft', 'thanks', '1', '--out']],
  ])('%s --out onto the store, by its path and through a link: exit 2, nothing written', (_name, args) => {
    const link = path.join(dir, `link-${_name}.db`);
    fs.symlinkSync(store, link);
    for (const target of [store, link]) {
      const before = hashFile(store);
      const listing = files();
      const r = run(['--db', store, '--today', TODAY, ...args, target]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/followup store itself; nothing was written/);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(hashFile(store)).toBe(before);
      expect(files()).toEqual(listing);
    }
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(run(['--db', store, 'list']).code).toBe(0);
  });

  it('--out through a symlink writes the file it points to and keeps the link', () => {
    const real = path.join(dir, 'real.csv');
    const link = path.join(dir, 'out.csv');
    fs.symlinkSync(real, link);
    const r = run(['--db', store, '--today', TODAY, 'export', '--format', 'csv', '--out', link]);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toMatch(/^number,company,/);
  });
});

describe('backup --to', () => {
  it('through a second path to the store (l.db -> r.db): exit 2, r.db untouched', () => {
    const real = path.join(dir, 'r.db');
    addApplication(real, TODAY);
    const link = path.join(dir, 'l.db');
    fs.symlinkSync(real, link);
    const before = hashFile(real);
    const r = run(['--db', link, 'backup', '--to', real]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing was written/);
    expect(hashFile(real)).toBe(before);
  });
});

describe('another program\'s database', () => {
  it('list on it: exit 1, no byte changed, no -wal made', () => {
    const other = path.join(dir, 'other.db');
    const db = new Database(other);
    db.exec("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('Blue')");
    db.close();
    const before = hashFile(other);
    const r = run(['--db', other, 'list']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not a followup store/);
    expect(hashFile(other)).toBe(before);
    expect(fs.existsSync(`${other}-wal`)).toBe(false);
  });
});

describe('clear messages instead of "did not expect"', () => {
  it('check and backup on a path with no store: exit 2, nothing created', () => {
    for (const args of [['check'], ['backup']]) {
      const typo = path.join(dir, 'typo.db');
      const r = run(['--db', typo, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/no store at .*nothing was created/);
      expect(fs.existsSync(typo)).toBe(false);
    }
  });

  it('FOLLOWUP_BUSY_TIMEOUT_MS=abc: exit 2 naming the variable', () => {
    const r = run(['--db', store, 'list'], { env: { FOLLOWUP_BUSY_TIMEOUT_MS: 'abc' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/FOLLOWUP_BUSY_TIMEOUT_MS is "abc"/);
  });

  it('a damaged event type: show and report exit 1 saying so, check lists the row', () => {
    const file = path.join(dir, 'odd.db');
    addApplication(file, TODAY);
    expect(run(['--db', file, '--today', TODAY, 'log', '1', 'voicemail']).code).toBe(0);
    const db = new Database(file);
    db.pragma('ignore_check_constraints = 1');
    db.exec("UPDATE events SET type = 'zzz'");
    db.close();
    for (const args of [['show', '1'], ['report', '--from', '2026-11-01', '--to', TODAY]]) {
      const r = run(['--db', file, '--today', TODAY, ...args]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/event of type "zzz"/);
      expect(r.stderr).not.toMatch(/did not expect/);
    }
    const check = run(['--db', file, 'check']);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/events row 1 \(application #1\) has an unknown type "zzz"/);
  });

  it('backing up a damaged store: exit 1 saying it is damaged, no backup left behind', () => {
    const file = path.join(dir, 'broken.db');
    for (let i = 0; i < 3; i++) addApplication(file, TODAY, ['--company', `Co${i}`]);
    const db = new Database(file, { readonly: true });
    const root = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'applications_status'").pluck().get() as number;
    db.close();
    // Overwrite the index's cells (they fill its page from the end).
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(40, 0x41), 0, 40, root * 4096 - 40);
    fs.closeSync(fd);
    const r = run(['--db', file, 'backup']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/damaged/);
    expect(r.stderr).not.toMatch(/did not expect/);
    const folder = path.join(dir, 'backups', 'broken.db');
    expect(fs.existsSync(folder) ? fs.readdirSync(folder) : []).toEqual([]);
    const add = run(['--db', file, '--today', TODAY, 'add', '--company', 'Zed', '--role', 'X', '--no-input']);
    expect(add.code).toBe(1);
    expect(add.stderr).toMatch(/damaged.*Nothing was changed/s);
  });
});

describe('undo', () => {
  it('after setting the same value twice, undoes the one real change and then has nothing left of it', () => {
    const file = path.join(dir, 'cfg.db');
    expect(run(['--db', file, 'config', 'set', 'name', 'Sam']).code).toBe(0);
    expect(run(['--db', file, 'config', 'set', 'name', 'Sam']).code).toBe(0);
    const first = run(['--db', file, 'undo', '--yes']);
    expect(first.stdout).toMatch(/Undone: config set name Sam/);
    expect(run(['--db', file, 'undo', '--yes']).stdout).toMatch(/Nothing to undo/);
  });
});
