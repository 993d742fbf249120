/**
 * `followup today -i` on a real pseudo-terminal: the built binary walks the demo store's morning
 * (Mon 30 Nov 2026) with a terminal on stdin, stdout and stderr (Python's pty module, as
 * add-pty.test.ts does), and the test presses keys as a person would, waiting for the text each
 * time. Then the store is read back with `show --json`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STACK_LINE, type Sandbox, sandboxes } from '../e2e/helpers.js';
import { CTRL_C, ENTER, Terminal } from '../support/pty.js';

const sandbox = sandboxes();

/** A sandbox holding the demo store (`followup demo --keep`), and the arguments that walk it. */
async function demo(): Promise<{ s: Sandbox; args: string[]; db: string }> {
  const s = sandbox('2026-11-30');
  const r = await s.run(['demo', '--keep'], { env: { TMPDIR: s.dir } });
  expect(r.status).toBe(0);
  const db = /kept at (\S+\.db)/.exec(r.stdout + r.stderr)![1];
  expect(fs.existsSync(db)).toBe(true);
  // Letters are signed with a name: set it, as anyone using followup has.
  expect((await s.run(['--db', db, 'config', 'set', 'name', 'Alex Morgan'])).status).toBe(0);
  expect((await s.run(['--db', db, 'config', 'set', 'phone', '+1 555 0199'])).status).toBe(0);
  return { s, db, args: ['--db', db, '--today', '2026-11-30', 'today', '-i'] };
}

interface EventJson {
  type: string;
  date: string;
  newDate?: string | null;
  withName: string | null;
  note: string | null;
}

async function events(s: Sandbox, db: string, id: number): Promise<EventJson[]> {
  const r = await s.run(['--db', db, 'show', String(id), '--json']);
  expect(r.status).toBe(0);
  return (JSON.parse(r.stdout) as { events: EventJson[] }).events;
}

