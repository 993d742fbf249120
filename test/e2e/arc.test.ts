/**
 * The whole arc of issue 14 (cadence.md rules 6 and 14-16), through the command line (in process)
 * with stated dates for every item: an interview booked ahead (prepare-interview), interviewed,
 * thanked, chased, a second round booked that holds the chase back, an offer with a deadline
 * that falls on a holiday (decide-offer, the weekend and holidays counted), shared, accepted,
 * and the other searches withdrawn (withdraw); beside it a search closed with a closing note that
 * keeps in touch (rule 6). Each new item is checked in `today`, `today --json`, `agenda`, the ICS
 * export (read by ical.js, the interview a timed event at its time) and `report`.
 *
 * The store is built day by day (the tests run in order and share it); each step runs with
 * --today set to its day. 2026: 30 Nov is a Monday; 24 and 25 Dec are holidays.
 *
 *   #1 Acme, Backend Engineer: booked on Wed 25 Nov for Mon 30 Nov 10:00 (video, Priya
 *      Natarajan), decision promised by Fri 4 Dec; offer Wed 16 Dec to answer by Thu 24 Dec
 *      (a holiday); accepted Tue 22 Dec.
 *   #2 Hooli, Platform Engineer: interviewed Mon 2 Nov, four unanswered tries, closing note Mon
 *      23 Nov: keep-in-touch from Mon 22 Feb 2027 (23 Nov + 90 days is a Sunday).
 *   #3 Globex, Analyst: interviewed Tue 1 Dec, no date given, email only; withdrawn Wed 23 Dec.
 *   #4 Initech, Data Engineer: interviewed Wed 2 Dec; round 2 booked on Mon 7 Dec for Tue
 *      15 Dec 15:00 (on site, Sam Ortiz).
 */
import ICAL from 'ical.js';
import { beforeAll, describe, expect, test } from 'vitest';
import { actionPhrase, draftCommand } from '../../src/core/actions.js';
import { parseJson, Sandbox, sandboxes, type TodayItem, type TodayJson } from './helpers.js';

const sandbox = sandboxes();
let s: Sandbox;

beforeAll(() => {
  s = sandbox('2026-11-25');
});

interface Waiting {
  id: number;
  next: string;
  action: string;
  reason: string;
  interview?: { round: number; date: string; time: string | null } | null;
}

type Plan = Omit<TodayJson, 'waiting'> & { nextWorkday: string | null; waiting: Waiting[] };

interface Agenda {
  days: { date: string; workday: boolean; items: TodayItem[] }[];
}

/** What a plan item is, in a line that a failing test prints well. */
const brief = (i: TodayItem) =>
  `#${i.id} ${i.action} ${i.earliest}..${i.due}${i.overdue ? ' overdue' : ''}${i.attempt !== null ? ` attempt ${i.attempt}` : ''}` +
  (i.channel ? ` ${i.channel}` : '');

async function plan(date: string): Promise<Plan> {
  return (await s.json<Plan>(['today'], { today: date })) as Plan;
}

/** `today --json` lists exactly these items, in this order. */
async function expectItems(date: string, want: string[]): Promise<Plan> {
  const p = await plan(date);
  expect(p.items.map(brief), `today on ${date}`).toEqual(want);
  return p;
}

/** `today`'s text, its lines unwrapped (the wrap width is the terminal's). */
async function todayText(date: string): Promise<string> {
  return (await s.ok(['today'], { today: date })).stdout.replace(/\s+/g, ' ');
}

function item(p: Plan, id: number, action: string): TodayItem {
  const found = p.items.filter((i) => i.id === id && i.action === action);
  expect(found, `#${id} ${action} on ${p.date}`).toHaveLength(1);
  return found[0];
}

/** The text `today` shows for an item: its phrase and its help command, both from the registry. */
function expectShown(text: string, i: TodayItem): void {
  expect(text).toContain(actionPhrase({ action: i.action as never, channel: i.channel, contact: i.contact }));
  expect(text).toContain(draftCommand({ id: i.id, action: i.action as never, channel: i.channel }));
}

interface IcsEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
  isDate: boolean;
  floating: boolean;
}

