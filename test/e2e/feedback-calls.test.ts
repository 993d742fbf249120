/**
 * Issue 12's two `log` flags: `feedback-received --takeaway` keeps the user's own takeaway, and
 * `spoke --ok-to-call` records, on the contact spoken with and in the same undoable change, that
 * calling them directly is fine (`edit --no-calls` takes it back); `show` says so.
 */
import { describe, expect, test } from 'vitest';
import { STACK_LINE, sandboxes, type Sandbox } from './helpers.js';

const sandbox = sandboxes();

/** Acme with a hiring manager (Dana) and HR (Sam). */
async function acme(today: string): Promise<Sandbox> {
  const s = sandbox(today);
  await s.ok([
    'add', '--company', 'Acme', '--role', 'Backend Engineer', '--date', '2026-11-30',
    '--hiring-manager', 'Dana Reyes', '--phone', '+1 555 0100', '--hr', 'Sam Lee', '--hr-phone', '+1 555 0101',
    '--decision-by', '2026-12-04',
  ]);
  return s;
}

async function shown(s: Sandbox): Promise<any> {
  return s.json(['show', '1']);
}

const contact = async (s: Sandbox, name: string) => (await shown(s)).contacts.find((c: any) => c.name === name);

describe('log feedback-received --takeaway', () => {
  test('stores the takeaway on the event, shown in show and show --json', async () => {
    const s = await acme('2026-12-14');
    await s.ok(['outcome', '1', 'rejected', '--date', '2026-12-11']);
    await s.ok(['log', '1', 'feedback-received', '--note', 'wanted more Kubernetes', '--takeaway', 'I will run a cluster at home']);
    expect((await shown(s)).events).toEqual([
      expect.objectContaining({ type: 'feedback-received', note: 'wanted more Kubernetes', takeaway: 'I will run a cluster at home' }),
    ]);
    expect((await s.ok(['show', '1'])).stdout.replace(/\n\s+/g, ' ')).toContain('my takeaway: I will run a cluster at home');
  });

  test('with another event exits 2 naming feedback-received, and records nothing', async () => {
    const s = await acme('2026-12-14');
    const r = await s.run(['log', '1', 'spoke', '--takeaway', 'be shorter']);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(r.stderr).toContain('--takeaway goes with feedback-received');
    expect((await shown(s)).events).toEqual([]);
  });
});

describe('log spoke --ok-to-call', () => {
  test('marks the plan\'s contact (the hiring manager) in the same change, shown by show; undo takes both back', async () => {
    const s = await acme('2026-12-07');
    const r = await s.ok(['log', '1', 'spoke', '--ok-to-call']);
    expect(r.stdout).toContain('Dana Reyes is fine with being called directly');
    expect(await contact(s, 'Dana Reyes')).toMatchObject({ okToCall: true });
    expect(await contact(s, 'Sam Lee')).toMatchObject({ okToCall: false });
    expect((await s.ok(['show', '1'])).stdout).toContain('Dana Reyes (hiring manager): +1 555 0100 · ok to call directly');

    const undo = await s.ok(['undo', '--yes']);
    expect(undo.stdout).toContain('Dana Reyes marked as ok to call directly');
    expect(await contact(s, 'Dana Reyes')).toMatchObject({ okToCall: false });
    expect((await shown(s)).events).toEqual([]);
  });

  test('marks the --with contact, and lifts an earlier "no calls" of theirs', async () => {
    const s = await acme('2026-12-07');
    await s.ok(['edit', '1', '--no-calls', '--contact', 'Sam Lee']);
    await s.ok(['log', '1', 'spoke', '--with', 'sam', '--ok-to-call']);
    expect(await contact(s, 'Sam Lee')).toMatchObject({ okToCall: true, noCalls: false });
    expect(await contact(s, 'Dana Reyes')).toMatchObject({ okToCall: false });
    expect((await shown(s)).events[0]).toMatchObject({ withName: 'Sam Lee', withRole: 'hr' });
  });

  test('edit --no-calls takes it back', async () => {
    const s = await acme('2026-12-07');
    await s.ok(['log', '1', 'spoke', '--ok-to-call']);
    await s.ok(['edit', '1', '--no-calls']);
    expect(await contact(s, 'Dana Reyes')).toMatchObject({ okToCall: false, noCalls: true });
    const text = (await s.ok(['show', '1'])).stdout;
    expect(text).toContain('asked not to be called');
    expect(text).not.toContain('ok to call directly');
  });

  test('with another event, or with someone not recorded, exits 2 and records nothing', async () => {
    const s = await acme('2026-12-07');
    const wrong = await s.run(['log', '1', 'voicemail', '--ok-to-call']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--ok-to-call goes with spoke');
    const stranger = await s.run(['log', '1', 'spoke', '--with', 'the receptionist', '--ok-to-call']);
    expect(stranger.status).toBe(2);
    expect(stranger.stderr).toContain('not a recorded contact');
    expect(stranger.stderr).not.toContain(STACK_LINE);
    const app = await shown(s);
    expect(app.events).toEqual([]);
    expect(app.contacts.every((c: any) => c.okToCall === false)).toBe(true);
  });
});
