/**
 * `followup draft withdraw|decline` through the command (issue 14): `--mark-sent` records the
 * outcome (withdrawn, declined) with today's date and a note naming the letter, only after the
 * user confirms on a terminal; without one it records nothing and prints the exact command, as a
 * second `--mark-sent` of the same letter is handled. One change, undone by `followup undo`.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { runCli } from '../support/in-process.js';
import { ADD_ACME, ADD_GLOBEX, sandboxes, STACK_LINE, type Sandbox } from './helpers.js';

/** What the mocked prompt library was asked, and what it answers. */
const asked: string[] = [];
let answer = false;

// Hoisted above the imports by vitest: the confirmation `draft` asks on a terminal.
vi.mock('@inquirer/prompts', () => {
  const confirm = async (config: { message: string }) => {
    asked.push(config.message);
    return answer;
  };
  const refuse = async () => {
    throw new Error('draft --mark-sent asks only for a confirmation');
  };
  return { confirm, input: refuse, select: refuse };
});

const sandbox = sandboxes();

beforeEach(() => {
  asked.length = 0;
  answer = false;
});

/**
 * Acme (#1, interviewed Mon 30 Nov) and Globex (#2), whose offer of Wed 9 Dec (to be answered by
 * Fri 18 Dec) was accepted on Fri 11 Dec; today is Mon 14 Dec.
 */
async function acceptedElsewhere(): Promise<Sandbox> {
  const s = sandbox('2026-12-14');
  await s.ok(['config', 'set', 'name', 'Alex Morgan']);
  await s.ok(ADD_ACME);
  await s.ok(ADD_GLOBEX);
  await s.ok(['outcome', '2', 'offer', '--date', '2026-12-09', '--respond-by', '2026-12-18']);
  await s.ok(['outcome', '2', 'accepted', '--date', '2026-12-11']);
  return s;
}

