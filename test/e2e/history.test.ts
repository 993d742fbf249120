/**
 * Issue 13, "Never rewrite history": a second outcome is refused unless --replace, which keeps the
 * earlier one as history; events keep the person they were with (typed, resolved, or the plan's
 * contact that day) and the report and `show` print that, never today's contact; rounds keep their
 * own interviewers.
 */
import { describe, expect, test } from 'vitest';
import { Store } from '../../src/store/store.js';
import { parseCsvStrict } from '../export/csv-parse.js';
import { STACK_LINE, sandboxes, type Sandbox } from './helpers.js';

const sandbox = sandboxes();

/** Initech: interview Mon 30 Nov, decision by Fri 4 Dec, only HR (Jordan Kim) known. */
const ADD_INITECH = [
  'add', '--company', 'Initech', '--role', 'Developer', '--date', '2026-11-30',
  '--hr', 'Jordan Kim', '--hr-phone', '+1 555 0300', '--decision-by', '2026-12-04',
];

/** Acme with a hiring manager and an HR contact. */
const ADD_ACME_PEOPLE = [
  'add', '--company', 'Acme', '--role', 'Backend Engineer', '--date', '2026-11-30',
  '--hiring-manager', 'Bill Lumbergh', '--phone', '+1 555 0100',
  '--hr', 'Billie Holm', '--hr-email', 'billie@acme.example', '--decision-by', '2026-12-04',
];

interface ShownEvent {
  id: number;
  type: string;
  date: string;
  withName: string | null;
  withRole: string | null;
}

/** Text with its wrapped lines joined, as one reads it. */
const flat = (text: string) => text.replace(/\n {2,}/g, ' ').replace(/ {2,}/g, ' ');

async function shown(s: Sandbox, ref = '1', today?: string): Promise<any> {
  return s.json(['show', ref], today ? { today } : {});
}

/** The report as CSV rows of date, company, activity and contact. */
async function reportRows(s: Sandbox, from: string, to: string, today: string): Promise<string[][]> {
  const r = await s.ok(['report', '--from', from, '--to', to, '--format', 'csv'], { today });
  const [header, ...rows] = parseCsvStrict(r.stdout);
  const at = (name: string) => header.indexOf(name);
  return rows.map((row) => [row[at('date')], row[at('company')], row[at('activity')], row[at('contact')]]);
}

