/**
 * The JSON archive (`export --format json`, `import`): everything in the store, versioned, with
 * the stable UUIDs. Reading it checks every field before anything is written, and names the
 * place of each problem. Pure, but for readArchiveFile, which reads an open file in chunks
 * (json-stream.ts) so that an archive of any size is checked and imported in little memory.
 *
 * Version 2 (schema 6) adds what was known when and with whom: rounds' `recordedOn`, contacts'
 * `recordedOn`, `round`, `topic` and `okToCall`, events' `withRole` and `takeaway`, and each
 * application's `pastOutcomes` (outcomes a later one replaced). Version 1 files are still read:
 * a round was recorded on its own date, and the rest is absent (null, false, none).
 *
 * Schema 8 (still version 2: older files read as before) adds the outcomes `accepted` and
 * `declined`, and an offer's deadline, `respondBy`, on the application (with the outcome offer)
 * and on an offer in `pastOutcomes`; absent means none.
 */
import fs from 'node:fs';
import { FIRST_DATE, LAST_DATE, isCalendarDate, isDateInRange } from '../core/calendar.js';
import { SettingError, checkSettings, type Config } from '../core/config.js';
import { parseClockTime } from '../core/dates.js';
import {
  CONTACT_ROLES,
  EVENT_TYPES,
  INTERVIEW_KINDS,
  OUTCOMES,
  type Application,
  type CalendarDate,
  type Contact,
  type FollowupEvent,
  type Outcome,
  type PastOutcome,
  type Round,
} from '../core/types.js';
import { UsageError } from '../errors.js';
import { JsonSyntaxError, readJsonStream } from './json-stream.js';

export const ARCHIVE_FORMAT = 'followup';
export const ARCHIVE_VERSION = 2;
/** The versions this followup reads. */
const READABLE_VERSIONS: readonly number[] = [1, 2];

/**
 * A record as archived: the domain type with its UUID required and its row number (from the
 * exporting store, kept on import when free there) optional.
 */
type Archived<T extends { id: number; uuid?: string }> = Omit<T, 'id' | 'uuid'> & { uuid: string; id?: number };

export type ArchiveRound = Archived<Round>;
export type ArchiveContact = Archived<Contact>;
export type ArchiveEvent = Archived<FollowupEvent>;
export type ArchivePastOutcome = Archived<PastOutcome>;

export interface ArchiveApplication {
  uuid: string;
  id: number;
  company: string;
  role: string;
  why: string | null;
  outcome: Outcome | null;
  outcomeDate: CalendarDate | null;
  outcomeNote: string | null;
  notInterested: boolean;
  /** With the outcome offer: the day the user must answer by. */
  respondBy: CalendarDate | null;
  rounds: ArchiveRound[];
  contacts: ArchiveContact[];
  needs: string[];
  expand: string[];
  events: ArchiveEvent[];
  /** Earlier outcomes that a later one replaced, oldest first. */
  pastOutcomes: ArchivePastOutcome[];
}

export interface Archive {
  format: typeof ARCHIVE_FORMAT;
  version: typeof ARCHIVE_VERSION;
  exportedAt: string;
  settings: Partial<Record<keyof Config, unknown>>;
  applications: ArchiveApplication[];
}

/** The archive of a store's applications and settings (whole, in memory: tests and small stores). */
export function buildArchive(apps: readonly Application[], settings: Archive['settings'], exportedAt: string): Archive {
  return {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt,
    settings,
    applications: apps.map(archiveApplication),
  };
}

