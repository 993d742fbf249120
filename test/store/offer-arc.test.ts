/**
 * The store's part of the offer's arc (cadence.md rules 9, 15 and 16; schema 8): an offer's
 * deadline, accepted and declined answering it (the offer kept as history, in one undoable
 * change), refusals that write nothing, the offers rules 9 and 16 read on a given day, and the
 * derived columns that let `today` find an offer with a deadline.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { planToday } from '../../src/core/cadence.js';
import { UsageError } from '../../src/errors.js';
import { buildArchive, parseArchive } from '../../src/export/archive.js';
import { storeAtSchema } from './schema-at.js';
import { Store, type InterviewInput } from '../../src/store/store.js';

let dir: string;
const opened: Store[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-offer-arc-'));
});

afterEach(() => {
  for (const s of opened.splice(0)) s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function openStore(name = 'followup.db'): Store {
  const store = Store.open({ file: path.join(dir, name), explicit: true });
  opened.push(store);
  return store;
}

function interview(over: Partial<InterviewInput> = {}): InterviewInput {
  return {
    company: 'Acme', role: 'Engineer', date: '2026-11-30', contacts: [{ name: 'Dana Reyes', role: 'hiring-manager' }],
    needs: [], expand: [], ...over,
  };
}

function journalSize(store: Store): number {
  const db = new Sqlite(store.file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM journal').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('accepted and declined answer the offer', () => {
  test('accepted moves the offer, with its deadline, to the history in one change that undo reverses', () => {
    const store = openStore();
    const id = store.addInterview(interview()).id;
    store.setOutcome(id, 'offer', '2026-12-09', 'base and bonus', false, { respondBy: '2026-12-18' });
    expect(store.requireApplication(id)).toMatchObject({ outcome: 'offer', respondBy: '2026-12-18' });
    const before = journalSize(store);
    // No --replace needed; the offer it answers is returned as what it replaced.
    expect(store.setOutcome(id, 'accepted', '2026-12-15', 'start 4 Jan', false, { today: '2026-12-16' })).toEqual({
      outcome: 'offer',
      date: '2026-12-09',
    });
    expect(journalSize(store)).toBe(before + 1);
    const app = store.requireApplication(id);
    expect(app).toMatchObject({ outcome: 'accepted', outcomeDate: '2026-12-15', outcomeNote: 'start 4 Jan', respondBy: null });
    // Replaced on the day of the answer (not the day it was typed), so a replay knows the offer until then.
    expect(app.pastOutcomes).toEqual([
      expect.objectContaining({ outcome: 'offer', date: '2026-12-09', note: 'base and bonus', replacedOn: '2026-12-15', respondBy: '2026-12-18' }),
    ]);
    const change = store.lastChange()!;
    expect(change.summary).toBe(
      'outcome: accepted on 2026-12-15 for #1 Acme, Engineer (answering the offer of 2026-12-09, answer by 2026-12-18, kept as history)',
    );
    store.undo(change.id);
    expect(store.requireApplication(id)).toMatchObject({ outcome: 'offer', outcomeDate: '2026-12-09', respondBy: '2026-12-18', pastOutcomes: [] });
  });

  test('declined does the same; a second answer needs --replace and keeps the first as history', () => {
    const store = openStore();
    const id = store.addInterview(interview()).id;
    store.setOutcome(id, 'offer', '2026-12-09', null, false);
    store.setOutcome(id, 'declined', '2026-12-10', null, false);
    expect(() => store.setOutcome(id, 'accepted', '2026-12-11', null, false)).toThrow(UsageError);
    store.setOutcome(id, 'accepted', '2026-12-11', null, false, { replace: true, today: '2026-12-11' });
    expect(store.requireApplication(id).pastOutcomes!.map((p) => [p.outcome, p.replacedOn])).toEqual([
      ['offer', '2026-12-10'],
      ['declined', '2026-12-11'],
    ]);
  });

  test('refused without an offer, with a deadline on another outcome, or dated before the offer: nothing written', () => {
    const store = openStore();
    const id = store.addInterview(interview()).id;
    const size = journalSize(store);
    expect(() => store.setOutcome(id, 'accepted', '2026-12-15', null, false)).toThrow(/no offer to answer/);
    expect(() => store.setOutcome(id, 'declined', '2026-12-15', null, false, { replace: true })).toThrow(UsageError);
    expect(() => store.setOutcome(id, 'rejected', '2026-12-15', null, false, { respondBy: '2026-12-18' })).toThrow(/goes with an offer/);
    store.setOutcome(id, 'rejected', '2026-12-11', null, false);
    expect(() => store.setOutcome(id, 'accepted', '2026-12-15', null, false, { replace: true })).toThrow(/no offer to answer/);
    store.setOutcome(id, 'offer', '2026-12-14', null, false, { replace: true, today: '2026-12-14' });
    expect(() => store.setOutcome(id, 'accepted', '2026-12-13', null, false)).toThrow(/before it came/);
    const app = store.requireApplication(id);
    expect(app.outcome).toBe('offer');
    expect(app.pastOutcomes!.map((p) => p.outcome)).toEqual(['rejected']);
    expect(journalSize(store)).toBe(size + 2);
  });
});

describe('the offers rules 9 and 16 read (listLatestOffers)', () => {
  test('an accepted offer is handed over even behind two newer offers; answered offers say so; a replay sees them open', () => {
    const store = openStore();
    const ids = ['Acme', 'Globex', 'Initech', 'Hooli'].map((company) => store.addInterview(interview({ company })).id);
    store.setOutcome(ids[0], 'offer', '2026-12-01', null, false, { respondBy: '2026-12-04' });
    store.setOutcome(ids[0], 'accepted', '2026-12-03', null, false);
    store.setOutcome(ids[1], 'offer', '2026-12-07', null, false);
    store.setOutcome(ids[2], 'offer', '2026-12-08', null, false, { respondBy: '2026-12-18' });
    store.setOutcome(ids[3], 'offer', '2026-12-02', null, false);
    store.setOutcome(ids[3], 'declined', '2026-12-05', null, false);
    expect(store.listLatestOffers('2026-12-10')).toEqual([
      { id: ids[2], company: 'Initech', date: '2026-12-08', respondBy: '2026-12-18' },
      { id: ids[1], company: 'Globex', date: '2026-12-07' },
      { id: ids[0], company: 'Acme', date: '2026-12-01', respondBy: '2026-12-04', answer: { outcome: 'accepted', date: '2026-12-03' } },
    ]);
    // On 2 Dec, Acme's offer was open (its answer came later) and Hooli's had just come.
    expect(store.listLatestOffers('2026-12-02')).toEqual([
      { id: ids[3], company: 'Hooli', date: '2026-12-02' },
      { id: ids[0], company: 'Acme', date: '2026-12-01', respondBy: '2026-12-04' },
    ]);
    // On 6 Dec: Hooli's declined offer still counts for rule 9, after Acme's accepted one.
    expect(store.listLatestOffers('2026-12-06')).toEqual([
      { id: ids[3], company: 'Hooli', date: '2026-12-02', answer: { outcome: 'declined', date: '2026-12-05' } },
      { id: ids[0], company: 'Acme', date: '2026-12-01', respondBy: '2026-12-04', answer: { outcome: 'accepted', date: '2026-12-03' } },
    ]);
  });

  test('an offer with a deadline is planned (not settled); one without is not read by today', () => {
    const store = openStore();
    const a = store.addInterview(interview({ company: 'Acme' })).id;
    const b = store.addInterview(interview({ company: 'Globex' })).id;
    store.setOutcome(a, 'offer', '2026-12-09', null, false, { respondBy: '2026-12-18' });
    store.setOutcome(b, 'offer', '2026-12-09', null, false);
    const planned = store.listPlanned('2026-12-16', 90, '2026-12-16');
    expect(planned.map((p) => p.id)).toEqual([a]);
    const config = store.getConfig();
    const plan = planToday(planned, config, '2026-12-16', store.listLatestOffers('2026-12-16'));
    expect(plan.items.map((i) => [i.id, i.action, i.earliest, i.due])).toEqual([[a, 'decide-offer', '2026-12-16', '2026-12-18']]);
    expect(plan).toEqual(planToday(store.listApplications('all'), config, '2026-12-16'));
    // Accepted: settled, and the other one (still an offer without a deadline) lists nothing.
    store.setOutcome(a, 'accepted', '2026-12-17', null, false);
    expect(store.listPlanned('2026-12-18', 90, '2026-12-18')).toEqual([]);
  });

  test('a booked round is read with its time, kind and interviewers, and the needs it prepares', () => {
    const store = openStore();
    const id = store.addInterview(interview({ needs: ['a queue that scales'] })).id;
    store.addInterview(
      interview({
        date: '2026-12-08', time: '15:00', kind: 'video', recordedOn: '2026-12-02', nextSteps: 'meet the CTO',
        contacts: [{ name: 'Priya Shah', role: 'interviewer' }],
      }),
    );
    const [planned] = store.listPlanned('2026-12-07', 90, '2026-12-07');
    expect(planned.id).toBe(id);
    expect(planned.needs).toEqual(['a queue that scales']);
    const plan = planToday([planned], store.getConfig(), '2026-12-07', []);
    expect(plan.items.find((i) => i.action === 'prepare-interview')?.why).toEqual({
      code: 'prepare-interview', round: 2, date: '2026-12-08', time: '15:00', kind: 'video', interviewers: ['Priya Shah'],
      needs: ['a queue that scales'], expand: [], nextSteps: 'meet the CTO',
    });
    expect(plan).toEqual(planToday(store.listApplications('all'), store.getConfig(), '2026-12-07'));
  });
});

describe('the archive', () => {
  test('carries the new outcomes and the deadlines, of the offer and of one in the history, and refuses a misplaced one', () => {
    const store = openStore();
    const a = store.addInterview(interview({ company: 'Acme' })).id;
    const b = store.addInterview(interview({ company: 'Globex' })).id;
    store.setOutcome(a, 'offer', '2026-12-09', null, false, { respondBy: '2026-12-18' });
    store.setOutcome(b, 'offer', '2026-12-08', null, false, { respondBy: '2026-12-11' });
    store.setOutcome(b, 'declined', '2026-12-10', null, false);
    const text = JSON.stringify(buildArchive(store.listApplications('all'), {}, '2026-12-10T00:00:00Z'));
    const into = openStore('copy.db');
    into.importArchive(parseArchive(text, 'a.json'), 'a.json');
    const strip = (apps: ReturnType<Store['listApplications']>) =>
      apps.map((x) => ({
        outcome: x.outcome, respondBy: x.respondBy,
        past: x.pastOutcomes!.map((p) => ({ outcome: p.outcome, respondBy: p.respondBy, replacedOn: p.replacedOn })),
      }));
    expect(strip(into.listApplications('all'))).toEqual(strip(store.listApplications('all')));
    expect(strip(into.listApplications('all'))).toEqual([
      { outcome: 'offer', respondBy: '2026-12-18', past: [] },
      { outcome: 'declined', respondBy: null, past: [{ outcome: 'offer', respondBy: '2026-12-11', replacedOn: '2026-12-10' }] },
    ]);
    const bad = JSON.parse(text);
    bad.applications[1].respondBy = '2026-12-20';
    expect(() => parseArchive(JSON.stringify(bad), 'b.json')).toThrow(/applications\[1\]\.respondBy: goes only with the outcome offer/);
  });
});

describe('migration 8 (its end)', () => {
  test('outcome_history gains respond_by with undo triggers that name it; an offer stays settled', () => {
    const file = path.join(dir, 'v7.db');
    storeAtSchema(file, 7, `
      INSERT INTO applications (id, uuid, company, role, status, outcome, outcome_date, created_at)
        VALUES (1, 'a-1', 'Acme', 'Engineer', 'offer', 'offer', '2026-12-09', '2026-11-30T09:00:00Z');
      INSERT INTO rounds (uuid, application_id, number, date, created_at, recorded_on)
        VALUES ('r-1', 1, 1, '2026-11-30', '2026-11-30T09:00:00Z', '2026-11-30');`);
    const store = openStore('v7.db');
    const db = new Sqlite(file, { readonly: true });
    try {
      const columns = (db.prepare('PRAGMA table_info(outcome_history)').all() as { name: string }[]).map((c) => c.name);
      expect(columns).toContain('respond_by');
      const trigger = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'outcome_history_undo_delete'").get() as { sql: string }).sql;
      expect(trigger).toContain('respond_by');
      expect(db.prepare('SELECT settled FROM applications WHERE id = 1').get()).toEqual({ settled: 1 });
    } finally {
      db.close();
    }
    // An answered offer's deadline comes back with an undone delete (the history's trigger names it).
    store.setOutcome(1, 'offer', '2026-12-09', null, false, { replace: true, today: '2026-12-09', respondBy: '2026-12-18' });
    store.setOutcome(1, 'accepted', '2026-12-15', null, false);
    const history = store.requireApplication(1).pastOutcomes;
    expect(history!.at(-1)).toMatchObject({ outcome: 'offer', respondBy: '2026-12-18' });
    store.deleteApplication(1);
    store.undo(store.lastChange()!.id);
    expect(store.requireApplication(1).pastOutcomes).toEqual(history);
  });
});
