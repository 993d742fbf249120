/** The store's schema, as numbered migrations keyed by `PRAGMA user_version`. */

/** The columns of each journalled table at schema 2 (the undo triggers name them). */
const JOURNALLED: Record<string, readonly string[]> = {
  applications: [
    'id', 'uuid', 'company', 'role', 'why', 'status', 'outcome', 'outcome_date', 'outcome_note',
    'not_interested', 'created_at',
  ],
  rounds: [
    'id', 'uuid', 'application_id', 'number', 'date', 'time', 'kind', 'decision_by', 'next_steps', 'notes',
    'created_at',
  ],
  contacts: ['id', 'uuid', 'application_id', 'name', 'role', 'phone', 'email', 'no_calls', 'position'],
  facts: ['id', 'uuid', 'application_id', 'kind', 'text'],
  events: ['id', 'uuid', 'application_id', 'type', 'date', 'with_name', 'note', 'new_date', 'created_at'],
  settings: ['key', 'value'],
};

/** The journalled tables' columns now (applications gained its derived columns at schema 3). */
const CURRENT_COLUMNS: Record<string, readonly string[]> = {
  ...JOURNALLED,
  applications: [...JOURNALLED.applications, 'settled', 'feedback_pending', 'last_activity'],
};

/**
 * The journalled tables' columns at schema 6: rounds know the day they were recorded (so a
 * replay of a past day leaves out a round booked later); contacts know when they were recorded,
 * the round they came with, what an interviewer talked about and whether they said calling them
 * directly is fine; events name whom they were made with (name and role, as known that day) and
 * a feedback's takeaway; earlier outcomes are kept as history.
 */
const V6_COLUMNS: Record<string, readonly string[]> = {
  ...CURRENT_COLUMNS,
  rounds: [...JOURNALLED.rounds, 'recorded_on'],
  contacts: [...JOURNALLED.contacts, 'recorded_on', 'round_number', 'topic', 'ok_to_call'],
  events: [...JOURNALLED.events, 'with_role', 'takeaway'],
  outcome_history: [
    'id', 'uuid', 'application_id', 'outcome', 'date', 'note', 'not_interested', 'replaced_on', 'created_at',
  ],
};

/** The applications table's columns at schema 8: an offer's deadline. */
export const V8_APPLICATION_COLUMNS: readonly string[] = [...CURRENT_COLUMNS.applications, 'respond_by'];

/** outcome_history's columns at schema 8: an offer moved to the history keeps its deadline. */
const V8_HISTORY_COLUMNS: readonly string[] = [...V6_COLUMNS.outcome_history, 'respond_by'];

/** `PRAGMA application_id` of a followup store (schema 5 on): "FLUP". */
export const FOLLOWUP_APPLICATION_ID = 0x464c5550;

/**
 * Undo triggers (after sqlite.org's undo/redo note): each change to a journalled table records
 * the SQL that reverses it, under the newest journal entry, unless undo itself is running.
 */
function undoTriggers(
  tables: Record<string, readonly string[]> = JOURNALLED,
  opts: { only?: 'update'; unless?: string } = {},
): string {
  const log = (sql: string) =>
    `INSERT INTO undo_log (journal_id, sql) VALUES ((SELECT max(id) FROM journal), ${sql});`;
  const when = 'WHEN (SELECT suspended FROM journal_state) = 0';
  return Object.entries(tables)
    .map(([table, columns]) => {
      const sets = columns.map((c, i) => `'${i === 0 ? '' : ','}${c}=' || quote(old.${c})`).join(' || ');
      const values = columns.map((c) => `',' || quote(old.${c})`).join(' || ');
      const update = `
  CREATE TRIGGER ${table}_undo_update BEFORE UPDATE ON ${table} ${when}${opts.unless ? ` AND NOT ${opts.unless}` : ''}
  BEGIN ${log(`'UPDATE ${table} SET ' || ${sets} || ' WHERE rowid=' || old.rowid`)} END;`;
      if (opts.only === 'update') return update;
      return `
  CREATE TRIGGER ${table}_undo_insert AFTER INSERT ON ${table} ${when}
  BEGIN ${log(`'DELETE FROM ${table} WHERE rowid=' || new.rowid`)} END;${update}
  CREATE TRIGGER ${table}_undo_delete BEFORE DELETE ON ${table} ${when}
  BEGIN ${log(`'INSERT INTO ${table} (rowid,${columns.join(',')}) VALUES (' || old.rowid || ${values} || ')'`)} END;`;
    })
    .join('\n');
}

