/** `followup list`, `show` and `edit` through the command line (in-process). */
import { describe, expect, test } from 'vitest';
import { ADD_ACME, ADD_GLOBEX, STACK_LINE, itemsOf, sandboxes, type Sandbox } from './helpers.js';

const sandbox = sandboxes();

interface ListRow {
  id: number;
  company: string;
  role: string;
  status: string;
}

/** Acme active, Globex rejected, Initech closed as no response, Hooli active. */
async function fourApplications(): Promise<Sandbox> {
  const s = sandbox('2026-12-21');
  await s.ok(ADD_ACME);
  await s.ok(ADD_GLOBEX);
  await s.ok(['add', '--company', 'Initech', '--role', 'QA Lead', '--date', '2026-12-01']);
  await s.ok(['add', '--company', 'Hooli', '--role', 'Frontend Engineer', '--date', '2026-12-02']);
  await s.ok(['outcome', '2', 'rejected', '--date', '2026-12-11']);
  await s.ok(['log', '3', 'loop-closed', '--date', '2026-12-21']);
  return s;
}

describe('followup list', () => {
  test('--json: the active applications as objects with id, company, role, status', async () => {
    const s = await fourApplications();
    const rows = await s.json<ListRow[]>(['list']);
    expect(rows.map((r) => ({ id: r.id, company: r.company, role: r.role, status: r.status }))).toEqual([
      { id: 1, company: 'Acme', role: 'Backend Engineer', status: 'active' },
      { id: 4, company: 'Hooli', role: 'Frontend Engineer', status: 'active' },
    ]);
  });

  test('--all --json: every application with its status', async () => {
    const s = await fourApplications();
    const rows = await s.json<ListRow[]>(['list', '--all']);
    expect(rows.map((r) => [r.id, r.company, r.role, r.status])).toEqual([
      [1, 'Acme', 'Backend Engineer', 'active'],
      [2, 'Globex', 'Analyst', 'rejected'],
      [3, 'Initech', 'QA Lead', 'no-response'],
      [4, 'Hooli', 'Frontend Engineer', 'active'],
    ]);
  });

  test('text: one line per active application; --all adds the ended ones', async () => {
    const s = await fourApplications();
    const active = (await s.ok(['list'])).stdout;
    expect(active).toContain('Acme');
    expect(active).toContain('Hooli');
    expect(active).not.toContain('Globex');
    expect(active).not.toContain('Initech');
    const all = (await s.ok(['list', '--all'])).stdout;
    for (const company of ['Acme', 'Globex', 'Initech', 'Hooli']) expect(all).toContain(company);
    expect(all).toContain('rejected');
  });

  test('text: exactly one line for each active application', async () => {
    const s = await fourApplications();
    const lines = (await s.ok(['list'])).stdout.split('\n').filter((l) => l.trim() !== '');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('Acme');
    expect(lines[1]).toContain('Hooli');
  });

  test('an empty store lists nothing', async () => {
    const s = sandbox();
    expect(await s.json(['list'])).toEqual([]);
    expect(await s.json(['list', '--all'])).toEqual([]);
    expect((await s.ok(['list'])).status).toBe(0);
  });
});

