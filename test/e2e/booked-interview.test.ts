/**
 * A booked interview through the command line (cadence.md rule 14, issue 14): `add` with a date
 * after the day it is recorded books the round; `today` (text and --json), `agenda` and `show`
 * say when it is, with whom and what to prepare, and the chase waits for it.
 */
import { describe, expect, test } from 'vitest';
import { ADD_ACME, itemsOf, sandboxes, type Sandbox } from './helpers.js';

const sandbox = sandboxes();

/** Acme round 1 on Mon 30 Nov (thanked), round 2 booked on Wed 2 Dec: video, Tue 8 Dec 15:00, with Priya Shah. */
async function booked(): Promise<Sandbox> {
  const s = sandbox('2026-12-07');
  await s.ok(ADD_ACME, { today: '2026-11-30' });
  await s.ok(['log', '1', 'thanks-sent', '--date', '2026-11-30'], { today: '2026-11-30' });
  await s.ok(
    [
      'add', '--company', 'Acme', '--role', 'Backend Engineer', '--date', '2026-12-08', '--time', '15:00', '--kind', 'video',
      '--interviewer', 'Priya Shah', '--need', 'a design for scaling the queue', '--next-steps', 'meet the CTO',
    ],
    { today: '2026-12-02' },
  );
  return s;
}

describe('a booked interview', () => {
  test('today --json: prepare-interview from the working day before, with its facts; the chase waits', async () => {
    const s = await booked();
    expect(itemsOf(await s.todayPlan('2026-12-04'), 'prepare-interview')).toEqual([]);
    const plan = await s.todayPlan('2026-12-07');
    const [item] = itemsOf(plan, 'prepare-interview');
    expect(item).toMatchObject({ id: 1, earliest: '2026-12-07', due: '2026-12-08', overdue: false, channel: null, attempt: null });
    expect(item.reason).toBe(
      'Video interview (round 2) on Tue 8 Dec at 15:00 with Priya Shah. Prepare what they said they need ' +
        '(a design for scaling the queue) and the next steps they named (meet the CTO).',
    );
    expect((item as unknown as { command: string }).command).toBe('followup show 1');
    expect(plan.waiting).toEqual([
      expect.objectContaining({
        id: 1,
        next: '2026-12-16',
        action: 'check-status',
        interview: { round: 2, date: '2026-12-08', time: '15:00', kind: 'video' },
      }),
    ]);
    expect((plan.waiting[0] as unknown as { reason: string }).reason).toMatch(/^video interview \(round 2\) on Tue 8 Dec at 15:00; /);
    // The day of: still listed, with its thank-you; the day after: gone.
    expect((await s.todayPlan('2026-12-08')).items.map((i) => i.action)).toEqual(['prepare-interview', 'send-thanks']);
    expect((await s.todayPlan('2026-12-09')).items.map((i) => i.action)).toEqual(['send-thanks']);
  });

  test('today in text: what to do, its contact, why, the help command and no log step', async () => {
    const s = await booked();
    const out = (await s.ok(['today'])).stdout;
    expect(out).toContain('1. Prepare for the interview\n    Acme, Backend Engineer (#1)');
    expect(out).toContain('contact Dana Reyes (hiring manager), +1 555 0100 · due Tue 8 Dec');
    expect(out).toContain('help: followup show 1');
    expect(out).not.toContain('then: followup log 1');
    expect(out.replace(/\s+/g, ' ')).toContain('#1 Acme, Backend Engineer: next chase from Wed 16 Dec; video interview (round 2) on Tue 8 Dec at 15:00');
  });

  test('agenda shows it on its day with its time; show marks the round booked', async () => {
    const s = await booked();
    const agenda = (await s.ok(['agenda', '--days', '7'], { today: '2026-12-03' })).stdout;
    expect(agenda).toMatch(/Tue 8 Dec\s*\n\s+due\s+Prepare for the interview \(interview at 15:00\), Acme \(#1\)/);
    const json = await s.json(['agenda', '--days', '7'], { today: '2026-12-03' });
    const tue = json.days.find((d: { date: string }) => d.date === '2026-12-08');
    expect(tue.items.map((i: { action: string }) => i.action)).toEqual(['prepare-interview']);
    const show = (await s.ok(['show', '1'], { today: '2026-12-03' })).stdout;
    expect(show).toContain('Booked: interview round 2 (video, 15:00) with Priya Shah');
    expect((await s.ok(['show', '1'], { today: '2026-12-09' })).stdout).toContain('Interview round 2 (video, 15:00)');
  });

  test('an interview on a Sunday: agenda on the Saturday does not carry it to the Monday, as today does not', async () => {
    const s = sandbox('2026-12-12');
    await s.ok(ADD_ACME, { today: '2026-11-30' });
    await s.ok(['add', '--company', 'Acme', '--role', 'Backend Engineer', '--date', '2026-12-13'], { today: '2026-12-09' });
    expect(itemsOf(await s.todayPlan('2026-12-11'), 'prepare-interview')).toHaveLength(1);
    const agenda = await s.json(['agenda', '--days', '3']);
    const actions = agenda.days.flatMap((d: { items: { action: string }[] }) => d.items.map((i) => i.action));
    expect(actions).not.toContain('prepare-interview');
    expect((await s.todayPlan('2026-12-12')).items).toEqual([]);
  });

  test('a round added on its own day is not booked: nothing to prepare', async () => {
    const s = sandbox('2026-12-08');
    await s.ok(ADD_ACME, { today: '2026-11-30' });
    await s.ok(['add', '--company', 'Acme', '--role', 'Backend Engineer', '--date', '2026-12-08']);
    expect(itemsOf(await s.todayPlan('2026-12-08'), 'prepare-interview')).toEqual([]);
  });
});