/** One application as archived. */
export function archiveApplication(a: Application): ArchiveApplication {
  const need = (value: string | undefined, what: string): string => {
    if (!value) throw new Error(`${what} has no UUID`);
    return value;
  };
  return {
    uuid: a.uuid,
    id: a.id,
    company: a.company,
    role: a.role,
    why: a.why,
    outcome: a.outcome,
    outcomeDate: a.outcomeDate,
    outcomeNote: a.outcomeNote,
    notInterested: a.notInterested,
    respondBy: a.respondBy ?? null,
    rounds: a.rounds.map((r) => ({
      uuid: need(r.uuid, 'a round'),
      id: r.id,
      number: r.number,
      date: r.date,
      time: r.time,
      kind: r.kind,
      decisionBy: r.decisionBy,
      nextSteps: r.nextSteps,
      notes: r.notes,
      recordedOn: r.recordedOn ?? r.date,
    })),
    contacts: a.contacts.map((c) => ({
      uuid: need(c.uuid, 'a contact'),
      id: c.id,
      name: c.name,
      role: c.role,
      phone: c.phone,
      email: c.email,
      noCalls: c.noCalls,
      okToCall: c.okToCall ?? false,
      recordedOn: c.recordedOn ?? null,
      round: c.round ?? null,
      topic: c.topic ?? null,
    })),
    needs: [...a.needs],
    expand: [...a.expand],
    events: a.events.map((e) => ({
      uuid: need(e.uuid, 'an event'),
      id: e.id,
      type: e.type,
      date: e.date,
      withName: e.withName,
      note: e.note,
      newDate: e.newDate,
      withRole: e.withRole ?? null,
      takeaway: e.takeaway ?? null,
    })),
    pastOutcomes: (a.pastOutcomes ?? []).map((p) => ({
      uuid: need(p.uuid, 'an earlier outcome'),
      id: p.id,
      outcome: p.outcome,
      date: p.date,
      note: p.note,
      notInterested: p.notInterested,
      replacedOn: p.replacedOn,
      respondBy: p.respondBy ?? null,
    })),
  };
}