describe('outcome: a second one needs --replace, and the first stays as history', () => {
  test('a second outcome exits 2, says what is recorded and the exact command, and changes nothing', async () => {
    const s = sandbox('2026-12-15');
    await s.ok(ADD_INITECH);
    await s.ok(['outcome', '1', 'rejected', '--date', '2026-12-11']);
    const r = await s.run(['outcome', 'initech', 'withdrawn', '--note', "they're hiring internally"], { today: '2026-12-15' });
    expect(r.status).toBe(2);
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(r.stderr).toContain('already recorded as rejected on Fri 11 Dec');
    expect(r.stderr).toContain(`followup outcome 1 withdrawn --note 'they'\\''re hiring internally' --replace`);
    const app = await shown(s);
    expect(app.outcome).toBe('rejected');
    expect(app.outcomeDate).toBe('2026-12-11');
    expect(app.pastOutcomes).toEqual([]);
  });

  test('--replace records the new outcome and keeps the earlier one in show, show --json, and undo says so', async () => {
    const s = sandbox('2026-12-15');
    await s.ok(ADD_INITECH);
    await s.ok(['outcome', '1', 'rejected', '--date', '2026-12-11', '--note', 'went with someone senior'], { today: '2026-12-11' });
    const r = await s.ok(['outcome', '1', 'withdrawn', '--replace']);
    expect(r.stdout).toContain('It replaces rejected of Fri 11 Dec');

    const app = await shown(s);
    expect(app.status).toBe('withdrawn');
    expect(app.outcome).toBe('withdrawn');
    expect(app.outcomeDate).toBe('2026-12-15');
    expect(app.pastOutcomes).toEqual([
      expect.objectContaining({
        outcome: 'rejected', date: '2026-12-11', note: 'went with someone senior', notInterested: false, replacedOn: '2026-12-15',
      }),
    ]);
    // Every key show --json had before is still there.
    for (const key of ['id', 'uuid', 'company', 'role', 'status', 'rounds', 'contacts', 'events', 'outcome', 'outcomeDate', 'outcomeNote', 'notInterested', 'next']) {
      expect(app, key).toHaveProperty(key);
    }
    const text = flat((await s.ok(['show', '1'])).stdout);
    expect(text).toContain('Outcome: rejected (replaced on Tue 15 Dec by withdrawn): went with someone senior');
    expect(text).toContain('Outcome: withdrawn');

    const undo = await s.ok(['undo', '--yes']);
    expect(undo.stdout).toContain('outcome: withdrawn on 2026-12-15 for #1 Initech, Developer (replacing rejected of 2026-12-11, kept as history)');
    const back = await shown(s);
    expect(back.outcome).toBe('rejected');
    expect(back.outcomeNote).toBe('went with someone senior');
    expect(back.pastOutcomes).toEqual([]);
  });

  test('replacing twice keeps both earlier outcomes in order, each naming what replaced it', async () => {
    const s = sandbox('2026-12-18');
    await s.ok(ADD_INITECH);
    await s.ok(['outcome', '1', 'rejected', '--date', '2026-12-11']);
    await s.ok(['outcome', '1', 'offer', '--date', '2026-12-14', '--replace'], { today: '2026-12-14' });
    await s.ok(['outcome', '1', 'withdrawn', '--date', '2026-12-18', '--replace']);
    const app = await shown(s);
    expect(app.pastOutcomes.map((p: any) => [p.outcome, p.date, p.replacedOn])).toEqual([
      ['rejected', '2026-12-11', '2026-12-14'],
      ['offer', '2026-12-14', '2026-12-18'],
    ]);
    const text = (await s.ok(['show', '1'])).stdout;
    expect(text).toContain('Outcome: rejected (replaced on Mon 14 Dec by offer)');
    expect(text).toContain('Outcome: offer (replaced on Fri 18 Dec by withdrawn)');
  });

  test('an outcome after a no-response close is not a second outcome (cadence rule 6)', async () => {
    const s = sandbox('2027-01-05');
    await s.ok(ADD_INITECH);
    await s.ok(['log', '1', 'loop-closed', '--date', '2026-12-21']);
    const r = await s.ok(['outcome', '1', 'offer', '--note', 'they came back after all']);
    expect(r.stdout).not.toContain('replaces');
    const app = await shown(s);
    expect(app.status).toBe('offer');
    expect(app.pastOutcomes).toEqual([]);
  });
});

