/**
 * Issue 13, "Dates that mean what a person means": events are never dated after today, a bare
 * weekday in `log`/`outcome` is the most recent one (in `add` still the coming one), an empty
 * date is an error, and `edit` holds to the rules `add` applies (decision date after the
 * interview, rounds in order, --calls or --no-calls, email and phone that can be one).
 */
import { describe, expect, test } from 'vitest';
import { ADD_ACME, STACK_LINE, sandboxes, type Sandbox } from './helpers.js';

const sandbox = sandboxes();

/** Mon 21 Dec 2026, as in the issue (Fri 25 Dec is Christmas Day, Fri 18 Dec the Friday before). */
const MONDAY = '2026-12-21';

async function acme(today: string): Promise<Sandbox> {
  const s = sandbox(today);
  await s.ok(ADD_ACME);
  return s;
}

async function shown(s: Sandbox): Promise<any> {
  return s.json(['show', '1']);
}

/** Exit 2 with a message and no stack trace. */
function refused(r: { status: number | null; stderr: string }): void {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr).not.toContain(STACK_LINE);
}

describe('events are never dated after today', () => {
  test('log --date after today exits 2, naming the date typed, and records nothing', async () => {
    const s = await acme(MONDAY);
    const r = await s.run(['log', '1', 'no-answer', '--date', '2026-12-25']);
    refused(r);
    expect(r.stderr).toContain('--date 2026-12-25 is Fri 25 Dec, after today (Mon 21 Dec)');
    expect(r.stderr).toContain('today or earlier');
    const tomorrow = await s.run(['log', '1', 'no-answer', '--date', 'tomorrow']);
    refused(tomorrow);
    expect(tomorrow.stderr).toContain('--date tomorrow (2026-12-22)');
    expect((await shown(s)).events).toEqual([]);
  });

  test('outcome --date after today exits 2 and records nothing', async () => {
    const s = await acme(MONDAY);
    const r = await s.run(['outcome', '1', 'rejected', '--date', 'next fri']);
    refused(r);
    expect(r.stderr).toContain('2026-12-25');
    expect((await shown(s)).outcome).toBeNull();
  });

  test('--new-date (the decision date they gave) may still be ahead', async () => {
    const s = await acme(MONDAY);
    await s.ok(['log', '1', 'spoke', '--new-date', '2027-01-08']);
    expect((await shown(s)).events[0]).toMatchObject({ type: 'spoke', date: MONDAY, newDate: '2027-01-08' });
  });
});

describe('a bare weekday', () => {
  test('in log means the most recent one, and says which date it took', async () => {
    const s = await acme(MONDAY);
    const r = await s.ok(['log', '1', 'no-answer', '--date', 'fri']);
    expect(r.stderr).toContain('--date fri: taken as Fri 18 Dec 2026 (2026-12-18)');
    expect((await shown(s)).events.map((e: any) => e.date)).toEqual(['2026-12-18']);
  });

  test('in log, today when today is that weekday', async () => {
    const s = await acme('2026-12-18');
    await s.ok(['log', '1', 'voicemail', '--date', 'friday']);
    expect((await shown(s)).events.map((e: any) => e.date)).toEqual(['2026-12-18']);
  });

  test('in outcome means the most recent one', async () => {
    const s = await acme(MONDAY);
    await s.ok(['outcome', '1', 'rejected', '--date', 'thu']);
    expect((await shown(s)).outcomeDate).toBe('2026-12-17');
  });

  test('in add still means the coming one (interviews are booked ahead)', async () => {
    const s = sandbox(MONDAY);
    const r = await s.ok(['add', '--company', 'Globex', '--role', 'Analyst', '--date', 'fri']);
    expect(r.stderr).toContain('2026-12-25');
    expect((await shown(s)).rounds[0].date).toBe('2026-12-25');
  });
});

describe('an empty date is an error, not today', () => {
  test.each([
    [['log', '1', 'no-answer', '--date', ''], '--date'],
    [['log', '1', 'spoke', '--new-date', ''], '--new-date'],
    [['outcome', '1', 'rejected', '--date', '  '], '--date'],
  ])('%j exits 2 and records nothing', async (args, flag) => {
    const s = await acme(MONDAY);
    const r = await s.run(args);
    refused(r);
    expect(r.stderr).toContain(`${flag}: no date was typed`);
    const app = await shown(s);
    expect(app.events).toEqual([]);
    expect(app.outcome).toBeNull();
  });
});

