/**
 * `--today` with a past date replays what was known that day (cadence.md, top; issue 13): events
 * and outcomes dated later, rounds and contacts recorded later are left out of `today`, `list`,
 * `agenda` and `show`'s "what comes next"; and after a no-response close keep-in-touch follows
 * (rule 6) until the user records `withdrawn`.
 */
import { describe, expect, test } from 'vitest';
import { sandboxes, type Sandbox, type TodayJson } from './helpers.js';

const sandbox = sandboxes();

interface ListRow {
  id: number;
  status: string;
  rounds: number;
  lastInterview: string | null;
  next: { action: string; earliest: string; due: string } | null;
}

/**
 * The search, typed day by day: Acme (HR Jordan Kim known from the start, the hiring
 * manager Hank Scorpio learned on 17 Dec, rejected on 18 Dec); Globex recorded on 8 Dec with its
 * interview booked for 15 Dec; Initech's offer on 11 Dec (shared by Acme on the 15th), replaced by
 * a rejection on 16 Dec.
 */
async function search(): Promise<Sandbox> {
  const s = sandbox('2026-11-30');
  await s.ok(['add', '--company', 'Acme', '--role', 'Engineer', '--date', '2026-11-30', '--hr', 'Jordan Kim',
    '--hr-phone', '+1 555 0101', '--decision-by', '2026-12-04']);
  await s.ok(['add', '--company', 'Initech', '--role', 'Analyst', '--date', '2026-11-30', '--hiring-manager', 'Bill Lumbergh',
    '--email', 'bill@initech.example']);
  await s.ok(['log', '1', 'thanks-sent'], { today: '2026-12-01' });
  await s.ok(['log', '2', 'thanks-sent'], { today: '2026-12-01' });
  await s.ok(['log', '1', 'no-answer'], { today: '2026-12-07' });
  await s.ok(['add', '--company', 'Globex', '--role', 'Analyst', '--date', '2026-12-15', '--hiring-manager', 'Lee Chan',
    '--phone', '+1 555 0200'], { today: '2026-12-08' });
  await s.ok(['log', '1', 'voicemail'], { today: '2026-12-10' });
  await s.ok(['outcome', '2', 'offer'], { today: '2026-12-11' });
  await s.ok(['log', '1', 'offer-shared'], { today: '2026-12-15' });
  await s.ok(['outcome', '2', 'rejected', '--replace'], { today: '2026-12-16' });
  await s.ok(['edit', '1', '--hiring-manager', 'Hank Scorpio', '--phone', '+1 555 0199'], { today: '2026-12-17' });
  await s.ok(['outcome', '1', 'rejected'], { today: '2026-12-18' });
  return s;
}