/** `JSON.stringify(value, null, 2)` as it reads nested `depth` levels deep. */
function indented(value: unknown, depth: number): string {
  const text = JSON.stringify(value, null, 2);
  // A JSON text holds no raw line break inside a string, so every one starts a line.
  return depth === 0 ? text : text.replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/**
 * Write the archive one application at a time, byte for byte what
 * `JSON.stringify(buildArchive(apps, settings, exportedAt), null, 2) + "\n"` gives, without
 * holding more than one application in memory.
 */
export function writeArchive(
  write: (chunk: string) => void,
  apps: Iterable<Application>,
  settings: Archive['settings'],
  exportedAt: string,
): void {
  write(
    `{\n  "format": ${JSON.stringify(ARCHIVE_FORMAT)},\n  "version": ${ARCHIVE_VERSION},\n` +
      `  "exportedAt": ${JSON.stringify(exportedAt)},\n  "settings": ${indented(settings, 1)},\n  "applications": [`,
  );
  let first = true;
  for (const app of apps) {
    write(`${first ? '' : ','}\n    ${indented(archiveApplication(app), 2)}`);
    first = false;
  }
  write(first ? ']\n}\n' : '\n  ]\n}\n');
}

/**
 * What an archive may hold: far more than a job search (or a coach's many) needs, little enough
 * that reading, storing and planning over it stays quick. Row ids stay well inside what SQLite and
 * JavaScript both count exactly; dates are the ones followup records (FIRST_DATE .. LAST_DATE).
 */
export const ARCHIVE_LIMITS = {
  applications: 100_000,
  roundsPerApplication: 1000,
  contactsPerApplication: 1000,
  eventsPerApplication: 10_000,
  factsPerApplication: 1000,
  outcomesPerApplication: 1000,
  /** Rounds, contacts and events in the whole archive. */
  records: 2_000_000,
  textLength: 1_000_000,
  rowId: 2 ** 31 - 1,
} as const;

const MAX_TEXT = ARCHIVE_LIMITS.textLength;
const UUID = /^[0-9A-Za-z][0-9A-Za-z-]{7,63}$/;

/** A reader of untrusted JSON that knows where it is. */
class Reader {
  constructor(private readonly file: string) {}

  fail(place: string, problem: string): never {
    throw new UsageError(`${this.file}: ${place}: ${problem}. Nothing was imported.`);
  }

  object(value: unknown, place: string): Record<string, unknown> {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) this.fail(place, 'should be an object');
    return value as Record<string, unknown>;
  }

  array(value: unknown, place: string, max = 1_000_000): unknown[] {
    if (!Array.isArray(value)) this.fail(place, 'should be a list');
    if (value.length > max) this.fail(place, `has more than ${max} entries`);
    return value;
  }

  /** An own property only: keys such as __proto__ are read as the data they are. */
  field(obj: Record<string, unknown>, key: string): unknown {
    return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
  }

  text(obj: Record<string, unknown>, key: string, place: string): string {
    const v = this.field(obj, key);
    if (typeof v !== 'string' || v.trim() === '') this.fail(`${place}.${key}`, 'should be a non-empty text');
    if (v.length > MAX_TEXT) this.fail(`${place}.${key}`, 'is longer than a million characters');
    return v;
  }

  optionalText(obj: Record<string, unknown>, key: string, place: string): string | null {
    const v = this.field(obj, key);
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') this.fail(`${place}.${key}`, 'should be a text or null');
    if (v.length > MAX_TEXT) this.fail(`${place}.${key}`, 'is longer than a million characters');
    return v;
  }

  uuid(obj: Record<string, unknown>, key: string, place: string): string {
    const v = this.field(obj, key);
    if (typeof v !== 'string' || !UUID.test(v)) this.fail(`${place}.${key}`, 'should be a UUID');
    return v;
  }

  date(obj: Record<string, unknown>, key: string, place: string, optional: boolean): CalendarDate | null {
    const v = this.field(obj, key);
    if ((v === undefined || v === null) && optional) return null;
    if (typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v) && !isDateInRange(v)) {
      this.fail(`${place}.${key}`, `is ${v}, outside the dates followup records (${FIRST_DATE} to ${LAST_DATE})`);
    }
    if (typeof v !== 'string' || !isCalendarDate(v)) this.fail(`${place}.${key}`, `should be a date as YYYY-MM-DD (got ${JSON.stringify(v)?.slice(0, 40)})`);
    return v;
  }

  wholeNumber(obj: Record<string, unknown>, key: string, place: string, min: number, max: number): number {
    const v = this.field(obj, key);
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) {
      this.fail(`${place}.${key}`, `should be a whole number from ${min} to ${max}`);
    }
    return v;
  }

  /** A row id from the exporting store: a whole number from 1 to ARCHIVE_LIMITS.rowId. */
  rowId(obj: Record<string, unknown>, place: string): number {
    return this.wholeNumber(obj, 'id', place, 1, ARCHIVE_LIMITS.rowId);
  }

  optionalRowId(obj: Record<string, unknown>, place: string): number | undefined {
    return this.field(obj, 'id') === undefined ? undefined : this.rowId(obj, place);
  }

  boolean(obj: Record<string, unknown>, key: string, place: string): boolean {
    const v = this.field(obj, key);
    if (v === undefined) return false;
    if (typeof v !== 'boolean') this.fail(`${place}.${key}`, 'should be true or false');
    return v;
  }

  oneOf<T extends string>(obj: Record<string, unknown>, key: string, place: string, allowed: readonly T[], optional: boolean): T | null {
    const v = this.field(obj, key);
    if ((v === undefined || v === null) && optional) return null;
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      this.fail(`${place}.${key}`, `should be one of ${allowed.join(', ')}`);
    }
    return v as T;
  }

  /**
   * The checks of `config set`, all together; the rules between settings that the archive does
   * not give whole are checked against the store's own settings when it is imported.
   */
  settings(raw: Record<string, unknown>): Archive['settings'] {
    try {
      return checkSettings(raw, null);
    } catch (err) {
      if (!(err instanceof SettingError)) throw err;
      this.fail(`settings.${err.key}`, err.problem);
    }
  }

  texts(obj: Record<string, unknown>, key: string, place: string): string[] {
    const v = this.field(obj, key);
    if (v === undefined) return [];
    return this.array(v, `${place}.${key}`, ARCHIVE_LIMITS.factsPerApplication).map((t, i) => {
      if (typeof t !== 'string' || t.length > MAX_TEXT) this.fail(`${place}.${key}[${i}]`, 'should be a text');
      return t;
    });
  }
}

