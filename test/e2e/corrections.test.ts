/**
 * Every mistake fixable (issue 13; design/cli.md, Additions: Corrections): `show` numbers the
 * logged events and the needs; `edit --event ID` corrects one event, `--remove-event`,
 * `--remove-contact` and `--remove-need` remove one record; `--interviewer` and `--need` only add.
 * Each is one undoable change whose summary (what `undo` prints) says exactly what changed.
 */
import { describe, expect, test } from 'vitest';
import { ADD_ACME, STACK_LINE, sandboxes, type Sandbox } from './helpers.js';

const sandbox = sandboxes();

interface ShownEvent {
  id: number;
  type: string;
  date: string;
  withName: string | null;
  withRole?: string | null;
  note: string | null;
}

/** Acme (#1) with Dana, HR Jordan Kim, an interviewer, two needs and three events; Globex (#2) with one event. Today Thu 10 Dec. */
async function recorded(): Promise<Sandbox> {
  const s = sandbox('2026-12-10');
  await s.ok([
    ...ADD_ACME,
    '--hr', 'Jordan Kim', '--hr-email', 'jordan@acme.example',
    '--interviewer', 'Sam Lee',
    '--need', 'on-call experience', '--need', 'Kubernetes', '--need', 'a mentor for juniors',
  ]);
  await s.ok(['add', '--company', 'Globex', '--role', 'Analyst', '--date', '2026-12-01', '--hiring-manager', 'Lee Chan']);
  await s.ok(['log', '1', 'thanks-sent', '--date', '2026-12-01']);
  await s.ok(['log', '1', 'no-answer', '--date', '2026-12-07', '--with', 'Dana Reyes', '--note', 'rang at ten']);
  await s.ok(['log', '2', 'thanks-sent', '--date', '2026-12-02']);
  await s.ok(['log', '1', 'voicemail', '--date', '2026-12-09', '--with', 'Dana Reyes']);
  return s;
}

const show = (s: Sandbox, ref = '1') => s.json(['show', ref]);
const eventOf = async (s: Sandbox, type: string, ref = '1'): Promise<ShownEvent> =>
  (await show(s, ref)).events.find((e: ShownEvent) => e.type === type);

/** `undo --yes`, returning what it printed (the journal summary of the change it reversed). */
async function undo(s: Sandbox): Promise<string> {
  return (await s.ok(['undo', '--yes'])).stdout;
}

/** The newest change's summary, without undoing it. */
async function lastChange(s: Sandbox): Promise<string> {
  const r = await s.run(['undo']);
  expect(r.status).toBe(2);
  return r.stderr;
}