describe('followup show', () => {
  async function recorded(): Promise<Sandbox> {
    const s = sandbox('2026-12-11');
    await s.ok([...ADD_ACME, '--hr', 'Sam Lee', '--hr-email', 'sam@acme.example', '--need', 'on-call experience', '--notes', 'met the team']);
    await s.ok(['log', '1', 'thanks-sent', '--date', '2026-12-01']);
    await s.ok(['log', '1', 'no-answer', '--date', '2026-12-07', '--note', 'rang at ten']);
    await s.ok(['log', '1', 'spoke', '--date', '2026-12-10', '--with', 'Dana Reyes', '--new-date', '2026-12-16']);
    return s;
  }

  test('--json: one object with id, company, role, status, rounds, contacts, events', async () => {
    const s = await recorded();
    const app = await s.json(['show', '1']);
    expect(app).toMatchObject({ id: 1, company: 'Acme', role: 'Backend Engineer', status: 'active' });
    expect(app.rounds).toEqual([expect.objectContaining({ date: '2026-11-30', decisionBy: '2026-12-04' })]);
    expect(app.contacts.map((c: { name: string; role: string }) => [c.name, c.role])).toEqual([
      ['Dana Reyes', 'hiring-manager'],
      ['Sam Lee', 'hr'],
    ]);
    expect(app.events.map((e: { type: string; date: string }) => [e.type, e.date])).toEqual([
      ['thanks-sent', '2026-12-01'],
      ['no-answer', '2026-12-07'],
      ['spoke', '2026-12-10'],
    ]);
    // By company prefix too, same object.
    expect(await s.json(['show', 'ACM'])).toEqual(app);
  });

  test('text: contacts, needs and a dated timeline in order, then what comes next', async () => {
    const s = await recorded();
    await s.ok(['outcome', '1', 'rejected', '--date', '2026-12-11', '--note', 'internal candidate']);
    const out = (await s.ok(['show', '1'])).stdout;
    expect(out).toContain('Acme');
    expect(out).toContain('Backend Engineer');
    expect(out).toContain('Dana Reyes');
    expect(out).toContain('Sam Lee');
    expect(out).toContain('on-call experience');
    const order = ['30 Nov', 'thanks-sent', 'no-answer', 'rang at ten', 'spoke', 'internal candidate'].map((t) => out.indexOf(t));
    for (const i of order) expect(i).toBeGreaterThanOrEqual(0);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(out).toMatch(/1 Dec[^\n]*thanks-sent/);
    expect(out).toMatch(/7 Dec[^\n]*no-answer/);
    expect(out).toMatch(/11 Dec[^\n]*rejected/);
    expect(out).toMatch(/feedback/i);
  });

  test('an unknown reference exits 2 and says what to type', async () => {
    const s = await recorded();
    for (const ref of ['99', 'umbrella']) {
      const r = await s.run(['show', ref]);
      expect(r.status, ref).toBe(2);
      expect(r.stderr).toContain('followup list');
      expect(r.stderr).not.toContain(STACK_LINE);
      expect(r.stdout).toBe('');
    }
  });

  test('an ambiguous prefix exits 2 listing the candidates', async () => {
    const s = sandbox('2026-12-02');
    await s.ok(ADD_GLOBEX);
    await s.ok(['add', '--company', 'Global Corp', '--role', 'Analyst', '--date', '2026-12-01']);
    const r = await s.run(['show', 'glo']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Globex');
    expect(r.stderr).toContain('Global Corp');
    expect(r.stderr).not.toContain(STACK_LINE);
    // The unique prefix and the number work.
    expect((await s.json(['show', 'globa'])).company).toBe('Global Corp');
    expect((await s.json(['show', '1'])).company).toBe('Globex');
  });
});

describe('followup edit', () => {
  test('--decision-by changes the plan', async () => {
    const s = sandbox('2026-12-02');
    await s.ok(ADD_ACME);
    await s.ok(['log', '1', 'thanks-sent', '--date', '2026-11-30']);
    expect((await s.todayPlan('2026-12-02')).waiting.map((w) => w.next)).toEqual(['2026-12-07']);
    await s.ok(['edit', '1', '--decision-by', '2026-12-09']);
    expect((await s.json(['show', '1'])).rounds[0].decisionBy).toBe('2026-12-09');
    expect((await s.todayPlan('2026-12-02')).waiting.map((w) => w.next)).toEqual(['2026-12-10']);
    expect(itemsOf(await s.todayPlan('2026-12-07'), 'check-status')).toEqual([]);
    expect(itemsOf(await s.todayPlan('2026-12-10'), 'check-status')[0]).toMatchObject({ earliest: '2026-12-10', due: '2026-12-11' });
  });

  test('--no-calls switches the chase to email, --calls back to phone', async () => {
    const s = sandbox('2026-12-07');
    await s.ok([...ADD_ACME, '--email', 'dana@acme.example']);
    await s.ok(['log', '1', 'thanks-sent', '--date', '2026-11-30']);
    const channel = async () => itemsOf(await s.todayPlan('2026-12-07'), 'check-status').map((i) => i.channel);
    expect(await channel()).toEqual(['phone']);
    await s.ok(['edit', '1', '--no-calls']);
    expect(await channel()).toEqual(['email']);
    expect((await s.json(['show', '1'])).contacts[0]).toMatchObject({ name: 'Dana Reyes', noCalls: true });
    await s.ok(['edit', 'acme', '--calls', '--contact', 'Dana Reyes']);
    expect(await channel()).toEqual(['phone']);
  });

  test('--no-calls --contact picks the named contact', async () => {
    const s = sandbox('2026-12-07');
    await s.ok([...ADD_ACME, '--hr', 'Sam Lee', '--hr-phone', '+1 555 0111']);
    await s.ok(['edit', '1', '--no-calls', '--contact', 'Sam Lee']);
    const contacts = (await s.json(['show', '1'])).contacts as { name: string; noCalls: boolean }[];
    expect(contacts.map((c) => [c.name, c.noCalls])).toEqual([
      ['Dana Reyes', false],
      ['Sam Lee', true],
    ]);
  });

  test('contacts, needs and notes can be changed', async () => {
    const s = sandbox('2026-12-07');
    await s.ok(ADD_ACME);
    await s.ok(['edit', '1', '--hr', 'Sam Lee', '--hr-email', 'sam@acme.example', '--need', 'Kafka', '--notes', 'second thoughts']);
    const app = await s.json(['show', '1']);
    expect(app.contacts.map((c: { name: string; role: string }) => [c.name, c.role])).toContainEqual(['Sam Lee', 'hr']);
    expect(app.needs).toEqual(['Kafka']);
    expect(app.rounds[0].notes).toBe('second thoughts');
  });

  test('nothing to change exits 2', async () => {
    const s = sandbox('2026-12-07');
    await s.ok(ADD_ACME);
    const before = await s.json(['show', '1']);
    const r = await s.run(['edit', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--decision-by');
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(await s.json(['show', '1'])).toEqual(before);
  });

  test('an unknown reference or a bad date exits 2 and changes nothing', async () => {
    const s = sandbox('2026-12-07');
    await s.ok(ADD_ACME);
    const before = await s.json(['show', '1']);
    for (const args of [
      ['edit', '9', '--decision-by', '2026-12-09'],
      ['edit', 'nobody', '--decision-by', '2026-12-09'],
      ['edit', '1', '--decision-by', '2026-02-30'],
    ]) {
      const r = await s.run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).not.toContain(STACK_LINE);
    }
    expect(await s.json(['show', '1'])).toEqual(before);
  });
});