/** Parse and check an archive; throws a UsageError naming the place of the first problem. */
export function parseArchive(text: string, file: string): Archive {
  const r = new Reader(file);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const message = err instanceof RangeError ? 'it is nested too deeply' : (err as Error).message;
    throw new UsageError(`${file} is not valid JSON (${message}). Nothing was imported.`);
  }
  const top = r.object(raw, '(top)');
  const settings = checkTop(r, top);
  const check = new ApplicationChecker(r, new UuidSet());
  const appList = r.array(r.field(top, 'applications'), 'applications', ARCHIVE_LIMITS.applications);
  const applications = appList.map((value, i) => check.application(value, i));
  const exportedAt = r.field(top, 'exportedAt');
  return {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: typeof exportedAt === 'string' ? exportedAt : '',
    settings,
    applications,
  };
}

/** An archive file read as a stream (import): checked whole, its applications read again one at a time. */
export interface ArchiveFile {
  settings: Archive['settings'];
  /** How many applications it holds. */
  count: number;
  /**
   * Read the file again and hand over each application, checked again (a file changed since it
   * was checked is refused with a UsageError, so a caller writing in a transaction rolls back).
   */
  eachApplication(visit: (app: ArchiveApplication, index: number) => void): void;
}

/**
 * Read and check an archive from an open file without holding it in memory: one application at a
 * time, keeping only what the checks across applications need (the UUIDs seen, compactly, and the
 * count of records). The same checks and messages as parseArchive, in the same order: a syntax
 * error first, then the format, version and settings, then the list of applications and the first
 * problem in it. Throws a UsageError naming the place.
 */
export function readArchiveFile(fd: number, file: string): ArchiveFile {
  const r = new Reader(file);
  const before = fs.fstatSync(fd);
  const top: Record<string, unknown> = {};
  let root: { value: unknown } | null = null;
  let listed = false;
  let occurrence = 0;
  let count = 0;
  let check = new ApplicationChecker(r, new UuidSet());
  let first: UsageError | null = null;
  const max = ARCHIVE_LIMITS.applications;
  const notJson = (err: unknown): never => {
    if (!(err instanceof JsonSyntaxError)) throw err;
    const message = err.message.startsWith('Too deeply nested') ? 'it is nested too deeply' : err.message;
    throw new UsageError(`${file} is not valid JSON (${message}). Nothing was imported.`);
  };
  try {
    readJsonStream({ fd }, 'applications', {
      member(key, value) {
        Object.defineProperty(top, key, { value, writable: true, enumerable: true, configurable: true });
        // A later `applications` that is not a list replaces the list (as JSON.parse keeps the last).
        if (key === 'applications') listed = false;
      },
      listStart() {
        // A repeated `applications` list replaces the earlier one, as with JSON.parse.
        occurrence++;
        listed = true;
        count = 0;
        first = null;
        check = new ApplicationChecker(r, new UuidSet());
      },
      entry(value, i) {
        count = i + 1;
        if (first !== null || i >= max) return;
        try {
          check.application(value, i);
        } catch (err) {
          if (!(err instanceof UsageError)) throw err;
          first = err;
        }
      },
      listEnd(n) {
        count = n;
      },
      notObject(value) {
        root = { value };
      },
    });
  } catch (err) {
    notJson(err);
  }
  if (root !== null) r.object((root as { value: unknown }).value, '(top)');
  const settings = checkTop(r, top);
  if (!listed) r.array(r.field(top, 'applications'), 'applications', max);
  if (count > max) r.fail('applications', `has more than ${max} entries`);
  if (first !== null) throw first;
  // The UUIDs seen (some 16 MB for a coach's archive) are not needed again: let them go before the
  // second pass, which the closures below would otherwise keep them alive through.
  check = new ApplicationChecker(r, null);
  const total = count;
  const last = occurrence;
  return {
    settings,
    count: total,
    eachApplication(visit) {
      const again = new ApplicationChecker(r, null);
      let seen = 0;
      let n = -1;
      const changed = (): never => {
        throw new UsageError(`${file} changed while it was being imported. Nothing was imported; run the import again.`);
      };
      try {
        readJsonStream({ fd }, 'applications', {
          member() {},
          listStart() {
            seen++;
          },
          entry(value, i) {
            if (seen === last) visit(again.application(value, i), i);
          },
          listEnd(c) {
            if (seen === last) n = c;
          },
          notObject() {},
        });
      } catch (err) {
        if (err instanceof JsonSyntaxError) changed();
        throw err;
      }
      const after = fs.fstatSync(fd);
      if (n !== total || seen !== last || after.size !== before.size || after.mtimeMs !== before.mtimeMs) changed();
    },
  };
}

