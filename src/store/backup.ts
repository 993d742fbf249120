/** Consistent copies of the store: VACUUM INTO a private temporary file, checked, then renamed. */
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';

type Database = BetterSqlite3.Database;

/** How many automatic backups are kept beside the store. */
export const BACKUPS_KEPT = 10;

/** The `backups/` folder beside a store. */
export function backupDir(storeFile: string): string {
  return path.join(path.dirname(path.resolve(storeFile)), 'backups');
}

/** A timestamped name in the backups folder, sorting in time order. */
export function timestampedBackupPath(storeFile: string, now: Date, reason = ''): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\.(\d{3})Z$/, '-$1');
  const base = path.basename(storeFile).replace(/\.db$/, '');
  return path.join(backupDir(storeFile), `${base}-${stamp}${reason ? `-${reason}` : ''}.db`);
}

/** The store's backups, oldest first. */
export function listBackups(storeFile: string): string[] {
  const dir = backupDir(storeFile);
  if (!fs.existsSync(dir)) return [];
  const base = path.basename(storeFile).replace(/\.db$/, '');
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith('.db'))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * Copy the database `db` reads into `dest`: written under a temporary name (0600 from the
 * start), checked with integrity_check, then renamed into place. Returns dest.
 */
export function writeBackup(db: Database, dest: string, openCopy: (file: string) => Database): string {
  const dir = path.dirname(dest);
  const temp = path.join(dir, `.${path.basename(dest)}.${process.pid}.tmp`);
  try {
    // An empty private file first, so the copy is never readable by others, even for a moment.
    fs.closeSync(fs.openSync(temp, 'wx', 0o600));
    db.prepare('VACUUM INTO ?').run(temp);
    fs.chmodSync(temp, 0o600);
    const copy = openCopy(temp);
    try {
      const verdict = copy.pragma('integrity_check', { simple: true });
      if (verdict !== 'ok') throw new Error(`the copy failed its integrity check (${String(verdict)})`);
    } finally {
      copy.close();
    }
    fs.renameSync(temp, dest);
    return dest;
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}

/** Remove all but the newest `keep` backups. */
export function pruneBackups(storeFile: string, keep = BACKUPS_KEPT): void {
  const all = listBackups(storeFile);
  for (const old of all.slice(0, Math.max(0, all.length - keep))) fs.rmSync(old, { force: true });
}

/** Make the backups folder (0700) and return a fresh timestamped path in it. */
export function prepareBackupPath(storeFile: string, now: Date, reason = ''): string {
  fs.mkdirSync(backupDir(storeFile), { recursive: true, mode: 0o700 });
  return timestampedBackupPath(storeFile, now, reason);
}
