/**
 * The JSON archive (`export --format json`, `import`): everything in the store, versioned, with
 * the stable UUIDs. Reading it checks every field before anything is written, and names the
 * place of each problem. Pure.
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
  if (r.field(top, 'format') !== ARCHIVE_FORMAT) r.fail('format', `should be "${ARCHIVE_FORMAT}": this is not a followup export`);
  const version = r.field(top, 'version');
  if (typeof version === 'number' && version > ARCHIVE_VERSION) {
    r.fail('version', `is ${version}, from a newer followup (this one reads up to ${ARCHIVE_VERSION}); update followup`);
  }
  if (typeof version !== 'number' || !READABLE_VERSIONS.includes(version)) {
    r.fail('version', `should be one of ${READABLE_VERSIONS.join(', ')}`);
  }

  const settingsRaw = r.field(top, 'settings') === undefined ? {} : r.object(r.field(top, 'settings'), 'settings');
  const settings = r.settings(settingsRaw);

  const seen = new Set<string>();
  const unique = (uuid: string, place: string) => {
    if (seen.has(uuid)) r.fail(place, `repeats the UUID ${uuid}`);
    seen.add(uuid);
  };
  let records = 0;
  const count = (list: unknown[], place: string): void => {
    records += list.length;
    if (records > ARCHIVE_LIMITS.records) {
      r.fail(place, `takes the archive past ${ARCHIVE_LIMITS.records} rounds, contacts and events`);
    }
  };
  const appList = r.array(r.field(top, 'applications'), 'applications', ARCHIVE_LIMITS.applications);
  const applications = appList.map((value, i): ArchiveApplication => {
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
  });
  const exportedAt = r.field(top, 'exportedAt');
  return {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: typeof exportedAt === 'string' ? exportedAt : '',
    settings,
    applications,
  };
}
