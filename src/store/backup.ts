/** Consistent copies of the store: VACUUM INTO a private temporary file, checked, then renamed. */
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';

type Database = BetterSqlite3.Database;

/** How many automatic backups are kept for each store. */
export const BACKUPS_KEPT = 10;

/** A backup's own name: its time (UTC, sorting in time order), and why it was taken. */
const BACKUP_NAME = /^\d{8}-\d{6}-\d{3}(-[a-z0-9]+)?\.db$/;

/**
 * A store's backups folder: `backups/<the store's file name>/` beside it. Each store has a
 * folder of its own, so one store's backups can never be taken for another's (`work.db` and
 * `work-old.db`, or `work` and `work.db`, side by side).
 */
export function backupDir(storeFile: string): string {
  const file = path.resolve(storeFile);
  return path.join(path.dirname(file), 'backups', path.basename(file));
}

/** A timestamped name in the store's backups folder. */
export function timestampedBackupPath(storeFile: string, now: Date, reason = ''): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\.(\d{3})Z$/, '-$1');
  return path.join(backupDir(storeFile), `${stamp}${reason ? `-${reason}` : ''}.db`);
}

/** The store's backups, oldest first: only files named as followup names them. */
export function listBackups(storeFile: string): string[] {
  const dir = backupDir(storeFile);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((f) => BACKUP_NAME.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** What to do about a damaged store: restore its latest backup, or how to try a repair. */
export function restoreAdvice(storeFile: string): string {
  const latest = listBackups(storeFile).at(-1);
  return latest
    ? `Restore the latest backup: move the damaged ${storeFile} aside, then copy ${latest} to ${storeFile}.`
    : `No backup of it was found in ${backupDir(storeFile)}; keep the damaged file, and copy it before trying repairs such as: sqlite3 ${storeFile} .recover`;
}

/** The private temporary name a write to `target` goes through, beside it. */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove what an earlier write to a file in `dir` left when it was killed midway: the temporary
 * copy and SQLite's journal files beside it, named for a process that no longer runs. `name`
 * limits it to the temporaries of one file; without it, every file of the folder.
 */
export function removeStaleTemps(dir: string, name?: string): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    const m = /^\.(.+)\.(\d+)\.tmp(-journal|-wal|-shm)?$/.exec(entry);
    if (!m || (name !== undefined && m[1] !== name)) continue;
    const pid = Number(m[2]);
    if (pid !== process.pid && !isRunning(pid)) fs.rmSync(path.join(dir, entry), { force: true });
  }
}

/** Why a backup failed: the copy of the store is not sound. */
export class DamagedCopyError extends Error {
  constructor(readonly verdict: string) {
    super(`the copy failed its integrity check (${verdict})`);
    this.name = 'DamagedCopyError';
  }
}

/**
 * Copy the database `db` reads into `dest`: written under a temporary name (0600 from the
 * start), checked with integrity_check, then renamed into place. Returns dest.
 */
export function writeBackup(db: Database, dest: string, openCopy: (file: string) => Database): string {
  const temp = tempPathFor(dest);
  removeStaleTemps(path.dirname(dest), path.basename(dest));
  try {
    // An empty private file first, so the copy is never readable by others, even for a moment.
    fs.closeSync(fs.openSync(temp, 'wx', 0o600));
    db.prepare('VACUUM INTO ?').run(temp);
    fs.chmodSync(temp, 0o600);
    const copy = openCopy(temp);
    try {
      const verdict = copy.pragma('integrity_check', { simple: true });
      if (verdict !== 'ok') throw new DamagedCopyError(String(verdict));
    } finally {
      copy.close();
    }
    fs.renameSync(temp, dest);
    return dest;
  } catch (err) {
    for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(temp + suffix, { force: true });
    throw err;
  }
}

/** Remove all but the newest `keep` of this store's own backups, never `justWritten`. */
export function pruneBackups(storeFile: string, justWritten: string, keep = BACKUPS_KEPT): void {
  const all = listBackups(storeFile).filter((f) => f !== justWritten);
  for (const old of all.slice(0, Math.max(0, all.length - (keep - 1)))) fs.rmSync(old, { force: true });
}

/** Make the store's backups folder (0700), clear what a killed backup left there, and return a fresh path in it. */
export function prepareBackupPath(storeFile: string, now: Date, reason = ''): string {
  const dir = backupDir(storeFile);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  removeStaleTemps(dir);
  return timestampedBackupPath(storeFile, now, reason);
}