describe('followup today --interactive on a terminal', () => {
  it('walks the demo morning: draft, voicemail, thank-you sent, skip, undo, quit; the store and the summary agree', async () => {
    const { s, db, args } = await demo();
    const before = {
      globex: await events(s, db, 3),
      hooli: await events(s, db, 6),
      acme: await events(s, db, 1),
      northwind: await events(s, db, 2),
    };
    const t = new Terminal(s, args);
    // 1: Globex, a call to Jordan Kim: draft the script, then record a voicemail with a note.
    await t.waitFor('(1/5) Call Jordan Kim about the decision');
    await t.waitFor('+1 555 0177');
    await t.press('What now [d,r,s,u,q,?]?', 'd');
    await t.waitFor(/voicemail/i);
    await t.press('Now [d,e,r,s,u,q,?]?', 'r');
    await t.press('How did it go?', 'v');
    await t.press('Note', `left my number${ENTER}`);
    await t.waitFor('Logged voicemail for #3 Globex');
    await t.waitFor('Next: ');
    // 2: Hooli's closing note: skipped.
    await t.press('(2/5) What now', 's');
    // 3: Acme, a call: no answer, then undone at the next item.
    await t.press('(3/5) What now', 'r');
    await t.press('How did it go?', 'n');
    await t.press('Note', ENTER);
    await t.waitFor('Logged no-answer for #1 Acme Corp');
    // 4: Northwind's thank-you: draft it, undo the Acme call, record the letter as sent.
    await t.waitFor('(4/5) Send a thank-you to Ana Silva');
    await t.waitFor('ana@northwind.example');
    await t.press('(4/5) What now', 'd');
    await t.waitFor('Ana');
    // Written as an unsent mail draft, to the file name offered.
    await t.press('(4/5) Now [d,e,w,', 'w');
    await t.press('Write the .eml draft to', ENTER);
    await t.waitFor('Wrote northwind-analytics-thanks.eml');
    const eml = fs.readFileSync(path.join(s.dir, 'northwind-analytics-thanks.eml'), 'utf8');
    expect(eml).toContain('To: Ana Silva <ana@northwind.example>\r\n');
    expect(eml).toContain('Subject: Thank you for the Data Engineer interview\r\n');
    expect(eml).toContain('Dear Ana,');
    await t.press('(4/5) Now', 'u');
    await t.waitFor('Undone: ');
    await t.press('(4/5) Now', 'r');
    await t.waitFor('Logged thanks-sent for #2 Northwind Analytics (to Ana Silva).');
    await t.waitFor('Next: ');
    // 5: quit.
    await t.press('(5/5) What now', 'q');
    await t.waitFor('2 recorded, 1 skipped, 1 undone, 1 not reached.');
    expect(await t.exited).toBe(0);

    const summary = t.transcript.slice(t.transcript.lastIndexOf('2 recorded, 1 skipped'));
    expect(summary).toMatch(/Recorded:\n.*voicemail.*#3[^\n]*\n.*thanks-sent.*#2/);
    expect(summary).toMatch(/Undone in this walk \(back on followup today\):\n.*no-answer.*#1/);
    expect(summary).toMatch(/Skipped \(still on followup today\):\n {2}#6 Hooli: Send Gavin Belson a gracious closing note/);
    expect(summary).toMatch(/Next:\n {2}#3 Globex: /);
    expect(summary).toContain('followup undo');
    expect(t.transcript).not.toContain(STACK_LINE);

    const after = {
      globex: await events(s, db, 3),
      hooli: await events(s, db, 6),
      acme: await events(s, db, 1),
      northwind: await events(s, db, 2),
    };
    expect(after.globex.slice(0, before.globex.length)).toEqual(before.globex);
    expect(after.globex.slice(before.globex.length)).toEqual([
      expect.objectContaining({ type: 'voicemail', date: '2026-11-30', withName: 'Jordan Kim', note: 'left my number' }),
    ]);
    expect(after.northwind.slice(before.northwind.length)).toEqual([
      expect.objectContaining({ type: 'thanks-sent', date: '2026-11-30', withName: 'Ana Silva' }),
    ]);
    expect(after.northwind).toHaveLength(before.northwind.length + 1);
    // Skipped and undone: untouched.
    expect(after.hooli).toEqual(before.hooli);
    expect(after.acme).toEqual(before.acme);
    // The thank-you now passes, the voicemail moved Globex's chase: the morning list shrinks.
    const list = await s.run(['--db', db, '--today', '2026-11-30', 'today', '--json']);
    const actions = (JSON.parse(list.stdout) as { items: { id: number; action: string }[] }).items.map((i) => `${i.id} ${i.action}`);
    expect(actions).not.toContain('2 send-thanks');
    expect(actions).toContain('1 check-status');
  });

  it('spoke: asks the new decision date (again when it is not a date) and a note, and records them as log does', async () => {
    const { s, db, args } = await demo();
    const t = new Terminal(s, args);
    await t.press('(1/5) What now', 's');
    await t.press('(2/5) What now', 's');
    await t.press('(3/5) What now', 'r');
    await t.press('How did it go?', 's');
    await t.press('New decision date', `someday${ENTER}`);
    // Refused where it was typed, then typed again.
    await t.press('"someday" is not a date I understand', `${'\u007f'.repeat(10)}2026-12-16${ENTER}`);
    await t.press('Note', `still interviewing${ENTER}`);
    await t.waitFor('Logged spoke for #1 Acme Corp, Backend Engineer on Mon 30 Nov with Dana Reyes (hiring manager).');
    await t.waitFor('Next: ');
    await t.press('(4/5) What now', 'q');
    await t.waitFor('1 recorded, 2 skipped, 2 not reached.');
    expect(await t.exited).toBe(0);
    expect((await events(s, db, 1)).at(-1)).toMatchObject({
      type: 'spoke',
      date: '2026-11-30',
      withName: 'Dana Reyes',
      note: 'still interviewing',
      newDate: '2026-12-16',
    });
  });

  it('on a day off there is nothing to walk through, and it says so', async () => {
    const { s, db } = await demo();
    const t = new Terminal(s, ['--db', db, '--today', '2026-12-05', 'today', '-i']);
    await t.waitFor('is not a working day: nothing to walk through');
    expect(await t.exited).toBe(0);
  });

  it('Ctrl-C mid-walk keeps what was recorded, adds nothing half-done, and exits 130', async () => {
    const { s, db, args } = await demo();
    const acmeBefore = await events(s, db, 1);
    const t = new Terminal(s, args);
    await t.press('(1/5) What now', 'r');
    await t.press('How did it go?', 'v');
    await t.press('Note', ENTER);
    await t.waitFor('Logged voicemail for #3 Globex');
    await t.press('(2/5) What now', 's');
    // Acme's call: "spoke", a date typed halfway, then Ctrl-C.
    await t.press('(3/5) What now', 'r');
    await t.press('How did it go?', 's');
    await t.press('New decision date', '2026-12');
    await t.press('2026-12', CTRL_C);
    await t.waitFor('stopped (Ctrl-C)');
    expect(await t.exited).toBe(130);
    expect(t.transcript).toMatch(/Kept what was recorded: .*voicemail.*#3/);
    expect(t.transcript).not.toContain(STACK_LINE);
    expect((await events(s, db, 3)).at(-1)).toMatchObject({ type: 'voicemail', date: '2026-11-30' });
    expect(await events(s, db, 1)).toEqual(acmeBefore);
  });

  it('Ctrl-C at the menu before anything is recorded says nothing was recorded', async () => {
    const { s, db, args } = await demo();
    const before = await Promise.all([1, 2, 3, 5, 6].map((id) => events(s, db, id)));
    const t = new Terminal(s, args);
    await t.press('(1/5) What now', CTRL_C);
    await t.waitFor('Nothing was recorded.');
    expect(await t.exited).toBe(130);
    expect(await Promise.all([1, 2, 3, 5, 6].map((id) => events(s, db, id)))).toEqual(before);
    expect(fs.readdirSync(path.dirname(db)).filter((f) => f.endsWith('.eml'))).toEqual([]);
  });
});
