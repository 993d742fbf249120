/**
 * draft --eml and --mailto end to end: the recipient and sender from the records, refusals that
 * say what to record, an editor that empties the draft cancels it (nothing logged), and a past
 * --today drafts what was known that day.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ADD_ACME, sandboxes } from '../e2e/helpers.js';

const sandbox = sandboxes();

async function acme(today = '2026-12-01') {
  const s = sandbox(today);
  await s.ok([...ADD_ACME, '--email', 'dana@acme.example', '--interviewer', 'Priya Natarajan'], { today: '2026-11-30' });
  await s.ok(['config', 'set', 'name', 'Alex Morgan']);
  await s.ok(['config', 'set', 'email', 'alex@example.com']);
  return s;
}

function parse(message: string) {
  const script =
    'import email, email.policy, json, sys\n' +
    'm = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)\n' +
    'print(json.dumps({"to": m["To"].addresses[0].addr_spec, "from": m["From"].addresses[0].addr_spec if m["From"] else None, ' +
    '"subject": str(m["Subject"]), "unsent": m["X-Unsent"], "body": m.get_content()}))';
  const r = spawnSync('python3', ['-c', script], { input: Buffer.from(message, 'utf8'), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

describe('draft --eml', () => {
  it('prints an unsent draft to the recipient, from you, with the letter as its body', async () => {
    const s = await acme();
    const r = await s.ok(['draft', 'thanks', '1', '--eml']);
    expect(r.stdout).toContain('\r\n');
    const m = parse(r.stdout);
    expect(m).toMatchObject({ to: 'dana@acme.example', from: 'alex@example.com', unsent: '1' });
    expect(m.subject).toBe('Thank you for the Backend Engineer interview');
    expect(m.body).toContain('Dear Dana');
    expect(m.body).not.toContain('Subject:');
  });

  it('refuses, saying how to record the address, when the recipient has none', async () => {
    const s = sandbox('2026-12-01');
    await s.ok(ADD_ACME, { today: '2026-11-30' });
    await s.ok(['config', 'set', 'name', 'Alex Morgan']);
    const r = await s.run(['draft', 'thanks', '1', '--eml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('No email is recorded for Dana Reyes');
    expect(r.stderr).toContain('followup edit 1 --email ADDRESS');
    expect(r.stdout).toBe('');
  });

  it('a call script is not a letter', async () => {
    const s = await acme('2026-12-07');
    const r = await s.run(['draft', 'call', '1', '--eml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('followup draft call 1');
  });
});

describe('draft --mailto', () => {
  it('prints one mailto: link with the subject and body', async () => {
    const s = await acme();
    const url = (await s.ok(['draft', 'thanks', '1', '--mailto'])).stdout.trim();
    expect(url.startsWith('mailto:dana@acme.example?subject=')).toBe(true);
    const params = new URLSearchParams(url.slice(url.indexOf('?') + 1));
    expect(params.get('subject')).toBe('Thank you for the Backend Engineer interview');
    expect(params.get('body')).toMatch(/^Dear Dana,\r\n/);
  });
});

describe('draft --edit', () => {
  it('an editor that empties the draft cancels it: exit 2, nothing printed or logged', async () => {
    const s = await acme();
    const r = await s.run(['draft', 'thanks', '1', '--edit', '--mark-sent'], { env: { EDITOR: "sh -c ': > \"$1\"' editor" } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('came back empty');
    expect(r.stdout).toBe('');
    const show = await s.json(['show', '1']);
    expect(show.events).toEqual([]);
  });
});

describe('draft on a past --today', () => {
  it('knows only what was recorded by then', async () => {
    const s = await acme('2026-12-10');
    await s.ok(['log', '1', 'voicemail', '--date', '2026-12-07'], { today: '2026-12-07' });
    await s.ok(['log', '1', 'emailed', '--date', '2026-12-10'], { today: '2026-12-10' });
    const then = (await s.ok(['draft', 'check-in', '1'], { today: '2026-12-08' })).stdout;
    expect(then).not.toContain('10 December');
    const now = (await s.ok(['draft', 'check-in', '1'], { today: '2026-12-10' })).stdout;
    expect(now).toContain('10 December');
  });
});

describe('a letter to someone with no email', () => {
  it('says so on stderr, with the edit that records one; the letter still prints', async () => {
    const s = sandbox('2026-12-01');
    await s.ok(ADD_ACME, { today: '2026-11-30' });
    await s.ok(['config', 'set', 'name', 'Alex Morgan']);
    const r = await s.ok(['draft', 'thanks', '1']);
    expect(r.stdout).toContain('Dear Dana');
    expect(r.stderr).toContain('no email is recorded for Dana Reyes');
    expect(r.stderr).toContain('followup edit 1 --email ADDRESS');
    const withEmail = await acme();
    expect((await withEmail.ok(['draft', 'thanks', '1'])).stderr).not.toContain('no email is recorded');
  });
});
