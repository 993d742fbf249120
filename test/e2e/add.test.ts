/** `followup add` through the command line (in-process): flags, required fields, dates, rounds, JSON, what comes next. */
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ADD_ACME, STACK_LINE, parseJson, sandboxes } from './helpers.js';

const sandbox = sandboxes();

describe('followup add', () => {
  test('records an interview from flags and says the number, the round and what comes next', async () => {
    const s = sandbox('2026-11-30');
    const r = await s.ok(ADD_ACME);
    expect(r.stdout).toContain('#1');
    expect(r.stdout).toContain('Acme');
    expect(r.stdout).toContain('Backend Engineer');
    expect(r.stdout).toMatch(/round 1/i);
    // The thank-you, and from when the first chase is possible (Mon 7 Dec).
    expect(r.stdout).toMatch(/thank-you/i);
    expect(r.stdout).toMatch(/follow-up[^\n]*7 Dec/);
    expect(fs.existsSync(s.db)).toBe(true);
  });

  test('the first follow-up date follows the decision date (no date: five working days)', async () => {
    const s = sandbox('2026-12-01');
    const r = await s.ok(['add', '--company', 'Initech', '--role', 'QA Lead', '--date', '2026-12-01']);
    // D = Tue 8 Dec, so the first chase is possible Wed 9 Dec.
    expect(r.stdout).toMatch(/follow-up[^\n]*9 Dec/);
    // No decision date was given: it says so, on stderr.
    expect(r.stderr).toMatch(/decision date/i);
  });

  test('--json prints {id, round, company, role} and nothing else on stdout', async () => {
    const s = sandbox('2026-11-30');
    const r = await s.ok([...ADD_ACME, '--json']);
    const out = parseJson<Record<string, unknown>>(r.stdout);
    expect(out).toMatchObject({ id: 1, round: 1, company: 'Acme', role: 'Backend Engineer' });
    expect(typeof out.id).toBe('number');
    expect(typeof out.round).toBe('number');
    const second = await s.json(['add', '--company', 'Globex', '--role', 'Analyst', '--date', '2026-11-30']);
    expect(second).toMatchObject({ id: 2, round: 1, company: 'Globex', role: 'Analyst' });
  });

  test('a second interview for the same company and role (any case) becomes round 2', async () => {
    const s = sandbox('2026-12-08');
    await s.ok(ADD_ACME);
    const r = await s.json(['add', '--company', 'ACME', '--role', 'backend engineer', '--date', '2026-12-08']);
    expect(r).toMatchObject({ id: 1, round: 2 });
    const text = await s.ok(['add', '--company', 'Acme', '--role', 'Backend Engineer', '--date', '2026-12-10']);
    expect(text.stdout).toMatch(/round 3/i);
    const list = await s.json<unknown[]>(['list', '--all']);
    expect(list).toHaveLength(1);
    const show = await s.json(['show', '1']);
    expect(show.rounds.map((x: { date: string }) => x.date)).toEqual(['2026-11-30', '2026-12-08', '2026-12-10']);
  });

  test('every add flag is recorded', async () => {
    const s = sandbox('2026-11-30');
    await s.ok([
      ...ADD_ACME,
      '--time', '14:30',
      '--kind', 'video',
      '--email', 'dana@acme.example',
      '--interviewer', 'Priya Natarajan',
      '--interviewer', 'Tom Becker',
      '--hr', 'Sam Lee',
      '--hr-phone', '+1 555 0111',
      '--hr-email', 'sam@acme.example',
      '--next-steps', 'Dana decides after the last candidate',
      '--need', 'on-call experience',
      '--need', 'Postgres tuning',
      '--notes', 'Met the whole team',
    ]);
    const app = await s.json(['show', '1']);
    expect(app.rounds).toHaveLength(1);
    expect(app.rounds[0]).toMatchObject({
      date: '2026-11-30',
      time: '14:30',
      kind: 'video',
      decisionBy: '2026-12-04',
      nextSteps: 'Dana decides after the last candidate',
      notes: 'Met the whole team',
    });
    const contacts = app.contacts.map((c: { name: string; role: string; phone: string | null; email: string | null }) => ({
      name: c.name,
      role: c.role,
      phone: c.phone,
      email: c.email,
    }));
    expect(contacts).toEqual(
      expect.arrayContaining([
        { name: 'Dana Reyes', role: 'hiring-manager', phone: '+1 555 0100', email: 'dana@acme.example' },
        { name: 'Sam Lee', role: 'hr', phone: '+1 555 0111', email: 'sam@acme.example' },
        { name: 'Priya Natarajan', role: 'interviewer', phone: null, email: null },
        { name: 'Tom Becker', role: 'interviewer', phone: null, email: null },
      ]),
    );
    expect(contacts).toHaveLength(4);
    expect(app.needs).toEqual(['on-call experience', 'Postgres tuning']);
  });

  test('--date defaults to today', async () => {
    const s = sandbox('2026-12-03');
    await s.ok(['add', '--company', 'Acme', '--role', 'Backend Engineer']);
    expect((await s.json(['show', '1'])).rounds[0].date).toBe('2026-12-03');
  });

  test('a friendlier date is accepted and the resolved date is echoed back', async () => {
    const s = sandbox('2026-11-30');
    const r = await s.ok(['add', '--company', 'Acme', '--role', 'Backend Engineer', '--date', 'tomorrow']);
    expect(r.stderr + r.stdout).toContain('2026-12-01');
    expect((await s.json(['show', '1'])).rounds[0].date).toBe('2026-12-01');
  });

  test.each([
    [['--role', 'Backend Engineer'], ['--company']],
    [['--company', 'Acme'], ['--role']],
    [['--date', '2026-11-30'], ['--company', '--role']],
    [[], ['--company', '--role']],
  ])('missing required flags %j exit 2 naming %j, and record nothing', async (flags, named) => {
    const s = sandbox('2026-11-30');
    const r = await s.run(['add', ...flags]);
    expect(r.status).toBe(2);
    for (const flag of named) expect(r.stderr).toContain(flag);
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(r.stdout).toBe('');
    expect(await s.json<unknown[]>(['list', '--all'])).toEqual([]);
  });

  test.each([
    ['--date', '2026-02-30'],
    ['--date', '2026-13-01'],
    ['--date', 'someday'],
    ['--decision-by', '2026-02-30'],
  ])('a bad date %s %s exits 2 and records nothing', async (flag, value) => {
    const s = sandbox('2026-11-30');
    const r = await s.run(['add', '--company', 'Acme', '--role', 'Backend Engineer', flag, value]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(value);
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(await s.json<unknown[]>(['list', '--all'])).toEqual([]);
  });

  test.each([
    [['--no-input'], {}],
    [[], { CI: '1' }],
  ])('no prompts with %j %j: a missing field is an error naming the flag', async (flags, env) => {
    const s = sandbox('2026-11-30');
    const r = await s.run([...flags, 'add', '--role', 'Backend Engineer'], { env });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--company');
    expect(r.stderr).not.toContain(STACK_LINE);
  });

  test('an unknown --kind exits 2', async () => {
    const s = sandbox('2026-11-30');
    const r = await s.run(['add', '--company', 'Acme', '--role', 'Backend Engineer', '--kind', 'carrier-pigeon']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('carrier-pigeon');
    expect(r.stderr).not.toContain(STACK_LINE);
  });
});

describe('followup add: what each interviewer talked about, and when things were recorded', () => {
  test('--interviewer "NAME :: TOPIC" records the interviewer and their topic', async () => {
    const s = sandbox('2026-11-30');
    await s.ok([...ADD_ACME, '--interviewer', 'Priya Shah :: asked about scaling', '--interviewer', 'Tom Becker']);
    const app = await s.json(['show', '1']);
    const interviewers = app.contacts
      .filter((c: { role: string }) => c.role === 'interviewer')
      .map((c: { name: string; topic: string | null }) => [c.name, c.topic]);
    expect(interviewers).toEqual([
      ['Priya Shah', 'asked about scaling'],
      ['Tom Becker', null],
    ]);
  });

  test('a topic without a name exits 2, says what to type, and records nothing', async () => {
    const s = sandbox('2026-11-30');
    const r = await s.run([...ADD_ACME, '--interviewer', ' :: asked about scaling']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--interviewer');
    expect(r.stderr).toContain('NAME :: TOPIC');
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(await s.json<unknown[]>(['list', '--all'])).toEqual([]);
  });

  test('edit takes --interviewer "NAME :: TOPIC" too, and its contacts are known from the day of the edit', async () => {
    const s = sandbox('2026-11-30');
    await s.ok(ADD_ACME);
    await s.ok(['edit', '1', '--interviewer', 'Priya Shah :: systems design'], { today: '2026-12-02' });
    const priya = (await s.json(['show', '1'])).contacts.find((c: { name: string }) => c.name === 'Priya Shah');
    expect(priya).toMatchObject({ role: 'interviewer', topic: 'systems design', recordedOn: '2026-12-02' });
    // The journal's summary names the change, not the bookkeeping.
    const undo = await s.run(['undo', '--yes']);
    expect(undo.stderr + undo.stdout).toMatch(/contacts/);
    expect(undo.stderr + undo.stdout).not.toMatch(/recordedOn/);
  });

  test('a round booked ahead is recorded as known from the day it was added, with its people', async () => {
    const s = sandbox('2026-12-01');
    await s.ok([
      'add', '--company', 'Acme', '--role', 'Backend Engineer', '--date', '2026-12-10', '--hiring-manager', 'Dana Reyes',
    ]);
    const app = await s.json(['show', '1']);
    expect(app.rounds[0]).toMatchObject({ date: '2026-12-10', recordedOn: '2026-12-01' });
    expect(app.contacts[0]).toMatchObject({ name: 'Dana Reyes', recordedOn: '2026-12-01', round: 1 });
  });

  test('--date "" exits 2 instead of meaning today', async () => {
    const s = sandbox('2026-11-30');
    const r = await s.run(['add', '--company', 'Acme', '--role', 'Backend Engineer', '--date', '']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--date');
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(await s.json<unknown[]>(['list', '--all'])).toEqual([]);
  });
});
