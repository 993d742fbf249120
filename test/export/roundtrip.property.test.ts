/**
 * Whatever the commands let a person record, export writes and import takes back whole (issue
 * 10, item 9): random stores built through the Store API with what add, log, outcome (--replace
 * too), edit and config set accept, and whole records as the bulk writer takes them (schema 6's
 * recording days, rounds, topics, permission to call, event roles and takeaways, outcome
 * history), exported to JSON, imported into an empty store, give the same tables: every id, UUID
 * and value. Left out: the journal and undo log (the import is one undoable change of
 * its own), sqlite_sequence, created_at (when a row was written here), and the ids and UUIDs of
 * needs, which the archive does not carry (their texts, order and application are compared).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FIRST_DATE, LAST_DATE, fromDayNumber, toDayNumber } from '../../src/core/calendar.js';
import { parseConfigValue } from '../../src/core/config.js';
import { parseClockTime, parseUserDate } from '../../src/core/dates.js';
import { CONTACT_ROLES, EVENT_TYPES, INTERVIEW_KINDS, OUTCOMES } from '../../src/core/types.js';
import { UsageError } from '../../src/errors.js';
import { buildArchive, parseArchive, writeArchive } from '../../src/export/archive.js';
import { Store, type ContactInput } from '../../src/store/store.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-roundtrip-prop-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const TODAY = '2026-12-02';

/** A date as typed: any in the range, a word, or one near either end of the range. */
const date = fc.oneof(
  fc.integer({ min: toDayNumber(FIRST_DATE), max: toDayNumber(LAST_DATE) }).map(fromDayNumber),
  fc.constantFrom('today', 'yesterday', '-3d', '+2w', 'fri', 'last mon', FIRST_DATE, LAST_DATE),
).map((typed) => parseUserDate(typed, TODAY, '--date'));

/** A time as typed (9:30, 09:30), kept as add keeps it. */
const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.boolean())
  .map(([h, m, pad]) => parseClockTime(`${pad ? String(h).padStart(2, '0') : h}:${String(m).padStart(2, '0')}`));

/** A text flag as the commands clean it: trimmed, never empty. */
const text = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 12 })
  .map((s) => s.trim())
  .filter((s) => s !== '');
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const contact: fc.Arbitrary<ContactInput> = fc.record({
  name: fc.oneof(fc.constantFrom('Dana Reyes', 'Mo Diaz'), text),
  role: fc.constantFrom(...CONTACT_ROLES),
  phone: maybe(text),
  email: maybe(text),
  topic: maybe(text),
});

const op = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('add' as const),
      company: fc.oneof(fc.constantFrom('Acme', 'Bolt', 'Ångström AB'), text),
      role: fc.oneof(fc.constant('Engineer'), text),
      date,
      time: maybe(time),
      kind: maybe(fc.constantFrom(...INTERVIEW_KINDS)),
      decisionBy: maybe(date),
      nextSteps: maybe(text),
      notes: maybe(text),
      why: maybe(text),
      contacts: fc.array(contact, { maxLength: 3 }),
      needs: fc.array(text, { maxLength: 2 }),
      expand: fc.array(text, { maxLength: 2 }),
      recordedOn: maybe(date),
    }),
  },
  {
    // A whole application as the bulk writer takes it: what `log spoke --ok-to-call` and
    // interviewers recorded with their round leave on contacts.
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('record' as const),
      company: text,
      role: text,
      rounds: fc.array(fc.record({ date, recordedOn: maybe(date) }), { minLength: 1, maxLength: 3 }),
      contacts: fc.array(
        fc.record({
          name: text,
          role: fc.constantFrom(...CONTACT_ROLES),
          okToCall: fc.boolean(),
          noCalls: fc.boolean(),
          recordedOn: maybe(date),
          round: maybe(fc.integer({ min: 1, max: 3 })),
          topic: maybe(text),
        }),
        { maxLength: 3 },
      ),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('log' as const),
      app: fc.nat(),
      type: fc.constantFrom(...EVENT_TYPES),
      date,
      withName: maybe(text),
      note: maybe(text),
      newDate: maybe(date),
      withRole: maybe(fc.constantFrom(...CONTACT_ROLES)),
      takeaway: maybe(text),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('outcome' as const),
      app: fc.nat(),
      outcome: fc.constantFrom(...OUTCOMES),
      date,
      note: maybe(text),
      notInterested: fc.boolean(),
      // A second outcome with --replace keeps the first as history.
      replace: fc.boolean(),
      today: date,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('edit' as const),
      app: fc.nat(),
      decisionBy: fc.option(maybe(date), { nil: undefined }),
      time: fc.option(maybe(time), { nil: undefined }),
      roundDate: fc.option(date, { nil: undefined }),
      notes: fc.option(maybe(text), { nil: undefined }),
      contacts: fc.option(fc.array(contact, { maxLength: 2 }), { nil: undefined }),
      needs: fc.option(fc.array(text, { maxLength: 2 }), { nil: undefined }),
      noCalls: fc.option(fc.boolean(), { nil: undefined }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('config' as const),
      key: fc.constantFrom('minGapDays', 'maxGapDays', 'maxAttempts', 'keepInTouchDays', 'holidays', 'name', 'email'),
      value: fc.oneof(
        fc.integer({ min: 0, max: 70 }).map(String),
        fc.array(date, { maxLength: 4 }).map((d) => d.join(',')),
        text,
        fc.constant(''),
      ),
    }),
  },
);

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

let counter = 0;
function openStore(): Store {
  return Store.open({ file: path.join(dir, `s${++counter}.db`), explicit: true });
}

