/** The store: every SQL statement of followup, behind methods named for the domain. */
import fs from 'node:fs';
import { isBooked, type RecordedOffer } from '../core/cadence.js';
import type { Archive, ArchiveApplication, ArchiveFile } from '../export/archive.js';
import { applicationForInterview, mergeContacts, type ApplicationKey, type KnownContact } from '../core/applications.js';
import { addDays } from '../core/calendar.js';
import { checkSettings, configFromStored, SettingError, type Config } from '../core/config.js';
import {
  EVENT_TYPES,
  OUTCOMES,
  type Application,
  type CalendarDate,
  type Contact,
  type ContactRole,
  type EventType,
  type FollowupEvent,
  type InterviewKind,
  type Outcome,
  type PlanApplication,
  type Status,
} from '../core/types.js';
import { NotFoundError, StoreError, UsageError } from '../errors.js';
// Which characters a terminal must not see raw has one home: the module that escapes them.
import { jsonMayNeedEscaping } from '../ui/terminal-safe.js';
import { DamagedCopyError, prepareBackupPath, pruneBackups, restoreAdvice, writeBackup } from './backup.js';
import { checkOutputTarget } from './guard.js';
import { ChangeProbe, DamageFound, touchedRows } from './probe.js';
import { DERIVED_SET_SQL, DERIVED_VALUES_SQL } from './schema.js';
import { explainSqliteError, openDatabase, openReadOnly, type Database, type OpenOptions } from './open.js';

/** A contact as typed on `add`/`edit`. */
export interface ContactInput {
  name: string;
  role: ContactRole;
  phone?: string | null;
  email?: string | null;
  /** What an interviewer talked about. */
  topic?: string | null;
}

/** One interview as typed on `add`. */
export interface InterviewInput {
  company: string;
  role: string;
  date: CalendarDate;
  time?: string | null;
  kind?: InterviewKind | null;
  decisionBy?: CalendarDate | null;
  nextSteps?: string | null;
  notes?: string | null;
  why?: string | null;
  contacts: ContactInput[];
  needs: string[];
  expand: string[];
  /** The day it is recorded (the user's today); absent: the interview's own date. */
  recordedOn?: CalendarDate | null;
}

/** An event as typed on `log`. */
export interface EventInput {
  type: EventType;
  date: CalendarDate;
  withName?: string | null;
  note?: string | null;
  newDate?: CalendarDate | null;
  withRole?: ContactRole | null;
  takeaway?: string | null;
}

/** Changes typed on `edit`; undefined leaves a fact as it is. */
export interface ApplicationChanges {
  company?: string;
  role?: string;
  why?: string | null;
  decisionBy?: CalendarDate | null;
  nextSteps?: string | null;
  notes?: string | null;
  time?: string | null;
  kind?: InterviewKind | null;
  roundDate?: CalendarDate;
  contacts?: ContactInput[];
  needs?: string[];
  expand?: string[];
  noCalls?: { contact: string | null; value: boolean };
  /** The day of the edit (the user's today): contacts it adds are known from then. */
  recordedOn?: CalendarDate;
}

interface ContactRow {
  id: number;
  uuid: string;
  application_id: number;
  name: string;
  role: ContactRole;
  phone: string | null;
  email: string | null;
  no_calls: number;
  recorded_on: string | null;
  round_number: number | null;
  topic: string | null;
  ok_to_call: number;
}

/** A whole application as written in bulk (the benchmark seeder; later, imports). */
export interface RecordInput {
  uuid?: string;
  company: string;
  role: string;
  why?: string | null;
  rounds: (Omit<InterviewInput, 'company' | 'role' | 'why' | 'contacts' | 'needs' | 'expand'> & { uuid?: string })[];
  contacts: (ContactInput & {
    noCalls?: boolean;
    uuid?: string;
    okToCall?: boolean;
    recordedOn?: CalendarDate | null;
    round?: number | null;
  })[];
  needs: string[];
  expand: string[];
  events: (EventInput & { uuid?: string })[];
  outcome?: Outcome | null;
  outcomeDate?: CalendarDate | null;
  outcomeNote?: string | null;
  notInterested?: boolean;
  /** With the outcome offer: the day the user must answer by. */
  respondBy?: CalendarDate | null;
}

/** What an import added. */
export interface ImportCounts {
  applications: number;
  merged: number;
  rounds: number;
  contacts: number;
  events: number;
  settings: number;
  /** Earlier outcomes (history) added. */
  outcomes: number;
}

/** One change in the journal, as `followup undo` describes it. */
export interface JournalEntry {
  id: number;
  at: string;
  summary: string;
}

/** How many changes `undo` can walk back. */
const JOURNAL_LIMIT = 1000;

/** A random UUID; node:crypto is loaded only by commands that write. */
function randomUUID(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('node:crypto') as typeof import('node:crypto')).randomUUID();
}

const INSERT_ROUND = `INSERT INTO rounds
  (uuid, application_id, number, date, time, kind, decision_by, next_steps, notes, created_at, recorded_on)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const INSERT_CONTACT = `INSERT INTO contacts
  (uuid, application_id, name, role, phone, email, no_calls, position, recorded_on, round_number, topic, ok_to_call)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const INSERT_EVENT = `INSERT INTO events
  (uuid, application_id, type, date, with_name, note, new_date, created_at, with_role, takeaway)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** The same insert with an explicit row id first (NULL lets SQLite choose). */
function withId(insert: string): string {
  return insert.replace('(uuid,', '(id, uuid,').replace('VALUES (', 'VALUES (?, ');
}

function contactFromRow(c: ContactRow): Contact {
  return {
    id: c.id, uuid: c.uuid, name: c.name, role: c.role, phone: c.phone, email: c.email, noCalls: c.no_calls === 1,
    okToCall: c.ok_to_call === 1, recordedOn: c.recorded_on, round: c.round_number, topic: c.topic,
  };
}

/** A company name or reference as matched: no accents, case, punctuation or spaces ("O'Brien & Co" -> "obrienco"). */
function referenceKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** A correction of one logged event (`edit --event ID`); undefined leaves that part as it is. */
export interface EventCorrection {
  date?: CalendarDate;
  /** Whom it was with (the role when it is a known contact); null: with nobody named. */
  with?: { name: string; role: ContactRole | null } | null;
  note?: string | null;
}

/** What `delete` removed with an application, by kind. */
export interface DeletedCounts {
  rounds: number;
  contacts: number;
  needs: number;
  expand: number;
  events: number;
  pastOutcomes: number;
}

interface EventRow {
  id: number;
  type: EventType;
  date: string;
  with_name: string | null;
  with_role: ContactRole | null;
  note: string | null;
}

/** "no-answer on 2026-12-07 with Dana Reyes", for journal summaries. */
function describeEvent(e: EventRow): string {
  return `${e.type} on ${e.date}${e.with_name ? ` with ${e.with_name}` : ''}`;
}

/** A value in a journal summary: quoted text, or "none". */
function shownValue(value: string | null): string {
  return value === null ? 'none' : JSON.stringify(value);
}

function isAsync(fn: unknown): boolean {
  return typeof fn === 'function' && fn.constructor?.name === 'AsyncFunction';
}

/** Which applications to read. */
export type Selection = 'all' | 'active';

const SELECTION_WHERE: Record<Selection, string> = {
  all: '1',
  active: "a.status = 'active'",
};

/**
 * What `today` plans over: active work, offers with a deadline (rule 15: an offer is settled
 * unless it has one), rejections with something to list (cadence rule 8: a
 * feedback item, or keep-in-touch once its timer has run) and no-response closes whose
 * keep-in-touch timer has run (rule 6); @keep is the latest last_activity whose timer has run by
 * then. The derived columns say how things stand now; on a past day (@asOf, a replay with
 * --today) an application that changed after it may have stood otherwise, so those are read
 * too (none, on the real today). Everything else is skipped through indexes, so the history
 * costs nothing; offers are read separately (listLatestOffers).
 */
const PLANNED_WHERE = `(a.settled = 0 AND (a.status IN ('active', 'offer')
    OR (a.status = 'rejected' AND (a.feedback_pending = 1 OR a.last_activity <= @keep))
    OR (a.status = 'no-response' AND a.last_activity <= @keep)))
  OR a.last_activity > @asOf`;

/** Whether application `a` was recorded by @asOf: a round of it was (knownOn), or it has none. */
const RECORDED_BY = `(EXISTS (SELECT 1 FROM rounds r WHERE r.application_id = a.id
    AND coalesce(r.recorded_on, r.date) <= @asOf)
  OR NOT EXISTS (SELECT 1 FROM rounds r WHERE r.application_id = a.id))`;

/** What `list` plans over: the active applications (also those active on a past @asOf), or all. */
const PLANS_WHERE: Record<Selection, string> = {
  all: SELECTION_WHERE.all,
  active: `${SELECTION_WHERE.active} OR a.last_activity > @asOf`,
};

/*
 * Applications are read as one JSON document that SQLite builds in a single statement: an array
 * of applications, each an array of its columns with its rounds, contacts and events nested in
 * it. Handing over one string (parsed by V8's JSON parser) costs a fraction of handing over a
 * JavaScript object per row, which is most of the time of reading hundreds of applications.
 */

/** `json_group_array` of a table's rows for the application `a`, in order. */
function nested(table: string, alias: string, columns: string, orderBy: string, filter = ''): string {
  return `json((SELECT json_group_array(json_array(${columns}) ORDER BY ${orderBy})
    FROM ${table} ${alias} WHERE ${alias}.application_id = a.id${filter}))`;
}

type AppTuple = [
  id: number, uuid: string, company: string, role: string, why: string | null, outcome: Outcome | null,
  outcomeDate: string | null, outcomeNote: string | null, notInterested: number,
  rounds: [number, string, number, string, string | null, InterviewKind | null, string | null, string | null, string | null, string | null][],
  contacts: [number, string, string, ContactRole, string | null, string | null, number, number, string | null, number | null, string | null][],
  facts: ['need' | 'expand', string][],
  events: [number, string, EventType, string, string | null, string | null, string | null, ContactRole | null, string | null][],
  past: [number, string, Outcome, string | null, string | null, number, string, string | null][],
  respondBy: string | null,
];

function fullQuery(where: string): string {
  return `SELECT json_group_array(json_array(
      a.id, a.uuid, a.company, a.role, a.why, a.outcome, a.outcome_date, a.outcome_note, a.not_interested,
      ${nested('rounds', 'r', 'r.id, r.uuid, r.number, r.date, r.time, r.kind, r.decision_by, r.next_steps, r.notes, r.recorded_on', 'r.number')},
      ${nested('contacts', 'c', 'c.id, c.uuid, c.name, c.role, c.phone, c.email, c.no_calls, c.ok_to_call, c.recorded_on, c.round_number, c.topic', 'c.position, c.id')},
      ${nested('facts', 'f', 'f.kind, f.text', 'f.id')},
      ${nested('events', 'e', 'e.id, e.uuid, e.type, e.date, e.with_name, e.note, e.new_date, e.with_role, e.takeaway', 'e.date, e.id')},
      ${nested('outcome_history', 'h', 'h.id, h.uuid, h.outcome, h.date, h.note, h.not_interested, h.replaced_on, h.respond_by', 'h.id')},
      a.respond_by
    ) ORDER BY a.id) FROM applications a WHERE ${where}`;
}

/** Values that only damage (or another program's edits) can put in the store. */
function damagedValue(what: string, value: unknown, appId: number): StoreError {
  return new StoreError(
    `Application #${appId} has ${what} ${JSON.stringify(value)}, which followup never writes: the store was changed ` +
      'by something else or is damaged. Nothing was changed. Run `followup check` to see every such row.',
    'damaged',
  );
}