describe('events keep the person they were with', () => {
  test('--with Bill resolves to the one contact whose name it starts, storing the full name and role', async () => {
    const s = sandbox('2026-12-07');
    await s.ok(ADD_ACME_PEOPLE);
    const r = await s.ok(['log', '1', 'spoke', '--with', 'bill l']);
    expect(r.stdout).toContain('with Bill Lumbergh (hiring manager)');
    await s.ok(['log', '1', 'emailed', '--with', 'BILLIE HOLM']);
    const events: ShownEvent[] = (await shown(s)).events;
    expect(events.map((e) => [e.type, e.withName, e.withRole])).toEqual([
      ['spoke', 'Bill Lumbergh', 'hiring-manager'],
      ['emailed', 'Billie Holm', 'hr'],
    ]);
    expect(flat((await s.ok(['show', '1'])).stdout)).toContain('with Bill Lumbergh (hiring manager)');
  });

  test('a name that starts two contacts exits 2 naming both; an unknown name is kept as typed', async () => {
    const s = sandbox('2026-12-07');
    await s.ok(ADD_ACME_PEOPLE);
    const r = await s.run(['log', '1', 'spoke', '--with', 'bill']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Bill Lumbergh and Billie Holm');
    expect((await shown(s)).events).toEqual([]);

    await s.ok(['log', '1', 'no-answer', '--with', 'the receptionist']);
    expect((await shown(s)).events.map((e: ShownEvent) => [e.withName, e.withRole])).toEqual([['the receptionist', null]]);
  });

  test('without --with, a chase is with the plan\'s contact that day, and the report keeps it after a new contact', async () => {
    const s = sandbox('2026-12-10');
    await s.ok(ADD_INITECH);
    await s.ok(['log', '1', 'thanks-sent', '--date', '2026-11-30']);
    await s.ok(['log', '1', 'no-answer']);
    // On 17 Dec the hiring manager's name is learned; the next call is to him.
    await s.ok(['edit', '1', '--hiring-manager', 'Hank Scorpio', '--phone', '+1 555 0400'], { today: '2026-12-17' });
    await s.ok(['log', '1', 'voicemail'], { today: '2026-12-17' });

    const events: ShownEvent[] = (await shown(s, '1', '2026-12-17')).events;
    expect(events.map((e) => [e.type, e.withName, e.withRole])).toEqual([
      // A letter may have gone to anyone: no name is guessed for it.
      ['thanks-sent', null, null],
      ['no-answer', 'Jordan Kim', 'hr'],
      ['voicemail', 'Hank Scorpio', 'hiring-manager'],
    ]);
    const rows = await reportRows(s, '2026-11-30', '2026-12-17', '2026-12-17');
    expect(rows.find((r) => r[0] === '2026-12-10')?.[3]).toBe('Jordan Kim');
    expect(rows.find((r) => r[0] === '2026-12-17')?.[3]).toBe('Hank Scorpio');
    const text = flat((await s.ok(['show', '1'], { today: '2026-12-17' })).stdout);
    expect(text).toMatch(/Thu 10 Dec .*no-answer\) with Jordan Kim \(HR\)/);
  });

  test('an event stored without a name (an older store) is printed without one, not with today\'s contact', async () => {
    const s = sandbox('2026-12-10');
    await s.ok(ADD_INITECH);
    const store = Store.open({ file: s.db, explicit: true });
    try {
      store.addEvent(1, { type: 'no-answer', date: '2026-12-08' });
    } finally {
      store.close();
    }
    await s.ok(['edit', '1', '--hiring-manager', 'Hank Scorpio']);
    const rows = await reportRows(s, '2026-12-08', '2026-12-08', '2026-12-10');
    expect(rows).toEqual([['2026-12-08', 'Initech', 'Called about the decision, no answer', '']]);
    const line = (await s.ok(['show', '1'])).stdout.split('\n').find((l) => l.includes('no-answer'));
    expect(line).toBeDefined();
    expect(line).not.toContain(' with ');
  });
});

describe('rounds keep their own interviewers', () => {
  test('show lists each round\'s interviewers under it, and the report names only them', async () => {
    const s = sandbox('2026-12-10');
    await s.ok([
      'add', '--company', 'Acme', '--role', 'Backend Engineer', '--date', '2026-12-01', '--kind', 'video',
      '--interviewer', 'Priya Natarajan', '--hiring-manager', 'Dana Reyes',
    ]);
    await s.ok(['add', '--company', 'Acme', '--role', 'Backend Engineer', '--date', '2026-12-08', '--interviewer', 'Bob Slydell']);
    const text = (await s.ok(['show', '1'])).stdout;
    const line = (start: string) => text.split('\n').find((l) => l.includes(start)) ?? '';
    expect(line('Interview round 1')).toContain('with Priya Natarajan');
    expect(line('Interview round 1')).not.toContain('Bob');
    expect(line('Interview round 2')).toContain('with Bob Slydell');
    expect(line('Interview round 2')).not.toContain('Priya');
    expect(text).toContain('Bob Slydell (interviewer, round 2)');

    const rows = await reportRows(s, '2026-12-01', '2026-12-10', '2026-12-10');
    expect(rows.filter((r) => r[2].startsWith('Interview')).map((r) => [r[0], r[3]])).toEqual([
      ['2026-12-01', 'Priya Natarajan'],
      ['2026-12-08', 'Bob Slydell'],
    ]);
  });
});
