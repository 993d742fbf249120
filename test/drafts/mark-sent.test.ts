/**
 * `draft ... --mark-sent` logs a letter once (issue 12): the same letter already logged that day
 * (same event, same application, same person) is not logged again. Without a terminal it warns
 * and skips, exit 0; on a terminal it asks, and logs a second one only when the user says yes.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { runCli } from '../support/in-process.js';
import { ADD_ACME, sandboxes, type Sandbox } from './helpers.js';

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

async function acme(today = '2026-12-01'): Promise<Sandbox> {
  const s = sandbox(today);
  await s.ok(['config', 'set', 'name', 'Alex Morgan']);
  await s.ok(ADD_ACME);
  return s;
}

/** The events of application 1 of a type, as `show --json` lists them. */
async function logged(s: Sandbox, type: string): Promise<{ type: string; date: string; withName: string | null }[]> {
  const events = (await s.json(['show', '1'])).events as { type: string; date: string; withName: string | null }[];
  return events.filter((e) => e.type === type);
}

/** `followup ...` in the sandbox, with stdin, stdout and stderr on a terminal. */
function onTerminal(s: Sandbox, args: string[]) {
  return runCli(['--db', s.db, '--today', s.today, ...args], { env: s.env(), cwd: s.dir, tty: true });
}

beforeEach(() => {
  asked.length = 0;
  answer = false;
});

describe('--mark-sent twice on the same day', () => {
  test('without a terminal: the letter again, a warning, nothing logged twice, exit 0', async () => {
    const s = await acme();
    await s.ok(['draft', 'thanks', '1', '--mark-sent']);
    const again = await s.run(['draft', 'thanks', '1', '--mark-sent']);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('Dear Dana,');
    expect(again.stderr).toContain('warning: this letter is already logged (thanks-sent for #1 Acme Robotics to Dana Reyes on Tue 1 Dec).');
    expect(again.stderr).toContain('Not logged again.');
    expect(again.stderr).toContain('followup log 1 thanks-sent --with "Dana Reyes"');
    expect(again.stderr).not.toContain('Logged thanks-sent');
    expect(asked).toEqual([]);
    expect(await logged(s, 'thanks-sent')).toHaveLength(1);
  });

  test('a check-in emailed twice the same day: the same', async () => {
    const s = await acme('2026-12-07');
    await s.ok(['draft', 'check-in', '1', '--mark-sent']);
    const again = await s.ok(['draft', 'check-in', '1', '--mark-sent']);
    expect(again.stderr).toContain('already logged (emailed for #1 Acme Robotics to Dana Reyes on Mon 7 Dec)');
    expect(await logged(s, 'emailed')).toHaveLength(1);
  });

  test('an event logged with `log` that day counts too', async () => {
    const s = await acme();
    await s.ok(['log', '1', 'thanks-sent']);
    const r = await s.ok(['draft', 'thanks', '1', '--mark-sent']);
    expect(r.stderr).toContain('already logged');
    expect(await logged(s, 'thanks-sent')).toHaveLength(1);
  });

  test('on a terminal: asks, and logs a second one only when the answer is yes', async () => {
    const s = await acme();
    await s.ok(['draft', 'thanks', '1', '--mark-sent']);

    answer = false;
    const no = await onTerminal(s, ['draft', 'thanks', '1', '--mark-sent']);
    expect(no.status).toBe(0);
    expect(asked).toEqual(['Log it a second time?']);
    expect(no.stderr).toContain('already logged');
    expect(no.stderr).toContain('Not logged again.');
    expect(await logged(s, 'thanks-sent')).toHaveLength(1);

    answer = true;
    const yes = await onTerminal(s, ['draft', 'thanks', '1', '--mark-sent']);
    expect(yes.status).toBe(0);
    expect(asked).toHaveLength(2);
    expect(yes.stderr).toContain('Logged thanks-sent for #1');
    expect(await logged(s, 'thanks-sent')).toHaveLength(2);
  });

  test('--no-input on a terminal does not ask: it warns and skips', async () => {
    const s = await acme();
    await s.ok(['draft', 'thanks', '1', '--mark-sent']);
    const r = await onTerminal(s, ['--no-input', 'draft', 'thanks', '1', '--mark-sent']);
    expect(r.status).toBe(0);
    expect(asked).toEqual([]);
    expect(r.stderr).toContain('Not logged again.');
    expect(await logged(s, 'thanks-sent')).toHaveLength(1);
  });
});

describe('--mark-sent of another letter is logged without a question', () => {
  test('a thank-you to each interviewer on the same day: two letters, two events', async () => {
    const s = await acme();
    await s.ok(['draft', 'thanks', '1', '--mark-sent']);
    const priya = await s.ok(['draft', 'thanks', '1', '--to', 'Priya Natarajan', '--mark-sent']);
    expect(priya.stderr).not.toContain('already logged');
    expect((await logged(s, 'thanks-sent')).map((e) => e.withName)).toEqual(['Dana Reyes', 'Priya Natarajan']);
  });

  test('the same letter on another day', async () => {
    const s = await acme();
    await s.ok(['draft', 'thanks', '1', '--mark-sent']);
    const r = await s.ok(['draft', 'thanks', '1', '--mark-sent'], { today: '2026-12-02' });
    expect(r.stderr).not.toContain('already logged');
    expect(await logged(s, 'thanks-sent')).toHaveLength(2);
  });
});