/** The format, version and settings of an archive's top-level object; returns the settings. */
function checkTop(r: Reader, top: Record<string, unknown>): Archive['settings'] {
  if (r.field(top, 'format') !== ARCHIVE_FORMAT) r.fail('format', `should be "${ARCHIVE_FORMAT}": this is not a followup export`);
  const version = r.field(top, 'version');
  if (typeof version === 'number' && version > ARCHIVE_VERSION) {
    r.fail('version', `is ${version}, from a newer followup (this one reads up to ${ARCHIVE_VERSION}); update followup`);
  }
  if (typeof version !== 'number' || !READABLE_VERSIONS.includes(version)) {
    r.fail('version', `should be one of ${READABLE_VERSIONS.join(', ')}`);
  }
  const settingsRaw = r.field(top, 'settings') === undefined ? {} : r.object(r.field(top, 'settings'), 'settings');
  return r.settings(settingsRaw);
}

/**
 * UUIDs seen so far, compactly: a UUID as randomUUID writes it (lowercase hex, 8-4-4-4-12) is kept
 * as its 16 bytes in an open-addressing table filled up to 15/16 (double hashing keeps the probes
 * short that full), so the 500,000 of a coach's archive take 8 to 16 MB, and growing it holds the
 * old table and the new one only for that moment; any other UUID is kept as a string. A slot of
 * all zeros is empty: the nil UUID, whose words are all zero, is remembered apart.
 */
export class UuidSet {
  private slots = 1 << 12;
  private words = new Int32Array(this.slots * 4);
  private size = 0;
  private nil = false;
  private readonly other = new Set<string>();

  /** Add it; false when it was there already. */
  add(uuid: string): boolean {
    if (!HEX_UUID.test(uuid)) {
      if (this.other.has(uuid)) return false;
      // A copy: the text read is part of a whole chunk of the file, which it would keep alive.
      this.other.add(JSON.parse(JSON.stringify(uuid)) as string);
      return true;
    }
    const w0 = parseInt(uuid.slice(0, 8), 16) | 0;
    const w1 = parseInt(uuid.slice(9, 13) + uuid.slice(14, 18), 16) | 0;
    const w2 = parseInt(uuid.slice(19, 23) + uuid.slice(24, 28), 16) | 0;
    const w3 = parseInt(uuid.slice(28, 36), 16) | 0;
    if ((w0 | w1 | w2 | w3) === 0) {
      if (this.nil) return false;
      this.nil = true;
      return true;
    }
    if (!this.put(w0, w1, w2, w3)) return false;
    if (++this.size * 16 > this.slots * 15) this.grow();
    return true;
  }

