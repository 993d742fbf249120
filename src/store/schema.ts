/** The store's schema, as numbered migrations keyed by `PRAGMA user_version`. */

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
];

/** The schema version this program writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;
