/** `followup log` and `followup outcome` through the command line (in-process). */
import { describe, expect, test } from 'vitest';
import { ADD_ACME, ADD_GLOBEX, STACK_LINE, itemsOf, parseJson, sandboxes, type Sandbox } from './helpers.js';

const sandbox = sandboxes();

const EVENTS = [
  'thanks-sent',
  'no-answer',
  'voicemail',
  'emailed',
  'spoke',
  'feedback-asked',
  'feedback-received',
  'offer-shared',
  'kept-in-touch',
  'loop-closed',
];

interface ShownEvent {
  type: string;
  date: string;
  withName: string | null;
  note: string | null;
  newDate: string | null;
}

async function acme(today = '2026-12-07'): Promise<Sandbox> {
  const s = sandbox(today);
  await s.ok(ADD_ACME);
  return s;
}

async function events(s: Sandbox, ref = '1'): Promise<ShownEvent[]> {
  return (await s.json(['show', ref])).events as ShownEvent[];
}

describe('followup log', () => {
  test('accepts every event type and records each one', async () => {
    const s = await acme('2026-12-31');
    for (const [i, type] of EVENTS.entries()) {
      const date = `2026-12-${String(7 + i).padStart(2, '0')}`;
      const r = await s.run(['log', '1', type, '--date', date]);
      expect(r.status, `${type}: ${r.stderr}`).toBe(0);
    }
    const logged = await events(s);
    expect(logged.map((e) => e.type)).toEqual(EVENTS);
    expect(logged.map((e) => e.date)).toEqual(EVENTS.map((_, i) => `2026-12-${String(7 + i).padStart(2, '0')}`));
    // loop-closed closes the application as no response.
    expect((await s.json(['show', '1'])).status).toBe('no-response');
  });

  test('records --with and --note, and says what was logged', async () => {
    const s = await acme();
    const r = await s.ok(['log', 'acme', 'no-answer', '--with', 'Dana Reyes', '--note', 'rang twice, "no" voicemail box']);
    expect(r.stdout).toContain('no-answer');
    expect(await events(s)).toEqual([
      expect.objectContaining({
        type: 'no-answer',
        date: '2026-12-07',
        withName: 'Dana Reyes',
        note: 'rang twice, "no" voicemail box',
        newDate: null,
      }),
    ]);
  });

  test('--json prints one JSON document on stdout', async () => {
    const s = await acme();
    const out = await s.json(['log', '1', 'no-answer']);
    expect(out).toMatchObject({ id: 1, company: 'Acme', event: { type: 'no-answer', date: '2026-12-07' } });
  });

  test('an unknown event exits 2, lists the events and records nothing', async () => {
    const s = await acme();
    const r = await s.run(['log', '1', 'phoned']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('phoned');
    expect(r.stderr).toContain('no-answer');
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(await events(s)).toEqual([]);
  });

  test('a chase before the decision date has passed is recorded with a warning, exit 0', async () => {
    const s = await acme('2026-12-02');
    const r = await s.run(['log', '1', 'no-answer', '--date', '2026-12-02']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warn/i);
    // When the next contact would have been allowed: Mon 7 Dec.
    expect(r.stderr).toContain('7 Dec');
    // ... and why chasing more often reads as pressure.
    expect(r.stderr).toMatch(/pressure/i);
    expect(r.stdout).not.toMatch(/warn/i);
    expect((await events(s)).map((e) => [e.type, e.date])).toEqual([['no-answer', '2026-12-02']]);
  });

  test('a chase less than minGapDays after the previous one is recorded with a warning', async () => {
    const s = await acme('2026-12-08');
    await s.ok(['log', '1', 'no-answer', '--date', '2026-12-07']);
    const r = await s.run(['log', '1', 'voicemail', '--date', '2026-12-08']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warn/i);
    expect(r.stderr).toContain('10 Dec');
    expect(r.stderr).toMatch(/pressure/i);
    expect((await events(s)).map((e) => e.type)).toEqual(['no-answer', 'voicemail']);
  });

  test('a chase on a weekend is recorded with a warning', async () => {
    const s = await acme('2026-12-07');
    // Sat 5 Dec: the decision date (Fri 4 Dec) has passed, but it is not a working day.
    const r = await s.run(['log', '1', 'no-answer', '--date', '2026-12-05']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warn/i);
    expect(r.stderr).toContain('7 Dec');
    expect((await events(s)).map((e) => [e.type, e.date])).toEqual([['no-answer', '2026-12-05']]);
  });

  test('a chase logged when the rules allow it gives no warning', async () => {
    const s = await acme('2026-12-07');
    const r = await s.run(['log', '1', 'no-answer']);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/warn/i);
    const thanks = await s.run(['log', '1', 'thanks-sent', '--date', '2026-11-30']);
    expect(thanks.stderr).not.toMatch(/warn/i);
  });

  test('with --json, the warning goes to stderr and stdout stays one JSON document', async () => {
    const s = await acme('2026-12-02');
    const r = await s.run(['log', '1', 'emailed', '--json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warn/i);
    expect(parseJson(r.stdout).event.type).toBe('emailed');
  });

  test('--new-date goes with spoke and sets the decision date', async () => {
    const s = await acme('2026-12-10');
    await s.ok(['log', '1', 'spoke', '--date', '2026-12-10', '--new-date', '2026-12-16']);
    expect(await events(s)).toEqual([expect.objectContaining({ type: 'spoke', date: '2026-12-10', newDate: '2026-12-16' })]);
    const plan = await s.todayPlan('2026-12-11');
    expect(plan.waiting.map((w) => w.next)).toEqual(['2026-12-17']);
  });

  test.each(['no-answer', 'thanks-sent', 'emailed'])('--new-date with %s exits 2 and records nothing', async (type) => {
    const s = await acme('2026-12-10');
    const r = await s.run(['log', '1', type, '--new-date', '2026-12-16']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--new-date');
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(await events(s)).toEqual([]);
  });

  test('friendlier dates are resolved against --today and echoed back', async () => {
    const s = await acme('2026-12-07');
    // Issue 13: a bare weekday in log is the most recent one (Fri 4 Dec on Mon 7 Dec), and a date
    // after today is refused (+3d was accepted before; it is in test/e2e/dates.test.ts now).
    const cases: [string, string][] = [
      ['yesterday', '2026-12-06'],
      ['fri', '2026-12-04'],
      ['-2d', '2026-12-05'],
      ['today', '2026-12-07'],
    ];
    for (const [typed, date] of cases) {
      const r = await s.run(['log', '1', 'kept-in-touch', '--date', typed]);
      expect(r.status, typed).toBe(0);
      if (typed !== 'today') expect(r.stderr, typed).toContain(date);
    }
    expect((await events(s)).map((e) => e.date)).toEqual(['2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07']);
  });

  test('a bad --date exits 2 and records nothing', async () => {
    const s = await acme();
    const r = await s.run(['log', '1', 'no-answer', '--date', '2026-02-30']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('2026-02-30');
    expect(await events(s)).toEqual([]);
  });

  test('an unknown reference exits 2', async () => {
    const s = await acme();
    for (const ref of ['7', 'umbrella']) {
      const r = await s.run(['log', ref, 'no-answer']);
      expect(r.status, ref).toBe(2);
      expect(r.stderr, ref).toContain(ref);
      expect(r.stderr).not.toContain(STACK_LINE);
    }
    expect(await events(s)).toEqual([]);
  });
});

describe('followup outcome', () => {
  test.each(['offer', 'rejected', 'withdrawn'])('%s is recorded and becomes the status', async (outcome) => {
    const s = await acme('2026-12-11');
    const r = await s.ok(['outcome', 'acme', outcome, '--date', '2026-12-11', '--note', 'by phone']);
    expect(r.stdout).toContain(outcome);
    const shown = await s.json(['show', '1']);
    expect(shown.status).toBe(outcome);
    expect((await s.json<{ id: number; status: string }[]>(['list', '--all'])).map((a) => [a.id, a.status])).toEqual([[1, outcome]]);
    // It is no longer active.
    expect(await s.json<unknown[]>(['list'])).toEqual([]);
  });

  test('--json prints one JSON document with the new status', async () => {
    const s = await acme('2026-12-11');
    expect(await s.json(['outcome', '1', 'rejected'])).toMatchObject({ id: 1, company: 'Acme', status: 'rejected' });
  });

  test('offer and withdrawn list nothing for themselves (rule 10)', async () => {
    const s = sandbox('2026-12-02');
    await s.ok(ADD_ACME);
    await s.ok(ADD_GLOBEX);
    // Both thank-yous are pending on 2 Dec.
    expect((await s.todayPlan('2026-12-02')).items.map((i) => i.id)).toEqual([1, 2]);
    await s.ok(['outcome', '1', 'offer', '--date', '2026-12-02']);
    await s.ok(['outcome', '2', 'withdrawn', '--date', '2026-12-02']);
    for (const date of ['2026-12-02', '2026-12-09', '2026-12-21']) {
      const plan = await s.todayPlan(date);
      expect(plan.items, date).toEqual([]);
      expect(plan.waiting, date).toEqual([]);
    }
  });

  test('an unknown outcome exits 2 and changes nothing', async () => {
    const s = await acme('2026-12-11');
    const r = await s.run(['outcome', '1', 'hired']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('hired');
    expect(r.stderr).not.toContain(STACK_LINE);
    expect((await s.json(['show', '1'])).status).toBe('active');
  });

  async function twoRejected(): Promise<Sandbox> {
    const s = sandbox('2026-12-11');
    await s.ok(ADD_ACME);
    await s.ok(ADD_GLOBEX);
    await s.ok(['outcome', '1', 'rejected', '--date', '2026-12-11']);
    await s.ok(['outcome', '2', 'rejected', '--date', '2026-12-11', '--not-interested']);
    return s;
  }

  test('--not-interested with rejected: no keep-in-touch reminders', async () => {
    const s = await twoRejected();
    // Only the interested one gets a keep-in-touch note 90 days on.
    expect(itemsOf(await s.todayPlan('2027-03-11'), 'keep-in-touch').map((i) => i.id)).toEqual([1]);
    expect((await s.json(['show', '2'])).status).toBe('rejected');
    expect((await s.json(['show', '2'])).notInterested).toBe(true);
  });

  test('--not-interested stops only keep-in-touch: the ask-feedback letter is still listed (rule 8)', async () => {
    const s = await twoRejected();
    expect(itemsOf(await s.todayPlan('2026-12-11'), 'ask-feedback').map((i) => [i.id, i.earliest, i.due])).toEqual([
      [1, '2026-12-11', '2026-12-15'],
      [2, '2026-12-11', '2026-12-15'],
    ]);
  });

  test('after loop-closed, a later outcome replaces no-response', async () => {
    const s = await acme('2026-12-21');
    await s.ok(['log', '1', 'loop-closed']);
    expect((await s.json(['show', '1'])).status).toBe('no-response');
    // Recorded on the day (issue 13: an outcome dated after today is refused).
    await s.ok(['outcome', '1', 'offer', '--date', '2027-01-05'], { today: '2027-01-05' });
    expect((await s.json(['show', '1'])).status).toBe('offer');
  });

  test('feedback received: thank them for it (rule 8)', async () => {
    const s = await acme('2026-12-11');
    await s.ok(['outcome', '1', 'rejected', '--date', '2026-12-11']);
    await s.ok(['log', '1', 'feedback-asked', '--date', '2026-12-11']);
    // Recorded on the day (issue 13: an event dated after today is refused).
    await s.ok(['log', '1', 'feedback-received', '--date', '2026-12-18'], { today: '2026-12-18' });
    const thank = itemsOf(await s.todayPlan('2026-12-18'), 'thank-for-feedback');
    expect(thank).toHaveLength(1);
    expect(thank[0]).toMatchObject({ id: 1, earliest: '2026-12-18', due: '2026-12-21', channel: null, attempt: null });
    await s.ok(['log', '1', 'thanks-sent', '--date', '2026-12-18'], { today: '2026-12-18' });
    expect(itemsOf(await s.todayPlan('2026-12-21'), 'thank-for-feedback')).toEqual([]);
  });
});