const KNOWN_EVENTS: ReadonlySet<string> = new Set(EVENT_TYPES);

function appFromTuple(t: AppTuple): Application {
  for (const e of t[12]) if (!KNOWN_EVENTS.has(e[2])) throw damagedValue('an event of type', e[2], t[0]);
  if (t[5] !== null && !(OUTCOMES as readonly string[]).includes(t[5])) throw damagedValue('the outcome', t[5], t[0]);
  return {
    id: t[0],
    uuid: t[1],
    company: t[2],
    role: t[3],
    why: t[4],
    rounds: t[9].map((r) => ({
      id: r[0], uuid: r[1], number: r[2], date: r[3], time: r[4], kind: r[5], decisionBy: r[6], nextSteps: r[7], notes: r[8],
      recordedOn: r[9],
    })),
    contacts: t[10].map((c) => ({
      id: c[0], uuid: c[1], name: c[2], role: c[3], phone: c[4], email: c[5], noCalls: c[6] === 1, okToCall: c[7] === 1,
      recordedOn: c[8], round: c[9], topic: c[10],
    })),
    needs: t[11].filter((f) => f[0] === 'need').map((f) => f[1]),
    expand: t[11].filter((f) => f[0] === 'expand').map((f) => f[1]),
    events: t[12].map((e) => ({
      id: e[0], uuid: e[1], type: e[2], date: e[3], withName: e[4], note: e[5], newDate: e[6], withRole: e[7], takeaway: e[8],
    })),
    outcome: t[5],
    outcomeDate: t[6],
    outcomeNote: t[7],
    notInterested: t[8] === 1,
    pastOutcomes: t[13].map((h) => ({
      id: h[0], uuid: h[1], outcome: h[2], date: h[3], note: h[4], notInterested: h[5] === 1, replacedOn: h[6],
      respondBy: h[7],
    })),
    respondBy: t[14],
  };
}

/** A table of planQuery's JSON, as its columns: each has the schema's type (text, integer or null). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Columns = any[][];

/**
 * The order of a table's rows by (application, first key, second key): null when the rows come in
 * that order already (as read), else the row numbers sorted so. The rows come grouped by
 * application (the indexes start with its id), but within one the index may order them otherwise
 * (events by date and type, not date and id): then only that application's rows are sorted.
 */
export function rowOrder(app: unknown[], k1: unknown[], k2: unknown[]): number[] | null {
  const before = (i: number, j: number): boolean => {
    if (app[i] !== app[j]) return (app[i] as number) < (app[j] as number);
    const a = k1[i] as string | number;
    const b = k1[j] as string | number;
    return a < b || (a === b && (k2[i] as string | number) <= (k2[j] as string | number));
  };
  const compare = (i: number, j: number) => (before(i, j) ? (before(j, i) ? 0 : -1) : 1);
  let order: number[] | null = null;
  // The check inline (no call per row): the rows almost always come in order.
  for (let i = 1; i < app.length; i++) {
    const previous = app[i - 1] as number;
    const id = app[i] as number;
    if (previous < id) continue;
    if (previous > id) return Array.from(app, (_, n) => n).sort(compare);
    const a = k1[i - 1] as string | number;
    const b = k1[i] as string | number;
    if (a < b || (a === b && (k2[i - 1] as string | number) <= (k2[i] as string | number))) continue;
    // Out of order within one application: sort its run of rows, then go on after it.
    let start = i - 1;
    while (start > 0 && app[start - 1] === id) start--;
    let end = i + 1;
    while (end < app.length && app[end] === id) end++;
    order ??= Array.from(app, (_, n) => n);
    const run = order.slice(start, end).sort(compare);
    for (let n = start; n < end; n++) order[n] = run[n - start];
    i = end - 1;
  }
  return order;
}

/**
 * The events planQuery reads, a document for each kind of application (what each kind's rules
 * read; see planQuery): a condition of its own per kind costs SQLite less, over the thousands of
 * events it looks through, than one that asks each event which kind its application is.
 */
const EVENTS_BY_STATUS = [
  `a.status = 'active' AND e.application_id = a.id
    AND (e.date >= a.since OR e.type IN ('offer-shared', 'feedback-asked', 'feedback-received', 'thanks-sent'))`,
  `a.status = 'no-response' AND e.application_id = a.id
    AND (e.date >= a.last_activity OR e.type = 'loop-closed' OR a.last_activity > @asOf)`,
  `a.status = 'rejected' AND e.application_id = a.id
    AND (e.date >= a.last_activity OR e.type IN ('feedback-asked', 'feedback-received', 'thanks-sent') OR a.last_activity > @asOf)`,
  `a.status NOT IN ('active', 'no-response', 'rejected') AND e.application_id = a.id`,
];

/** `json_array` of one `json_group_array` per column (plain column names, comma-separated): the rows of a select as columns. */
function asColumns(columns: string): string {
  return `json_array(${columns.split(',').map((c) => `json_group_array(${c.trim()})`).join(', ')})`;
}

/**
 * What the rules read, for the applications `where` selects. The date an active one's events are
 * read from (its latest round held by @upTo and recorded by @asOf, so never later than the latest
 * round known on @asOf, else its first) is worked out once per active application (MATERIALIZED),
 * not once per event; the events come from a covering index. Of a no-response close only what rule 6
 * reads: loop-closed and the last day's events (all of them when it changed after @asOf); of a
 * rejection only what rule 8 reads: the feedback asked for and received, the thank-yous, and the
 * last day's events (all of them when it changed after @asOf). The needs and answers to expand
 * on (what a booked interview prepares, rule 14) are read apart (FACTS_QUERY), only of an
 * application with a round booked for @asOf or later.
 *
 * One row of JSON documents, each one table's rows for all the selected applications
 * (applications, rounds, contacts, the events of each kind of application, history) as
 * columns, an array per column; a child table's first columns are its application's id and the
 * keys it is ordered by. Flat tables cost SQLite far less than an array nested per application,
 * and columns cost V8 less than rows: a dozen arrays to parse (a number column is one packed
 * array) rather than one per row. No sorting: the rows are read in the order the indexes give
 * (`p` is materialized in id order), and planFromRows checks that order and sorts only when it
 * does not hold, so the result never depends on it. `paged`: a page of @size after the id
 * @after. `planned`: today's read, whose WHERE picks a few applications of many through
 * indexes (sorting those by id costs less than walking the whole table in id order, which the
 * planner prefers otherwise), and leaves the applications' UUIDs out (null): today never shows them.
 */
function planQuery(where: string, opts: { paged?: boolean; planned?: boolean } = {}): string {
  const { paged = false, planned = false } = opts;
  const rowsOf = (columns: string, from: string) => `(SELECT ${asColumns(columns)} FROM p a CROSS JOIN ${from})`;
  return `WITH p AS MATERIALIZED (
      SELECT a.id, a.uuid, a.company, a.role, a.status, a.outcome, a.outcome_date, a.not_interested, a.last_activity,
        a.respond_by,
        CASE WHEN a.status = 'active' THEN
          (SELECT coalesce(max(CASE WHEN r.date <= @upTo AND coalesce(r.recorded_on, r.date) <= @asOf THEN r.date END), min(r.date))
           FROM rounds r WHERE r.application_id = a.id) END AS since
      FROM applications a WHERE ${paged ? `(${where}) AND a.id > @after` : where}
      ORDER BY ${planned ? '+a.id' : 'a.id'}${paged ? ' LIMIT @size' : ''})
    SELECT
      (SELECT ${asColumns(`a.id, ${planned ? 'NULL' : 'a.uuid'}, a.company, a.role, a.outcome, a.outcome_date,
        a.not_interested, a.respond_by`)} FROM p a),
      ${rowsOf('r.application_id, r.number, r.id, r.date, r.decision_by, r.recorded_on, r.time, r.kind, r.next_steps',
        'rounds r ON r.application_id = a.id')},
      ${rowsOf('c.application_id, c.position, c.id, c.name, c.role, c.phone, c.email, c.no_calls, c.recorded_on, c.round_number',
        'contacts c ON c.application_id = a.id')},
      ${EVENTS_BY_STATUS.map((on) => rowsOf('e.application_id, e.date, e.id, e.type, e.new_date', `events e ON ${on}`)).join(', ')},
      ${rowsOf('h.application_id, h.id, h.outcome, h.date, h.not_interested, h.replaced_on, h.respond_by',
        'outcome_history h ON h.application_id = a.id')}`;
}

/**
 * The needs and answers to expand on of the applications @ids (a JSON array), as columns: read
 * apart, for the few applications with a round booked ahead (planFromRows finds them in their
 * rounds), rather than looked for in every application planned.
 */
const FACTS_QUERY = `SELECT ${asColumns('f.application_id, f.id, f.kind, f.text')}
  FROM facts f WHERE f.application_id IN (SELECT value FROM json_each(@ids))`;

const PLANNED_QUERY = planQuery(PLANNED_WHERE, { planned: true });

const PLANS_QUERY: Record<Selection, string> = {
  all: planQuery(PLANS_WHERE.all),
  active: planQuery(PLANS_WHERE.active),
};
/** The same, a page of applications at a time (after an id), for lists that must not hold them all. */
const PLANS_PAGE_QUERY: Record<Selection, string> = {
  all: planQuery(PLANS_WHERE.all, { paged: true }),
  active: planQuery(PLANS_WHERE.active, { paged: true }),
};