  /** Put the words in their slot; false when they are there already. */
  private put(w0: number, w1: number, w2: number, w3: number): boolean {
    const mask = this.slots - 1;
    const h = Math.imul(w0 ^ Math.imul(w1, 0x9e3779b1) ^ Math.imul(w2, 0x85ebca6b) ^ Math.imul(w3, 0xc2b2ae35), 0x27d4eb2f);
    let slot = (h ^ (h >>> 15)) & mask;
    // An odd step visits every slot of a power-of-two table.
    const step = (Math.imul(h ^ (h >>> 13), 0x165667b1) >>> 7) | 1;
    const words = this.words;
    for (;;) {
      const k = slot * 4;
      if ((words[k] | words[k + 1] | words[k + 2] | words[k + 3]) === 0) {
        words[k] = w0;
        words[k + 1] = w1;
        words[k + 2] = w2;
        words[k + 3] = w3;
        return true;
      }
      if (words[k] === w0 && words[k + 1] === w1 && words[k + 2] === w2 && words[k + 3] === w3) return false;
      slot = (slot + step) & mask;
    }
  }

  private grow(): void {
    const old = this.words;
    this.slots *= 2;
    this.words = new Int32Array(this.slots * 4);
    for (let k = 0; k < old.length; k += 4) {
      if ((old[k] | old[k + 1] | old[k + 2] | old[k + 3]) !== 0) this.put(old[k], old[k + 1], old[k + 2], old[k + 3]);
    }
  }
}

const HEX_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The checks of each application, in the file's order: its fields, its records, and across
 * applications the UUIDs (each once in the whole file; `seen` null: not checked again) and the
 * count of records.
 */
class ApplicationChecker {
  private records = 0;

  constructor(
    private readonly r: Reader,
    private readonly seen: UuidSet | null,
  ) {}

  private unique(uuid: string, place: string): void {
    if (this.seen !== null && !this.seen.add(uuid)) this.r.fail(place, `repeats the UUID ${uuid}`);
  }

  private count(list: unknown[], place: string): void {
    this.records += list.length;
    if (this.records > ARCHIVE_LIMITS.records) {
      this.r.fail(place, `takes the archive past ${ARCHIVE_LIMITS.records} rounds, contacts and events`);
    }
  }

