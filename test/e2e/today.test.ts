/** `followup today`: the text list and the documented --json shape. */
import { describe, expect, test } from 'vitest';
import { ADD_ACME, ADD_GLOBEX, parseJson, runRaw, sandboxes, type Sandbox } from './helpers.js';

const sandbox = sandboxes();

/** Acme on its first chase day (7 Dec), Globex still waiting (no date given: next 9 Dec). */
async function twoApplications(): Promise<Sandbox> {
  const s = sandbox('2026-12-07');
  // Each recorded on its interview's day, so that a plan of any day since knows both.
  await s.ok(ADD_ACME, { today: '2026-11-30' });
  await s.ok(ADD_GLOBEX, { today: '2026-12-01' });
  await s.ok(['log', '1', 'thanks-sent', '--date', '2026-11-30']);
  await s.ok(['log', '2', 'thanks-sent', '--date', '2026-12-01']);
  return s;
}

const ACTIONS = ['send-thanks', 'check-status', 'close-loop', 'ask-feedback', 'thank-for-feedback', 'share-offer', 'keep-in-touch'];

const isDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

describe('followup today --json', () => {
  test('prints exactly the documented shape, and only JSON on stdout', async () => {
    const s = await twoApplications();
    const r = await s.ok(['today', '--json']);
    expect(r.stdout.trim().startsWith('{')).toBe(true);
    expect(r.stdout.trim().endsWith('}')).toBe(true);
    const plan = parseJson<Record<string, unknown>>(r.stdout);

    expect(plan).toMatchObject({ date: '2026-12-07', workday: true });
    expect(Array.isArray(plan.items)).toBe(true);
    expect(Array.isArray(plan.waiting)).toBe(true);

    const items = plan.items as Record<string, unknown>[];
    expect(items).toHaveLength(1);
    const item = items[0];
    for (const key of ['id', 'company', 'role', 'action', 'earliest', 'due', 'overdue', 'attempt', 'channel', 'contact', 'reason']) {
      expect(item, key).toHaveProperty(key);
    }
    expect(item).toMatchObject({
      id: 1,
      company: 'Acme',
      role: 'Backend Engineer',
      action: 'check-status',
      earliest: '2026-12-07',
      due: '2026-12-08',
      overdue: false,
      attempt: 1,
      channel: 'phone',
    });
    expect(item.contact).toEqual(
      expect.objectContaining({ name: 'Dana Reyes', role: 'hiring-manager', phone: '+1 555 0100', email: null }),
    );
    for (const key of ['name', 'role', 'phone', 'email']) expect(item.contact, key).toHaveProperty(key);
    expect(typeof item.reason).toBe('string');
    expect((item.reason as string).length).toBeGreaterThan(10);

    expect(plan.waiting).toEqual([expect.objectContaining({ id: 2, company: 'Globex', role: 'Analyst', next: '2026-12-09' })]);
    for (const w of plan.waiting as Record<string, unknown>[]) {
      for (const key of ['id', 'company', 'role', 'next']) expect(w, key).toHaveProperty(key);
      expect(isDate(w.next)).toBe(true);
    }
  });

  test('letters have attempt null and channel null; every action is one of the documented ones', async () => {
    const s = sandbox('2026-12-02');
    await s.ok(ADD_ACME);
    await s.ok(ADD_GLOBEX);
    const plan = await s.todayPlan('2026-12-02');
    expect(plan.items.map((i) => [i.id, i.action, i.overdue])).toEqual([
      [1, 'send-thanks', true],
      [2, 'send-thanks', false],
    ]);
    for (const i of plan.items) {
      expect(ACTIONS).toContain(i.action);
      expect(i.attempt).toBeNull();
      expect(i.channel).toBeNull();
      expect(isDate(i.earliest) && isDate(i.due)).toBe(true);
      expect(['hiring-manager', 'hr', 'interviewer', 'recruiter']).toContain(i.contact!.role);
    }
  });

  test('overdue items come first (rule 13)', async () => {
    const s = await twoApplications();
    // Globex: round 2 today (booked ahead, so prepared for: rule 14); Acme's chase from 7 Dec is overdue on 9 Dec.
    await s.ok(['add', '--company', 'Globex', '--role', 'Analyst', '--date', '2026-12-09', '--decision-by', '2026-12-18']);
    const plan = await s.todayPlan('2026-12-09');
    expect(plan.items.map((i) => [i.id, i.action, i.overdue])).toEqual([
      [1, 'check-status', true],
      [2, 'prepare-interview', false],
      [2, 'send-thanks', false],
    ]);
  });

  test('--today after the command and FOLLOWUP_TODAY work like the global flag', async () => {
    const s = await twoApplications();
    const after = await runRaw(['--db', s.db, 'today', '--json', '--today', '2026-12-09'], { env: s.env() });
    expect(after.status).toBe(0);
    expect(parseJson(after.stdout).date).toBe('2026-12-09');
    const viaEnv = await runRaw(['--db', s.db, 'today', '--json'], { env: s.env({ FOLLOWUP_TODAY: '2026-12-10' }) });
    expect(viaEnv.status).toBe(0);
    expect(parseJson(viaEnv.stdout).date).toBe('2026-12-10');
  });

  test('a bad --today exits 2', async () => {
    const s = sandbox();
    const r = await s.run(['today'], { today: '2026-02-30' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('2026-02-30');
  });
});

describe('followup today (text)', () => {
  test('names the company and role, what to do, whom and how, why, and the helping command; then who is waiting', async () => {
    const s = await twoApplications();
    const r = await s.ok(['today']);
    const out = r.stdout;
    expect(out).toContain('Acme');
    expect(out).toContain('Backend Engineer');
    expect(out).toContain('Dana Reyes');
    expect(out).toContain('+1 555 0100');
    expect(out).toMatch(/call/i);
    expect(out).toMatch(/why/i);
    expect(out).toContain('followup draft');
    expect(out).toMatch(/followup draft \S+ 1/);
    // Waiting: Globex with the date of its next possible chase.
    expect(out).toMatch(/Waiting/i);
    expect(out).toMatch(/Globex[^\n]*\n?[^\n]*9 Dec/);
    expect(r.stderr).not.toContain('Dana Reyes');
  });

  test('with nothing to do it says so', async () => {
    const s = sandbox('2026-12-02');
    const r = await s.ok(['today']);
    expect(r.stdout).toMatch(/nobody|nothing/i);
  });

  test('on a weekend: no items, when the next working day is and how many items are lined up for it', async () => {
    const s = await twoApplications();
    const r = await s.ok(['today'], { today: '2026-12-05' });
    expect(r.stdout).toMatch(/7 Dec/);
    expect(r.stdout).toMatch(/\b1 item/);
    expect(r.stdout).not.toContain('Dana Reyes');
    const plan = await s.todayPlan('2026-12-05');
    expect(plan.workday).toBe(false);
    expect(plan.items).toEqual([]);
  });
});
