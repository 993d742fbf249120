/**
 * Archive version 2 (schema 6's records): export carries when each round and contact was
 * recorded, each contact's round, topic and permission to call, whom each event was with and a
 * feedback's takeaway, and the outcomes a later one replaced, with their UUIDs; import takes them
 * back, so a restored store replays past days (--today) as the original does. Version 1 files
 * are still read (a round recorded on its own date, the rest absent).
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ensureBuilt, json, ok, run, tempDir } from './helpers';

type Obj = Record<string, any>;

let dir: string;
let original: string;
let archiveText: string;

const TODAY = '2026-12-18';

/** A search with every schema-6 record, typed day by day. */
async function build(db: string): Promise<void> {
  const step = (today: string, args: string[]) => ok(db, today, args);
  await step('2026-11-30', ['add', '--company', 'Acme', '--role', 'Engineer', '--date', '2026-11-30', '--hr', 'Jordan Kim',
    '--hr-phone', '+1 555 0101', '--interviewer', 'Priya Shah :: asked about scaling', '--decision-by', '2026-12-04']);
  await step('2026-11-30', ['add', '--company', 'Initech', '--role', 'Analyst', '--date', '2026-11-30',
    '--hiring-manager', 'Bill Lumbergh', '--email', 'bill@initech.example']);
  await step('2026-12-01', ['log', '1', 'thanks-sent']);
  // Round 2 booked on 3 Dec for 10 Dec.
  await step('2026-12-03', ['add', '--company', 'Acme', '--role', 'Engineer', '--date', '2026-12-10', '--interviewer', 'Sam Lee']);
  await step('2026-12-07', ['log', '1', 'spoke', '--with', 'Jordan', '--ok-to-call']);
  await step('2026-12-08', ['outcome', '2', 'offer']);
  await step('2026-12-11', ['log', '1', 'offer-shared']);
  await step('2026-12-14', ['outcome', '2', 'rejected', '--replace', '--note', 'budget cut']);
  await step('2026-12-15', ['log', '2', 'feedback-received', '--takeaway', 'keep answers under two minutes']);
  await step('2026-12-17', ['edit', '1', '--hiring-manager', 'Hank Scorpio', '--phone', '+1 555 0199']);
}

/** The archive as version 1 wrote it: none of version 2's fields. */
function asVersion1(text: string): string {
  const a = JSON.parse(text) as Obj;
  a.version = 1;
  for (const app of a.applications as Obj[]) {
    delete app.pastOutcomes;
    for (const r of app.rounds) delete r.recordedOn;
    for (const c of app.contacts) for (const k of ['okToCall', 'recordedOn', 'round', 'topic']) delete c[k];
    for (const e of app.events) for (const k of ['withRole', 'takeaway']) delete e[k];
  }
  return JSON.stringify(a, null, 2);
}

beforeAll(async () => {
  ensureBuilt();
  dir = tempDir();
  original = path.join(dir, 'original.db');
  await build(original);
  archiveText = await ok(original, TODAY, ['export', '--format', 'json']);
}, 60_000);

async function importInto(name: string, text: string): Promise<string> {
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, text);
  const db = path.join(dir, `${name}.db`);
  const r = await run(db, TODAY, ['import', file]);
  expect(r.code, r.stderr).toBe(0);
  return db;
}