/** Undo triggers for all of a table's changes that skip updates which change nothing. */
function fullUndoTriggers(table: string, columns: readonly string[]): string {
  const row = (side: string) => `(${columns.map((c) => `${side}.${c}`).join(', ')})`;
  return (
    undoTriggers({ [table]: columns }).replace(/CREATE TRIGGER \w+_undo_update[\s\S]*?END;/, '') +
    undoTriggers({ [table]: columns }, { only: 'update', unless: `${row('old')} IS ${row('new')}` })
  );
}

/** Whether a rejected application still has a feedback item to list (cadence rule 8). */
const FEEDBACK_PENDING_SQL = `(a.status = 'rejected' AND (
    NOT EXISTS (SELECT 1 FROM events q WHERE q.application_id = a.id
      AND q.type IN ('feedback-asked', 'feedback-received') AND q.date >= a.outcome_date)
    OR EXISTS (SELECT 1 FROM events f WHERE f.application_id = a.id AND f.type = 'feedback-received'
      AND NOT EXISTS (SELECT 1 FROM events t WHERE t.application_id = a.id
        AND t.type = 'thanks-sent' AND t.date >= f.date))))`;

/**
 * The derived columns `today` filters on, so that it reads active work and not the history:
 * `feedback_pending`; `last_activity`, the later of the outcome and the last event (the base
 * of the keep-in-touch timer); and `settled`, true when nothing can be listed again until
 * something new is logged (withdrawn, accepted or declined, an offer without a deadline, or
 * rejected, not interested, and no feedback item pending; since schema 7 not a no-response
 * close, which keep-in-touch follows, cadence rule 6; since schema 8 not an offer with a
 * deadline, which lists decide-offer, rule 15). Kept up to date by the store on every write.
 */
const LAST_ACTIVITY_SQL = `max(coalesce(a.outcome_date, ''),
    coalesce((SELECT max(e.date) FROM events e WHERE e.application_id = a.id), ''))`;
const SETTLED_SQL = `(a.status IN ('withdrawn', 'accepted', 'declined')
    OR (a.status = 'offer' AND a.respond_by IS NULL)
    OR (a.status = 'rejected' AND a.not_interested = 1 AND NOT ${FEEDBACK_PENDING_SQL}))`;

export const DERIVED_SET_SQL = `
  feedback_pending = ${FEEDBACK_PENDING_SQL},
  last_activity = ${LAST_ACTIVITY_SQL},
  settled = ${SETTLED_SQL}`;

/**
 * The derived columns as migration 3 computed them (no-response settled), kept as they were:
 * a released migration never changes meaning. Migration 7 recomputes them with DERIVED_SET_SQL.
 */
const DERIVED_SET_SQL_V3 = `
  feedback_pending = ${FEEDBACK_PENDING_SQL},
  last_activity = ${LAST_ACTIVITY_SQL},
  settled = (a.status IN ('withdrawn', 'offer', 'no-response')
    OR (a.status = 'rejected' AND a.not_interested = 1 AND NOT ${FEEDBACK_PENDING_SQL}))`;

/**
 * The derived columns as migration 7 computed them (an offer settled, deadline or not), kept as
 * they were: a migration never changes meaning. Migration 8 recomputes them with DERIVED_SET_SQL.
 */
const DERIVED_SET_SQL_V7 = `
  feedback_pending = ${FEEDBACK_PENDING_SQL},
  last_activity = ${LAST_ACTIVITY_SQL},
  settled = (a.status IN ('withdrawn', 'offer')
    OR (a.status = 'rejected' AND a.not_interested = 1 AND NOT ${FEEDBACK_PENDING_SQL}))`;

/** The same values as a row, in the order (settled, feedback_pending, last_activity). */
export const DERIVED_VALUES_SQL = `${SETTLED_SQL}, ${FEEDBACK_PENDING_SQL}, ${LAST_ACTIVITY_SQL}`;

