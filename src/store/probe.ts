/**
 * The check run inside every change before it commits, so that a damaged store takes no writes
 * and its damage cannot grow. It costs little whatever the store's size: it reads again, through
 * every index, the rows the change wrote (and the applications they belong to), which walks the
 * same pages the change walked. A small store, one not closed cleanly, or a change of many rows
 * gets SQLite's quick_check instead. Cost: README, "Safety".
 */
import type BetterSqlite3 from 'better-sqlite3';

type Database = BetterSqlite3.Database;

/** A store of at most this many pages (1 MB) is checked whole: that takes a millisecond or two. */
const SMALL_STORE_PAGES = 256;
/** A change of more rows than this (an import) gets quick_check of the tables it wrote. */
const MAX_ROWS_LOOKED_UP = 500;
/** Tables whose rows belong to an application (their application row is looked up too). */
const CHILD_TABLES = new Set(['rounds', 'contacts', 'facts', 'events', 'outcome_history']);

/** A row a change wrote, by table and rowid, as its undo steps record it. */
export interface TouchedRow {
  table: string;
  rowid: number;
}

/** What a change wrote: its rows when few, else only the tables (an import writes hundreds of thousands). */
export type Touched = { rows: TouchedRow[] } | { tables: string[] };

/** The journalled tables, whose undo steps name them. */
const JOURNALLED_TABLES = ['applications', 'rounds', 'contacts', 'facts', 'events', 'settings', 'outcome_history'];

/**
 * What a change wrote, read from the undo steps recorded under `journalId`. A large change is
 * summed up in SQL (the tables it touched), so that its steps never all come into memory.
 */
export function touchedRows(db: Database, journalId: number): Touched {
  const count = (db.prepare('SELECT count(*) FROM undo_log WHERE journal_id = ?').pluck().get(journalId) as number) ?? 0;
  if (count > MAX_ROWS_LOOKED_UP) {
    const touches = db.prepare(
      `SELECT 1 FROM undo_log WHERE journal_id = @id
         AND (sql LIKE 'DELETE FROM ' || @t || ' %' OR sql LIKE 'UPDATE ' || @t || ' %' OR sql LIKE 'INSERT INTO ' || @t || ' %')
       LIMIT 1`,
    );
    return { tables: JOURNALLED_TABLES.filter((t) => touches.get({ id: journalId, t }) !== undefined) };
  }
  const steps = db.prepare('SELECT sql FROM undo_log WHERE journal_id = ?').pluck().all(journalId) as string[];
  const rows: TouchedRow[] = [];
  for (const sql of steps) {
    const m =
      /^DELETE FROM (\w+) WHERE rowid=(\d+)$/.exec(sql) ??
      /^UPDATE (\w+) SET .* WHERE rowid=(\d+)$/s.exec(sql) ??
      /^INSERT INTO (\w+) \(rowid,[^)]*\) VALUES \((\d+),/.exec(sql);
    if (m) rows.push({ table: m[1], rowid: Number(m[2]) });
  }
  return { rows };
}

interface IndexLookup {
  read: BetterSqlite3.Statement;
  lookups: { name: string; stmt: BetterSqlite3.Statement }[];
}

/** Damage the probe found: what SQLite said. */
export class DamageFound extends Error {
  constructor(readonly problem: string) {
    super(problem);
    this.name = 'DamageFound';
  }
}

/** Reads a table's rows back through each of its indexes; statements prepared once per store. */
export class ChangeProbe {
  private readonly lookups = new Map<string, IndexLookup>();

  constructor(
    private readonly db: Database,
    /** Whether the store had a write-ahead log left when it was opened (not closed cleanly, or in use). */
    private readonly uncleanAtOpen: boolean,
  ) {}

  /** Throw DamageFound when what the change wrote does not read back whole. */
  check(touched: Touched | readonly TouchedRow[]): void {
    const summary: Touched = Array.isArray(touched) ? { rows: touched as TouchedRow[] } : (touched as Touched);
    if ('rows' in summary && summary.rows.length === 0) return;
    if ('tables' in summary && summary.tables.length === 0) return;
    const pages = this.db.pragma('page_count', { simple: true }) as number;
    if (this.uncleanAtOpen || pages <= SMALL_STORE_PAGES) return this.quickCheck(null);
    if ('tables' in summary || summary.rows.length > MAX_ROWS_LOOKED_UP) {
      const tables = 'tables' in summary ? summary.tables : [...new Set(summary.rows.map((r) => r.table))];
      for (const table of tables) this.quickCheck(table);
      return;
    }
    const rows = summary.rows;
    const seen = new Set<string>();
    const visit = (table: string, rowid: number) => {
      const key = `${table}:${rowid}`;
      if (seen.has(key)) return;
      seen.add(key);
      const values = this.readBack(table, rowid);
      if (values && CHILD_TABLES.has(table)) visit('applications', values.applicationId as number);
    };
    for (const row of rows) visit(row.table, row.rowid);
  }

  private quickCheck(table: string | null): void {
    const rows = this.db.pragma(table === null ? 'quick_check' : `quick_check(${table})`) as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check.replace(/^\*\*\* in database \w+ \*\*\*\s*/, '')).filter((r) => r !== 'ok');
    if (problems.length > 0) throw new DamageFound(problems[0].replace(/\s+/g, ' ').trim());
  }

  /** Read one row, then find it through every index of its table; null when the row is not there. */
  private readBack(table: string, rowid: number): { applicationId?: unknown } | null {
    const lookup = this.lookupFor(table);
    const values = lookup.read.get(rowid) as unknown[] | undefined;
    if (!values) return null;
    for (const index of lookup.lookups) {
      const found = index.stmt.get(...values, rowid) as number;
      if (found !== 1) throw new DamageFound(`row ${rowid} of ${table} is missing from the index ${index.name}`);
    }
    return { applicationId: CHILD_TABLES.has(table) ? values[0] : undefined };
  }

  private lookupFor(table: string): IndexLookup {
    let lookup = this.lookups.get(table);
    if (lookup) return lookup;
    const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
    // The columns every index of the table reads, in one list (application_id first, for CHILD_TABLES).
    const indexes = (this.db.pragma(`index_list(${q(table)})`) as { name: string; partial: number }[])
      .filter((i) => i.partial === 0)
      .map((i) => ({ name: i.name, columns: this.db.pragma(`index_info(${q(i.name)})`) as { name: string | null }[] }))
      .filter((i) => i.columns.every((c) => c.name !== null));
    const columns = [...new Set([...(CHILD_TABLES.has(table) ? ['application_id'] : []), ...indexes.flatMap((i) => i.columns.map((c) => c.name as string))])];
    const select = columns.length > 0 ? columns.map(q).join(', ') : 'rowid';
    lookup = {
      read: this.db.prepare(`SELECT ${select} FROM ${q(table)} WHERE rowid = ?`).raw(),
      lookups: indexes.map((i) => {
        // Every column of the row is bound; those the index does not hold compare with themselves.
        const where = columns.map((c) => (i.columns.some((ic) => ic.name === c) ? `${q(c)} IS ?` : '(? IS NULL OR 1)')).join(' AND ');
        return {
          name: i.name,
          stmt: this.db
            .prepare(`SELECT count(*) FROM ${q(table)} INDEXED BY ${q(i.name)} WHERE ${where} AND rowid = ?`)
            .pluck(),
        };
      }),
    };
    this.lookups.set(table, lookup);
    return lookup;
  }
}