async function calendar(date: string): Promise<IcsEvent[]> {
  const text = (await s.ok(['export', '--format', 'ics'], { today: date })).stdout;
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((ev) => {
    const start = ev.getFirstProperty('dtstart')!;
    const value = start.getFirstValue() as ICAL.Time;
    return {
      uid: String(ev.getFirstPropertyValue('uid')),
      summary: String(ev.getFirstPropertyValue('summary')),
      description: String(ev.getFirstPropertyValue('description')),
      start: value.toString(),
      isDate: value.isDate,
      floating: !start.getParameter('tzid') && value.zone?.tzid === 'floating',
    };
  });
}

function eventsAt(events: IcsEvent[], company: string): IcsEvent[] {
  return events.filter((e) => e.summary.includes(` at ${company} (`));
}

async function agendaDay(today: string, days: number, date: string): Promise<string[]> {
  const agenda = await s.json<Agenda>(['agenda', '--days', String(days)], { today });
  const day = agenda.days.find((d) => d.date === date);
  expect(day, `${date} in the agenda from ${today}`).toBeDefined();
  return day!.items.map(brief);
}

const HOOLI_KEEP = '#2 keep-in-touch 2027-02-22..2027-03-01';

describe('the arc, day by day', () => {
  test('Wed 25 Nov: the interview booked for Mon 30 Nov, and a search closed earlier', async () => {
    await s.ok(['config', 'set', 'holidays', '2026-12-24,2026-12-25']);
    await s.ok(['config', 'set', 'name', 'Alex Morgan']);
    await s.ok(['config', 'set', 'email', 'alex@example.com']);
    await s.ok([
      'add', '--company', 'Acme', '--role', 'Backend Engineer', '--date', '2026-11-30', '--time', '10:00', '--kind', 'video',
      '--interviewer', 'Priya Natarajan :: asked about scaling', '--hiring-manager', 'Dana Reyes', '--phone', '+1 555 0100',
      '--email', 'dana@acme.example', '--decision-by', '2026-12-04',
      '--need', 'Postgres on-call :: I carried the pager for a 30-node cluster for two years',
    ]);
    await s.ok([
      'add', '--company', 'Hooli', '--role', 'Platform Engineer', '--date', '2026-11-02', '--hiring-manager', 'Kim Park',
      '--phone', '+1 555 0400', '--email', 'kim@hooli.example', '--decision-by', '2026-11-06',
    ]);
    for (const [event, date] of [
      ['thanks-sent', '2026-11-02'],
      ['no-answer', '2026-11-09'],
      ['no-answer', '2026-11-12'],
      ['voicemail', '2026-11-16'],
      ['emailed', '2026-11-19'],
      ['loop-closed', '2026-11-23'],
    ]) {
      await s.ok(['log', '2', event, '--date', date]);
    }

    const p = await expectItems('2026-11-25', []);
    // The booked round holds the chase back; waiting names the interview.
    const acme = p.waiting.filter((w) => w.id === 1);
    expect(acme).toHaveLength(1);
    expect(acme[0]).toMatchObject({ next: '2026-12-07', action: 'check-status', interview: { round: 1, date: '2026-11-30', time: '10:00' } });
    expect(acme[0].reason).toContain('Mon 30 Nov at 10:00');
    expect(await todayText('2026-11-25')).toContain('Mon 30 Nov at 10:00');
    // A closed search waits for nothing and is chased no more.
    expect(p.waiting.some((w) => w.id === 2)).toBe(false);
    await expectItems('2026-11-26', []);
  });

  test('the calendar of Wed 25 Nov: the interview at 10:00 on 30 Nov (floating), the thank-you that day all-day', async () => {
    const events = await calendar('2026-11-25');
    const acme = eventsAt(events, 'Acme');
    const timed = acme.filter((e) => !e.isDate);
    expect(timed).toHaveLength(1);
    expect(timed[0].start).toBe('2026-11-30T10:00:00');
    expect(timed[0].floating).toBe(true);
    expect(timed[0].summary).toBe('Interview with Priya Natarajan at Acme (Backend Engineer)');
    expect(timed[0].description).toContain('Video interview on Mon 30 Nov at 10:00 with Priya Natarajan.');
    expect(timed[0].description).toContain('Postgres on-call');
    expect(timed[0].description).toContain('followup show 1');
    // Separate from the follow-up, which stays an all-day event.
    const allDay = acme.filter((e) => e.isDate);
    expect(allDay.map((e) => `${e.start} ${e.summary}`)).toEqual(['2026-11-30 Send a thank-you to Dana Reyes at Acme (Backend Engineer)']);
    expect(allDay[0].uid).not.toBe(timed[0].uid);
    // Rule 6 in the calendar: the closed search keeps in touch in February.
    expect(eventsAt(events, 'Hooli').map((e) => `${e.start} ${e.isDate}`)).toEqual(['2027-02-22 true']);
    // The same export again: the same UIDs (a re-import updates).
    expect((await calendar('2026-11-25')).map((e) => e.uid)).toEqual(events.map((e) => e.uid));
  });

  test('the agenda from Wed 25 Nov shows the interview on its day', async () => {
    expect(await agendaDay('2026-11-25', 14, '2026-11-30')).toEqual(['#1 prepare-interview 2026-11-27..2026-11-30']);
    expect(await agendaDay('2026-11-25', 14, '2026-12-01')).toEqual(['#1 send-thanks 2026-11-30..2026-12-01']);
  });

  test('Fri 27 Nov: prepare-interview from the working day before; the weekend lists nothing', async () => {
    const p = await expectItems('2026-11-27', ['#1 prepare-interview 2026-11-27..2026-11-30']);
    const prep = item(p, 1, 'prepare-interview');
    expect(prep.channel).toBeNull();
    expect(prep.attempt).toBeNull();
    expect(prep.reason).toContain('Video interview on Mon 30 Nov at 10:00 with Priya Natarajan');
    expect(prep.reason).toContain('Postgres on-call');
    expectShown(await todayText('2026-11-27'), prep);
    const saturday = await expectItems('2026-11-28', []);
    expect(saturday.workday).toBe(false);
    expect(saturday.nextWorkday).toBe('2026-11-30');
  });

  test('Mon 30 Nov: the interview day; then thanked', async () => {
    await expectItems('2026-11-30', ['#1 prepare-interview 2026-11-27..2026-11-30', '#1 send-thanks 2026-11-30..2026-12-01']);
    await s.ok(['log', '1', 'thanks-sent'], { today: '2026-11-30' });
    await expectItems('2026-11-30', ['#1 prepare-interview 2026-11-27..2026-11-30']);
    // After its day the interview is no longer listed, nor in the calendar.
    await expectItems('2026-12-01', []);
    expect(eventsAt(await calendar('2026-12-01'), 'Acme').filter((e) => !e.isDate)).toEqual([]);
  });

  test('Tue 1 and Wed 2 Dec: two more interviews, thanked', async () => {
    await s.ok(
      ['add', '--company', 'Globex', '--role', 'Analyst', '--date', '2026-12-01', '--hiring-manager', 'Lee Chen', '--email', 'lee@globex.example'],
      { today: '2026-12-01' },
    );
    await expectItems('2026-12-01', ['#3 send-thanks 2026-12-01..2026-12-02']);
    await s.ok(['log', '3', 'thanks-sent'], { today: '2026-12-01' });
    await s.ok(
      ['add', '--company', 'Initech', '--role', 'Data Engineer', '--date', '2026-12-02', '--hiring-manager', 'Ana Ruiz',
        '--phone', '+1 555 0300', '--email', 'ana@initech.example'],
      { today: '2026-12-02' },
    );
    await s.ok(['log', '4', 'thanks-sent'], { today: '2026-12-02' });
    const p = await expectItems('2026-12-02', []);
    expect(p.waiting.map((w) => `#${w.id} ${w.next}`)).toEqual(['#1 2026-12-07', '#3 2026-12-09', '#4 2026-12-10']);
  });

  test('Mon 7 Dec: Acme chased; Initech books round 2 for Tue 15 Dec 15:00, which holds its chase back', async () => {
    await expectItems('2026-12-07', ['#1 check-status 2026-12-07..2026-12-08 attempt 1 phone']);
    await s.ok(['log', '1', 'no-answer'], { today: '2026-12-07' });
    await s.ok(
      ['add', '--company', 'Initech', '--role', 'Data Engineer', '--date', '2026-12-15', '--time', '15:00', '--kind', 'onsite',
        '--interviewer', 'Sam Ortiz'],
      { today: '2026-12-07' },
    );
    const p = await expectItems('2026-12-07', []);
    const initech = p.waiting.find((w) => w.id === 4)!;
    // Round 2's own D: 15 Dec plus 5 working days = Tue 22 Dec; the chase from Wed 23 Dec.
    expect(initech).toMatchObject({ next: '2026-12-23', interview: { round: 2, date: '2026-12-15', time: '15:00' } });
    expect(initech.reason).toContain('Tue 15 Dec at 15:00');

    const events = await calendar('2026-12-07');
    const timed = eventsAt(events, 'Initech').filter((e) => !e.isDate);
    expect(timed.map((e) => `${e.start} ${e.floating} ${e.summary}`)).toEqual([
      '2026-12-15T15:00:00 true Interview with Sam Ortiz at Initech (Data Engineer)',
    ]);
    expect(timed[0].description).toContain('On-site interview (round 2) on Tue 15 Dec at 15:00 with Sam Ortiz.');
  });

  test('Wed 9 to Mon 14 Dec: chases, a conversation, no chase for Initech while round 2 is booked', async () => {
    await expectItems('2026-12-09', ['#3 check-status 2026-12-09..2026-12-10 attempt 1 email']);
    await s.ok(['log', '3', 'emailed'], { today: '2026-12-09' });
    // Without round 2, Initech's first chase would be Thu 10 Dec.
    await expectItems('2026-12-10', ['#1 check-status 2026-12-10..2026-12-11 attempt 2 phone']);
    await s.ok(['log', '1', 'spoke', '--new-date', '2026-12-16'], { today: '2026-12-10' });
    await expectItems('2026-12-11', []);
    const monday = await expectItems('2026-12-14', [
      '#3 check-status 2026-12-14..2026-12-14 attempt 2 email',
      '#4 prepare-interview 2026-12-14..2026-12-15',
    ]);
    expect(item(monday, 4, 'prepare-interview').reason).toContain('On-site interview (round 2) on Tue 15 Dec at 15:00 with Sam Ortiz');
    expectShown(await todayText('2026-12-14'), item(monday, 4, 'prepare-interview'));
    await s.ok(['log', '3', 'emailed'], { today: '2026-12-14' });
    expect(await agendaDay('2026-12-10', 7, '2026-12-15')).toContain('#4 prepare-interview 2026-12-14..2026-12-15');
  });

  test('Tue 15 Dec: round 2 at Initech, then its thank-you', async () => {
    await expectItems('2026-12-15', ['#4 prepare-interview 2026-12-14..2026-12-15', '#4 send-thanks 2026-12-15..2026-12-16']);
    await s.ok(['log', '4', 'thanks-sent'], { today: '2026-12-15' });
  });

  test('Wed 16 Dec: the offer, to answer by Thu 24 Dec (a holiday); the others are told, with the date', async () => {
    await s.ok(['outcome', '1', 'offer', '--respond-by', '2026-12-24', '--note', 'verbal, letter to follow'], { today: '2026-12-16' });
    const p = await expectItems('2026-12-16', ['#3 share-offer 2026-12-16..2026-12-17 email', '#4 share-offer 2026-12-16..2026-12-17 phone']);
    for (const id of [3, 4]) expect(item(p, id, 'share-offer').reason).toContain('Thu 24 Dec');
    expect(p.waiting.some((w) => w.id === 1)).toBe(false);
    await s.ok(['log', '3', 'offer-shared'], { today: '2026-12-16' });

    // decide-offer: due the last working day on or before 24 Dec (Wed 23 Dec), from two working
    // days before that (Mon 21 Dec; the weekend of 19-20 Dec is not counted).
    const events = await calendar('2026-12-16');
    expect(eventsAt(events, 'Acme').map((e) => `${e.start} ${e.isDate} ${e.summary}`)).toEqual([
      '2026-12-21 true Answer Dana Reyes about the offer at Acme (Backend Engineer)',
    ]);
    expect(eventsAt(events, 'Acme')[0].description).toContain('Thu 24 Dec');
    expect(await agendaDay('2026-12-16', 14, '2026-12-23')).toContain('#1 decide-offer 2026-12-21..2026-12-23');
    await expectItems('2026-12-18', ['#4 share-offer 2026-12-16..2026-12-17 overdue phone']);
  });

  test('Mon 21 Dec: decide-offer is listed, with the deadline', async () => {
    const p = await expectItems('2026-12-21', [
      '#4 share-offer 2026-12-16..2026-12-17 overdue phone',
      '#3 check-status 2026-12-21..2026-12-22 attempt 3 email',
      '#1 decide-offer 2026-12-21..2026-12-23',
    ]);
    const decide = item(p, 1, 'decide-offer');
    expect(decide.channel).toBeNull();
    expect(decide.contact?.name).toBe('Dana Reyes');
    expect(decide.reason).toContain('Thu 24 Dec');
    expectShown(await todayText('2026-12-21'), decide);
  });

  test('Tue 22 Dec: accepted; every other active search lists only withdraw, due Mon 28 Dec past the holidays', async () => {
    await s.ok(['outcome', '1', 'accepted'], { today: '2026-12-22' });
    const p = await expectItems('2026-12-22', ['#3 withdraw 2026-12-22..2026-12-28', '#4 withdraw 2026-12-22..2026-12-28']);
    expect(p.waiting.filter((w) => w.id === 3 || w.id === 4)).toEqual([]);
    const w = item(p, 3, 'withdraw');
    expect(w.channel).toBeNull();
    expect(w.contact?.name).toBe('Lee Chen');
    expect(w.reason).toContain('Acme');
    const text = await todayText('2026-12-22');
    expectShown(text, w);
    expect(text).toContain('followup draft withdraw 4');

    const shown = (await s.json<{ id: number; status: string }[]>(['list', '--all'], { today: '2026-12-22' })).map((a) => `#${a.id} ${a.status}`);
    expect(shown).toContain('#1 accepted');

    const events = await calendar('2026-12-22');
    expect(
      [...eventsAt(events, 'Globex'), ...eventsAt(events, 'Initech')].map((e) => `${e.start} ${e.isDate} ${e.summary}`),
    ).toEqual([
      '2026-12-22 true Withdraw: write to Lee Chen at Globex (Analyst)',
      '2026-12-22 true Withdraw: write to Ana Ruiz at Initech (Data Engineer)',
    ]);
    // The booked round 2 is over; nothing timed is left.
    expect(events.filter((e) => !e.isDate)).toEqual([]);
    // Acme lists nothing any more: no event of its own.
    expect(eventsAt(events, 'Acme')).toEqual([]);
    expect(await agendaDay('2026-12-22', 7, '2026-12-28')).toEqual([]);
    expect(await agendaDay('2026-12-22', 7, '2026-12-22')).toEqual(['#3 withdraw 2026-12-22..2026-12-28', '#4 withdraw 2026-12-22..2026-12-28']);
  });

  test('Wed 23 Dec: withdrawn from Globex with the letter; the holiday lists nothing; Initech overdue after Mon 28 Dec', async () => {
    // Without a terminal, --mark-sent records nothing and prints the command; a script runs it.
    const r = await s.ok(['draft', 'withdraw', '3', '--mark-sent'], { today: '2026-12-23' });
    expect(r.stdout).toContain('Analyst');
    const command = /followup outcome 3 withdrawn --note "([^"]+)"/.exec(r.stderr);
    expect(command, r.stderr).not.toBeNull();
    expect(parseJson<{ status: string }>((await s.ok(['show', '3', '--json'], { today: '2026-12-23' })).stdout).status).toBe('active');
    await s.ok(['outcome', '3', 'withdrawn', '--note', command![1]], { today: '2026-12-23' });
    const shown = parseJson<{ status: string }>((await s.ok(['show', '3', '--json'], { today: '2026-12-23' })).stdout);
    expect(shown.status).toBe('withdrawn');
    await expectItems('2026-12-23', ['#4 withdraw 2026-12-22..2026-12-28']);
    const holiday = await expectItems('2026-12-24', []);
    expect(holiday.workday).toBe(false);
    expect(holiday.nextWorkday).toBe('2026-12-28');
    await expectItems('2026-12-28', ['#4 withdraw 2026-12-22..2026-12-28']);
    await expectItems('2026-12-29', ['#4 withdraw 2026-12-22..2026-12-28 overdue']);
    await s.ok(['outcome', '4', 'withdrawn'], { today: '2026-12-29' });
    await expectItems('2026-12-29', []);
  });

  test('rule 6: after the closing note, keep-in-touch from Mon 22 Feb 2027, due Mon 1 Mar', async () => {
    await expectItems('2027-02-19', []);
    const p = await expectItems('2027-02-22', [HOOLI_KEEP]);
    const keep = item(p, 2, 'keep-in-touch');
    expect(keep.contact?.name).toBe('Kim Park');
    expect(keep.channel).toBeNull();
    expectShown(await todayText('2027-02-22'), keep);
    expect(await agendaDay('2027-02-19', 14, '2027-03-01')).toEqual([HOOLI_KEEP]);
    // Never a chase after the closing note, on any day of the arc.
    for (const date of ['2026-11-25', '2026-11-30', '2026-12-07', '2026-12-16', '2026-12-22', '2027-02-22']) {
      expect((await plan(date)).items.filter((i) => i.id === 2 && (i.action === 'check-status' || i.action === 'close-loop')), date).toEqual([]);
    }
    // Until the user records withdrawn.
    await s.ok(['outcome', '2', 'withdrawn'], { today: '2027-02-23' });
    await expectItems('2027-02-23', []);
  });

  test('the replay: each day still says what it said then', async () => {
    await expectItems('2026-11-27', ['#1 prepare-interview 2026-11-27..2026-11-30']);
    await expectItems('2026-12-14', ['#4 prepare-interview 2026-12-14..2026-12-15']);
    await expectItems('2026-12-21', [
      '#4 share-offer 2026-12-16..2026-12-17 overdue phone',
      '#3 check-status 2026-12-21..2026-12-22 attempt 3 email',
      '#1 decide-offer 2026-12-21..2026-12-23',
    ]);
    await expectItems('2026-12-22', ['#3 withdraw 2026-12-22..2026-12-28', '#4 withdraw 2026-12-22..2026-12-28']);
    await expectItems('2027-02-22', [HOOLI_KEEP]);
  });

  test('the report: the interviews at their times, the offer with its deadline, the acceptance, the withdrawals, the closing note', async () => {
    const md = (await s.ok(['report', '--from', '2026-11-01', '--until', '2026-12-31'], { today: '2027-02-23' })).stdout;
    const rows = md.split('\n').filter((l) => /^\| \d{4}-/.test(l));
    // The outcome and interview rows of a day (the letters and calls of that day are rows of their own).
    const row = (date: string, company: string) =>
      rows.filter((l) => l.startsWith(`| ${date} | ${company} |`) && /\| (Interview|Offer|Withdrew)/.test(l));
    expect(row('2026-11-30', 'Acme')).toEqual(['| 2026-11-30 | Acme | Backend Engineer | Interview, round 1 at 10:00 | Priya Natarajan | video |']);
    expect(row('2026-12-15', 'Initech')).toEqual(['| 2026-12-15 | Initech | Data Engineer | Interview, round 2 at 15:00 | Sam Ortiz | on site |']);
    expect(row('2026-12-16', 'Acme')).toEqual(['| 2026-12-16 | Acme | Backend Engineer | Offer received, to answer by 2026-12-24 | Dana Reyes |  |']);
    expect(row('2026-12-22', 'Acme')).toEqual(['| 2026-12-22 | Acme | Backend Engineer | Offer accepted | Dana Reyes |  |']);
    expect(row('2026-12-23', 'Globex')).toEqual(['| 2026-12-23 | Globex | Analyst | Withdrew | Lee Chen |  |']);
    expect(row('2026-12-29', 'Initech')).toEqual(['| 2026-12-29 | Initech | Data Engineer | Withdrew | Ana Ruiz |  |']);
    expect(rows.filter((l) => l.startsWith('| 2026-11-23 | Hooli |'))).toEqual([
      '| 2026-11-23 | Hooli | Platform Engineer | Closing note sent | Kim Park | letter |',
    ]);
    expect(md).toContain('- Offer received: 1\n');
    expect(md).toContain('- Offer accepted: 1\n');
    expect(md).toContain('- Withdrew: 2\n');
    expect(md).not.toContain('Offer declined');
    // The period after the acceptance: the acceptance alone is not counted as a second offer.
    const late = (await s.ok(['report', '--from', '2026-12-20', '--until', '2026-12-31'], { today: '2027-02-23' })).stdout;
    expect(late).toContain('- Offer accepted: 1\n');
    expect(late).not.toContain('Offer received');
  });
});