describe('edit applies the rules add applies', () => {
  test('--decision-by before the interview exits 2, as in add, and changes nothing', async () => {
    const s = await acme('2026-12-02');
    const r = await s.run(['edit', '1', '--decision-by', '2026-11-27']);
    refused(r);
    expect(r.stderr).toContain('--decision-by 2026-11-27 is before the interview (2026-11-30)');
    expect((await shown(s)).rounds[0].decisionBy).toBe('2026-12-04');
  });

  test('--date after the decision date promised exits 2, asking for the new decision date too', async () => {
    const s = await acme('2026-12-02');
    const r = await s.run(['edit', '1', '--date', '2026-12-07']);
    refused(r);
    expect(r.stderr).toContain('--decision-by');
    await s.ok(['edit', '1', '--date', '2026-12-01', '--decision-by', '2026-12-08']);
    expect((await shown(s)).rounds[0]).toMatchObject({ date: '2026-12-01', decisionBy: '2026-12-08' });
  });

  test('a round dated before an earlier round exits 2 and changes nothing', async () => {
    const s = sandbox('2026-12-10');
    await s.ok(['add', '--company', 'Acme', '--role', 'Backend Engineer', '--date', '2026-12-01']);
    await s.ok(['add', '--company', 'Acme', '--role', 'Backend Engineer', '--date', '2026-12-08']);
    const r = await s.run(['edit', '1', '--date', '2026-11-30']);
    refused(r);
    expect(r.stderr).toContain('before round 1');
    expect(r.stderr).toContain('on or after 2026-12-01');
    expect((await shown(s)).rounds.map((x: any) => x.date)).toEqual(['2026-12-01', '2026-12-08']);
    // The same day as the earlier round is fine.
    await s.ok(['edit', '1', '--date', '2026-12-01']);
    expect((await shown(s)).rounds.map((x: any) => x.date)).toEqual(['2026-12-01', '2026-12-01']);
  });

  test('--calls and --no-calls together exit 2 and change nothing', async () => {
    const s = await acme('2026-12-02');
    for (const args of [['--calls', '--no-calls'], ['--no-calls', '--calls']]) {
      const r = await s.run(['edit', '1', ...args]);
      refused(r);
      expect(r.stderr).toContain('--calls and --no-calls');
    }
    expect((await shown(s)).contacts[0].noCalls).toBe(false);
    await s.ok(['edit', '1', '--no-calls']);
    expect((await shown(s)).contacts[0].noCalls).toBe(true);
  });
});

describe('an email or phone that cannot be one is kept, with a warning', () => {
  test('add warns on stderr for each, and records them as typed', async () => {
    const s = sandbox('2026-12-02');
    const r = await s.ok([
      'add', '--company', 'Acme', '--role', 'Backend Engineer', '--date', '2026-11-30',
      '--hiring-manager', 'Dana Reyes', '--phone', 'dana@acme.example', '--email', '+1 555 0100',
      '--hr', 'Sam Lee', '--hr-phone', '+1 (555) 010-0200 ext. 12', '--hr-email', 'sam@acme.example',
    ]);
    expect(r.stderr).toContain('warning: --phone "dana@acme.example" does not look like a phone number');
    expect(r.stderr).toContain('warning: --email "+1 555 0100" does not look like an email address');
    expect(r.stderr).not.toContain('--hr-phone');
    expect(r.stderr).not.toContain('--hr-email');
    expect(r.stdout).not.toContain('warning');
    const dana = (await shown(s)).contacts.find((c: any) => c.name === 'Dana Reyes');
    expect(dana).toMatchObject({ phone: 'dana@acme.example', email: '+1 555 0100' });
  });

  test('edit warns too, and a plausible value gives no warning', async () => {
    const s = await acme('2026-12-02');
    const r = await s.ok(['edit', '1', '--email', 'dana at acme']);
    expect(r.stderr).toContain('warning: --email "dana at acme" does not look like an email address');
    const fine = await s.ok(['edit', '1', '--email', 'dana@acme.example', '--phone', '+44 20 7946 0958']);
    expect(fine.stderr).not.toContain('warning');
  });
});
