/** Opening the SQLite store: paths, permissions, pragmas, migrations, and what can go wrong. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { StoreError, UsageError } from '../errors.js';
import { prepareBackupPath, restoreAdvice, writeBackup } from './backup.js';
import { FOLLOWUP_APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from './schema.js';

export type Database = BetterSqlite3.Database;

/** Where the store lives when no `--db` or `FOLLOWUP_DB` names one (design/cli.md). */
export function defaultStorePath(env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === 'win32' && env.LOCALAPPDATA) {
    return path.join(env.LOCALAPPDATA, 'followup', 'followup.db');
  }
  const dataHome = env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME)
    ? env.XDG_DATA_HOME
    : path.join(env.HOME || os.homedir(), '.local', 'share');
  return path.join(dataHome, 'followup', 'followup.db');
}

export interface OpenOptions {
  /** The path, and whether the user named it (an explicit path's folder must already exist). */
  file: string;
  explicit: boolean;
  /** Milliseconds to wait for another followup that holds the store. */
  busyTimeoutMs?: number;
  /** A cap on the store's size in pages (tests use it to simulate a full disk). */
  maxPageCount?: number;
  /** Refuse (exit 2) rather than create a store that is not there (`check`, `backup`). */
  mustExist?: boolean;
}

const NOTHING_CHANGED = 'Nothing was changed.';

/** Turn a SQLite failure into a StoreError that says what happened to the data and what to do. */
export function explainSqliteError(err: unknown, file: string): Error {
  if (err instanceof StoreError || err instanceof UsageError) return err;
  const code = (err as { code?: string }).code ?? '';
  const cause = { cause: err };
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreError(
      `The store ${file} is in use by another followup; nothing was changed. Try again in a moment.`,
      'locked',
      cause,
    );
  }
  if (code === 'SQLITE_NOTADB') {
    return new StoreError(
      `${file} is not a followup store (not a SQLite database). It was left untouched. ` +
        'Point --db at your store, or move this file away.',
      'not-a-database',
      cause,
    );
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new StoreError(
      `The store ${file} is damaged. ${NOTHING_CHANGED}\n${restoreAdvice(file)}\n\`followup check\` lists what is wrong.`,
      'damaged',
      cause,
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return new StoreError(
      `The store ${file} cannot be written (read-only or no permission). ${NOTHING_CHANGED} ` +
        'Check the file and folder permissions, or use --db to name a writable store.',
      'read-only',
      cause,
    );
  }
  if (code === 'SQLITE_FULL') {
    return new StoreError(
      `The disk holding ${file} is full. ${NOTHING_CHANGED} Free some space and try again.`,
      'full',
      cause,
    );
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new StoreError(
      `Reading or writing ${file} failed (${code}). ${NOTHING_CHANGED} Check the disk, then try again.`,
      'io',
      cause,
    );
  }
  return err instanceof Error ? err : new Error(String(err));
}

function prepareLocation(file: string, explicit: boolean, mustExist: boolean): void {
  if (mustExist && !fs.existsSync(file)) {
    throw new UsageError(
      `There is no store at ${file}; nothing was created. Check the --db path (or FOLLOWUP_DB) for a typo.`,
    );
  }
  const dir = path.dirname(file);
  if (explicit) {
    if (!fs.existsSync(dir)) {
      throw new UsageError(
        `The folder ${dir} does not exist, so no store was created there. ` +
          'Check the --db path (or FOLLOWUP_DB), or create the folder first.',
      );
    }
  } else {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  }
  if (!fs.existsSync(file)) {
    // Create the file ourselves so that it is private from the first byte; SQLite gives
    // its -wal and -shm files the same mode.
    try {
      fs.closeSync(fs.openSync(file, 'wx', 0o600));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new StoreError(
          `Could not create the store ${file}: ${(err as Error).message}. Nothing was written.`,
          'read-only',
          { cause: err },
        );
      }
    }
  }
}

function loadDriver(): typeof BetterSqlite3 {
  // Only the store loads the native module, and only when a command needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('better-sqlite3') as typeof BetterSqlite3;
}