describe('an offer declined', () => {
  test('decide-offer from two working days before a deadline past the New Year holidays; declined: nothing more', async () => {
    const d = sandbox('2026-12-18');
    await d.ok(['config', 'set', 'holidays', '2026-12-31,2027-01-01']);
    await d.ok(['add', '--company', 'Bolt', '--role', 'SRE', '--date', '2026-12-10', '--hiring-manager', 'Jo Kim', '--email', 'jo@bolt.example']);
    await d.ok(['log', '1', 'thanks-sent', '--date', '2026-12-10']);
    await d.ok(['outcome', '1', 'offer', '--respond-by', '2027-01-04']);
    // Due Mon 4 Jan; two working days before it, past 1 Jan and 31 Dec (holidays) and the weekend: Tue 29 Dec.
    const before = await d.todayPlan('2026-12-28');
    expect(before.items).toEqual([]);
    const on = await d.todayPlan('2026-12-29');
    expect(on.items.map((i) => `${i.action} ${i.earliest}..${i.due}`)).toEqual(['decide-offer 2026-12-29..2027-01-04']);
    await d.ok(['outcome', '1', 'declined', '--date', '2026-12-30'], { today: '2026-12-30' });
    expect((await d.todayPlan('2026-12-30')).items).toEqual([]);
    expect((await d.todayPlan('2027-01-05')).items).toEqual([]);
    const md = (await d.ok(['report', '--from', '2026-12-01', '--until', '2026-12-31'], { today: '2027-01-05' })).stdout;
    expect(md).toContain('| 2026-12-18 | Bolt | SRE | Offer received, to answer by 2027-01-04 | Jo Kim |  |');
    expect(md).toContain('| 2026-12-30 | Bolt | SRE | Offer declined | Jo Kim |  |');
    expect(md).toContain('- Offer declined: 1\n');
  });
});