describe('show numbers what can be corrected', () => {
  test('each logged event under the id show --json prints, and the needs 1, 2, 3', async () => {
    const s = await recorded();
    const events: ShownEvent[] = (await show(s)).events;
    const out = (await s.ok(['show', '1'])).stdout;
    const timeline = out.slice(out.indexOf('Timeline'), out.indexOf('\nNext'));
    for (const e of events) {
      const line = timeline.split('\n').find((l) => l.includes(`(${e.type})`))!;
      expect(line, e.type).toMatch(new RegExp(`^ {2}#${e.id} +\\w{3} \\d{1,2} Dec +`));
    }
    // The interview has no event number; its date lines up with the events' dates.
    const round = timeline.split('\n').find((l) => l.includes('Interview round 1'))!;
    const dayColumn = (l: string) => l.search(/(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d/);
    expect(dayColumn(round)).toBe(dayColumn(timeline.split('\n').find((l) => l.includes('(thanks-sent)'))!));
    expect(out).toMatch(/What they need\n {2}1\. on-call experience\n {2}2\. Kubernetes\n {2}3\. a mentor for juniors/);
  });

  test('a long entry wraps under its text and stays within 80 columns', async () => {
    const s = await recorded();
    const note = 'they are still interviewing two more people and will decide after the holidays, she said, sorry';
    await s.ok(['log', '1', 'spoke', '--date', '2026-12-10', '--with', 'Dana Reyes', '--note', note]);
    const out = (await s.ok(['show', '1'])).stdout;
    for (const line of out.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    const lines = out.split('\n');
    const at = lines.findIndex((l) => l.includes('(spoke)'));
    // The entry's text starts after the number and the date; its next line starts under it.
    const textColumn = lines[at].indexOf('Spoke');
    expect(textColumn).toBeGreaterThan(10);
    expect(lines[at + 1].trim().length).toBeGreaterThan(0);
    expect(lines[at + 1].length - lines[at + 1].trimStart().length).toBe(textColumn);
  });
});

describe('edit --event ID corrects one event', () => {
  test('--date, --with (a known contact by the start of the name) and --note; one undo restores it', async () => {
    const s = await recorded();
    const before = await show(s);
    const noAnswer = await eventOf(s, 'no-answer');
    const r = await s.ok(['edit', '1', '--event', String(noAnswer.id), '--date', '2026-12-08', '--with', 'jor', '--note', 'rang at eleven']);
    expect(r.stderr).toContain(`Corrected event #${noAnswer.id}`);
    const after = await eventOf(s, 'no-answer');
    expect(after).toMatchObject({
      id: noAnswer.id, date: '2026-12-08', withName: 'Jordan Kim', withRole: 'hr', note: 'rang at eleven',
    });
    // Nothing else moved.
    const now = await show(s);
    expect(now.events.filter((e: ShownEvent) => e.id !== noAnswer.id)).toEqual(
      before.events.filter((e: ShownEvent) => e.id !== noAnswer.id),
    );
    expect({ ...now, events: [], next: null }).toEqual({ ...before, events: [], next: null });
    const undone = await undo(s);
    expect(undone).toContain(`edit: #1 Acme, Backend Engineer: corrected event #${noAnswer.id} (no-answer on 2026-12-07 with Dana Reyes)`);
    expect(undone).toContain('date 2026-12-07 -> 2026-12-08');
    expect(undone).toContain('with "Dana Reyes" -> "Jordan Kim"');
    expect(undone).toContain('note "rang at ten" -> "rang at eleven"');
    expect(await show(s)).toEqual(before);
  });

  test('#ID is accepted; a name not recorded is kept as typed; "" clears --with and --note', async () => {
    const s = await recorded();
    const voicemail = await eventOf(s, 'voicemail');
    await s.ok(['edit', '1', '--event', `#${voicemail.id}`, '--with', 'the receptionist']);
    expect(await eventOf(s, 'voicemail')).toMatchObject({ withName: 'the receptionist', withRole: null });
    const noAnswer = await eventOf(s, 'no-answer');
    await s.ok(['edit', '1', '--event', String(noAnswer.id), '--with', '', '--note', '']);
    expect(await eventOf(s, 'no-answer')).toMatchObject({ withName: null, note: null });
  });

  test('a bare weekday is the most recent one, as in log', async () => {
    const s = await recorded();
    const voicemail = await eventOf(s, 'voicemail');
    const r = await s.ok(['edit', '1', '--event', String(voicemail.id), '--date', 'tue']);
    expect(r.stderr).toContain('(2026-12-08)');
    expect((await eventOf(s, 'voicemail')).date).toBe('2026-12-08');
  });

  test('an event of another application, an unknown id or a non-number: exit 2 listing its events, nothing written', async () => {
    const s = await recorded();
    const before = await show(s);
    const last = await lastChange(s);
    const globexEvent = (await eventOf(s, 'thanks-sent', '2')).id;
    for (const id of [String(globexEvent), '999']) {
      const r = await s.run(['edit', '1', '--event', id, '--note', 'x']);
      expect(r.status, id).toBe(2);
      expect(r.stderr).toContain(`Event #${id} is not one of #1's`);
      for (const e of before.events as ShownEvent[]) expect(r.stderr).toContain(`#${e.id} (${e.type} on ${e.date})`);
      expect(r.stderr).not.toContain(STACK_LINE);
      const removed = await s.run(['edit', '1', '--remove-event', id]);
      expect(removed.status).toBe(2);
      expect(removed.stderr).toContain(`Event #${id} is not one of #1's`);
    }
    const word = await s.run(['edit', '1', '--event', 'last', '--note', 'x']);
    expect(word.status).toBe(2);
    expect(word.stderr).toContain("--event takes an event's number");
    expect(await show(s)).toEqual(before);
    expect(await lastChange(s)).toBe(last);
  });

  test('a date after today, an empty date, or a date after its new decision date: exit 2, nothing written', async () => {
    const s = await recorded();
    await s.ok(['log', '1', 'spoke', '--date', '2026-12-09', '--new-date', '2026-12-09']);
    const before = await show(s);
    const voicemail = await eventOf(s, 'voicemail');
    const spoke = await eventOf(s, 'spoke');
    for (const [id, date, message] of [
      [voicemail.id, '2026-12-11', /after today/],
      [voicemail.id, 'tomorrow', /after today/],
      [voicemail.id, '', /no date was typed/],
      [spoke.id, '2026-12-10', /after the new decision date/],
    ] as const) {
      const r = await s.run(['edit', '1', '--event', String(id), '--date', date]);
      expect(r.status, date).toBe(2);
      expect(r.stderr, date).toMatch(message);
      expect(r.stderr).not.toContain(STACK_LINE);
    }
    expect(await show(s)).toEqual(before);
  });

  test('--event alone, --with/--note without --event, or with other changes: exit 2 saying what to type', async () => {
    const s = await recorded();
    const before = await show(s);
    const id = String((await eventOf(s, 'voicemail')).id);
    for (const [args, message] of [
      [['--event', id], /say what to correct with --date, --with or --note/],
      [['--note', 'x'], /say which with --event ID/],
      [['--with', 'Dana'], /say which with --event ID/],
      [['--event', id, '--note', 'x', '--decision-by', '2026-12-18'], /--event is a change of its own: run it without --decision-by/],
      [['--remove-event', id, '--remove-need', '1'], /--remove-event and --remove-need are separate changes/],
      [['--remove-need', '1', '--need', 'y'], /--remove-need is a change of its own: run it without --need/],
      [['--remove-contact', 'Sam', '--date', '2026-12-01'], /--remove-contact is a change of its own: run it without --date/],
    ] as const) {
      const r = await s.run(['edit', '1', ...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
    expect(await show(s)).toEqual(before);
  });
});

describe('edit removes one record at a time, each undoable', () => {
  test('--remove-event: gone from show; undo names it and puts it back exactly', async () => {
    const s = await recorded();
    const before = await show(s);
    const noAnswer = await eventOf(s, 'no-answer');
    const r = await s.ok(['edit', 'acme', '--remove-event', String(noAnswer.id)]);
    expect(r.stderr).toContain(`Removed event #${noAnswer.id} (no-answer on Mon 7 Dec with Dana Reyes) from #1.`);
    expect(r.stdout).not.toContain('rang at ten');
    const now = await show(s);
    expect(now.events.map((e: ShownEvent) => e.id)).toEqual(
      before.events.filter((e: ShownEvent) => e.id !== noAnswer.id).map((e: ShownEvent) => e.id),
    );
    expect(await undo(s)).toContain(
      `edit: #1 Acme, Backend Engineer: removed event #${noAnswer.id} (no-answer on 2026-12-07 with Dana Reyes)`,
    );
    expect(await show(s)).toEqual(before);
  });

  test('--remove-event of the loop-closed that closed it opens the application again; undo closes it again', async () => {
    const s = await recorded();
    await s.ok(['log', '1', 'loop-closed', '--date', '2026-12-10']);
    const closed = await show(s);
    expect(closed.status).toBe('no-response');
    const close = await eventOf(s, 'loop-closed');
    const r = await s.ok(['edit', '1', '--remove-event', String(close.id)]);
    expect(r.stderr).toContain('active again');
    expect((await show(s)).status).toBe('active');
    expect((await s.json(['list'])).map((a: { id: number }) => a.id)).toContain(1);
    expect(await undo(s)).toContain('closed as no response by it, is active again');
    expect(await show(s)).toEqual(closed);
  });

  test('--remove-contact by a unique start of the name; ambiguous or unknown names exit 2', async () => {
    const s = await recorded();
    await s.ok(['edit', '1', '--interviewer', 'Sam Leeds']);
    const before = await show(s);
    const ambiguous = await s.run(['edit', '1', '--remove-contact', 'sam']);
    expect(ambiguous.status).toBe(2);
    expect(ambiguous.stderr).toContain('matches more than one contact (Sam Lee, Sam Leeds)');
    const unknown = await s.run(['edit', '1', '--remove-contact', 'Zed']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('"Dana Reyes", "Jordan Kim", "Sam Lee", "Sam Leeds"');
    expect(await show(s)).toEqual(before);

    const r = await s.ok(['edit', '1', '--remove-contact', 'jordan']);
    expect(r.stderr).toContain('Removed Jordan Kim (HR) from the contacts of #1.');
    const now = await show(s);
    expect(now.contacts.map((c: { name: string }) => c.name)).toEqual(['Dana Reyes', 'Sam Lee', 'Sam Leeds']);
    // The events keep whom they were with.
    expect(now.events).toEqual(before.events);
    expect(await undo(s)).toContain('edit: #1 Acme, Backend Engineer: removed contact Jordan Kim (hr, jordan@acme.example)');
    expect(await show(s)).toEqual(before);
  });

  test('--remove-need N removes the need show numbers N; undo puts it back in its place', async () => {
    const s = await recorded();
    const before = await show(s);
    const r = await s.ok(['edit', '1', '--remove-need', '2']);
    expect(r.stderr).toContain('Removed need 2 of #1: Kubernetes');
    expect(r.stdout).toMatch(/ {2}1\. on-call experience\n {2}2\. a mentor for juniors\n/);
    expect((await show(s)).needs).toEqual(['on-call experience', 'a mentor for juniors']);
    expect(await undo(s)).toContain('edit: #1 Acme, Backend Engineer: removed need 2 ("Kubernetes")');
    expect(await show(s)).toEqual(before);
  });

  test('--remove-need out of range or not a number: exit 2 listing the needs, nothing written', async () => {
    const s = await recorded();
    const before = await show(s);
    for (const n of ['4', '0', 'two', '-1']) {
      const r = await s.run(['edit', '1', `--remove-need=${n}`]);
      expect(r.status, n).toBe(2);
      expect(r.stderr, n).not.toContain(STACK_LINE);
    }
    const r = await s.run(['edit', '1', '--remove-need', '4']);
    expect(r.stderr).toContain('1. on-call experience; 2. Kubernetes; 3. a mentor for juniors');
    const none = await s.run(['edit', '2', '--remove-need', '1']);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('no needs recorded');
    expect(await show(s)).toEqual(before);
  });

  test('each correction is exactly one undo step: one undo restores it and leaves the change before it', async () => {
    const s = await recorded();
    const before = await show(s);
    const last = await lastChange(s);
    const id = String((await eventOf(s, 'thanks-sent')).id);
    for (const args of [
      ['--event', id, '--date', '2026-12-02', '--with', 'Dana', '--note', 'by email'],
      ['--remove-event', id],
      ['--remove-contact', 'Sam Lee'],
      ['--remove-need', '3'],
    ]) {
      await s.ok(['edit', '1', ...args]);
      await undo(s);
      expect(await show(s), args.join(' ')).toEqual(before);
      expect(await lastChange(s), args.join(' ')).toBe(last);
    }
  });

  test('a correction to the values already there writes nothing and says so', async () => {
    const s = await recorded();
    const last = await lastChange(s);
    const voicemail = await eventOf(s, 'voicemail');
    const r = await s.ok(['edit', '1', '--event', String(voicemail.id), '--date', '2026-12-09', '--with', 'dana']);
    expect(r.stderr).toContain('already reads so');
    expect(r.stderr).not.toContain('followup undo');
    expect(await lastChange(s)).toBe(last);
  });
});

describe('--interviewer and --need only add', () => {
  test('they keep every contact and need already recorded', async () => {
    const s = await recorded();
    const before = await show(s);
    await s.ok(['edit', '1', '--interviewer', 'Priya Shah', '--need', 'SQL']);
    const after = await show(s);
    expect(after.contacts.slice(0, before.contacts.length)).toEqual(before.contacts);
    expect(after.contacts.map((c: { name: string }) => c.name)).toContain('Priya Shah');
    expect(after.needs).toEqual([...before.needs, 'SQL']);
    // The same again adds nothing twice.
    await s.ok(['edit', '1', '--interviewer', 'Priya Shah', '--need', 'SQL']);
    expect(await show(s)).toEqual(after);
  });
});