/** `followup ...` in the sandbox, with stdin, stdout and stderr on a terminal. */
function onTerminal(s: Sandbox, args: string[]) {
  return runCli(['--db', s.db, '--today', s.today, ...args], { env: s.env(), cwd: s.dir, tty: true });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function shown(s: Sandbox, id: number): Promise<any> {
  return s.json(['show', String(id)]);
}

describe('draft withdraw N --mark-sent', () => {
  test('without a terminal: the letter, nothing recorded, and the exact command to type (exit 0)', async () => {
    const s = await acceptedElsewhere();
    const r = await s.run(['draft', 'withdraw', '1', '--mark-sent']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('I have accepted an offer from another company, so I am withdrawing my application.');
    expect(r.stderr).toContain('Not recorded');
    expect(r.stderr).toContain('followup outcome 1 withdrawn --note "withdrawal letter sent to Dana Reyes"');
    expect(asked).toEqual([]);
    expect((await shown(s, 1)).status).toBe('active');
  });

  test('on a terminal, confirmed: withdrawn today with a note naming the letter; undo takes it back', async () => {
    const s = await acceptedElsewhere();
    answer = true;
    const r = await onTerminal(s, ['draft', 'withdraw', '1', '--mark-sent']);
    expect(r.status).toBe(0);
    expect(asked).toEqual(['Record #1 Acme Robotics as withdrawn today (Mon 14 Dec)?']);
    expect(r.stderr).toContain('Recorded: #1 Acme Robotics, Backend Engineer: withdrawn on Mon 14 Dec (withdrawal letter sent to Dana Reyes).');
    const app = await shown(s, 1);
    expect(app).toMatchObject({ status: 'withdrawn', outcome: 'withdrawn', outcomeDate: '2026-12-14', outcomeNote: 'withdrawal letter sent to Dana Reyes' });
    // Nothing more is listed for it: the withdrawal was the last item.
    const today = await s.json(['today']);
    expect(today.items.filter((i: { id: number }) => i.id === 1)).toEqual([]);

    const undo = await s.ok(['undo', '--yes']);
    expect(undo.stdout).toContain('outcome: withdrawn on 2026-12-14 for #1');
    expect((await shown(s, 1)).status).toBe('active');
  });

  test('on a terminal, declined: nothing recorded, and the command for later', async () => {
    const s = await acceptedElsewhere();
    answer = false;
    const r = await onTerminal(s, ['draft', 'withdraw', '1', '--mark-sent']);
    expect(r.status).toBe(0);
    expect(asked).toHaveLength(1);
    expect(r.stderr).toContain('Not recorded. When you have sent it: followup outcome 1 withdrawn');
    expect((await shown(s, 1)).status).toBe('active');
  });

  test('--no-input on a terminal does not ask, and records nothing', async () => {
    const s = await acceptedElsewhere();
    const r = await onTerminal(s, ['--no-input', 'draft', 'withdraw', '1', '--mark-sent']);
    expect(r.status).toBe(0);
    expect(asked).toEqual([]);
    expect(r.stderr).toContain('followup outcome 1 withdrawn');
    expect((await shown(s, 1)).status).toBe('active');
  });

  test('--name-company names the employer whose offer was accepted', async () => {
    const s = await acceptedElsewhere();
    const r = await s.ok(['draft', 'withdraw', '1', '--name-company']);
    expect(r.stdout).toContain('I have accepted an offer from Globex');
  });
});

describe('the premises through the command: exit 2, nothing on stdout, what to record', () => {
  test('withdraw with no offer accepted', async () => {
    const s = sandbox('2026-12-14');
    await s.ok(['config', 'set', 'name', 'Alex Morgan']);
    await s.ok(ADD_ACME);
    await s.ok(ADD_GLOBEX);
    await s.ok(['outcome', '2', 'offer', '--date', '2026-12-09']);
    const r = await s.run(['draft', 'withdraw', '1', '--mark-sent']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('followup outcome <ref> accepted');
    expect(r.stderr).not.toContain(STACK_LINE);
    expect((await shown(s, 1)).status).toBe('active');
  });

  test('withdraw from the application whose offer was accepted: refused', async () => {
    const s = await acceptedElsewhere();
    const r = await s.run(['draft', 'withdraw', '2']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('you accepted their offer on Fri 11 Dec');
  });

  test('share-offer and the chases after the acceptance: refused, naming the withdrawal', async () => {
    const s = await acceptedElsewhere();
    for (const kind of ['share-offer', 'check-in']) {
      const r = await s.run(['draft', kind, '1']);
      expect(r.status, kind).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('followup draft withdraw 1');
    }
  });

  test('decline with no offer recorded', async () => {
    const s = sandbox('2026-12-14');
    await s.ok(['config', 'set', 'name', 'Alex Morgan']);
    await s.ok(ADD_ACME);
    const r = await s.run(['draft', 'decline', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('followup outcome 1 offer');
  });

  test('--name-company with a kind that names no other employer', async () => {
    const s = await acceptedElsewhere();
    const r = await s.run(['draft', 'keep-in-touch', '1', '--name-company']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--name-company goes with share-offer, withdraw and decline.');
  });
});

describe('draft decline N --mark-sent', () => {
  /** Acme (#1) made an offer on Thu 10 Dec, to be answered by Fri 18 Dec; today is Mon 14 Dec. */
  async function offered(): Promise<Sandbox> {
    const s = sandbox('2026-12-14');
    await s.ok(['config', 'set', 'name', 'Alex Morgan']);
    await s.ok(ADD_ACME);
    await s.ok(['outcome', '1', 'offer', '--date', '2026-12-10', '--respond-by', '2026-12-18']);
    return s;
  }

  test('without a terminal: the letter, and the command; the offer stays open', async () => {
    const s = await offered();
    const r = await s.run(['draft', 'decline', '1', '--mark-sent', '--reason', 'the commute would be too long']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('After careful thought, I have decided to decline the offer. The commute would be too long.');
    expect(r.stderr).toContain('followup outcome 1 declined --note "decline letter sent to Dana Reyes"');
    expect((await shown(s, 1)).status).toBe('offer');
  });

  test('on a terminal, confirmed: declined today, the offer kept in the history; a second time records nothing', async () => {
    const s = await offered();
    answer = true;
    const r = await onTerminal(s, ['draft', 'decline', '1', '--mark-sent']);
    expect(r.status).toBe(0);
    expect(asked).toEqual(['Record #1 Acme Robotics as declined today (Mon 14 Dec)?']);
    const app = await shown(s, 1);
    expect(app).toMatchObject({ status: 'declined', outcomeDate: '2026-12-14', outcomeNote: 'decline letter sent to Dana Reyes' });
    expect(app.pastOutcomes).toMatchObject([{ outcome: 'offer', date: '2026-12-10', respondBy: '2026-12-18' }]);

    // The letter can still be drafted; marking it sent again has nothing to record.
    const again = await onTerminal(s, ['draft', 'decline', '1', '--mark-sent']);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('I have decided to decline the offer.');
    expect(again.stderr).toContain('already recorded as declined on Mon 14 Dec; nothing more to record.');
    expect(asked).toHaveLength(1);
    expect((await shown(s, 1)).pastOutcomes).toHaveLength(1);
  });
});

describe('share-offer through the command states the recorded deadline', () => {
  test('"I need to answer it by Friday 18 December", and nothing of it without --respond-by', async () => {
    const s = sandbox('2026-12-10');
    await s.ok(['config', 'set', 'name', 'Alex Morgan']);
    await s.ok(ADD_ACME);
    await s.ok(ADD_GLOBEX);
    await s.ok(['outcome', '2', 'offer', '--date', '2026-12-09', '--respond-by', '2026-12-18']);
    const r = await s.ok(['draft', 'share-offer', '1']);
    expect(r.stdout).toContain('I received a job offer on Wednesday 9 December, and I need to answer it by Friday 18 December.');

    const plain = sandbox('2026-12-10');
    await plain.ok(['config', 'set', 'name', 'Alex Morgan']);
    await plain.ok(ADD_ACME);
    await plain.ok(ADD_GLOBEX);
    await plain.ok(['outcome', '2', 'offer', '--date', '2026-12-09']);
    const without = await plain.ok(['draft', 'share-offer', '1']);
    expect(without.stdout).not.toMatch(/answer it by|by then/);
  });
});

describe('completion and help know the new kinds', () => {
  test('`followup __complete draft ""` lists withdraw and decline', async () => {
    const s = sandbox();
    const r = await s.ok(['__complete', 'draft', '']);
    expect(r.stdout).toMatch(/^withdraw\t/m);
    expect(r.stdout).toMatch(/^decline\t/m);
  });

  test('`draft --help` has an example of each new kind and of --mark-sent with withdraw', async () => {
    const s = sandbox();
    const r = await s.ok(['draft', '--help']);
    expect(r.stdout).toContain('followup draft withdraw 4 --mark-sent');
    expect(r.stdout).toContain('followup draft decline 2 --name-company --reason');
  });
});