describe('a booked interview when an offer elsewhere is accepted', () => {
  test('the calendar drops the interview and shows the withdrawal; before the acceptance it showed the interview at its time', async () => {
    const d = sandbox('2026-12-07');
    await d.ok(['add', '--company', 'Bolt', '--role', 'SRE', '--date', '2026-12-01', '--hiring-manager', 'Jo Kim', '--email', 'jo@bolt.example']);
    await d.ok(['add', '--company', 'Cyan', '--role', 'Dev', '--date', '2026-11-30', '--hiring-manager', 'Max Roe', '--email', 'max@cyan.example']);
    await d.ok(['log', '2', 'thanks-sent', '--date', '2026-11-30']);
    await d.ok(['add', '--company', 'Cyan', '--role', 'Dev', '--date', '2026-12-10', '--time', '09:30', '--kind', 'phone']);
    await d.ok(['outcome', '1', 'offer', '--respond-by', '2026-12-11']);
    const read = async (date: string) => {
      const text = (await d.ok(['export', '--format', 'ics'], { today: date })).stdout;
      return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((ev) => {
        const v = ev.getFirstPropertyValue('dtstart') as ICAL.Time;
        return `${v.toString()} ${String(ev.getFirstPropertyValue('summary'))}`;
      });
    };
    expect((await read('2026-12-07')).filter((e) => e.includes('Cyan'))).toEqual([
      '2026-12-07 Tell Max Roe about your offer at Cyan (Dev)',
      // No interviewer recorded for round 2: the title names nobody rather than guess.
      '2026-12-10T09:30:00 Interview at Cyan (Dev)',
    ]);
    await d.ok(['outcome', '1', 'accepted'], { today: '2026-12-08' });
    expect((await read('2026-12-08')).filter((e) => e.includes('Cyan'))).toEqual(['2026-12-08 Withdraw: write to Max Roe at Cyan (Dev)']);
  });
});