describe('archive version 2', () => {
  test('carries recordedOn, round, topic, okToCall, withRole, takeaway and pastOutcomes', () => {
    const archive = JSON.parse(archiveText) as Obj;
    expect(archive.version).toBe(2);
    const [acme, initech] = archive.applications as Obj[];
    expect(acme.rounds.map((r: Obj) => [r.number, r.date, r.recordedOn])).toEqual([
      [1, '2026-11-30', '2026-11-30'],
      [2, '2026-12-10', '2026-12-03'],
    ]);
    const byName = Object.fromEntries((acme.contacts as Obj[]).map((c) => [c.name, c]));
    expect(byName['Priya Shah']).toMatchObject({ round: 1, topic: 'asked about scaling', recordedOn: '2026-11-30' });
    expect(byName['Sam Lee']).toMatchObject({ round: 2, recordedOn: '2026-12-03' });
    expect(byName['Jordan Kim']).toMatchObject({ okToCall: true });
    expect(byName['Hank Scorpio']).toMatchObject({ recordedOn: '2026-12-17', okToCall: false });
    expect((acme.events as Obj[]).find((e) => e.type === 'spoke')).toMatchObject({ withName: 'Jordan Kim', withRole: 'hr' });
    expect((initech.events as Obj[]).find((e) => e.type === 'feedback-received')).toMatchObject({
      takeaway: 'keep answers under two minutes',
    });
    expect(initech).toMatchObject({ outcome: 'rejected', outcomeDate: '2026-12-14', outcomeNote: 'budget cut' });
    expect(initech.pastOutcomes).toEqual([
      expect.objectContaining({ outcome: 'offer', date: '2026-12-08', replacedOn: '2026-12-14', notInterested: false }),
    ]);
    expect(initech.pastOutcomes[0].uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(acme.pastOutcomes).toEqual([]);
  });

  test('import takes it all back: show --json is byte-identical, and past days replay the same', async () => {
    const restored = await importInto('restored', archiveText);
    for (const id of ['1', '2']) expect(await ok(restored, TODAY, ['show', id, '--json'])).toBe(await ok(original, TODAY, ['show', id, '--json']));
    // The replays depend on what the archive carries: the booked round (3 Dec), the replaced offer
    // (8-13 Dec), the contact learned on 17 Dec.
    for (const day of ['2026-12-02', '2026-12-03', '2026-12-09', '2026-12-11', '2026-12-14', '2026-12-16', TODAY]) {
      expect(await ok(restored, day, ['today', '--json']), day).toBe(await ok(original, day, ['today', '--json']));
      expect(await ok(restored, day, ['list', '--all', '--json']), day).toBe(await ok(original, day, ['list', '--all', '--json']));
    }
    const again = await ok(restored, TODAY, ['export', '--format', 'json']);
    const strip = (t: string) => JSON.stringify({ ...JSON.parse(t), exportedAt: null });
    expect(strip(again)).toBe(strip(archiveText));
  });

  test('importing it again adds no second copy of the history', async () => {
    const db = await importInto('twice', archiveText);
    const file = path.join(dir, 'twice.json');
    const counts = await json<Obj>(db, TODAY, ['import', file]);
    expect(counts).toMatchObject({ applications: 0, outcomes: 0, events: 0, contacts: 0, rounds: 0 });
    const shown = await json<Obj>(db, TODAY, ['show', '2']);
    expect(shown.pastOutcomes ?? []).toHaveLength(1);
  });
});

describe('archive version 1 is still read', () => {
  test('rounds were recorded on their own dates; the rest of version 2 is absent', async () => {
    const db = await importInto('v1', asVersion1(archiveText));
    const acme = await json<Obj>(db, TODAY, ['show', '1']);
    expect(acme.rounds.map((r: Obj) => r.recordedOn)).toEqual(['2026-11-30', '2026-12-10']);
    for (const c of acme.contacts) expect(c).toMatchObject({ okToCall: false, recordedOn: null, round: null, topic: null });
    for (const e of acme.events) expect(e).toMatchObject({ withRole: null, takeaway: null });
    const initech = await json<Obj>(db, TODAY, ['show', '2']);
    expect(initech.pastOutcomes ?? []).toEqual([]);
    expect(JSON.parse(await ok(db, TODAY, ['export', '--format', 'json'])).version).toBe(2);
  });
});

describe('archive version 2 is checked like the rest', () => {
  const refused = async (edit: (a: Obj) => void, place: RegExp) => {
    const a = JSON.parse(archiveText) as Obj;
    edit(a);
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, JSON.stringify(a));
    const db = path.join(dir, 'bad.db');
    const r = await run(db, TODAY, ['import', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(place);
    expect(r.stderr).toMatch(/Nothing was imported/);
  };

  test('a bad earlier outcome, role of an event, round of a contact or date of recording', async () => {
    await refused((a) => (a.applications[1].pastOutcomes[0].outcome = 'maybe'), /applications\[1\]\.pastOutcomes\[0\]\.outcome/);
    await refused((a) => delete a.applications[1].pastOutcomes[0].replacedOn, /pastOutcomes\[0\]\.replacedOn/);
    await refused((a) => (a.applications[1].pastOutcomes = {}), /pastOutcomes.*list/);
    await refused((a) => (a.applications[0].events[0].withRole = 'boss'), /events\[0\]\.withRole/);
    await refused((a) => (a.applications[0].contacts[0].round = 0), /contacts\[0\]\.round/);
    await refused((a) => (a.applications[0].rounds[1].recordedOn = '2026-02-30'), /rounds\[1\]\.recordedOn/);
    await refused((a) => (a.applications[0].contacts[0].okToCall = 'yes'), /contacts\[0\]\.okToCall/);
  });

  test("an earlier outcome's UUID must be its own", async () => {
    await refused(
      (a) => (a.applications[1].pastOutcomes[0].uuid = a.applications[0].events[0].uuid),
      /repeats the UUID/,
    );
  });

  test('a newer version is refused, naming it', async () => {
    await refused((a) => (a.version = 3), /version.*3.*newer|newer.*3/);
  });
});
