/** The SQLite store against real temporary files: opening, refusing, writing, reading back. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { statusOf } from '../../src/core/types.js';
import { NotFoundError, StoreError, UsageError } from '../../src/errors.js';
import { defaultStorePath, openDatabase, type Database } from '../../src/store/open.js';
import { FOLLOWUP_APPLICATION_ID, SCHEMA_VERSION } from '../../src/store/schema.js';
import { Store, type InterviewInput } from '../../src/store/store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let dir: string;
const opened: { close(): void }[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-store-'));
});

afterEach(() => {
  for (const s of opened.splice(0)) {
    try {
      s.close();
    } catch {
      // already closed
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

function openStore(file = path.join(dir, 'followup.db')): Store {
  const store = Store.open({ file, explicit: true });
  opened.push(store);
  return store;
}

function openRaw(file: string): Database {
  const db = new Sqlite(file, { fileMustExist: true });
  opened.push(db);
  return db;
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function interview(overrides: Partial<InterviewInput> = {}): InterviewInput {
  return {
    company: 'Acme',
    role: 'Backend Engineer',
    date: '2026-11-30',
    time: null,
    kind: null,
    decisionBy: '2026-12-04',
    nextSteps: null,
    notes: null,
    why: null,
    contacts: [],
    needs: [],
    expand: [],
    ...overrides,
  };
}

describe('opening', () => {
  test('creates the store file with mode 0600', () => {
    const file = path.join(dir, 'new.db');
    expect(fs.existsSync(file)).toBe(false);
    openStore(file);
    expect(fs.existsSync(file)).toBe(true);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  test('the default store path lives under XDG_DATA_HOME and its folder is created 0700', () => {
    const dataHome = path.join(dir, 'xdg');
    fs.mkdirSync(dataHome);
    const file = defaultStorePath({ XDG_DATA_HOME: dataHome, HOME: path.join(dir, 'home') });
    expect(file).toBe(path.join(dataHome, 'followup', 'followup.db'));
    expect(fs.existsSync(path.dirname(file))).toBe(false);
    const store = Store.open({ file, explicit: false });
    opened.push(store);
    expect(fs.existsSync(file)).toBe(true);
    if (process.platform !== 'win32') {
      expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    }
  });

  test('an explicit path whose folder does not exist is a UsageError and creates nothing', () => {
    const missing = path.join(dir, 'no-such-folder');
    const file = path.join(missing, 'followup.db');
    expect(() => Store.open({ file, explicit: true })).toThrow(UsageError);
    expect(fs.existsSync(missing)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('WAL mode and foreign keys are on, and user_version is SCHEMA_VERSION', () => {
    const file = path.join(dir, 'pragmas.db');
    const db = openDatabase({ file, explicit: true });
    opened.push(db);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(1);
    db.close();
    // Persisted in the file, seen by another connection.
    const raw = openRaw(file);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  });

  test('reopening an existing store keeps its data', () => {
    const file = path.join(dir, 'again.db');
    const first = openStore(file);
    first.addInterview(interview());
    first.close();
    const second = openStore(file);
    expect(second.listApplications().map((a) => a.company)).toEqual(['Acme']);
  });

  test('a store from a newer schema is refused with kind "newer" and left byte-for-byte unchanged', () => {
    const file = path.join(dir, 'newer.db');
    const raw = new Sqlite(file);
    raw.exec('CREATE TABLE future (x TEXT); INSERT INTO future VALUES (\'from the future\');');
    // A newer followup marks its stores as schema 5 on does.
    raw.pragma(`application_id = ${FOLLOWUP_APPLICATION_ID}`);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const before = sha256(file);
    const listing = fs.readdirSync(dir).sort();
    let caught: unknown;
    try {
      Store.open({ file, explicit: true });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(StoreError);
    expect((caught as StoreError).kind).toBe('newer');
    expect((caught as StoreError).exitCode).toBe(1);
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(listing);
  });

  test('a text file is refused with kind "not-a-database" and left byte-for-byte untouched', () => {
    const file = path.join(dir, 'notes.txt');
    fs.writeFileSync(file, 'Dear diary,\nthis is not a database. It is long enough to look like a header though.\n'.repeat(20));
    const before = sha256(file);
    let caught: unknown;
    try {
      Store.open({ file, explicit: true });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(StoreError);
    expect((caught as StoreError).kind).toBe('not-a-database');
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['notes.txt']);
  });
});

describe('writing and reading', () => {
  test('every application, round, contact and event gets its own UUID', () => {
    const file = path.join(dir, 'uuid.db');
    const store = openStore(file);
    const a = store.addInterview(
      interview({
        contacts: [
          { name: 'Dana Reyes', role: 'hiring-manager', phone: '+1 555 0100' },
          { name: 'Sam Lee', role: 'hr', email: 'sam@acme.example' },
          { name: 'Priya', role: 'interviewer' },
        ],
      }),
    );
    store.addInterview(interview({ date: '2026-12-03' }));
    const b = store.addInterview(interview({ company: 'Globex', role: 'Analyst', contacts: [{ name: 'Jo', role: 'hr' }] }));
    store.addEvent(a.id, { type: 'thanks-sent', date: '2026-12-01' });
    store.addEvent(a.id, { type: 'no-answer', date: '2026-12-07' });
    store.addEvent(b.id, { type: 'thanks-sent', date: '2026-12-01' });
    expect(store.getApplication(a.id)!.uuid).toMatch(UUID);
    store.close();

    const raw = openRaw(file);
    const expected: Record<string, number> = { applications: 2, rounds: 3, contacts: 4, events: 3 };
    const all: string[] = [];
    for (const [table, count] of Object.entries(expected)) {
      const uuids = (raw.prepare(`SELECT uuid FROM ${table}`).all() as { uuid: string }[]).map((r) => r.uuid);
      expect(uuids, table).toHaveLength(count);
      for (const u of uuids) expect(u, table).toMatch(UUID);
      all.push(...uuids);
    }
    expect(new Set(all).size).toBe(all.length);
  });

  test('a second interview for the same company and role (any case) becomes round 2 of the active application', () => {
    const store = openStore();
    const first = store.addInterview(interview());
    expect(first).toEqual({ id: first.id, round: 1, newApplication: true });
    const second = store.addInterview(interview({ company: 'ACME', role: 'backend engineer', date: '2026-12-08' }));
    expect(second.id).toBe(first.id);
    expect(second.round).toBe(2);
    expect(second.newApplication).toBe(false);
    const app = store.requireApplication(first.id);
    expect(app.rounds.map((r) => [r.number, r.date])).toEqual([
      [1, '2026-11-30'],
      [2, '2026-12-08'],
    ]);
    expect(store.listApplications()).toHaveLength(1);
    // A different role at the same company is a different application.
    const other = store.addInterview(interview({ role: 'Frontend Engineer' }));
    expect(other.id).not.toBe(first.id);
    expect(other.round).toBe(1);
  });

  test('an interview for a company+role whose application has ended starts a new application', () => {
    const store = openStore();
    const first = store.addInterview(interview());
    store.setOutcome(first.id, 'rejected', '2026-12-11', null, false);
    const again = store.addInterview(interview({ date: '2027-03-01' }));
    expect(again.id).not.toBe(first.id);
    expect(again.round).toBe(1);
    expect(again.newApplication).toBe(true);
  });

  test('resolveRef: number, unique prefix, exact name, ambiguous prefix, unknown', () => {
    const store = openStore();
    const acme = store.addInterview(interview({ company: 'Acme' })).id;
    const acmeLabs = store.addInterview(interview({ company: 'Acme Labs' })).id;
    const globex = store.addInterview(interview({ company: 'Globex', role: 'Analyst' })).id;
    const globalCorp = store.addInterview(interview({ company: 'Global Corp', role: 'Analyst' })).id;
    const initech = store.addInterview(interview({ company: 'Initech', role: 'QA Lead' })).id;

    expect(store.resolveRef(String(globex))).toBe(globex);
    expect(store.resolveRef(` ${initech} `)).toBe(initech);
    expect(store.resolveRef('ini')).toBe(initech);
    expect(store.resolveRef('INITECH')).toBe(initech);
    expect(store.resolveRef('GLOBE')).toBe(globex);
    // The exact name picks one out from companies that merely share the prefix.
    expect(store.resolveRef('acme')).toBe(acme);
    expect(store.resolveRef('Acme l')).toBe(acmeLabs);

    let ambiguous: unknown;
    try {
      store.resolveRef('glo');
    } catch (err) {
      ambiguous = err;
    }
    expect(ambiguous).toBeInstanceOf(UsageError);
    expect(ambiguous).not.toBeInstanceOf(NotFoundError);
    expect((ambiguous as Error).message).toContain('Globex');
    expect((ambiguous as Error).message).toContain('Global Corp');
    expect((ambiguous as Error).message).toContain(String(globex));
    expect((ambiguous as Error).message).toContain(String(globalCorp));

    expect(() => store.resolveRef('Umbrella')).toThrow(NotFoundError);
    expect(() => store.resolveRef('999')).toThrow(NotFoundError);
    expect(() => store.resolveRef('')).toThrow(UsageError);
  });

  test('resolveRef by prefix matches ended applications too, preferring active ones; numbers (also #N) find any', () => {
    const store = openStore();
    const id = store.addInterview(interview({ company: 'Hooli' })).id;
    store.setOutcome(id, 'withdrawn', '2026-12-02', null, false);
    expect(store.resolveRef('hoo')).toBe(id);
    expect(store.resolveRef(String(id))).toBe(id);
    expect(store.resolveRef(`#${id}`)).toBe(id);
    const again = store.addInterview(interview({ company: 'Hooli', role: 'Designer' })).id;
    expect(store.resolveRef('hoo')).toBe(again);
  });

  test('setOutcome records the outcome with its date, note and interest', () => {
    const store = openStore();
    const id = store.addInterview(interview()).id;
    store.setOutcome(id, 'rejected', '2026-12-11', 'went with an internal candidate', true);
    const app = store.requireApplication(id);
    expect(app.outcome).toBe('rejected');
    expect(app.outcomeDate).toBe('2026-12-11');
    expect(app.outcomeNote).toBe('went with an internal candidate');
    expect(app.notInterested).toBe(true);
    expect(statusOf(app)).toBe('rejected');
    expect(store.listApplications('active')).toHaveLength(0);
    expect(store.listLatestOffers()).toEqual([]);
    // Issue 13: a second outcome is refused unless it replaces the first, which is kept as history.
    expect(() => store.setOutcome(id, 'offer', '2026-12-14', null, false)).toThrow(UsageError);
    expect(store.requireApplication(id).outcome).toBe('rejected');
    expect(store.setOutcome(id, 'offer', '2026-12-14', null, false, { replace: true, today: '2026-12-15' })).toEqual({
      outcome: 'rejected',
      date: '2026-12-11',
    });
    expect(store.requireApplication(id).pastOutcomes).toEqual([
      expect.objectContaining({
        outcome: 'rejected', date: '2026-12-11', note: 'went with an internal candidate', notInterested: true, replacedOn: '2026-12-15',
      }),
    ]);
    expect(store.listLatestOffers()).toEqual([{ id, company: 'Acme', date: '2026-12-14' }]);
  });

  test('listLatestOffers: the two latest offers, latest first, the earlier-recorded first on the same date', () => {
    const store = openStore(path.join(dir, 'offers.db'));
    const ids = ['Acme', 'Globex', 'Initech', 'Hooli'].map((company) => store.addInterview(interview({ company })).id);
    store.setOutcome(ids[0], 'offer', '2026-12-10', null, false);
    store.setOutcome(ids[1], 'offer', '2026-12-14', null, false);
    store.setOutcome(ids[2], 'offer', '2026-12-14', null, false);
    store.setOutcome(ids[3], 'rejected', '2026-12-20', null, false);
    expect(store.listLatestOffers()).toEqual([
      { id: ids[1], company: 'Globex', date: '2026-12-14' },
      { id: ids[2], company: 'Initech', date: '2026-12-14' },
    ]);
  });

  test('loop-closed closes as no-response, and an outcome after that replaces it', () => {
    const file = path.join(dir, 'closed.db');
    const store = openStore(file);
    const id = store.addInterview(interview()).id;
    store.addEvent(id, { type: 'loop-closed', date: '2026-12-21' });
    const closed = store.requireApplication(id);
    expect(statusOf(closed)).toBe('no-response');
    expect(store.listApplications('active')).toHaveLength(0);
    expect(store.listApplications('all')).toHaveLength(1);
    expect(store.findActiveApplication('Acme', 'Backend Engineer')).toBeNull();
    const rawStatus = () =>
      (openRaw(file).prepare('SELECT status FROM applications WHERE id = ?').get(id) as { status: string }).status;
    expect(rawStatus()).toBe('no-response');

    store.setOutcome(id, 'offer', '2027-01-05', 'they came back after all', false);
    const offer = store.requireApplication(id);
    expect(statusOf(offer)).toBe('offer');
    expect(offer.outcome).toBe('offer');
    expect(rawStatus()).toBe('offer');
  });

  test('addEvent stores every field and returns the event', () => {
    const store = openStore();
    const id = store.addInterview(interview()).id;
    const ev = store.addEvent(id, {
      type: 'spoke',
      date: '2026-12-10',
      withName: 'Dana Reyes',
      note: 'still interviewing',
      newDate: '2026-12-16',
    });
    expect(ev).toMatchObject({ type: 'spoke', date: '2026-12-10', withName: 'Dana Reyes', note: 'still interviewing', newDate: '2026-12-16' });
    expect(store.requireApplication(id).events).toEqual([ev]);
  });

  test('updateApplication changes the latest round, contacts and needs', () => {
    const store = openStore();
    const id = store.addInterview(interview({ contacts: [{ name: 'Dana Reyes', role: 'hiring-manager', phone: '+1 555 0100' }] })).id;
    store.addInterview(interview({ date: '2026-12-08', decisionBy: null }));
    store.updateApplication(id, {
      decisionBy: '2026-12-15',
      notes: 'second round went well',
      contacts: [{ name: 'Dana Reyes', role: 'hiring-manager', email: 'dana@acme.example' }],
      needs: ['Postgres tuning'],
    });
    const app = store.requireApplication(id);
    expect(app.rounds[0].decisionBy).toBe('2026-12-04');
    expect(app.rounds[1].decisionBy).toBe('2026-12-15');
    expect(app.rounds[1].notes).toBe('second round went well');
    expect(app.contacts).toHaveLength(1);
    expect(app.contacts[0]).toMatchObject({ name: 'Dana Reyes', phone: '+1 555 0100', email: 'dana@acme.example' });
    expect(app.needs).toEqual(['Postgres tuning']);
    expect(() => store.updateApplication(999, { notes: 'x' })).toThrow(NotFoundError);
  });

  test('updateApplication noCalls without a name is about the hiring manager, with a name about that contact', () => {
    const store = openStore();
    const id = store.addInterview(
      interview({
        contacts: [
          { name: 'Sam Lee', role: 'hr', phone: '+1 555 0111' },
          { name: 'Dana Reyes', role: 'hiring-manager', phone: '+1 555 0100' },
        ],
      }),
    ).id;
    const noCalls = () => Object.fromEntries(store.requireApplication(id).contacts.map((c) => [c.name, c.noCalls]));
    expect(noCalls()).toEqual({ 'Sam Lee': false, 'Dana Reyes': false });

    expect(store.updateApplication(id, { noCalls: { contact: null, value: true } })).toEqual({ noCallsContact: 'Dana Reyes' });
    expect(noCalls()).toEqual({ 'Sam Lee': false, 'Dana Reyes': true });

    expect(store.updateApplication(id, { noCalls: { contact: 'sam lee', value: true } })).toEqual({ noCallsContact: 'Sam Lee' });
    expect(noCalls()).toEqual({ 'Sam Lee': true, 'Dana Reyes': true });

    store.updateApplication(id, { noCalls: { contact: 'Dana Reyes', value: false } });
    expect(noCalls()).toEqual({ 'Sam Lee': true, 'Dana Reyes': false });

    expect(() => store.updateApplication(id, { noCalls: { contact: 'Nobody', value: true } })).toThrow(UsageError);
  });

  test('updateApplication noCalls without a name and without a hiring manager needs the only contact', () => {
    const store = openStore();
    const one = store.addInterview(interview({ company: 'Solo', contacts: [{ name: 'Jo Kim', role: 'hr', phone: '1' }] })).id;
    expect(store.updateApplication(one, { noCalls: { contact: null, value: true } }).noCallsContact).toBe('Jo Kim');
    const two = store.addInterview(
      interview({ company: 'Duo', contacts: [{ name: 'Jo Kim', role: 'hr' }, { name: 'Priya', role: 'interviewer' }] }),
    ).id;
    expect(() => store.updateApplication(two, { noCalls: { contact: null, value: true } })).toThrow(UsageError);
    expect(store.requireApplication(two).contacts.every((c) => !c.noCalls)).toBe(true);
  });

  test('config get/set round trip, defaults filled in', () => {
    const file = path.join(dir, 'config.db');
    const store = openStore(file);
    const defaults = store.getConfig();
    expect(defaults).toMatchObject({
      assumeDecisionWorkdays: 5,
      minGapDays: 3,
      maxGapDays: 4,
      maxAttempts: 4,
      maxVoicemails: 2,
      keepInTouchDays: 90,
      holidays: [],
    });
    store.setConfig('minGapDays', 2);
    store.setConfig('holidays', ['2026-12-24', '2026-12-25']);
    store.setConfig('name', 'Alex "Al" Morgan');
    expect(store.getConfig()).toMatchObject({
      minGapDays: 2,
      maxGapDays: 4,
      holidays: ['2026-12-24', '2026-12-25'],
      name: 'Alex "Al" Morgan',
    });
    store.setConfig('minGapDays', 4);
    store.close();
    expect(openStore(file).getConfig().minGapDays).toBe(4);
  });

  test('quotes, emoji and SQL-looking text are stored verbatim', () => {
    const file = path.join(dir, 'text.db');
    const store = openStore(file);
    const company = `O'Reilly "Media" 🚀`;
    const role = `Robert'); DROP TABLE applications;--`;
    const note = `It's "fine" 😅 -- ; DELETE FROM events WHERE 1=1; /* */ \\n \n second line`;
    const id = store.addInterview(
      interview({
        company,
        role,
        notes: note,
        why: '100% % _ wildcard',
        contacts: [{ name: `Zoë O'Brien`, role: 'hiring-manager', email: `zoë+"x"@例え.jp` }],
        needs: [`"quoted" need; DROP TABLE facts;`],
      }),
    ).id;
    store.addEvent(id, { type: 'spoke', date: '2026-12-10', withName: `Zoë O'Brien`, note });
    expect(store.resolveRef(`o'reilly "`)).toBe(id);
    // A LIKE-style wildcard in a reference is a plain character, not "anything".
    expect(() => store.resolveRef('%')).toThrow(NotFoundError);
    expect(() => store.resolveRef('_')).toThrow(NotFoundError);
    store.setOutcome(id, 'rejected', '2026-12-11', note, false);
    store.close();

    const again = openStore(file);
    const app = again.requireApplication(id);
    expect(app.company).toBe(company);
    expect(app.role).toBe(role);
    expect(app.why).toBe('100% % _ wildcard');
    expect(app.rounds[0].notes).toBe(note);
    expect(app.contacts[0].name).toBe(`Zoë O'Brien`);
    expect(app.contacts[0].email).toBe(`zoë+"x"@例え.jp`);
    expect(app.needs).toEqual([`"quoted" need; DROP TABLE facts;`]);
    expect(app.events[0].note).toBe(note);
    expect(app.events[0].withName).toBe(`Zoë O'Brien`);
    expect(app.outcomeNote).toBe(note);
    expect(again.listApplications()).toHaveLength(1);
  });
});