/** The applications of planQuery's documents (and FACTS_QUERY's, read through readFacts), by id, each with its rows in order. */
function planFromRows(docs: string[], asOf: CalendarDate, readFacts: (ids: number[]) => string): PlanApplication[] {
  // Indexed loops, not for...of, and no callback per row: this runs once per row of a thousand
  // applications at start-up, before V8 optimises anything (where for...of allocates an iterator
  // result at every step). Hence a loop written out for each table, alike but for its columns:
  // one helper taking a function to build each row measured 3 to 4 ms slower at 20,000
  // applications. Each application's list is made at its exact length, from the run of its rows
  // (a list grown by push holds room for seventeen).
  const apps: PlanApplication[] = [];
  const a = JSON.parse(docs[0]) as Columns;
  let order = rowOrder(a[0], a[0], a[0]);
  for (let n = 0; n < a[0].length; n++) {
    const i = order === null ? n : order[n];
    apps.push({
      id: a[0][i] as number,
      uuid: (a[1][i] as string | null) ?? undefined,
      company: a[2][i] as string,
      role: a[3][i] as string,
      rounds: NONE,
      contacts: NONE,
      events: NONE,
      pastOutcomes: NONE,
      outcome: a[4][i] as Outcome | null,
      outcomeDate: a[5][i],
      notInterested: a[6][i] === 1,
      respondBy: a[7][i],
      needs: NONE,
      expand: NONE,
    });
  }
  let runs: Int32Array;
  const r = JSON.parse(docs[1]) as Columns;
  order = rowOrder(r[0], r[1], r[2]);
  runs = runsOf(apps, r[0], order);
  for (let k = 0; k < apps.length; k++) {
    if (runs[k] === runs[k + 1]) continue;
    const list: PlanApplication['rounds'] = new Array(runs[k + 1] - runs[k]);
    for (let n = runs[k]; n < runs[k + 1]; n++) {
      const i = order === null ? n : order[n];
      list[n - runs[k]] = {
        id: r[2][i] as number, number: r[1][i] as number, date: r[3][i] as string, decisionBy: r[4][i], recordedOn: r[5][i],
        time: r[6][i], kind: r[7][i] as InterviewKind | null, nextSteps: r[8][i],
      };
    }
    apps[k].rounds = list;
  }
  const c = JSON.parse(docs[2]) as Columns;
  order = rowOrder(c[0], c[1], c[2]);
  runs = runsOf(apps, c[0], order);
  for (let k = 0; k < apps.length; k++) {
    if (runs[k] === runs[k + 1]) continue;
    const list: PlanApplication['contacts'] = new Array(runs[k + 1] - runs[k]);
    for (let n = runs[k]; n < runs[k + 1]; n++) {
      const i = order === null ? n : order[n];
      list[n - runs[k]] = {
        id: c[2][i] as number, name: c[3][i] as string, role: c[4][i] as ContactRole, phone: c[5][i], email: c[6][i],
        noCalls: c[7][i] === 1, recordedOn: c[8][i], round: c[9][i] as number | null,
      };
    }
    apps[k].contacts = list;
  }
  // The events, a document per kind of application (EVENTS_BY_STATUS): each application's are
  // in one of them.
  for (let d = 3; d < 3 + EVENTS_BY_STATUS.length; d++) {
    const e = JSON.parse(docs[d]) as Columns;
    order = rowOrder(e[0], e[1], e[2]);
    runs = runsOf(apps, e[0], order);
    for (let k = 0; k < apps.length; k++) {
      if (runs[k] === runs[k + 1]) continue;
      const list: PlanApplication['events'] = new Array(runs[k + 1] - runs[k]);
      for (let n = runs[k]; n < runs[k + 1]; n++) {
        const i = order === null ? n : order[n];
        list[n - runs[k]] = { id: e[2][i] as number, type: e[3][i] as EventType, date: e[1][i] as string, newDate: e[4][i] };
      }
      apps[k].events = list;
    }
  }
  const h = JSON.parse(docs[3 + EVENTS_BY_STATUS.length]) as Columns;
  order = rowOrder(h[0], h[1], h[2]);
  runs = runsOf(apps, h[0], order);
  for (let k = 0; k < apps.length; k++) {
    if (runs[k] === runs[k + 1]) continue;
    const list: NonNullable<PlanApplication['pastOutcomes']> = new Array(runs[k + 1] - runs[k]);
    for (let n = runs[k]; n < runs[k + 1]; n++) {
      const i = order === null ? n : order[n];
      list[n - runs[k]] = {
        outcome: h[2][i] as Outcome, date: h[3][i], notInterested: h[4][i] === 1, replacedOn: h[5][i] as string, respondBy: h[6][i],
      };
    }
    apps[k].pastOutcomes = list;
  }
  // What a booked interview prepares (rule 14): only of an application with a round booked for
  // @asOf or later, recorded before its date.
  const booked: number[] = [];
  for (let k = 0; k < apps.length; k++) {
    const rounds = apps[k].rounds;
    for (let i = 0; i < rounds.length; i++) {
      if (isBooked(rounds[i]) && rounds[i].date >= asOf) {
        booked.push(apps[k].id);
        break;
      }
    }
  }
  const f = JSON.parse(booked.length > 0 ? readFacts(booked) : '[[],[],[],[]]') as Columns;
  order = rowOrder(f[0], f[1], f[2]);
  runs = runsOf(apps, f[0], order);
  for (let k = 0; k < apps.length; k++) {
    if (runs[k] === runs[k + 1]) continue;
    const needs: string[] = [];
    const expand: string[] = [];
    for (let n = runs[k]; n < runs[k + 1]; n++) {
      const i = order === null ? n : order[n];
      (f[2][i] === 'need' ? needs : expand).push(f[3][i] as string);
    }
    apps[k].needs = needs;
    apps[k].expand = expand;
  }
  // Every application its own empty lists, which callers may fill.
  for (let k = 0; k < apps.length; k++) {
    const app = apps[k];
    if (app.rounds === NONE) app.rounds = [];
    if (app.contacts === NONE) app.contacts = [];
    if (app.events === NONE) app.events = [];
    if (app.pastOutcomes === NONE) app.pastOutcomes = [];
    if (app.needs === NONE) app.needs = [];
    if (app.expand === NONE) app.expand = [];
  }
  return apps;
}

/** No rows yet: replaced by a list of the application's own (planFromRows). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const NONE: any[] = [];

/**
 * Where each application's run of rows starts, in the rows' order (application ids ascending, as
 * the applications are): runs[k] to runs[k + 1] are the rows of apps[k]. A row of no application
 * read (which the query never gives) is a damaged store.
 */
function runsOf(apps: readonly PlanApplication[], appIds: unknown[], order: number[] | null): Int32Array {
  const runs = new Int32Array(apps.length + 1);
  let n = 0;
  for (let k = 0; k < apps.length; k++) {
    runs[k] = n;
    const id = apps[k].id;
    while (n < appIds.length && appIds[order === null ? n : order[n]] === id) n++;
  }
  runs[apps.length] = n;
  if (n !== appIds.length) throw new StoreError('The store gave a row of an application it did not read: it is damaged. Run `followup check`.', 'damaged');
  return runs;
}

/** The followup store over one SQLite file. */
export class Store {
  readonly file: string;
  private readonly db: Database;

  private readonly changeProbe: ChangeProbe;

  private constructor(db: Database, file: string, uncleanAtOpen: boolean) {
    this.db = db;
    this.file = file;
    this.changeProbe = new ChangeProbe(db, uncleanAtOpen);
  }

  /** Open the store (created on first use), migrated to the current schema. */
  static open(opts: OpenOptions): Store {
    const wal = fs.statSync(`${opts.file}-wal`, { throwIfNoEntry: false });
    return new Store(openDatabase(opts), opts.file, (wal?.size ?? 0) > 0);
  }