/** Each entry moves the schema from version i to i + 1. Never edit a released one: add another. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE applications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    company TEXT NOT NULL,
    role TEXT NOT NULL,
    why TEXT,
    status TEXT NOT NULL DEFAULT 'active'
      CHECK (status IN ('active', 'offer', 'rejected', 'withdrawn', 'no-response')),
    outcome TEXT CHECK (outcome IN ('offer', 'rejected', 'withdrawn')),
    outcome_date TEXT,
    outcome_note TEXT,
    not_interested INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  );
  CREATE INDEX applications_status ON applications (status);

  CREATE TABLE rounds (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    date TEXT NOT NULL,
    time TEXT,
    kind TEXT CHECK (kind IN ('phone', 'video', 'onsite')),
    decision_by TEXT,
    next_steps TEXT,
    notes TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (application_id, number)
  );

  CREATE TABLE contacts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('hiring-manager', 'hr', 'interviewer', 'recruiter')),
    phone TEXT,
    email TEXT,
    no_calls INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL
  );
  CREATE INDEX contacts_application ON contacts (application_id);

  CREATE TABLE facts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('need', 'expand')),
    text TEXT NOT NULL
  );
  CREATE INDEX facts_application ON facts (application_id);

  CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    date TEXT NOT NULL,
    with_name TEXT,
    note TEXT,
    new_date TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX events_application_date ON events (application_id, date);

  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  // 2: the journal behind `followup undo`: one entry per change, with the SQL that reverses it.
  `
  CREATE TABLE journal (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    summary TEXT NOT NULL
  );
  CREATE TABLE undo_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    journal_id INTEGER NOT NULL,
    sql TEXT NOT NULL
  );
  CREATE INDEX undo_log_journal ON undo_log (journal_id);
  CREATE TABLE journal_state (suspended INTEGER NOT NULL);
  INSERT INTO journal_state (suspended) VALUES (0);
  ${undoTriggers()}
  `,
  // 3: derived columns, so that today reads active work and not the history.
  `
  ALTER TABLE applications ADD COLUMN settled INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE applications ADD COLUMN feedback_pending INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE applications ADD COLUMN last_activity TEXT NOT NULL DEFAULT '';
  UPDATE journal_state SET suspended = 1;
  UPDATE applications AS a SET ${DERIVED_SET_SQL_V3};
  UPDATE journal_state SET suspended = 0;
  CREATE INDEX applications_planned ON applications (settled, status, last_activity);
  DROP TRIGGER applications_undo_insert;
  DROP TRIGGER applications_undo_update;
  DROP TRIGGER applications_undo_delete;
  ${undoTriggers({ applications: [...JOURNALLED.applications, 'settled', 'feedback_pending', 'last_activity'] })}
  `,
  // 4: for today, indexes that hold what it reads: the events of an application by date with
  // what the rules look at (replacing the index on the first two), and the offers by date.
  `
  CREATE INDEX events_plan ON events (application_id, date, type, new_date);
  DROP INDEX events_application_date;
  CREATE INDEX applications_offers ON applications (outcome_date) WHERE outcome = 'offer';
  `,
  // 5: the file says it is a followup store (so no other program's database is taken for one),
  // and an update that changes nothing records no undo step (so undo never "undoes" nothing).
  `
  PRAGMA application_id = ${FOLLOWUP_APPLICATION_ID};
  ${Object.entries(CURRENT_COLUMNS)
    .map(([table, columns]) => {
      const row = (side: string) => `(${columns.map((c) => `${side}.${c}`).join(', ')})`;
      return `
  DROP TRIGGER ${table}_undo_update;
  ${undoTriggers({ [table]: columns }, { only: 'update', unless: `${row('old')} IS ${row('new')}` })}`;
    })
    .join('\n')}
  `,
  // 6: what was known when (cadence.md "what was known on day T"), whom each event was with,
  // interviewers' topics and permission to call, feedback takeaways, and outcome history.
  `
  ALTER TABLE rounds ADD COLUMN recorded_on TEXT;
  ALTER TABLE contacts ADD COLUMN recorded_on TEXT;
  ALTER TABLE contacts ADD COLUMN round_number INTEGER;
  ALTER TABLE contacts ADD COLUMN topic TEXT;
  ALTER TABLE contacts ADD COLUMN ok_to_call INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE events ADD COLUMN with_role TEXT
    CHECK (with_role IN ('hiring-manager', 'hr', 'interviewer', 'recruiter'));
  ALTER TABLE events ADD COLUMN takeaway TEXT;
  CREATE TABLE outcome_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    outcome TEXT NOT NULL,
    date TEXT,
    note TEXT,
    not_interested INTEGER NOT NULL DEFAULT 0,
    replaced_on TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX outcome_history_application ON outcome_history (application_id);
  UPDATE journal_state SET suspended = 1;
  -- A round is taken as known from its own date, or from the day it was written when that was
  -- earlier (an interview booked ahead): never later than it was.
  UPDATE rounds SET recorded_on = min(date, substr(created_at, 1, 10));
  UPDATE journal_state SET suspended = 0;
  ${['rounds', 'contacts', 'events']
    .map((t) => `DROP TRIGGER ${t}_undo_insert; DROP TRIGGER ${t}_undo_update; DROP TRIGGER ${t}_undo_delete;`)
    .join('\n  ')}
  ${['rounds', 'contacts', 'events', 'outcome_history'].map((t) => fullUndoTriggers(t, V6_COLUMNS[t])).join('\n')}
  `,
  // 7: cadence rule 6 now has keep-in-touch follow a no-response close, so such an application is
  // no longer settled: the derived columns are recomputed (nothing is redefined; the store
  // computes them with DERIVED_SET_SQL on every write). Should they change again, freeze this
  // text as migration 3's is frozen. And an index on last_activity, with which a replay of a past
  // day (--today) finds the applications that changed after it.
  `
  UPDATE journal_state SET suspended = 1;
  UPDATE applications AS a SET ${DERIVED_SET_SQL_V7};
  UPDATE journal_state SET suspended = 0;
  CREATE INDEX applications_last_activity ON applications (last_activity);
  `,
  // 8: the offer's arc (cadence.md rules 15-16): outcomes accepted and declined, and an offer's
  // deadline (respond_by). SQLite cannot change a CHECK in place, so the table is rebuilt as its
  // "other kinds of table schema changes" procedure says (migrate() turns foreign keys off around
  // it and checks them before committing), keeping row ids, the AUTOINCREMENT high-water mark
  // (an undone delete can still come back under its number), indexes and undo triggers.
  `
  UPDATE journal_state SET suspended = 1;
  CREATE TABLE applications_v8 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    company TEXT NOT NULL,
    role TEXT NOT NULL,
    why TEXT,
    status TEXT NOT NULL DEFAULT 'active'
      CHECK (status IN ('active', 'offer', 'accepted', 'declined', 'rejected', 'withdrawn', 'no-response')),
    outcome TEXT CHECK (outcome IN ('offer', 'accepted', 'declined', 'rejected', 'withdrawn')),
    outcome_date TEXT,
    outcome_note TEXT,
    not_interested INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    settled INTEGER NOT NULL DEFAULT 0,
    feedback_pending INTEGER NOT NULL DEFAULT 0,
    last_activity TEXT NOT NULL DEFAULT '',
    respond_by TEXT
  );
  INSERT INTO applications_v8 (${CURRENT_COLUMNS.applications.join(', ')})
    SELECT ${CURRENT_COLUMNS.applications.join(', ')} FROM applications;
  CREATE TEMP TABLE applications_seq AS SELECT seq FROM sqlite_sequence WHERE name = 'applications';
  DROP TABLE applications;
  ALTER TABLE applications_v8 RENAME TO applications;
  UPDATE sqlite_sequence SET seq = max(seq, (SELECT coalesce(max(seq), 0) FROM temp.applications_seq))
    WHERE name = 'applications';
  INSERT INTO sqlite_sequence (name, seq) SELECT 'applications', seq FROM temp.applications_seq
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'applications');
  DROP TABLE temp.applications_seq;
  CREATE INDEX applications_status ON applications (status);
  CREATE INDEX applications_planned ON applications (settled, status, last_activity);
  CREATE INDEX applications_offers ON applications (outcome_date) WHERE outcome = 'offer';
  CREATE INDEX applications_last_activity ON applications (last_activity);
  ${fullUndoTriggers('applications', V8_APPLICATION_COLUMNS)}
  UPDATE journal_state SET suspended = 0;
  -- An offer moved to the history (accepted, declined or replaced) keeps its deadline, so its
  -- undo triggers name the new column too.
  ALTER TABLE outcome_history ADD COLUMN respond_by TEXT;
  DROP TRIGGER outcome_history_undo_insert;
  DROP TRIGGER outcome_history_undo_update;
  DROP TRIGGER outcome_history_undo_delete;
  ${fullUndoTriggers('outcome_history', V8_HISTORY_COLUMNS)}
  -- The derived columns with schema 8's rules: an offer with a deadline is not settled (it lists
  -- decide-offer); accepted and declined are.
  UPDATE journal_state SET suspended = 1;
  UPDATE applications AS a SET ${DERIVED_SET_SQL};
  UPDATE journal_state SET suspended = 0;
  `,
];

/** The schema version this program writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;