/**
 * The compiled addon's path, handed to better-sqlite3 directly: its default lookup (the
 * `bindings` package) searches several folders and parses a stack trace on every start.
 */
function nativeBinding(): string | undefined {
  try {
    const file = path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
    return fs.existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

/** Open another connection to a file, read-only (for copies and checks). */
export function openReadOnly(file: string): Database {
  const Sqlite = loadDriver();
  return new Sqlite(file, { readonly: true, fileMustExist: true, nativeBinding: nativeBinding() });
}

/**
 * Bring the schema up to date inside one IMMEDIATE transaction, reading the version inside it,
 * so that of several processes starting at once exactly one migrates. A store with data is
 * first copied to backups/ (through a second connection, which sees the state before the
 * migration), and the copy stays there whatever happens next.
 */
export function migrate(db: Database, file: string, migrations: readonly string[] = MIGRATIONS): string | null {
  let backup: string | null = null;
  const target = migrations.length;
  const run = db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > target) throw newerStoreError(file, version);
    if (version === target) return;
    if (version > 0) {
      const reader = openReadOnly(file);
      try {
        backup = writeBackup(reader, prepareBackupPath(file, new Date(), `schema${version}`), openReadOnly);
      } finally {
        reader.close();
      }
    }
    for (let v = version; v < target; v++) db.exec(migrations[v]);
    // A migration that rebuilds a table runs with foreign keys off (below): every reference must
    // still hold before it commits.
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) {
      throw new StoreError(`Updating the store ${file} would break ${broken.length} references between its records; it was left as it was.`, 'damaged');
    }
    db.pragma(`user_version = ${target}`);
  });
  // SQLite's procedure for rebuilding a table: foreign keys off outside the transaction (a
  // dropped table would otherwise take its children with it), checked inside, then on again.
  const keys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    run.immediate();
  } finally {
    if (keys) db.pragma('foreign_keys = ON');
  }
  return backup;
}

function newerStoreError(file: string, version: number): StoreError {
  return new StoreError(
    `The store ${file} was written by a newer followup (schema ${version}; this one knows ${SCHEMA_VERSION}). ` +
      'It was left untouched. Update followup to use it.',
    'newer',
  );
}

function notOursError(file: string, why: string): StoreError {
  return new StoreError(
    `${file} is ${why}, not a followup store. It was left untouched. ` +
      'Point --db (or FOLLOWUP_DB) at your followup store, or at a new file to start one.',
    'not-a-database',
  );
}

/** The tables every followup store has had since schema 2. */
const OUR_TABLES = ['applications', 'rounds', 'contacts', 'facts', 'events', 'settings', 'journal', 'undo_log'];

/** What tells a followup store from another database: two header fields and the tables. */
interface Identity {
  applicationId: number;
  userVersion: number;
  tables: () => string[];
}

/**
 * How the database reads, without SQLite opening the file where that can be avoided: opening a
 * database in WAL mode, even read-only, creates -wal and -shm files beside it. With no
 * write-ahead log, the header is read directly and the tables from a copy in memory (its header
 * set to the rollback journal, which a database in memory needs). With a log, whose pages are
 * newer than the file's, everything is read through a read-only connection in place.
 */