  /** Close the connection. */
  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Run a read, turning SQLite failures into store errors. */
  private read<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw explainSqliteError(err, this.file);
    }
  }

  /**
   * Run one change as a single IMMEDIATE transaction, journalled for `followup undo` in the same
   * transaction: all of it lands, or none of it. `summary` describes the change for undo.
   */
  private write<T>(summary: string | ((result: T) => string), fn: () => T): T {
    if (isAsync(fn)) throw new TypeError('A transaction cannot run an async function: it would commit too early.');
    try {
      return this.db
        .transaction(() => {
          const at = this.now();
          const journalId = Number(
            this.db.prepare("INSERT INTO journal (at, summary) VALUES (?, '')").run(at).lastInsertRowid,
          );
          const result = fn();
          const changed = this.db.prepare('SELECT 1 FROM undo_log WHERE journal_id = ? LIMIT 1').get(journalId);
          if (changed) {
            this.probe(journalId);
            const text = typeof summary === 'function' ? summary(result) : summary;
            this.db.prepare('UPDATE journal SET summary = ? WHERE id = ?').run(text, journalId);
            this.pruneJournal(journalId);
          } else {
            this.db.prepare('DELETE FROM journal WHERE id = ?').run(journalId);
          }
          return result;
        })
        .immediate();
    } catch (err) {
      throw explainSqliteError(err, this.file);
    }
  }

  /**
   * Before a change commits, read back what it wrote (ChangeProbe): damage found throws, which
   * rolls the change back, so a damaged store takes no writes and its damage cannot grow.
   */
  private probe(journalId: number): void {
    try {
      this.changeProbe.check(touchedRows(this.db, journalId));
    } catch (err) {
      if (!(err instanceof DamageFound)) throw err;
      throw new StoreError(
        `The store ${this.file} is damaged (${err.problem}). Nothing was changed.\n` +
          `${restoreAdvice(this.file)}\n\`followup check\` lists what is wrong.`,
        'damaged',
        { cause: err },
      );
    }
  }

  /** Keep the journal to its last JOURNAL_LIMIT changes. */
  private pruneJournal(newest: number): void {
    const oldest = newest - JOURNAL_LIMIT;
    if (oldest <= 0) return;
    const stale = this.db.prepare('SELECT min(id) AS id FROM journal').get() as { id: number | null };
    if (stale.id === null || stale.id > oldest) return;
    this.db.prepare('DELETE FROM undo_log WHERE journal_id <= ?').run(oldest);
    this.db.prepare('DELETE FROM journal WHERE id <= ?').run(oldest);
  }

  /**
   * Recompute an application's derived columns (see DERIVED_SET_SQL) after a change to it; an
   * unchanged row is not written, so a change that changes nothing journals nothing.
   */
  private refreshSettled(appId: number): void {
    this.db
      .prepare(
        `UPDATE applications AS a SET ${DERIVED_SET_SQL}
         WHERE a.id = ? AND (a.settled, a.feedback_pending, a.last_activity) IS NOT (${DERIVED_VALUES_SQL})`,
      )
      .run(appId);
  }

  /** "#3 Acme, Backend Engineer", for journal summaries. */
  private label(appId: number): string {
    const row = this.db.prepare('SELECT company, role FROM applications WHERE id = ?').get(appId) as
      | { company: string; role: string }
      | undefined;
    return row ? `#${appId} ${row.company}, ${row.role}` : `#${appId}`;
  }

  /**
   * Write many whole applications in one IMMEDIATE transaction, with prepared statements.
   * `journal: false` (the benchmark seeder) records no undo entry, which keeps seeding fast.
   */
  insertRecords(records: readonly RecordInput[], opts: { journal: boolean; summary: string }): number[] {
    const insertAll = (): number[] => {
      const now = this.now();
      const app = this.db.prepare(
        `INSERT INTO applications
           (uuid, company, role, why, status, outcome, outcome_date, outcome_note, not_interested, created_at, respond_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const round = this.db.prepare(
        INSERT_ROUND,
      );
      const contact = this.db.prepare(
        INSERT_CONTACT,
      );
      const fact = this.db.prepare('INSERT INTO facts (uuid, application_id, kind, text) VALUES (?, ?, ?, ?)');
      const event = this.db.prepare(
        INSERT_EVENT,
      );
      const ids: number[] = [];
      for (const r of records) {
        const closed = r.events.some((e) => e.type === 'loop-closed');
        const status: Status = r.outcome ?? (closed ? 'no-response' : 'active');
        const id = Number(
          app.run(
            r.uuid ?? randomUUID(), r.company, r.role, r.why ?? null, status, r.outcome ?? null,
            r.outcomeDate ?? null, r.outcomeNote ?? null, r.notInterested ? 1 : 0, now,
            r.outcome === 'offer' ? (r.respondBy ?? null) : null,
          ).lastInsertRowid,
        );
        ids.push(id);
        r.rounds.forEach((x, i) =>
          round.run(
            x.uuid ?? randomUUID(), id, i + 1, x.date, x.time ?? null, x.kind ?? null, x.decisionBy ?? null,
            x.nextSteps ?? null, x.notes ?? null, now, x.recordedOn ?? x.date,
          ),
        );
        r.contacts.forEach((c, i) =>
          contact.run(
            c.uuid ?? randomUUID(), id, c.name, c.role, c.phone ?? null, c.email ?? null, c.noCalls ? 1 : 0, i + 1,
            c.recordedOn ?? null, c.round ?? null, c.topic ?? null, c.okToCall ? 1 : 0,
          ),
        );
        for (const n of r.needs) fact.run(randomUUID(), id, 'need', n);
        for (const n of r.expand) fact.run(randomUUID(), id, 'expand', n);
        for (const e of r.events) {
          event.run(
            e.uuid ?? randomUUID(), id, e.type, e.date, e.withName ?? null, e.note ?? null, e.newDate ?? null, now,
            e.withRole ?? null, e.takeaway ?? null,
          );
        }
      }
      // The derived columns of all of them in one statement.
      this.db
        .prepare(`UPDATE applications AS a SET ${DERIVED_SET_SQL} WHERE a.id IN (SELECT value FROM json_each(?))`)
        .run(JSON.stringify(ids));
      return ids;
    };
    if (opts.journal) return this.write(opts.summary, insertAll);
    try {
      return this.db
        .transaction(() => {
          this.db.prepare('UPDATE journal_state SET suspended = 1').run();
          const ids = insertAll();
          this.db.prepare('UPDATE journal_state SET suspended = 0').run();
          return ids;
        })
        .immediate();
    } catch (err) {
      throw explainSqliteError(err, this.file);
    }
  }

  /**
   * Every application with everything recorded about it, by id, one at a time (export): a
   * statement iterated row by row, each row one application's JSON, so that the store is never
   * in memory whole. The statement holds the connection until the iteration ends.
   */
  *iterateApplications(): Generator<Application> {
    const query = fullQuery('1').replace(/^SELECT json_group_array\(json_array\(/, 'SELECT json_array(');
    const perRow = query.replace(/\) ORDER BY a\.id\) FROM applications a WHERE 1$/, ') FROM applications a ORDER BY a.id');
    if (perRow === query || !perRow.startsWith('SELECT json_array(')) throw new Error('iterateApplications: the query changed shape');
    const stmt = this.read(() => this.db.prepare(perRow).pluck());
    let rows: IterableIterator<unknown>;
    try {
      rows = stmt.iterate() as IterableIterator<unknown>;
    } catch (err) {
      throw explainSqliteError(err, this.file);
    }
    try {
      while (true) {
        let next: IteratorResult<unknown>;
        try {
          next = rows.next();
        } catch (err) {
          throw explainSqliteError(err, this.file);
        }
        if (next.done) return;
        yield appFromTuple(JSON.parse(next.value as string) as AppTuple);
      }
    } finally {
      // Abandoned early (a failed write): free the connection.
      rows.return?.();
    }
  }

  /** The settings stored in this store (not the defaults), as stored values. */
  storedSettings(): Record<string, unknown> {
    return this.read(() => {
      const rows = this.db.prepare('SELECT key, value FROM settings ORDER BY key').all() as { key: string; value: string }[];
      const out: Record<string, unknown> = {};
      for (const r of rows) {
        try {
          out[r.key] = JSON.parse(r.value);
        } catch {
          // Skipped, as getConfig does.
        }
      }
      return out;
    });
  }

  /**
   * Merge an archive (checked already) in one IMMEDIATE transaction, journalled for undo.
   * Records are matched by UUID: what exists is left as it is, what is missing is added, so
   * importing the same file twice adds nothing and two overlapping files give their union.
   * An application keeps its number when that number is free here. Settings not set here are
   * taken from the archive.
   */
  importArchive(archive: Archive, file: string): ImportCounts {
    return this.importFrom(
      {
        settings: archive.settings,
        eachApplication: (visit) => archive.applications.forEach((a, i) => visit(a, i)),
      },
      file,
    );
  }

  /**
   * importArchive for an archive read one application at a time (ArchiveFile, checked whole
   * already): each application is checked against this store and written in turn, in the one
   * transaction, so a problem anywhere (a UUID taken here, settings that clash, the file changed
   * meanwhile) rolls everything back. The checks and their order are those of a check of every
   * application before any write: the file's UUIDs are all different (checked when it was read),
   * so one written from the file can never be the one a later record of it clashes with.
   */
  importFrom(source: Pick<ArchiveFile, 'settings' | 'eachApplication'>, file: string): ImportCounts {
    const counts: ImportCounts = {
      applications: 0, merged: 0, rounds: 0, contacts: 0, events: 0, settings: 0, outcomes: 0,
    };
    const summary = () =>
      `import: ${file} (${counts.applications} applications added, ${counts.merged} merged; ` +
      `${counts.rounds} rounds, ${counts.contacts} contacts, ${counts.events} events, ` +
      `${counts.outcomes} earlier outcomes and ${counts.settings} settings added)`;
    this.write(summary, () => {
      const now = this.now();
      // Nothing here yet: no UUID of the file can be taken (they are all different).
      const checkUuids = this.db.prepare('SELECT 1 FROM applications LIMIT 1').get()
        ? this.importUuidCheck(file)
        : () => {};
      // Row ids are read as BigInt: a number past 2^53 would silently become another one, and
      // rounds would follow it to another application.
      const byUuid = this.db.prepare('SELECT id, outcome, why FROM applications WHERE uuid = ?').safeIntegers(true);
      const idTaken = this.db.prepare('SELECT 1 FROM applications WHERE id = ?');
      const insertApp = (keepId: boolean) =>
        this.db
          .prepare(
            `INSERT INTO applications (${keepId ? 'id, ' : ''}uuid, company, role, why, status, outcome, outcome_date,
               outcome_note, not_interested, created_at, respond_by)
             VALUES (${keepId ? '?, ' : ''}?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?)`,
          )
          .safeIntegers(true);
      const insertAppWithId = insertApp(true);
      const insertAppNoId = insertApp(false);
      const setOutcome = this.db.prepare(
        `UPDATE applications SET outcome = ?, outcome_date = ?, outcome_note = ?, not_interested = ?, respond_by = ?
         WHERE id = ?`,
      );
      const setWhy = this.db.prepare('UPDATE applications SET why = ? WHERE id = ?');
      const roundByUuid = this.db.prepare('SELECT number FROM rounds WHERE uuid = ?');
      const roundClash = this.db.prepare('SELECT 1 FROM rounds WHERE application_id = ? AND number = ?');
      const lastRound = this.db.prepare('SELECT max(number) AS n FROM rounds WHERE application_id = ?');
      const insertRound = this.db.prepare(withId(INSERT_ROUND));
      const contactExists = this.db.prepare('SELECT 1 FROM contacts WHERE uuid = ?');
      const lastPosition = this.db.prepare('SELECT max(position) AS p FROM contacts WHERE application_id = ?');
      const insertContact = this.db.prepare(withId(INSERT_CONTACT));
      const eventExists = this.db.prepare('SELECT 1 FROM events WHERE uuid = ?');
      const insertEvent = this.db.prepare(withId(INSERT_EVENT));
      const pastExists = this.db.prepare('SELECT 1 FROM outcome_history WHERE uuid = ?');
      const insertPast = this.db.prepare(
        `INSERT INTO outcome_history
           (id, uuid, application_id, outcome, date, note, not_interested, replaced_on, created_at, respond_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const setStatus = this.db.prepare(
        `UPDATE applications SET status = coalesce(outcome,
           CASE WHEN EXISTS (SELECT 1 FROM events WHERE application_id = ? AND type = 'loop-closed')
             THEN 'no-response' ELSE 'active' END)
         WHERE id = ? AND status IS NOT coalesce(outcome,
           CASE WHEN EXISTS (SELECT 1 FROM events WHERE application_id = ? AND type = 'loop-closed')
             THEN 'no-response' ELSE 'active' END)`,
      );
      // Statements prepared once for the whole import (a statement prepared per row would cost
      // its compilation each time and hold native memory until collected).
      const taken = {
        rounds: this.db.prepare('SELECT 1 FROM rounds WHERE id = ?'),
        contacts: this.db.prepare('SELECT 1 FROM contacts WHERE id = ?'),
        events: this.db.prepare('SELECT 1 FROM events WHERE id = ?'),
        outcome_history: this.db.prepare('SELECT 1 FROM outcome_history WHERE id = ?'),
      };
      /** The row id the file asks for when it is free in this table, else null (SQLite picks one). */
      const freeId = (table: keyof typeof taken, id: number | undefined): number | null =>
        id === undefined || taken[table].get(id) ? null : id;
      const factTexts = this.db.prepare('SELECT text FROM facts WHERE application_id = ? AND kind = ?').pluck();
      const insertFact = this.db.prepare('INSERT INTO facts (uuid, application_id, kind, text) VALUES (?, ?, ?, ?)');
      /** Needs and answers to expand on that the application lacks, in order (as addFacts adds them). */
      const addFacts = (appId: number, kind: 'need' | 'expand', texts: readonly string[]) => {
        if (texts.length === 0) return;
        const existing = new Set(factTexts.all(appId, kind) as string[]);
        for (const t of texts) {
          if (existing.has(t)) continue;
          existing.add(t);
          insertFact.run(randomUUID(), appId, kind, t);
        }
      };
      // refreshSettled's statement.
      const refreshDerived = this.db.prepare(
        `UPDATE applications AS a SET ${DERIVED_SET_SQL}
         WHERE a.id = ? AND (a.settled, a.feedback_pending, a.last_activity) IS NOT (${DERIVED_VALUES_SQL})`,
      );
      const safeId = (value: number | bigint): number => {
        if (BigInt(value) > BigInt(Number.MAX_SAFE_INTEGER)) {
          throw new StoreError(
            `The store ${this.file} numbers its applications past ${Number.MAX_SAFE_INTEGER}, beyond what followup ` +
              `counts exactly, so nothing was imported. Export the store and import it into a new one.`,
            'damaged',
          );
        }
        return Number(value);
      };
      source.eachApplication((a, i) => {
        checkUuids(a, i);
        const existing = byUuid.get(a.uuid) as { id: bigint; outcome: string | null; why: string | null } | undefined;
        let id: number;
        if (!existing) {
          const keepId = !idTaken.get(a.id);
          const values = [a.uuid, a.company, a.role, a.why, a.outcome, a.outcomeDate, a.outcomeNote, a.notInterested ? 1 : 0, now, a.respondBy ?? null];
          id = safeId((keepId ? insertAppWithId.run(a.id, ...values) : insertAppNoId.run(...values)).lastInsertRowid);
          counts.applications++;
        } else {
          id = safeId(existing.id);
          if (existing.outcome === null && a.outcome !== null) {
            setOutcome.run(a.outcome, a.outcomeDate, a.outcomeNote, a.notInterested ? 1 : 0, a.respondBy ?? null, id);
          }
          if (existing.why === null && a.why !== null) setWhy.run(a.why, id);
          counts.merged++;
        }
        // The number each round of the file has here (a clash moves a new one to the end), so that
        // contacts keep the round they came with.
        const roundNumbers = new Map<number, number>();
        for (const r of a.rounds) {
          const stored = roundByUuid.get(r.uuid) as { number: number } | undefined;
          if (stored) {
            roundNumbers.set(r.number, stored.number);
            continue;
          }
          const clash = roundClash.get(id, r.number);
          const number = clash ? (lastRound.get(id) as { n: number }).n + 1 : r.number;
          roundNumbers.set(r.number, number);
          insertRound.run(
            freeId('rounds', r.id), r.uuid, id, number, r.date, r.time, r.kind, r.decisionBy, r.nextSteps, r.notes, now,
            r.recordedOn ?? r.date,
          );
          counts.rounds++;
        }
        for (const c of a.contacts) {
          if (contactExists.get(c.uuid)) continue;
          const position = ((lastPosition.get(id) as { p: number | null }).p ?? 0) + 1;
          insertContact.run(
            freeId('contacts', c.id), c.uuid, id, c.name, c.role, c.phone, c.email, c.noCalls ? 1 : 0, position,
            c.recordedOn ?? null, c.round == null ? null : (roundNumbers.get(c.round) ?? c.round), c.topic ?? null,
            c.okToCall ? 1 : 0,
          );
          counts.contacts++;
        }
        addFacts(id, 'need', a.needs);
        addFacts(id, 'expand', a.expand);
        for (const e of a.events) {
          if (eventExists.get(e.uuid)) continue;
          insertEvent.run(
            freeId('events', e.id), e.uuid, id, e.type, e.date, e.withName, e.note, e.newDate, now,
            e.withRole ?? null, e.takeaway ?? null,
          );
          counts.events++;
        }
        for (const h of a.pastOutcomes) {
          if (pastExists.get(h.uuid)) continue;
          insertPast.run(
            freeId('outcome_history', h.id), h.uuid, id, h.outcome, h.date, h.note, h.notInterested ? 1 : 0,
            h.replacedOn, now, h.respondBy ?? null,
          );
          counts.outcomes++;
        }
        setStatus.run(id, id, id);
        refreshDerived.run(id);
      });
      const insertSetting = this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
      for (const [key, value] of Object.entries(this.importSettings(source.settings, file))) {
        insertSetting.run(key, JSON.stringify(value));
        counts.settings++;
      }
    });
    return counts;
  }

  /**
   * What an import must not do to this store, checked before each application is written
   * (parseArchive checked the file on its own): give a UUID to a second record (a round of another
   * application, or a record of another kind). Throws a UsageError naming the place in the file.
   */
  private importUuidCheck(file: string): (a: ArchiveApplication, i: number) => void {
    const fail = (place: string, problem: string): never => {
      throw new UsageError(`${file}: ${place}: ${problem}. Nothing was imported.`);
    };
    const owners = this.db.prepare(
      `SELECT x.kind, a.uuid AS owner, CAST(a.id AS TEXT) AS id, a.company, a.role FROM (
         SELECT 'application' AS kind, id AS app FROM applications WHERE uuid = @uuid
         UNION ALL SELECT 'round', application_id FROM rounds WHERE uuid = @uuid
         UNION ALL SELECT 'contact', application_id FROM contacts WHERE uuid = @uuid
         UNION ALL SELECT 'event', application_id FROM events WHERE uuid = @uuid
         UNION ALL SELECT 'earlier outcome', application_id FROM outcome_history WHERE uuid = @uuid
         UNION ALL SELECT 'need', application_id FROM facts WHERE uuid = @uuid) x
       JOIN applications a ON a.id = x.app`,
    );
    type Owner = { kind: string; owner: string; id: string; company: string; role: string };
    /** A UUID is free, or already names this very record (the same kind, of the same application). */
    const check = (uuid: string, kind: string, appUuid: string, place: string): void => {
      for (const o of owners.all({ uuid }) as Owner[]) {
        if (o.kind === kind && o.owner === appUuid) continue;
        const what = o.kind === 'application' ? 'application' : `${o.kind === 'need' ? 'fact' : o.kind} of application`;
        fail(`${place}.uuid`, `is already the UUID of the ${what} #${o.id} ${o.company}, ${o.role} here`);
      }
    };
    return (a, i) => {
      const place = `applications[${i}]`;
      check(a.uuid, 'application', a.uuid, place);
      a.rounds.forEach((r, j) => check(r.uuid, 'round', a.uuid, `${place}.rounds[${j}]`));
      a.contacts.forEach((c, j) => check(c.uuid, 'contact', a.uuid, `${place}.contacts[${j}]`));
      a.events.forEach((e, j) => check(e.uuid, 'event', a.uuid, `${place}.events[${j}]`));
      a.pastOutcomes.forEach((h, j) => check(h.uuid, 'earlier outcome', a.uuid, `${place}.pastOutcomes[${j}]`));
    };
  }

  /**
   * The settings an import adds: those of the archive not set here, which must hold together with
   * the ones stored here (the rules of `config set`). Throws a UsageError naming the place.
   */
  private importSettings(settings: Archive['settings'], file: string): Record<string, unknown> {
    const stored: Record<string, unknown> = {};
    for (const row of this.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]) {
      try {
        stored[row.key] = JSON.parse(row.value);
      } catch {
        stored[row.key] = null;
      }
    }
    const contributed = Object.fromEntries(
      Object.entries(settings).filter(([key]) => !Object.prototype.hasOwnProperty.call(stored, key)),
    );
    try {
      checkSettings(contributed, configFromStored(stored));
    } catch (err) {
      if (!(err instanceof SettingError)) throw err;
      throw new UsageError(`${file}: settings.${err.key}: ${err.problem}, with the settings stored here. Nothing was imported.`);
    }
    return contributed;
  }

  // ---- undo ----

  /** The newest change that `undo` would reverse, or null when there is none. */
  lastChange(): JournalEntry | null {
    return this.read(
      () =>
        (this.db.prepare('SELECT id, at, summary FROM journal ORDER BY id DESC LIMIT 1').get() as
          | JournalEntry
          | undefined) ?? null,
    );
  }

  /**
   * Reverse the newest change, exactly, in one IMMEDIATE transaction. `expected` is the entry the
   * user agreed to reverse: if another followup changed the store meanwhile, nothing is done.
   */
  undo(expected: number): JournalEntry {
    try {
      return this.db
        .transaction(() => {
          const entry = this.db.prepare('SELECT id, at, summary FROM journal ORDER BY id DESC LIMIT 1').get() as
            | JournalEntry
            | undefined;
          if (!entry || entry.id !== expected) {
            throw new UsageError('The store changed while you were deciding; nothing was undone. Run followup undo again.');
          }
          const steps = this.db
            .prepare('SELECT sql FROM undo_log WHERE journal_id = ? ORDER BY seq DESC')
            .all(entry.id) as { sql: string }[];
          this.db.prepare('UPDATE journal_state SET suspended = 1').run();
          for (const step of steps) this.db.exec(step.sql);
          this.db.prepare('UPDATE journal_state SET suspended = 0').run();
          this.probe(entry.id);
          this.db.prepare('DELETE FROM undo_log WHERE journal_id = ?').run(entry.id);
          this.db.prepare('DELETE FROM journal WHERE id = ?').run(entry.id);
          return entry;
        })
        .immediate();
    } catch (err) {
      throw explainSqliteError(err, this.file);
    }
  }

  private now(): string {
    return new Date().toISOString();
  }

  // ---- safety ----

  /**
   * A consistent copy of the store, safe while other followups use it. Without `dest`, into
   * backups/ beside the store with a timestamped name, keeping the newest ten.
   */
  backup(dest?: string, flag = '--out'): string {
    const target = dest ? checkOutputTarget(dest, this.file, flag) : prepareBackupPath(this.file, new Date());
    try {
      writeBackup(this.db, target, openReadOnly);
    } catch (err) {
      if (err instanceof DamagedCopyError) {
        throw new StoreError(
          `The store ${this.file} could not be backed up: ${err.message}, so the store itself is damaged. ` +
            `No backup was written and the store was not changed. ${restoreAdvice(this.file)}`,
          'damaged',
          { cause: err },
        );
      }
      throw explainSqliteError(err, this.file);
    }
    if (!dest) pruneBackups(this.file, target);
    return target;
  }

  /** SQLite's integrity and foreign-key checks; an empty list means sound. */
  check(): string[] {
    return this.read(() => {
      const problems: string[] = [];
      const integrity = this.db.pragma('integrity_check') as { integrity_check: string }[];
      for (const row of integrity) if (row.integrity_check !== 'ok') problems.push(row.integrity_check);
      const keys = this.db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
      for (const row of keys) problems.push(`${row.table} row ${row.rowid} points to a missing ${row.parent} row`);
      const strays = this.db
        .prepare(
          `SELECT id, application_id AS app, type FROM events
           WHERE type NOT IN (SELECT value FROM json_each(?)) ORDER BY id`,
        )
        .all(JSON.stringify(EVENT_TYPES)) as { id: number; app: number; type: string }[];
      for (const e of strays) problems.push(`events row ${e.id} (application #${e.app}) has an unknown type ${JSON.stringify(e.type)}`);
      return problems;
    });
  }

  // ---- settings ----

  /** The settings, defaults filled in. */
  getConfig(): Config {
    return this.read(() => {
      const rows = this.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
      const stored: Record<string, unknown> = {};
      for (const r of rows) {
        try {
          stored[r.key] = JSON.parse(r.value);
        } catch {
          // A malformed value falls back to the default rather than stopping every command.
        }
      }
      return configFromStored(stored);
    });
  }

  /** Store one setting (already checked). */
  setConfig(key: string, value: unknown): void {
    const shown = Array.isArray(value) ? value.join(',') : value === null ? '(not set)' : String(value);
    this.write(`config set ${key} ${shown}`, () => {
      this.db
        .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
        .run(key, JSON.stringify(value));
    });
  }

  // ---- reading applications ----

  /** Applications with everything recorded about them, by id. */
  listApplications(selection: Selection = 'all'): Application[] {
    return this.read(() => this.load(SELECTION_WHERE[selection], {}));
  }

  /**
   * The applications that may list something by `upTo` (see PLANNED_WHERE): today, or on a
   * weekend the next working day, whose list `today` counts as lined up, planned from what was
   * known on `asOf` (the user's today; default `upTo`). Only what the rules read
   * (PlanApplication), and of an active application only the events since its latest round held
   * by then, with the few kinds whose earlier dates still count (offer-shared, feedback and
   * thanks); of a rejection or a no-response close, what rules 8 and 6 read (planQuery); every
   * event of any other. The caller cuts them down to what was known on `asOf` (knownOn; planToday
   * does).
   */
  listPlanned(upTo: CalendarDate, keepInTouchDays: number, asOf: CalendarDate = upTo): PlanApplication[] {
    return this.listPlannedText(upTo, keepInTouchDays, asOf).apps;
  }

  /**
   * listPlanned, and whether all the text it read is plain: no control character (C0, DEL, C1)
   * and no bidi control in any company, role, name, phone, email or other text of it. Found by one
   * pass of native code over what SQLite hands over, so that a view of many applications need not
   * look at each of its strings again (today); false may also mean a backslash in the text.
   */
  listPlannedText(upTo: CalendarDate, keepInTouchDays: number, asOf: CalendarDate = upTo): { apps: PlanApplication[]; plainText: boolean } {
    return this.read(() => {
      const docs = this.db.prepare(PLANNED_QUERY).raw().get({ keep: addDays(upTo, -keepInTouchDays), upTo, asOf }) as string[];
      let plainText = !docs.some(jsonMayNeedEscaping);
      const apps = planFromRows(docs, asOf, (ids) => {
        const facts = this.facts(ids);
        plainText &&= !jsonMayNeedEscaping(facts);
        return facts;
      });
      return { apps, plainText };
    });
  }

  /**
   * Applications as the rules see them on `today` (what `list` shows), by id: 'active' also
   * reads those that changed after `today`, which may have been active then (the caller cuts
   * them down to what was known on `today` and keeps the active ones).
   */
  listPlans(selection: Selection, today: CalendarDate): PlanApplication[] {
    return this.plans(PLANS_QUERY[selection], { upTo: today, asOf: today });
  }

  /** listPlans a page of `size` applications at a time, by id: memory stays the same however many there are. */
  *iteratePlans(selection: Selection, today: CalendarDate, size = 500): Generator<PlanApplication[]> {
    let after = 0;
    for (;;) {
      const page = this.plans(PLANS_PAGE_QUERY[selection], { upTo: today, asOf: today, after, size });
      if (page.length === 0) return;
      yield page;
      after = page[page.length - 1].id;
      if (page.length < size) return;
    }
  }

  private plans(query: string, params: Record<string, unknown> & { asOf: CalendarDate }): PlanApplication[] {
    return this.read(() => planFromRows(this.db.prepare(query).raw().get(params) as string[], params.asOf, (ids) => this.facts(ids)));
  }

  /** FACTS_QUERY's document for these applications. */
  private facts(ids: readonly number[]): string {
    return this.db.prepare(FACTS_QUERY).pluck().get({ ids: JSON.stringify(ids) }) as string;
  }

  /**
   * The offers known on `asOf` that rules 9 and 16 read (RecordedOffer), latest date first (on the
   * same date the earlier-recorded first): the two latest, since rule 9 looks for the latest offer
   * on another application than the one it plans and the latest of all can belong to at most one;
   * and every accepted one (rule 16; a job search has few). An offer counts as known on `asOf` as
   * knownOn says: of an application recorded by then (a round recorded), and either the outcome
   * that stood then (the current one dated by then, or when that is dated after `asOf`, the history
   * entry dated by then and replaced after), or the last offer of the history before an accepted
   * or declined that stood then (an answered offer still counts, rule 15). Read through indexes
   * and the small history, so it costs the same however many applications the store holds.
   * Without `asOf`: as things stand.
   */
  listLatestOffers(asOf: CalendarDate = '9999-12-31'): RecordedOffer[] {
    return this.read(() => {
      const rows = this.db
        .prepare(
          `SELECT id, company, date, respond_by, answer, answered_on FROM (
             SELECT * FROM (
               SELECT a.id, a.company, a.outcome_date AS date, a.respond_by, NULL AS answer, NULL AS answered_on
               FROM applications a
               WHERE a.outcome = 'offer' AND a.outcome_date IS NOT NULL AND a.outcome_date <= @asOf AND ${RECORDED_BY}
               ORDER BY a.outcome_date DESC, a.id LIMIT 2)
             UNION ALL
             SELECT s.id, s.company, coalesce(o.date, s.stood_on),
               CASE WHEN s.outcome = 'offer' THEN s.respond_by ELSE o.respond_by END,
               CASE WHEN s.outcome = 'offer' THEN NULL ELSE s.outcome END,
               CASE WHEN s.outcome = 'offer' THEN NULL ELSE s.stood_on END
             FROM (
               SELECT a.id, a.company, a.outcome, a.outcome_date AS stood_on, NULL AS respond_by FROM applications a
               WHERE a.status IN ('accepted', 'declined') AND a.outcome_date IS NOT NULL AND a.outcome_date <= @asOf
                 AND ${RECORDED_BY}
               UNION ALL
               SELECT a.id, a.company, h.outcome, h.date, h.respond_by
               FROM outcome_history h JOIN applications a ON a.id = h.application_id
               WHERE h.outcome IN ('offer', 'accepted', 'declined') AND h.date <= @asOf AND h.replaced_on > @asOf
                 AND a.outcome_date > @asOf
                 AND h.id = (SELECT max(x.id) FROM outcome_history x WHERE x.application_id = a.id
                   AND x.date <= @asOf AND x.replaced_on > @asOf)
                 AND ${RECORDED_BY}) s
             LEFT JOIN outcome_history o ON s.outcome <> 'offer' AND o.id = (SELECT max(x.id) FROM outcome_history x
               WHERE x.application_id = s.id AND x.outcome = 'offer' AND x.date IS NOT NULL AND x.replaced_on <= @asOf)
             WHERE s.outcome = 'offer' OR o.id IS NOT NULL OR s.outcome = 'accepted')
           ORDER BY date DESC, id`,
        )
        .all({ asOf }) as {
        id: number; company: string; date: string; respond_by: string | null;
        answer: 'accepted' | 'declined' | null; answered_on: string | null;
      }[];
      const offers: RecordedOffer[] = [];
      rows.forEach((r, i) => {
        if (i >= 2 && r.answer !== 'accepted') return;
        const offer: RecordedOffer = { id: r.id, company: r.company, date: r.date };
        if (r.respond_by) offer.respondBy = r.respond_by;
        if (r.answer) offer.answer = { outcome: r.answer, date: r.answered_on! };
        offers.push(offer);
      });
      return offers;
    });
  }

  /** One application, or null. */
  getApplication(id: number): Application | null {
    return this.read(() => this.load('a.id = @id', { id })[0] ?? null);
  }

  /** One application, or a NotFoundError naming the reference. */
  requireApplication(id: number): Application {
    const app = this.getApplication(id);
    if (!app) throw new NotFoundError(`There is no application ${id}. See \`followup list --all\`.`);
    return app;
  }

  /** Read applications and everything that belongs to them, as one JSON document. */
  private load(where: string, params: Record<string, unknown>): Application[] {
    const json = this.db.prepare(fullQuery(where)).pluck().get(params) as string;
    return (JSON.parse(json) as AppTuple[]).map(appFromTuple);
  }

  /**
   * Resolve a reference (design/cli.md, References): an application number (`3` or `#3`), or a
   * prefix of the company name, ignoring case, accents and punctuation (`obr` finds "O'Brien &
   * Co"), matched against every application; when several match, the active ones are preferred,
   * then the one whose whole name it is. Still several: a UsageError listing them.
   */
  resolveRef(ref: string): number {
    return this.read(() => {
      const text = ref.trim();
      if (/^#?\s*\d+$/.test(text)) {
        const id = Number(text.replace(/^#\s*/, ''));
        const row = this.db.prepare('SELECT id FROM applications WHERE id = ?').get(id);
        if (!row) throw new NotFoundError(`There is no application ${id}. See \`followup list --all\` for the numbers.`);
        return id;
      }
      if (text === '') throw new UsageError('An application reference is needed: its number or company name.');
      const key = referenceKey(text);
      if (key === '') {
        throw new NotFoundError(
          `"${text}" has no letters or digits to match a company by. Type the application's number or the start of ` +
            'its company name (see `followup list --all`).',
        );
      }
      // Company names are few and short: all of them are read, and compared as the user sees them.
      const rows = (
        this.db.prepare('SELECT id, company, role, status FROM applications ORDER BY id').all() as {
          id: number; company: string; role: string; status: Status;
        }[]
      ).filter((r) => referenceKey(r.company).startsWith(key));
      if (rows.length === 0) {
        throw new NotFoundError(
          `No application's company starts with "${text}". Use its number instead (see \`followup list --all\`).`,
        );
      }
      const active = rows.filter((r) => r.status === 'active');
      const preferred = active.length > 0 ? active : rows;
      if (preferred.length === 1) return preferred[0].id;
      // The full company name picks it out when other companies merely share the prefix.
      const exact = preferred.filter((r) => referenceKey(r.company) === key);
      if (exact.length === 1) return exact[0].id;
      const candidates = preferred
        .map((r) => `  ${r.id}  ${r.company} (${r.role})${r.status === 'active' ? '' : ` · ${r.status}`}`)
        .join('\n');
      throw new UsageError(`"${text}" matches more than one application; use its number:\n${candidates}`);
    });
  }

  /** Every application's number, company, role and status, active ones first (for completion). */
  listReferences(): { id: number; company: string; role: string; status: Status }[] {
    return this.read(
      () =>
        this.db
          .prepare("SELECT id, company, role, status FROM applications ORDER BY status <> 'active', id")
          .all() as { id: number; company: string; role: string; status: Status }[],
    );
  }

  /** The active application for this company and role (case-insensitive), or null. */
  findActiveApplication(company: string, role: string): number | null {
    return this.read(() => {
      const active = this.db
        .prepare("SELECT id, company, role FROM applications WHERE status = 'active'")
        .all() as (ApplicationKey & { id: number })[];
      return applicationForInterview(active, { company, role })?.id ?? null;
    });
  }


  // ---- writing ----

  /**
   * Record an interview: a new application, or the next round of the active application for
   * the same company and role. Returns its id and round number.
   */
  addInterview(input: InterviewInput): { id: number; round: number; newApplication: boolean } {
    return this.write((r) => `add: ${this.label(r.id)}, round ${r.round} on ${input.date}`, () => {
      const existing = this.findActiveApplication(input.company, input.role);
      const now = this.now();
      let id: number;
      if (existing !== null) {
        id = existing;
        if (input.why) this.db.prepare('UPDATE applications SET why = ? WHERE id = ?').run(input.why, id);
      } else {
        id = Number(
          this.db
            .prepare(
              `INSERT INTO applications (uuid, company, role, why, created_at) VALUES (?, ?, ?, ?, ?)`,
            )
            .run(randomUUID(), input.company, input.role, input.why ?? null, now).lastInsertRowid,
        );
      }
      const number =
        ((this.db.prepare('SELECT max(number) AS n FROM rounds WHERE application_id = ?').get(id) as { n: number | null })
          .n ?? 0) + 1;
      this.db
        .prepare(
          INSERT_ROUND,
        )
        .run(
          randomUUID(),
          id,
          number,
          input.date,
          input.time ?? null,
          input.kind ?? null,
          input.decisionBy ?? null,
          input.nextSteps ?? null,
          input.notes ?? null,
          now,
          input.recordedOn ?? input.date,
        );
      this.mergeContacts(id, input.contacts, { recordedOn: input.recordedOn ?? null, round: number });
      this.addFacts(id, 'need', input.needs);
      this.addFacts(id, 'expand', input.expand);
      return { id, round: number, newApplication: existing === null };
    });
  }

  /** Add contacts, updating one with the same name and role instead of duplicating it. */
  private mergeContacts(
    appId: number,
    contacts: readonly ContactInput[],
    at: { recordedOn: CalendarDate | null; round: number | null } = { recordedOn: null, round: null },
  ): void {
    const known = this.db
      .prepare('SELECT id, name, role, phone, email FROM contacts WHERE application_id = ? ORDER BY position, id')
      .all(appId) as KnownContact[];
    for (const change of mergeContacts(known, contacts)) {
      if (change.kind === 'update') {
        this.db
          .prepare('UPDATE contacts SET phone = ?, email = ?, topic = coalesce(?, topic) WHERE id = ?')
          .run(change.phone, change.email, change.topic ?? null, change.id);
      } else if (change.kind === 'replace') {
        this.db
          .prepare(
            `UPDATE contacts SET name = ?, phone = ?, email = ?, no_calls = 0, ok_to_call = 0, topic = ?,
               recorded_on = ?, round_number = coalesce(?, round_number) WHERE id = ?`,
          )
          .run(change.name, change.phone, change.email, change.topic ?? null, at.recordedOn, at.round, change.id);
      } else {
        const c = change.contact;
        const position =
          ((this.db.prepare('SELECT max(position) AS p FROM contacts WHERE application_id = ?').get(appId) as {
            p: number | null;
          }).p ?? 0) + 1;
        this.db
          .prepare(INSERT_CONTACT)
          .run(
            randomUUID(), appId, c.name, c.role, c.phone ?? null, c.email ?? null, 0, position,
            at.recordedOn, at.round, c.topic ?? null, 0,
          );
      }
    }
  }


  private addFacts(appId: number, kind: 'need' | 'expand', texts: readonly string[]): void {
    const existing = new Set(
      (this.db.prepare('SELECT text FROM facts WHERE application_id = ? AND kind = ?').all(appId, kind) as {
        text: string;
      }[]).map((r) => r.text),
    );
    const insert = this.db.prepare('INSERT INTO facts (uuid, application_id, kind, text) VALUES (?, ?, ?, ?)');
    for (const t of texts) {
      if (existing.has(t)) continue;
      existing.add(t);
      insert.run(randomUUID(), appId, kind, t);
    }
  }

  /**
   * Log an event. `loop-closed` closes an active application as no-response. `okToCall`: the
   * contact said calling them directly is fine (`log spoke --ok-to-call`), recorded in the same
   * transaction (and a "no calls" of theirs lifted, since this is the later word).
   */
  addEvent(appId: number, event: EventInput, opts: { okToCall?: { contactId: number; name: string } } = {}): FollowupEvent {
    const summary = () =>
      `log: ${event.type} on ${event.date} for ${this.label(appId)}` +
      (event.withName ? ` with ${event.withName}` : '') +
      (opts.okToCall ? `; ${opts.okToCall.name} marked as ok to call directly` : '');
    return this.write(summary, () => {
      const uuid = randomUUID();
      const info = this.db
        .prepare(
          INSERT_EVENT,
        )
        .run(
          uuid,
          appId,
          event.type,
          event.date,
          event.withName ?? null,
          event.note ?? null,
          event.newDate ?? null,
          this.now(),
          event.withRole ?? null,
          event.takeaway ?? null,
        );
      if (event.type === 'loop-closed') {
        this.db.prepare("UPDATE applications SET status = 'no-response' WHERE id = ? AND status = 'active'").run(appId);
      }
      if (opts.okToCall) {
        const set = this.db
          .prepare('UPDATE contacts SET ok_to_call = 1, no_calls = 0 WHERE id = ? AND application_id = ?')
          .run(opts.okToCall.contactId, appId);
        if (set.changes !== 1) throw new NotFoundError(`Application #${appId} has no contact ${opts.okToCall.name}.`);
      }
      this.refreshSettled(appId);
      return {
        id: Number(info.lastInsertRowid),
        uuid,
        type: event.type,
        date: event.date,
        withName: event.withName ?? null,
        withRole: event.withRole ?? null,
        takeaway: event.takeaway ?? null,
        note: event.note ?? null,
        newDate: event.newDate ?? null,
      };
    });
  }

  /**
   * Record the outcome; it replaces a no-response close. `accepted` and `declined` answer the
   * current offer: it moves to outcome_history with the answer's date as the day it was replaced
   * (no `replace` needed); without a current offer they are a UsageError (with `replace`, an
   * accepted or declined may also replace the other). Any other earlier outcome is replaced only
   * with `replace` (else a UsageError): it then moves to outcome_history, with `today` (the
   * user's) as the day it was replaced. `respondBy` (an offer's deadline) goes only with an offer.
   * One transaction; nothing is written when it is refused. Returns the outcome replaced, or null.
   */
  setOutcome(
    appId: number,
    outcome: Outcome,
    date: CalendarDate,
    note: string | null,
    notInterested: boolean,
    opts: { replace?: boolean; today?: CalendarDate; respondBy?: CalendarDate | null } = {},
  ): { outcome: Outcome; date: CalendarDate | null } | null {
    let replaced: { outcome: Outcome; date: CalendarDate | null; respondBy: CalendarDate | null } | null = null;
    const respondBy = opts.respondBy ?? null;
    const answer = outcome === 'accepted' || outcome === 'declined';
    const summary = () =>
      `outcome: ${outcome} on ${date}${respondBy ? ` (answer by ${respondBy})` : ''} for ${this.label(appId)}` +
      (replaced
        ? answer && replaced.outcome === 'offer'
          ? ` (answering the offer${replaced.date ? ` of ${replaced.date}` : ''}` +
            `${replaced.respondBy ? `, answer by ${replaced.respondBy}` : ''}, kept as history)`
          : ` (replacing ${replaced.outcome}${replaced.date ? ` of ${replaced.date}` : ''}, kept as history)`
        : '');
    const result = this.write(summary, () => {
      if (respondBy !== null && outcome !== 'offer') {
        throw new UsageError(`A deadline to answer by goes with an offer, not with ${outcome}.`);
      }
      const before = this.db
        .prepare('SELECT outcome, outcome_date, outcome_note, not_interested, respond_by FROM applications WHERE id = ?')
        .get(appId) as
        | {
            outcome: Outcome | null; outcome_date: string | null; outcome_note: string | null; not_interested: number;
            respond_by: string | null;
          }
        | undefined;
      if (!before) throw new NotFoundError(`There is no application ${appId}.`);
      const answersOffer = answer && before.outcome === 'offer';
      if (answer && !answersOffer && !(opts.replace && (before.outcome === 'accepted' || before.outcome === 'declined'))) {
        throw new UsageError(
          `Application #${appId} has no offer to answer` +
            (before.outcome ? ` (it is recorded as ${before.outcome})` : '') +
            `: ${outcome} follows an offer. Record the offer first: followup outcome ${appId} offer`,
        );
      }
      if (answersOffer && before.outcome_date !== null && date < before.outcome_date) {
        throw new UsageError(
          `The offer of #${appId} is dated ${before.outcome_date}; it cannot be ${outcome} on ${date}, before it came. ` +
            `Type a date on or after ${before.outcome_date} with --date.`,
        );
      }
      if (before.outcome !== null) {
        if (!opts.replace && !answersOffer) {
          throw new UsageError(
            `Application #${appId} already has the outcome ${before.outcome}; add --replace to replace it ` +
              '(the earlier one is kept as history).',
          );
        }
        this.db
          .prepare(
            `INSERT INTO outcome_history
               (uuid, application_id, outcome, date, note, not_interested, replaced_on, created_at, respond_by)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            randomUUID(), appId, before.outcome, before.outcome_date, before.outcome_note, before.not_interested,
            answersOffer ? date : (opts.today ?? date), this.now(), before.respond_by,
          );
        replaced = { outcome: before.outcome, date: before.outcome_date, respondBy: before.respond_by };
      }
      this.db
        .prepare(
          `UPDATE applications SET status = ?, outcome = ?, outcome_date = ?, outcome_note = ?, not_interested = ?,
             respond_by = ?
           WHERE id = ?`,
        )
        .run(outcome, outcome, date, note, notInterested ? 1 : 0, respondBy, appId);
      this.refreshSettled(appId);
      return replaced;
    });
    return result ? { outcome: result.outcome, date: result.date } : null;
  }

  /** Change recorded facts; returns the contact whose calls setting changed, if any. */
  updateApplication(appId: number, changes: ApplicationChanges): { noCallsContact: string | null } {
    const changed = Object.keys(changes).filter((k) => k !== 'recordedOn');
    return this.write(() => `edit: ${this.label(appId)} (${changed.join(', ')})`, () => {
      const app = this.db.prepare('SELECT id FROM applications WHERE id = ?').get(appId);
      if (!app) throw new NotFoundError(`There is no application ${appId}.`);
      const set = (column: string, value: unknown) =>
        this.db.prepare(`UPDATE applications SET ${column} = ? WHERE id = ?`).run(value, appId);
      if (changes.company !== undefined) set('company', changes.company);
      if (changes.role !== undefined) set('role', changes.role);
      if (changes.why !== undefined) set('why', changes.why);
      const round = this.db
        .prepare('SELECT id FROM rounds WHERE application_id = ? ORDER BY date DESC, number DESC LIMIT 1')
        .get(appId) as { id: number } | undefined;
      if (round) {
        const setRound = (column: string, value: unknown) =>
          this.db.prepare(`UPDATE rounds SET ${column} = ? WHERE id = ?`).run(value, round.id);
        if (changes.decisionBy !== undefined) setRound('decision_by', changes.decisionBy);
        if (changes.nextSteps !== undefined) setRound('next_steps', changes.nextSteps);
        if (changes.notes !== undefined) setRound('notes', changes.notes);
        if (changes.time !== undefined) setRound('time', changes.time);
        if (changes.kind !== undefined) setRound('kind', changes.kind);
        if (changes.roundDate !== undefined) setRound('date', changes.roundDate);
      }
      if (changes.contacts) this.mergeContacts(appId, changes.contacts, { recordedOn: changes.recordedOn ?? null, round: null });
      if (changes.needs) this.addFacts(appId, 'need', changes.needs);
      if (changes.expand) this.addFacts(appId, 'expand', changes.expand);
      let noCallsContact: string | null = null;
      if (changes.noCalls) {
        const contact = this.pickContact(appId, changes.noCalls.contact);
        // Asking not to be called takes back an earlier "ok to call directly".
        if (changes.noCalls.value) this.db.prepare('UPDATE contacts SET no_calls = 1, ok_to_call = 0 WHERE id = ?').run(contact.id);
        else this.db.prepare('UPDATE contacts SET no_calls = 0 WHERE id = ?').run(contact.id);
        noCallsContact = contact.name;
      }
      this.refreshSettled(appId);
      return { noCallsContact };
    });
  }

  /** The contact `--contact NAME` names; without a name, the hiring manager, else the only contact. */
  private pickContact(appId: number, name: string | null): Contact {
    const rows = this.db
      .prepare('SELECT * FROM contacts WHERE application_id = ? ORDER BY position, id')
      .all(appId) as ContactRow[];
    const toContact = contactFromRow;
    const names = rows.map((r) => `"${r.name}"`).join(', ') || 'none';
    if (name !== null) {
      const lower = name.toLowerCase();
      const matches = rows.filter((r) => r.name.toLowerCase() === lower);
      const found = matches.length > 0 ? matches : rows.filter((r) => r.name.toLowerCase().startsWith(lower));
      if (found.length === 1) return toContact(found[0]);
      throw new UsageError(
        found.length === 0
          ? `No contact named "${name}" on application ${appId}. Contacts: ${names}.`
          : `"${name}" matches more than one contact (${found.map((r) => r.name).join(', ')}); type the full name.`,
      );
    }
    const manager = rows.find((r) => r.role === 'hiring-manager');
    if (manager) return toContact(manager);
    if (rows.length === 1) return toContact(rows[0]);
    throw new UsageError(
      rows.length === 0
        ? `Application ${appId} has no contacts yet: add one with --hiring-manager NAME or --hr NAME.`
        : `Application ${appId} has no hiring manager; say whom with --contact NAME (one of ${names}).`,
    );
  }

  // ---- corrections ----

  /** The event `eventId` if it is one of application `appId`'s, else a NotFoundError listing them. */
  private requireEvent(appId: number, eventId: number): EventRow {
    const rows = this.db
      .prepare('SELECT id, type, date, with_name, with_role, note FROM events WHERE application_id = ? ORDER BY date, id')
      .all(appId) as EventRow[];
    const found = rows.find((r) => r.id === eventId);
    if (found) return found;
    throw new NotFoundError(
      rows.length === 0
        ? `Application #${appId} has no events logged, so there is no event #${eventId} to change.`
        : `Event #${eventId} is not one of application #${appId}'s. Its events are ` +
            `${rows.map((r) => `#${r.id} (${r.type} on ${r.date})`).join(', ')}; \`followup show ${appId}\` numbers them.`,
    );
  }

  /**
   * Correct one logged event's date, whom it was with, or note, as one undoable change whose
   * summary names each old and new value. Returns the event as it now reads and whether anything
   * changed (a correction to the same values writes nothing).
   */
  correctEvent(appId: number, eventId: number, fix: EventCorrection): { event: FollowupEvent; changed: boolean } {
    const changes: string[] = [];
    let before: EventRow | undefined;
    const result = this.write(
      () => `edit: ${this.label(appId)}: corrected event #${eventId} (${describeEvent(before!)}): ${changes.join('; ')}`,
      () => {
        before = this.requireEvent(appId, eventId);
        const after = { ...before };
        if (fix.date !== undefined && fix.date !== before.date) {
          changes.push(`date ${before.date} -> ${fix.date}`);
          after.date = fix.date;
        }
        if (fix.with !== undefined) {
          const name = fix.with?.name ?? null;
          const role = fix.with?.role ?? null;
          if (name !== before.with_name) changes.push(`with ${shownValue(before.with_name)} -> ${shownValue(name)}`);
          else if (role !== before.with_role) changes.push(`${name}'s role ${before.with_role ?? 'none'} -> ${role ?? 'none'}`);
          after.with_name = name;
          after.with_role = role;
        }
        if (fix.note !== undefined && fix.note !== before.note) {
          changes.push(`note ${shownValue(before.note)} -> ${shownValue(fix.note)}`);
          after.note = fix.note;
        }
        if (changes.length > 0) {
          this.db
            .prepare('UPDATE events SET date = ?, with_name = ?, with_role = ?, note = ? WHERE id = ? AND application_id = ?')
            .run(after.date, after.with_name, after.with_role, after.note, eventId, appId);
          this.refreshSettled(appId);
        }
        return changes.length > 0;
      },
    );
    const event = this.requireApplication(appId).events.find((e) => e.id === eventId)!;
    return { event, changed: result };
  }

  /**
   * Remove one logged event. Removing the `loop-closed` that closed an application as no
   * response opens it again (it was active before), in the same change. Returns the event.
   */
  removeEvent(appId: number, eventId: number): { event: FollowupEvent; reopened: boolean } {
    let reopened = false;
    let before: EventRow | undefined;
    const event = this.requireApplication(appId).events.find((e) => e.id === eventId);
    this.write(
      () =>
        `edit: ${this.label(appId)}: removed event #${eventId} (${describeEvent(before!)})` +
        (reopened ? '; the application, closed as no response by it, is active again' : ''),
      () => {
        before = this.requireEvent(appId, eventId);
        this.db.prepare('DELETE FROM events WHERE id = ? AND application_id = ?').run(eventId, appId);
        if (before.type === 'loop-closed') {
          reopened =
            this.db
              .prepare(
                `UPDATE applications SET status = 'active' WHERE id = ? AND status = 'no-response'
                 AND NOT EXISTS (SELECT 1 FROM events WHERE application_id = ? AND type = 'loop-closed')`,
              )
              .run(appId, appId).changes === 1;
        }
        this.refreshSettled(appId);
      },
    );
    return { event: event!, reopened };
  }

  /** Remove one contact, named as `--contact` names one (the full name or a unique start of it). */
  removeContact(appId: number, name: string): Contact {
    let contact: Contact | undefined;
    this.write(
      () => {
        const c = contact!;
        const reach = [c.role, c.phone, c.email].filter(Boolean).join(', ');
        return `edit: ${this.label(appId)}: removed contact ${c.name} (${reach})`;
      },
      () => {
        contact = this.pickContact(appId, name);
        this.db.prepare('DELETE FROM contacts WHERE id = ? AND application_id = ?').run(contact.id, appId);
      },
    );
    return contact!;
  }

  /** Remove need number `n` (1 for the first, as `show` numbers them); returns its text. */
  removeNeed(appId: number, n: number): string {
    let text = '';
    this.write(
      () => `edit: ${this.label(appId)}: removed need ${n} (${JSON.stringify(text)})`,
      () => {
        const needs = this.db
          .prepare("SELECT id, text FROM facts WHERE application_id = ? AND kind = 'need' ORDER BY id")
          .all(appId) as { id: number; text: string }[];
        const need = Number.isInteger(n) && n >= 1 ? needs[n - 1] : undefined;
        if (!need) {
          throw new NotFoundError(
            needs.length === 0
              ? `Application #${appId} has no needs recorded, so there is no need ${n} to remove.`
              : `Application #${appId} has ${needs.length === 1 ? 'one need' : `${needs.length} needs`}: ` +
                  `${needs.map((x, i) => `${i + 1}. ${x.text}`).join('; ')}. Type one of their numbers ` +
                  `(1${needs.length > 1 ? `-${needs.length}` : ''}), as \`followup show ${appId}\` numbers them.`,
          );
        }
        text = need.text;
        this.db.prepare('DELETE FROM facts WHERE id = ?').run(need.id);
      },
    );
    return text;
  }

  /**
   * Delete an application with everything recorded about it, as one undoable change. The
   * records that belong to it go first and the application last, so that undo (which replays
   * the change backwards) puts the application back before its records.
   */
  deleteApplication(appId: number): DeletedCounts {
    let label = '';
    let counts: DeletedCounts | undefined;
    this.write(
      () => {
        const c = counts!;
        const parts = ([
          [c.rounds, 'interview round', 'interview rounds'], [c.contacts, 'contact', 'contacts'], [c.needs, 'need', 'needs'],
          [c.expand, 'answer to expand on', 'answers to expand on'], [c.events, 'logged event', 'logged events'],
          [c.pastOutcomes, 'earlier outcome', 'earlier outcomes'],
        ] as const)
          .filter(([k]) => k > 0)
          .map(([k, one, many]) => `${k} ${k === 1 ? one : many}`);
        return `delete: ${label}${parts.length > 0 ? ` with ${parts.join(', ')}` : ''}`;
      },
      () => {
        const app = this.db.prepare('SELECT status FROM applications WHERE id = ?').get(appId) as
          | { status: Status }
          | undefined;
        if (!app) throw new NotFoundError(`There is no application ${appId}. See \`followup list --all\`.`);
        label = `${this.label(appId)} (${app.status})`;
        const remove = (sql: string) => this.db.prepare(sql).run(appId).changes;
        counts = {
          events: remove('DELETE FROM events WHERE application_id = ?'),
          needs: remove("DELETE FROM facts WHERE application_id = ? AND kind = 'need'"),
          expand: remove("DELETE FROM facts WHERE application_id = ? AND kind = 'expand'"),
          contacts: remove('DELETE FROM contacts WHERE application_id = ?'),
          pastOutcomes: remove('DELETE FROM outcome_history WHERE application_id = ?'),
          rounds: remove('DELETE FROM rounds WHERE application_id = ?'),
        };
        remove('DELETE FROM applications WHERE id = ?');
      },
    );
    return counts!;
  }
}
