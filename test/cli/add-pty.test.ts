/**
 * Interactive `followup add` on a real pseudo-terminal: the built binary runs with a terminal on
 * stdin, stdout and stderr (Python's pty module, which every machine that builds better-sqlite3
 * has), and the test types at each question as a person would, waiting for the question's text.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADD_ACME, STACK_LINE, sandboxes } from '../e2e/helpers.js';
import { BACKSPACES, CTRL_C, ENTER, Terminal } from '../support/pty.js';

const sandbox = sandboxes();

/** Skip the rest of the questions from `Decision promised by` on. */
async function finishFromDecision(t: Terminal, decision = ''): Promise<void> {
  await t.answer('Decision promised by', decision);
  await t.answer('Next steps they mentioned');
  await t.answer('What did they say they need?');
  await t.answer('Why do you want this job?');
  await t.answer('An answer you would like to expand on');
  await t.answer('Notes');
}

describe('followup add on a terminal', () => {
  it('checks each answer at its own question, asks again there, and keeps every answer', async () => {
    const s = sandbox('2026-11-30'); // a Monday
    const t = new Terminal(s, ['--db', s.db, '--today', s.today, 'add']);
    await t.answer('Company', 'Acme');
    await t.answer('Role', 'Backend Engineer');
    // The default is shown, and Enter takes it.
    await t.answer('Interview date (today)');
    await t.answer('Time (HH:MM)', '25:00');
    await t.waitFor('"25:00" is not a time. Type it as HH:MM');
    t.type(`${BACKSPACES}14:30${ENTER}`);
    // Enter on a choice takes what the question shows.
    await t.answer('How was it held? (video)');
    await t.answer('Who interviewed you?', 'Priya Shah');
    await t.answer('What did Priya Shah talk about? (optional)', 'asked about scaling');
    await t.answer('Another interviewer?');
    await t.answer('Hiring manager', 'Dana Reyes');
    await t.answer("Dana Reyes's phone", '+1 555 0100');
    await t.answer("Dana Reyes's email");
    await t.answer('HR or recruiter contact');
    // The case: "last fri" is before the interview; said at once, at this question.
    await t.answer('Decision promised by', 'last fri');
    await t.waitFor('Fri 27 Nov is before the interview (Mon 30 Nov)');
    t.type(`${BACKSPACES}fri${ENTER}`);
    await t.waitFor('taken as Fri 4 Dec 2026 (2026-12-04)');
    await t.answer('Next steps they mentioned');
    await t.answer('What did they say they need?', 'on-call experience');
    await t.answer('Another?');
    await t.answer('Why do you want this job?');
    await t.answer('An answer you would like to expand on');
    await t.answer('Notes');
    await t.waitFor('Recorded #1 Acme, Backend Engineer: round 1');
    expect(await t.exited).toBe(0);
    // The messages speak of the questions, never of flags that were not typed.
    expect(t.transcript).not.toMatch(/--(time|decision-by|date)\b/);

    const app = await s.json(['show', '1']);
    expect(app.rounds).toHaveLength(1);
    expect(app.rounds[0]).toMatchObject({
      date: '2026-11-30', time: '14:30', kind: 'video', decisionBy: '2026-12-04', recordedOn: '2026-11-30',
    });
    expect(app.contacts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Dana Reyes', role: 'hiring-manager', phone: '+1 555 0100' }),
        expect.objectContaining({ name: 'Priya Shah', role: 'interviewer', topic: 'asked about scaling' }),
      ]),
    );
    expect(app.needs).toEqual(['on-call experience']);
  });

  it('Ctrl-C at the last question exits 130 with no stack trace and writes nothing', async () => {
    const s = sandbox('2026-11-30');
    await s.ok(ADD_ACME);
    const before = { list: await s.json(['list', '--all']), show: await s.json(['show', '1']) };
    const t = new Terminal(s, ['--db', s.db, '--today', s.today, 'add']);
    await t.answer('Company', 'Globex');
    await t.answer('Role', 'Analyst');
    await t.answer('Interview date');
    await t.answer('Time (HH:MM)', '10:00');
    await t.answer('How was it held?');
    await t.answer('Who interviewed you?', 'Bill Lumbergh');
    await t.answer('What did Bill Lumbergh talk about?');
    await t.answer('Another interviewer?');
    await t.answer('Hiring manager', 'Lee Chan');
    await t.answer("Lee Chan's phone");
    await t.answer("Lee Chan's email");
    await t.answer('HR or recruiter contact');
    await t.answer('Decision promised by', '2026-12-04');
    await t.answer('Next steps they mentioned');
    await t.answer('What did they say they need?');
    await t.answer('Why do you want this job?');
    await t.answer('An answer you would like to expand on');
    await t.waitFor('Notes');
    t.type(CTRL_C);
    expect(await t.exited).toBe(130);
    expect(t.transcript).toMatch(/cancelled; nothing was (changed|recorded)/);
    expect(t.transcript).not.toContain(STACK_LINE);
    expect(t.transcript).not.toContain('Recorded');
    expect(await s.json(['list', '--all'])).toEqual(before.list);
    expect(await s.json(['show', '1'])).toEqual(before.show);
  });

  it('Ctrl-C at the first question creates no store', async () => {
    const s = sandbox('2026-11-30');
    const t = new Terminal(s, ['--db', s.db, '--today', s.today, 'add']);
    await t.waitFor('Company');
    t.type(CTRL_C);
    expect(await t.exited).toBe(130);
    expect(t.transcript).not.toContain(STACK_LINE);
    expect(fs.existsSync(s.db)).toBe(false);
  });

  it('with --company given it asks only for what is missing', async () => {
    const s = sandbox('2026-12-01');
    const t = new Terminal(s, ['--db', s.db, '--today', s.today, 'add', '--company', 'Globex', '--interviewer', 'Bill Lumbergh :: the TPS reports']);
    await t.answer('Role', 'Analyst');
    await t.answer('Interview date', 'yesterday');
    await t.waitFor('taken as Mon 30 Nov 2026 (2026-11-30)');
    await t.answer('Time (HH:MM)');
    await t.answer('How was it held?');
    await t.answer('Hiring manager', 'Lee Chan');
    await t.answer("Lee Chan's phone");
    await t.answer("Lee Chan's email", 'lee@globex.example');
    await t.answer('HR or recruiter contact');
    await finishFromDecision(t);
    await t.waitFor('Recorded #1 Globex, Analyst: round 1');
    expect(await t.exited).toBe(0);
    // Neither the company nor the interviewers, which the flags gave, were asked for.
    expect(t.transcript).not.toMatch(/\bCompany\b/);
    expect(t.transcript).not.toContain('Who interviewed you?');
    const app = await s.json(['show', '1']);
    expect(app).toMatchObject({ company: 'Globex', role: 'Analyst' });
    expect(app.rounds[0]).toMatchObject({ date: '2026-11-30', recordedOn: '2026-12-01' });
    expect(app.contacts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Lee Chan', role: 'hiring-manager', email: 'lee@globex.example' }),
        expect.objectContaining({ name: 'Bill Lumbergh', role: 'interviewer', topic: 'the TPS reports' }),
      ]),
    );
  });

  it('a flag that breaks a rule with an answer is named, and only that field is asked again', async () => {
    const s = sandbox('2026-11-30');
    const t = new Terminal(s, ['--db', s.db, '--today', s.today, 'add', '--company', 'Acme', '--decision-by', '2026-12-01']);
    await t.answer('Role', 'Backend Engineer');
    await t.answer('Interview date', '2026-12-03');
    await t.answer('Time (HH:MM)', '9:30');
    await t.answer('How was it held?');
    await t.answer('Who interviewed you?');
    await t.answer('Hiring manager');
    await t.answer('HR or recruiter contact');
    // The decision date was a flag: named as such, then asked for; nothing typed is asked again.
    await t.waitFor('--decision-by 2026-12-01 is before the interview (2026-12-03)');
    await finishFromDecision(t, '2026-12-08');
    await t.waitFor('Recorded #1 Acme, Backend Engineer');
    expect(await t.exited).toBe(0);
    const afterwards = t.transcript.split('--decision-by 2026-12-01 is before the interview')[1];
    expect(afterwards).not.toMatch(/Role|Interview date|Time|How was it held|Hiring manager/);
    expect((await s.json(['show', '1'])).rounds[0]).toMatchObject({ date: '2026-12-03', time: '09:30', decisionBy: '2026-12-08' });
  });

  it('a second round is announced, with the contacts already known offered as defaults', async () => {
    const s = sandbox('2026-11-30');
    await s.ok([...ADD_ACME, '--hr', 'Sam Lee', '--hr-email', 'sam@acme.example', '--kind', 'phone', '--interviewer', 'Priya Shah']);
    const t = new Terminal(s, ['--db', s.db, '--today', '2026-12-07', 'add', '--company', 'acme']);
    await t.answer('Role', 'backend engineer');
    await t.waitFor('Round 2 at Acme, Backend Engineer (#1)');
    await t.answer('Interview date (today)');
    await t.answer('Time (HH:MM)');
    // The last round's kind is the default, and it is shown.
    await t.answer('How was it held? (phone)');
    await t.waitFor('Interviewers of earlier rounds: Priya Shah.');
    await t.answer('Who interviewed you?', 'Tom Becker');
    await t.answer('What did Tom Becker talk about?');
    await t.answer('Another interviewer?');
    await t.answer('Hiring manager (the person who decides) (Dana Reyes)');
    await t.answer("Dana Reyes's phone (+1 555 0100)");
    await t.answer("Dana Reyes's email");
    await t.answer('HR or recruiter contact (Sam Lee)');
    await t.answer("Sam Lee's phone");
    await t.answer("Sam Lee's email (sam@acme.example)");
    await finishFromDecision(t);
    await t.waitFor('Recorded #1 Acme, Backend Engineer: round 2');
    expect(await t.exited).toBe(0);
    const app = await s.json(['show', '1']);
    expect(app.rounds.map((r: { number: number; date: string; kind: string }) => [r.number, r.date, r.kind])).toEqual([
      [1, '2026-11-30', 'phone'],
      [2, '2026-12-07', 'phone'],
    ]);
    // Taking the defaults kept the people as they were: no one was added twice or lost a detail.
    const people = app.contacts.map((c: { name: string; role: string; phone: string | null; email: string | null }) =>
      [c.name, c.role, c.phone, c.email]);
    expect(people).toEqual(
      expect.arrayContaining([
        ['Dana Reyes', 'hiring-manager', '+1 555 0100', null],
        ['Sam Lee', 'hr', null, 'sam@acme.example'],
        ['Priya Shah', 'interviewer', null, null],
        ['Tom Becker', 'interviewer', null, null],
      ]),
    );
    expect(people).toHaveLength(4);
  });

  it('with --no-input on a terminal a missing field is still exit 2 naming the flag', async () => {
    const s = sandbox('2026-11-30');
    const t = new Terminal(s, ['--db', s.db, '--today', s.today, '--no-input', 'add', '--company', 'Globex']);
    expect(await t.exited).toBe(2);
    expect(t.transcript).toContain('--role');
    expect(t.transcript).not.toContain('Role');
    expect(fs.existsSync(s.db)).toBe(false);
  });
});