/** Apply what the commands would: a refusal (UsageError) is the command refusing, and is skipped. */
function apply(store: Store, ops: Op[]): void {
  const ids: number[] = [];
  const pick = (n: number) => ids[n % ids.length];
  for (const o of ops) {
    try {
      if (o.op === 'add') {
        const { op: _, ...input } = o;
        const r = store.addInterview(input);
        if (r.newApplication) ids.push(r.id);
      } else if (o.op === 'record') {
        const { op: _, ...record } = o;
        ids.push(...store.insertRecords([{ ...record, needs: [], expand: [], events: [] }], { journal: true, summary: 'record' }));
      } else if (ids.length === 0) {
        continue;
      } else if (o.op === 'log') {
        store.addEvent(pick(o.app), { ...o, newDate: o.type === 'spoke' ? o.newDate : null });
      } else if (o.op === 'outcome') {
        store.setOutcome(pick(o.app), o.outcome, o.date, o.note, o.outcome === 'rejected' && o.notInterested, {
          replace: o.replace,
          today: o.today,
        });
      } else if (o.op === 'edit') {
        const { op: _, app, noCalls, ...changes } = o;
        store.updateApplication(pick(app), {
          ...changes,
          ...(noCalls === undefined ? {} : { noCalls: { contact: null, value: noCalls } }),
        });
      } else {
        const parsed = parseConfigValue(o.key, o.value, store.getConfig());
        store.setConfig(parsed.key, parsed.value);
      }
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
    }
  }
}

/** The tables, as compared (see the top of the file). */
function dump(store: Store): Record<string, unknown[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Sqlite = require('better-sqlite3') as typeof import('better-sqlite3');
  const db = new Sqlite(store.file, { readonly: true, fileMustExist: true });
  try {
    const out: Record<string, unknown[]> = {};
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    for (const t of tables) {
      if (['journal', 'undo_log', 'sqlite_sequence'].includes(t)) continue;
      // Settings are keyed by name (their rowids only say in which order they were set).
      const order = t === 'settings' ? 'key' : 'rowid';
      const rows = db.prepare(`SELECT * FROM "${t}" ORDER BY ${order}`).all() as Record<string, unknown>[];
      out[t] = rows.map((row) => {
        const { created_at: _, ...rest } = row;
        if (t !== 'facts') return rest;
        const { id: _id, uuid: _uuid, ...fact } = rest;
        return fact;
      });
      // Needs and expand facts in their order within each application and kind (import adds an
      // application's needs, then its expand facts).
      if (t === 'facts') {
        type Fact = { application_id: number; kind: string };
        out[t] = (out[t] as Fact[]).sort((a, b) => a.application_id - b.application_id || a.kind.localeCompare(b.kind));
      }
    }
    return out;
  } finally {
    db.close();
  }
}

describe('export then import into an empty store', () => {
  it('gives the same tables, ids and UUIDs included', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
        const source = openStore();
        const target = openStore();
        try {
          apply(source, ops);
          const text = JSON.stringify(buildArchive(source.listApplications('all'), source.storedSettings(), ''), null, 2);
          target.importArchive(parseArchive(text, 'export.json'), 'export.json');
          expect(dump(target)).toEqual(dump(source));
        } finally {
          source.close();
          target.close();
        }
      }),
      { numRuns: Number(process.env.FOLLOWUP_PROPERTY_RUNS ?? 60) },
    );
  }, 600_000);
});

/** The streaming writer's text for a store (what `export --format json` writes). */
function streamed(store: Store, exportedAt: string): string {
  const pieces: string[] = [];
  writeArchive((t) => pieces.push(t), store.iterateApplications(), store.storedSettings(), exportedAt);
  return pieces.join('');
}

describe('the streaming JSON writer (issue 16)', () => {
  it('writes byte for byte what JSON.stringify of the whole archive gave, on random stores', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 0, maxLength: 25 }), (ops) => {
        const source = openStore();
        try {
          apply(source, ops);
          const at = '2026-12-02T09:00:00.000Z';
          const whole = `${JSON.stringify(buildArchive(source.listApplications('all'), source.storedSettings(), at), null, 2)}\n`;
          expect(streamed(source, at)).toBe(whole);
        } finally {
          source.close();
        }
      }),
      { numRuns: Number(process.env.FOLLOWUP_PROPERTY_RUNS ?? 60) },
    );
  }, 600_000);

  it('an empty store: no settings, no applications', () => {
    const source = openStore();
    try {
      const whole = `${JSON.stringify(buildArchive([], {}, 'x'), null, 2)}\n`;
      expect(streamed(source, 'x')).toBe(whole);
      expect(whole).toContain('"settings": {}');
      expect(whole).toContain('"applications": []');
    } finally {
      source.close();
    }
  });

  it('reads the store one application at a time, in order, and frees it when stopped early', () => {
    const source = openStore();
    try {
      for (const company of ['Acme', 'Bolt', 'Cato']) {
        source.addInterview({ company, role: 'Engineer', date: '2026-11-30', contacts: [], needs: [], expand: [] });
      }
      const ids = [...source.iterateApplications()].map((a) => a.id);
      expect(ids).toEqual(source.listApplications('all').map((a) => a.id));
      for (const a of source.iterateApplications()) {
        expect(a.company).toBe('Acme');
        break;
      }
      // The statement was closed: the store takes a write again.
      source.setConfig('name', 'Alex Morgan');
      expect(source.storedSettings()).toEqual({ name: 'Alex Morgan' });
    } finally {
      source.close();
    }
  });
});
