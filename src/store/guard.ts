/**
 * What a command may write besides the store: never the store itself, its -wal, -shm or
 * -journal, a backup, or any SQLite database, compared by the real file (device and inode), so
 * that a symlink or a second path to the store is caught as well as the same path.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** The first four bytes of a write-ahead log (big-endian, one per checksum byte order). */
const WAL_MAGIC = [0x377f0682, 0x377f0683];
const COMPANIONS = ['-wal', '-shm', '-journal'];
/** Symlinks followed at most (as the kernel's own limit, roughly). */
const MAX_LINKS = 40;

/**
 * The file a write to `file` lands in: the path itself, or, through any symlinks, the file they
 * point to (which may not exist yet). Writing there and renaming over it keeps the links.
 */
export function resolveWriteTarget(file: string): string {
  let current = path.resolve(file);
  for (let i = 0; i < MAX_LINKS; i++) {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(current);
    } catch {
      return current;
    }
    if (!stat.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), fs.readlinkSync(current));
  }
  throw new UsageError(`${file}: too many symbolic links (a loop?); nothing was written.`);
}

function sameFile(a: fs.Stats | undefined, b: fs.Stats | undefined): boolean {
  return a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;
}

function statOf(file: string): fs.Stats | undefined {
  return fs.statSync(file, { throwIfNoEntry: false });
}

/** Whether a regular file starts like a SQLite database or its write-ahead log. */
export function looksLikeSqlite(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(16);
    const n = fs.readSync(fd, head, 0, 16, 0);
    if (n === 16 && head.equals(SQLITE_HEADER)) return true;
    return n >= 4 && WAL_MAGIC.includes(head.readUInt32BE(0));
  } catch {
    return false;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Check that `file` (named by `flag`, e.g. `--out`) may be written, and return the real path to
 * write: exit 2 with nothing written when it is the store or one of its files, a backup, a
 * SQLite database, or not a regular file; its folder must exist.
 */
export function checkOutputTarget(file: string, storeFile: string, flag: string): string {
  const target = resolveWriteTarget(file);
  const shown = target === path.resolve(file) ? file : `${file} (a link to ${target})`;
  const refuse = (why: string, advice = 'Choose another path.') =>
    new UsageError(`${flag} ${shown} ${why}; nothing was written. ${advice}`);
  const dir = path.dirname(target);
  if (!statOf(dir)?.isDirectory()) {
    throw new UsageError(`${flag}: the folder ${dir} does not exist; nothing was written. Create it first or choose another path.`);
  }
  const here = statOf(target);
  const store = path.resolve(storeFile);
  if (sameFile(here, statOf(store)) || target === store) throw refuse('is the followup store itself');
  for (const suffix of COMPANIONS) {
    if (sameFile(here, statOf(store + suffix)) || target === store + suffix) {
      throw refuse(`is the store's ${suffix.slice(1)} file, part of the store`);
    }
  }
  if (!here) {
    // A new name beside a database, as its companion, would be taken for part of it.
    const companion = COMPANIONS.find((s) => target.endsWith(s));
    if (companion && looksLikeSqlite(target.slice(0, -companion.length))) {
      throw refuse(`would be taken by SQLite for part of the database ${target.slice(0, -companion.length)}`);
    }
    return target;
  }
  if (!here.isFile()) throw refuse('is not a regular file');
  if (looksLikeSqlite(target)) {
    throw refuse(
      'is a SQLite database (a store or a backup), and followup never writes over one',
      'Choose a new name, or remove that file yourself first if you are sure.',
    );
  }
  const companion = COMPANIONS.find((s) => target.endsWith(s));
  if (companion && looksLikeSqlite(target.slice(0, -companion.length))) {
    throw refuse(`is part of the database ${target.slice(0, -companion.length)}`);
  }
  return target;
}