  application(value: unknown, i: number): ArchiveApplication {
    const r = this.r;
    const unique = (uuid: string, place: string) => this.unique(uuid, place);
    const count = (list: unknown[], place: string) => this.count(list, place);
    const place = `applications[${i}]`;
    const a = r.object(value, place);
    const uuid = r.uuid(a, 'uuid', place);
    unique(uuid, `${place}.uuid`);
    const outcome = r.oneOf(a, 'outcome', place, OUTCOMES, true);
    const outcomeDate = r.date(a, 'outcomeDate', place, outcome === null);
    const roundList = r.array(r.field(a, 'rounds'), `${place}.rounds`, ARCHIVE_LIMITS.roundsPerApplication);
    count(roundList, `${place}.rounds`);
    const rounds = roundList.map((rv, j): ArchiveRound => {
      const rp = `${place}.rounds[${j}]`;
      const round = r.object(rv, rp);
      const ru = r.uuid(round, 'uuid', rp);
      unique(ru, `${rp}.uuid`);
      const typed = r.optionalText(round, 'time', rp);
      // The rule `add --time` applies: 9:30 is taken, as 09:30.
      const time = typed === null ? null : parseClockTime(typed);
      if (typed !== null && time === null) r.fail(`${rp}.time`, 'should be a time as HH:MM');
      const date = r.date(round, 'date', rp, false)!;
      return {
        uuid: ru,
        id: r.optionalRowId(round, rp),
        number: r.wholeNumber(round, 'number', rp, 1, ARCHIVE_LIMITS.roundsPerApplication),
        date,
        time,
        kind: r.oneOf(round, 'kind', rp, INTERVIEW_KINDS, true),
        decisionBy: r.date(round, 'decisionBy', rp, true),
        nextSteps: r.optionalText(round, 'nextSteps', rp),
        notes: r.optionalText(round, 'notes', rp),
        // Version 1 did not say; a round is known from its own date then (as schema 6 migrated).
        recordedOn: r.date(round, 'recordedOn', rp, true) ?? date,
      };
    });
    if (rounds.length === 0) r.fail(`${place}.rounds`, 'should hold at least one interview');
    const contactList = r.array(r.field(a, 'contacts') ?? [], `${place}.contacts`, ARCHIVE_LIMITS.contactsPerApplication);
    count(contactList, `${place}.contacts`);
    const contacts = contactList.map((cv, j): ArchiveContact => {
      const cp = `${place}.contacts[${j}]`;
      const c = r.object(cv, cp);
      const cu = r.uuid(c, 'uuid', cp);
      unique(cu, `${cp}.uuid`);
      return {
        uuid: cu,
        id: r.optionalRowId(c, cp),
        name: r.text(c, 'name', cp),
        role: r.oneOf(c, 'role', cp, CONTACT_ROLES, false)!,
        phone: r.optionalText(c, 'phone', cp),
        email: r.optionalText(c, 'email', cp),
        noCalls: r.boolean(c, 'noCalls', cp),
        okToCall: r.boolean(c, 'okToCall', cp),
        recordedOn: r.date(c, 'recordedOn', cp, true),
        round: r.field(c, 'round') == null ? null : r.wholeNumber(c, 'round', cp, 1, ARCHIVE_LIMITS.roundsPerApplication),
        topic: r.optionalText(c, 'topic', cp),
      };
    });
    const eventList = r.array(r.field(a, 'events') ?? [], `${place}.events`, ARCHIVE_LIMITS.eventsPerApplication);
    count(eventList, `${place}.events`);
    const events = eventList.map((ev, j): ArchiveEvent => {
      const ep = `${place}.events[${j}]`;
      const e = r.object(ev, ep);
      const eu = r.uuid(e, 'uuid', ep);
      unique(eu, `${ep}.uuid`);
      return {
        uuid: eu,
        id: r.optionalRowId(e, ep),
        type: r.oneOf(e, 'type', ep, EVENT_TYPES, false)!,
        date: r.date(e, 'date', ep, false)!,
        withName: r.optionalText(e, 'withName', ep),
        note: r.optionalText(e, 'note', ep),
        newDate: r.date(e, 'newDate', ep, true),
        withRole: r.oneOf(e, 'withRole', ep, CONTACT_ROLES, true),
        takeaway: r.optionalText(e, 'takeaway', ep),
      };
    });
    const pastList = r.array(r.field(a, 'pastOutcomes') ?? [], `${place}.pastOutcomes`, ARCHIVE_LIMITS.outcomesPerApplication);
    const pastOutcomes = pastList.map((pv, j): ArchivePastOutcome => {
      const pp = `${place}.pastOutcomes[${j}]`;
      const p = r.object(pv, pp);
      const pu = r.uuid(p, 'uuid', pp);
      unique(pu, `${pp}.uuid`);
      const pastOutcome = r.oneOf(p, 'outcome', pp, OUTCOMES, false)!;
      const pastRespondBy = r.date(p, 'respondBy', pp, true);
      if (pastRespondBy !== null && pastOutcome !== 'offer') r.fail(`${pp}.respondBy`, 'goes only with the outcome offer');
      return {
        uuid: pu,
        id: r.optionalRowId(p, pp),
        outcome: pastOutcome,
        date: r.date(p, 'date', pp, true),
        note: r.optionalText(p, 'note', pp),
        notInterested: r.boolean(p, 'notInterested', pp),
        replacedOn: r.date(p, 'replacedOn', pp, false)!,
        respondBy: pastRespondBy,
      };
    });
    const respondBy = r.date(a, 'respondBy', place, true);
    if (respondBy !== null && outcome !== 'offer') r.fail(`${place}.respondBy`, 'goes only with the outcome offer');
    return {
      uuid,
      id: r.rowId(a, place),
      company: r.text(a, 'company', place),
      role: r.text(a, 'role', place),
      why: r.optionalText(a, 'why', place),
      outcome,
      outcomeDate: outcome === null ? null : outcomeDate,
      outcomeNote: r.optionalText(a, 'outcomeNote', place),
      notInterested: r.boolean(a, 'notInterested', place),
      respondBy,
      rounds,
      contacts,
      needs: r.texts(a, 'needs', place),
      expand: r.texts(a, 'expand', place),
      events,
      pastOutcomes,
    };
  }
}