function readIdentity(file: string, header: Buffer): Identity {
  const Sqlite = loadDriver();
  const tablesOf = (db: Database) => db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
  const walInUse = (fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0;
  if (walInUse) {
    const db = new Sqlite(file, { readonly: true, fileMustExist: true, nativeBinding: nativeBinding() });
    try {
      const tables = tablesOf(db);
      return {
        applicationId: db.pragma('application_id', { simple: true }) as number,
        userVersion: db.pragma('user_version', { simple: true }) as number,
        tables: () => tables,
      };
    } finally {
      db.close();
    }
  }
  return {
    applicationId: header.readInt32BE(68),
    userVersion: header.readInt32BE(60),
    tables: () => {
      if (header.readUInt32BE(28) <= 1) return [];
      const copy = fs.readFileSync(file);
      copy[18] = 1;
      copy[19] = 1;
      const db = new Sqlite(copy, { readonly: true, nativeBinding: nativeBinding() });
      try {
        return tablesOf(db);
      } finally {
        db.close();
      }
    },
  };
}

/**
 * Decide whether `file` is a followup store, a new (empty) file, or something else, which is
 * refused with nothing written: a read-only command must not turn another program's database
 * into a followup store.
 */
function checkIdentity(file: string): void {
  const header = Buffer.alloc(100);
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    throw new StoreError(
      `The store ${file} cannot be read (${(err as NodeJS.ErrnoException).code}). ${NOTHING_CHANGED} ` +
        'Check the file and folder permissions, or use --db to name another store.',
      'read-only',
      { cause: err },
    );
  }
  try {
    if (fs.fstatSync(fd).size === 0) return;
    if (fs.readSync(fd, header, 0, 100, 0) < 100 || !header.subarray(0, 16).equals(Buffer.from('SQLite format 3\0', 'latin1'))) {
      throw new StoreError(
        `${file} is not a followup store (not a SQLite database). It was left untouched. ` +
          'Point --db at your store, or move this file away.',
        'not-a-database',
      );
    }
  } finally {
    fs.closeSync(fd);
  }
  const { applicationId, userVersion, tables } = readIdentity(file, header);
  if (applicationId === FOLLOWUP_APPLICATION_ID) return;
  if (applicationId !== 0) throw notOursError(file, `another program's SQLite database (application id ${applicationId})`);
  if (userVersion < 0) throw notOursError(file, `a SQLite database of another program (user_version ${userVersion})`);
  // Schema 1 to 4 did not mark the file: a store of theirs is known by its tables.
  const names = tables();
  if (userVersion === 0 && names.length === 0) return;
  const expected = OUR_TABLES.slice(0, userVersion === 1 ? 6 : OUR_TABLES.length);
  if (userVersion === 0 || !expected.every((t) => names.includes(t))) {
    throw notOursError(file, 'a SQLite database that holds other tables');
  }
}

/** Open (creating on first use) and migrate the store. */
/**
 * SQLite gives a new -wal or -shm file the store's mode at that moment. One made while the store
 * was read-only stays read-only after the store is writable again, and every write then fails:
 * give it the store's mode back, or say which file to remove.
 */
function repairCompanionModes(file: string): void {
  const store = fs.statSync(file, { throwIfNoEntry: false });
  if (!store || (store.mode & 0o200) === 0) return;
  for (const suffix of ['-wal', '-shm']) {
    const companion = `${file}${suffix}`;
    const stat = fs.statSync(companion, { throwIfNoEntry: false });
    if (!stat || (stat.mode & 0o200) !== 0) continue;
    try {
      fs.chmodSync(companion, store.mode & 0o666);
    } catch (err) {
      throw new StoreError(
        `${companion} is read-only although the store ${file} is writable, so no change can be saved. ` +
          `${NOTHING_CHANGED} When no followup is running, remove ${companion} (SQLite makes it anew) and try again.`,
        'read-only',
        { cause: err },
      );
    }
  }
}

export function openDatabase(opts: OpenOptions): Database {
  prepareLocation(opts.file, opts.explicit, opts.mustExist ?? false);
  repairCompanionModes(opts.file);
  const Sqlite = loadDriver();
  let db: Database | undefined;
  try {
    checkIdentity(opts.file);
    db = new Sqlite(opts.file, {
      fileMustExist: true,
      timeout: opts.busyTimeoutMs ?? 5000,
      nativeBinding: nativeBinding(),
    });
    // Read before any write: a foreign or newer file must be left exactly as it was.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw newerStoreError(opts.file, version);
    if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
    // One exec for the settings of this connection (each pragma() call prepares a statement).
    // cell_size_check: damaged pages are noticed as they are read, before a write can spread it.
    db.exec('PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA cache_size = -2000; PRAGMA cell_size_check = ON;');
    if (opts.maxPageCount) db.pragma(`max_page_count = ${Math.floor(opts.maxPageCount)}`);
    if (version < SCHEMA_VERSION) migrate(db, opts.file);
    return db;
  } catch (err) {
    db?.close();
    throw explainSqliteError(err, opts.file);
  }
}
