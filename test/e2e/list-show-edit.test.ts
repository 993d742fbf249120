/** `followup list`, `show` and `edit` through the binary. */
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
function fourApplications(): Sandbox {
  const s = sandbox('2026-12-21');
  s.ok(ADD_ACME);
  s.ok(ADD_GLOBEX);
  s.ok(['add', '--company', 'Initech', '--role', 'QA Lead', '--date', '2026-12-01']);
  s.ok(['add', '--company', 'Hooli', '--role', 'Frontend Engineer', '--date', '2026-12-02']);
  s.ok(['outcome', '2', 'rejected', '--date', '2026-12-11']);
  s.ok(['log', '3', 'loop-closed', '--date', '2026-12-21']);
  return s;
}

describe('followup list', () => {
  test('--json: the active applications as objects with id, company, role, status', () => {
    const s = fourApplications();
    const rows = s.json<ListRow[]>(['list']);
    expect(rows.map((r) => ({ id: r.id, company: r.company, role: r.role, status: r.status }))).toEqual([
      { id: 1, company: 'Acme', role: 'Backend Engineer', status: 'active' },
      { id: 4, company: 'Hooli', role: 'Frontend Engineer', status: 'active' },
    ]);
  });

  test('--all --json: every application with its status', () => {
    const s = fourApplications();
    const rows = s.json<ListRow[]>(['list', '--all']);
    expect(rows.map((r) => [r.id, r.company, r.role, r.status])).toEqual([
      [1, 'Acme', 'Backend Engineer', 'active'],
      [2, 'Globex', 'Analyst', 'rejected'],
      [3, 'Initech', 'QA Lead', 'no-response'],
      [4, 'Hooli', 'Frontend Engineer', 'active'],
    ]);
  });

  test('text: one line per active application; --all adds the ended ones', () => {
    const s = fourApplications();
    const active = s.ok(['list']).stdout;
    expect(active).toContain('Acme');
    expect(active).toContain('Hooli');
    expect(active).not.toContain('Globex');
    expect(active).not.toContain('Initech');
    const all = s.ok(['list', '--all']).stdout;
    for (const company of ['Acme', 'Globex', 'Initech', 'Hooli']) expect(all).toContain(company);
    expect(all).toContain('rejected');
  });

  test('text: exactly one line for each active application', () => {
    const s = fourApplications();
    const lines = s.ok(['list']).stdout.split('\n').filter((l) => l.trim() !== '');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('Acme');
    expect(lines[1]).toContain('Hooli');
  });

  test('an empty store lists nothing', () => {
    const s = sandbox();
    expect(s.json(['list'])).toEqual([]);
    expect(s.json(['list', '--all'])).toEqual([]);
    expect(s.ok(['list']).status).toBe(0);
  });
});