describe('a past --today replays what was known that day', () => {
  test('today: later events, outcomes, rounds and contacts are left out', async () => {
    const s = await search();
    // 14 Dec: Acme was active, chased through HR (Hank was not known yet), voicemail on the 10th;
    // Initech's offer of the 11th was an offer then, still to share.
    const dec14 = await s.todayPlan('2026-12-14');
    const acme = dec14.items.filter((i) => i.id === 1);
    expect(acme.map((i) => i.action)).toEqual(['share-offer', 'check-status']);
    expect(acme[1].contact).toMatchObject({ name: 'Jordan Kim', role: 'hr' });
    expect(acme[1]).toMatchObject({ attempt: 3, earliest: '2026-12-14' });
    expect(dec14.items.some((i) => i.action === 'ask-feedback')).toBe(false);
    const dec10 = await s.todayPlan('2026-12-10');
    expect(dec10.items.some((i) => i.action === 'share-offer')).toBe(false);
    // Globex was recorded on 8 Dec: on the 7th it was not known, from the 8th its round is booked.
    const dec7 = await s.todayPlan('2026-12-07');
    expect([...dec7.items, ...dec7.waiting].some((i) => i.id === 3)).toBe(false);
    const dec9 = await s.todayPlan('2026-12-09');
    expect(dec9.waiting.map((w) => w.id)).toContain(3);
    // The real today (18 Dec): the rejection counts, and Initech's rejection replaced its offer.
    const dec18 = await s.todayPlan('2026-12-18');
    expect(dec18.items.filter((i) => i.id === 1).map((i) => i.action)).toEqual(['ask-feedback']);
    expect(dec18.items.filter((i) => i.id === 2).map((i) => i.action)).toEqual(['ask-feedback']);
    expect(dec18.items.some((i) => i.action === 'share-offer' || i.action === 'check-status' && i.id === 1)).toBe(false);
  });

  test('list and list --all show each application as it stood, and only those recorded by then', async () => {
    const s = await search();
    const all7 = await s.json<ListRow[]>(['list', '--all'], { today: '2026-12-07' });
    expect(all7.map((r) => [r.id, r.status])).toEqual([[1, 'active'], [2, 'active']]);
    const active12 = await s.json<ListRow[]>(['list'], { today: '2026-12-12' });
    expect(active12.map((r) => r.id)).toEqual([1, 3]);
    const all12 = await s.json<ListRow[]>(['list', '--all'], { today: '2026-12-12' });
    expect(all12.map((r) => [r.id, r.status])).toEqual([[1, 'active'], [2, 'offer'], [3, 'active']]);
    expect(all12[0].next).toMatchObject({ action: 'share-offer' });
    const all17 = await s.json<ListRow[]>(['list', '--all'], { today: '2026-12-17' });
    expect(all17.map((r) => [r.id, r.status])).toEqual([[1, 'active'], [2, 'rejected'], [3, 'active']]);
    const now = await s.json<ListRow[]>(['list', '--all'], { today: '2026-12-18' });
    expect(now.map((r) => [r.id, r.status])).toEqual([[1, 'rejected'], [2, 'rejected'], [3, 'active']]);
  });

  test("show's next steps and agenda replay too", async () => {
    const s = await search();
    const show = await s.json<{ status: string; next: { action: string }[] }>(['show', '1'], { today: '2026-12-14' });
    expect(show.next.map((n) => n.action)).toEqual(['share-offer', 'check-status']);
    const text = (await s.ok(['show', '1'], { today: '2026-12-14' })).stdout;
    expect(text).not.toMatch(/feedback/i);
    const agenda = await s.json<{ days: { date: string; items: { id: number; action: string }[] }[] }>(
      ['agenda', '--days', '5'],
      { today: '2026-12-14' },
    );
    const acme = agenda.days.flatMap((d) => d.items.filter((i) => i.id === 1).map((i) => i.action));
    expect(acme).toEqual(['share-offer', 'check-status']);
  });

  test('every day replays exactly what today --json said on it', async () => {
    const s = sandbox('2026-11-30');
    const said = new Map<string, TodayJson>();
    const days = ['2026-11-30', '2026-12-01', '2026-12-04', '2026-12-05', '2026-12-07', '2026-12-10', '2026-12-11', '2026-12-14'];
    const steps: Record<string, string[][]> = {
      '2026-11-30': [['add', '--company', 'Acme', '--role', 'Engineer', '--date', '2026-11-30', '--hr', 'Jordan Kim',
        '--hr-phone', '+1 555 0101', '--decision-by', '2026-12-04']],
      '2026-12-01': [['log', '1', 'thanks-sent']],
      '2026-12-04': [['add', '--company', 'Globex', '--role', 'Analyst', '--date', '2026-12-09', '--hiring-manager', 'Lee Chan']],
      '2026-12-07': [['log', '1', 'no-answer']],
      '2026-12-10': [['log', '1', 'spoke', '--new-date', '2026-12-16'], ['log', '2', 'thanks-sent']],
      '2026-12-11': [['outcome', '2', 'offer']],
      '2026-12-14': [['edit', '1', '--hiring-manager', 'Hank Scorpio', '--phone', '+1 555 0199'], ['outcome', '1', 'rejected']],
    };
    for (const day of days) {
      for (const args of steps[day] ?? []) await s.ok(args, { today: day });
      said.set(day, await s.todayPlan(day));
    }
    for (const day of days) expect(await s.todayPlan(day), day).toEqual(said.get(day));
  });
});

describe('rule 6: after a no-response close, keep-in-touch until withdrawn', () => {
  async function closed(): Promise<Sandbox> {
    const s = sandbox('2026-11-30');
    await s.ok(['add', '--company', 'Acme', '--role', 'Engineer', '--date', '2026-11-30', '--hiring-manager', 'Dana Reyes',
      '--phone', '+1 555 0100']);
    await s.ok(['log', '1', 'thanks-sent'], { today: '2026-12-01' });
    // Closed on Fri 18 Dec: 90 days on is Thu 18 Mar 2027.
    await s.ok(['log', '1', 'loop-closed'], { today: '2026-12-18' });
    return s;
  }

  test('listed from the next working day of the last event + keepInTouchDays, due 5 working days later', async () => {
    const s = await closed();
    expect((await s.todayPlan('2027-03-17')).items).toEqual([]);
    const on = await s.todayPlan('2027-03-18');
    expect(on.items).toEqual([
      expect.objectContaining({ id: 1, action: 'keep-in-touch', earliest: '2027-03-18', due: '2027-03-25', overdue: false }),
    ]);
    expect(on.items[0].contact).toMatchObject({ name: 'Dana Reyes' });
    expect((await s.todayPlan('2027-03-26')).items[0]).toMatchObject({ action: 'keep-in-touch', overdue: true });
    const list = await s.json<ListRow[]>(['list', '--all'], { today: '2027-03-18' });
    expect(list[0]).toMatchObject({ status: 'no-response', next: { action: 'keep-in-touch', earliest: '2027-03-18' } });
  });

  test('a kept-in-touch restarts the timer; withdrawn ends it for good', async () => {
    const s = await closed();
    await s.ok(['log', '1', 'kept-in-touch'], { today: '2027-03-19' });
    // 19 Mar + 90 days = Thu 17 Jun.
    expect((await s.todayPlan('2027-06-16')).items).toEqual([]);
    expect((await s.todayPlan('2027-06-17')).items.map((i) => i.action)).toEqual(['keep-in-touch']);
    await s.ok(['outcome', '1', 'withdrawn'], { today: '2027-06-17' });
    for (const day of ['2027-06-17', '2027-09-20', '2028-01-10']) expect((await s.todayPlan(day)).items, day).toEqual([]);
    // Replayed, the days before the withdrawal still list it.
    expect((await s.todayPlan('2027-06-16')).items).toEqual([]);
    expect((await s.todayPlan('2027-03-18')).items.map((i) => i.action)).toEqual(['keep-in-touch']);
  });
});