describe('followup show', () => {
  function recorded(): Sandbox {
    const s = sandbox('2026-12-11');
    s.ok([...ADD_ACME, '--hr', 'Sam Lee', '--hr-email', 'sam@acme.example', '--need', 'on-call experience', '--notes', 'met the team']);
    s.ok(['log', '1', 'thanks-sent', '--date', '2026-12-01']);
    s.ok(['log', '1', 'no-answer', '--date', '2026-12-07', '--note', 'rang at ten']);
    s.ok(['log', '1', 'spoke', '--date', '2026-12-10', '--with', 'Dana Reyes', '--new-date', '2026-12-16']);
    return s;
  }

  test('--json: one object with id, company, role, status, rounds, contacts, events', () => {
    const s = recorded();
    const app = s.json(['show', '1']);
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
    expect(s.json(['show', 'ACM'])).toEqual(app);
  });

  test('text: contacts, needs and a dated timeline in order, then what comes next', () => {
    const s = recorded();
    s.ok(['outcome', '1', 'rejected', '--date', '2026-12-11', '--note', 'internal candidate']);
    const out = s.ok(['show', '1']).stdout;
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

  test('an unknown reference exits 2 and says what to type', () => {
    const s = recorded();
    for (const ref of ['99', 'umbrella']) {
      const r = s.run(['show', ref]);
      expect(r.status, ref).toBe(2);
      expect(r.stderr).toContain('followup list');
      expect(r.stderr).not.toContain(STACK_LINE);
      expect(r.stdout).toBe('');
    }
  });

  test('an ambiguous prefix exits 2 listing the candidates', () => {
    const s = sandbox('2026-12-02');
    s.ok(ADD_GLOBEX);
    s.ok(['add', '--company', 'Global Corp', '--role', 'Analyst', '--date', '2026-12-01']);
    const r = s.run(['show', 'glo']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Globex');
    expect(r.stderr).toContain('Global Corp');
    expect(r.stderr).not.toContain(STACK_LINE);
    // The unique prefix and the number work.
    expect(s.json(['show', 'globa']).company).toBe('Global Corp');
    expect(s.json(['show', '1']).company).toBe('Globex');
  });
});

describe('followup edit', () => {
  test('--decision-by changes the plan', () => {
    const s = sandbox('2026-12-02');
    s.ok(ADD_ACME);
    s.ok(['log', '1', 'thanks-sent', '--date', '2026-11-30']);
    expect(s.todayPlan('2026-12-02').waiting.map((w) => w.next)).toEqual(['2026-12-07']);
    s.ok(['edit', '1', '--decision-by', '2026-12-09']);
    expect(s.json(['show', '1']).rounds[0].decisionBy).toBe('2026-12-09');
    expect(s.todayPlan('2026-12-02').waiting.map((w) => w.next)).toEqual(['2026-12-10']);
    expect(itemsOf(s.todayPlan('2026-12-07'), 'check-status')).toEqual([]);
    expect(itemsOf(s.todayPlan('2026-12-10'), 'check-status')[0]).toMatchObject({ earliest: '2026-12-10', due: '2026-12-11' });
  });

  test('--no-calls switches the chase to email, --calls back to phone', () => {
    const s = sandbox('2026-12-07');
    s.ok([...ADD_ACME, '--email', 'dana@acme.example']);
    s.ok(['log', '1', 'thanks-sent', '--date', '2026-11-30']);
    const channel = () => itemsOf(s.todayPlan('2026-12-07'), 'check-status').map((i) => i.channel);
    expect(channel()).toEqual(['phone']);
    s.ok(['edit', '1', '--no-calls']);
    expect(channel()).toEqual(['email']);
    expect(s.json(['show', '1']).contacts[0]).toMatchObject({ name: 'Dana Reyes', noCalls: true });
    s.ok(['edit', 'acme', '--calls', '--contact', 'Dana Reyes']);
    expect(channel()).toEqual(['phone']);
  });

  test('--no-calls --contact picks the named contact', () => {
    const s = sandbox('2026-12-07');
    s.ok([...ADD_ACME, '--hr', 'Sam Lee', '--hr-phone', '+1 555 0111']);
    s.ok(['edit', '1', '--no-calls', '--contact', 'Sam Lee']);
    const contacts = s.json(['show', '1']).contacts as { name: string; noCalls: boolean }[];
    expect(contacts.map((c) => [c.name, c.noCalls])).toEqual([
      ['Dana Reyes', false],
      ['Sam Lee', true],
    ]);
  });

  test('contacts, needs and notes can be changed', () => {
    const s = sandbox('2026-12-07');
    s.ok(ADD_ACME);
    s.ok(['edit', '1', '--hr', 'Sam Lee', '--hr-email', 'sam@acme.example', '--need', 'Kafka', '--notes', 'second thoughts']);
    const app = s.json(['show', '1']);
    expect(app.contacts.map((c: { name: string; role: string }) => [c.name, c.role])).toContainEqual(['Sam Lee', 'hr']);
    expect(app.needs).toEqual(['Kafka']);
    expect(app.rounds[0].notes).toBe('second thoughts');
  });

  test('nothing to change exits 2', () => {
    const s = sandbox('2026-12-07');
    s.ok(ADD_ACME);
    const before = s.json(['show', '1']);
    const r = s.run(['edit', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--decision-by');
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(s.json(['show', '1'])).toEqual(before);
  });

  test('an unknown reference or a bad date exits 2 and changes nothing', () => {
    const s = sandbox('2026-12-07');
    s.ok(ADD_ACME);
    const before = s.json(['show', '1']);
    for (const args of [
      ['edit', '9', '--decision-by', '2026-12-09'],
      ['edit', 'nobody', '--decision-by', '2026-12-09'],
      ['edit', '1', '--decision-by', '2026-02-30'],
    ]) {
      const r = s.run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).not.toContain(STACK_LINE);
    }
    expect(s.json(['show', '1'])).toEqual(before);
  });
});
