/** The worked examples A-E of design/cadence.md, through the command line (in-process) and `today --json`. */
import { describe, expect, test } from 'vitest';
import { ADD_ACME, ADD_GLOBEX, itemsOf, sandboxes, type Sandbox, type TodayJson } from './helpers.js';

const sandbox = sandboxes();

/** Items other than thank-you letters: the chase and what follows it. */
function chases(plan: TodayJson) {
  return plan.items.filter((i) => i.action === 'check-status' || i.action === 'close-loop');
}

async function expectWaiting(s: Sandbox, date: string, next: string, id = 1): Promise<void> {
  const plan = await s.todayPlan(date);
  expect(chases(plan), `no chase listed on ${date}`).toEqual([]);
  expect(plan.waiting.filter((w) => w.id === id).map((w) => w.next), `waiting on ${date}`).toEqual([next]);
}

async function expectChase(
  s: Sandbox,
  date: string,
  want: { action?: string; earliest: string; due: string; attempt: number; channel: 'phone' | 'email'; overdue?: boolean },
): Promise<void> {
  const plan = await s.todayPlan(date);
  expect(plan.workday).toBe(true);
  const list = chases(plan);
  expect(list, `chases on ${date}`).toHaveLength(1);
  expect(list[0]).toMatchObject({
    id: 1,
    company: 'Acme',
    role: 'Backend Engineer',
    action: want.action ?? 'check-status',
    earliest: want.earliest,
    due: want.due,
    attempt: want.attempt,
    channel: want.channel,
    overdue: want.overdue ?? false,
    contact: { name: 'Dana Reyes', role: 'hiring-manager', phone: '+1 555 0100' },
  });
  expect(plan.waiting.filter((w) => w.id === 1), `not waiting on ${date}`).toEqual([]);
}

/** Example A up to the thank-you on 1 Dec. */
async function exampleAStart(): Promise<Sandbox> {
  const s = sandbox('2026-11-30');
  await s.ok(ADD_ACME);
  return s;
}

describe('example A: decision promised by Fri 4 Dec, hiring manager Dana with a phone', () => {
  test('the thank-you: listed 30 Nov and 1 Dec (due 1 Dec), overdue on 2 Dec, gone once logged', async () => {
    const s = await exampleAStart();
    for (const date of ['2026-11-30', '2026-12-01']) {
      const plan = await s.todayPlan(date);
      expect(plan.date).toBe(date);
      expect(plan.workday).toBe(true);
      expect(plan.items, date).toHaveLength(1);
      expect(plan.items[0]).toMatchObject({
        id: 1,
        action: 'send-thanks',
        earliest: '2026-11-30',
        due: '2026-12-01',
        overdue: false,
        attempt: null,
        channel: null,
        contact: { name: 'Dana Reyes', role: 'hiring-manager' },
      });
    }
    const late = await s.todayPlan('2026-12-02');
    expect(itemsOf(late, 'send-thanks')).toHaveLength(1);
    expect(itemsOf(late, 'send-thanks')[0]).toMatchObject({ due: '2026-12-01', overdue: true });

    await s.ok(['log', '1', 'thanks-sent', '--date', '2026-12-01'], { today: '2026-12-01' });
    expect(itemsOf(await s.todayPlan('2026-12-02'), 'send-thanks')).toEqual([]);
    expect((await s.todayPlan('2026-12-01')).items).toEqual([]);
  });

  test('the whole chase: waiting, weekend, attempts 1-4 with their gaps and channels, then the closing note', async () => {
    const s = await exampleAStart();
    await s.ok(['log', '1', 'thanks-sent', '--date', '2026-12-01'], { today: '2026-12-01' });

    // 1-4 Dec: waiting, first chase possible Mon 7 Dec.
    for (const date of ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']) await expectWaiting(s, date, '2026-12-07');

    // 5-6 Dec: a weekend, no items (the chase is lined up for Monday).
    for (const date of ['2026-12-05', '2026-12-06']) {
      const plan = await s.todayPlan(date);
      expect(plan.workday, date).toBe(false);
      expect(plan.items, date).toEqual([]);
      expect(plan.waiting.map((w) => [w.id, w.next]), date).toEqual([[1, '2026-12-07']]);
    }

    // Mon 7 Dec: attempt 1 by phone to Dana, due Tue 8 Dec.
    await expectChase(s, '2026-12-07', { earliest: '2026-12-07', due: '2026-12-08', attempt: 1, channel: 'phone' });
    // Not done on the 7th: overdue on Wednesday.
    await expectChase(s, '2026-12-09', { earliest: '2026-12-07', due: '2026-12-08', attempt: 1, channel: 'phone', overdue: true });

    // no-answer Mon 7 Dec: nothing on 8-9 Dec; attempt 2 earliest Thu 10, due Fri 11.
    await s.ok(['log', '1', 'no-answer', '--date', '2026-12-07'], { today: '2026-12-07' });
    await expectWaiting(s, '2026-12-08', '2026-12-10');
    await expectWaiting(s, '2026-12-09', '2026-12-10');
    await expectChase(s, '2026-12-10', { earliest: '2026-12-10', due: '2026-12-11', attempt: 2, channel: 'phone' });

    // voicemail Thu 10 Dec: attempt 3 earliest Mon 14 (13 Dec is a Sunday), due Mon 14.
    await s.ok(['log', '1', 'voicemail', '--date', '2026-12-10'], { today: '2026-12-10' });
    await expectWaiting(s, '2026-12-11', '2026-12-14');
    await expectChase(s, '2026-12-14', { earliest: '2026-12-14', due: '2026-12-14', attempt: 3, channel: 'phone' });

    // voicemail Mon 14 Dec: 2 voicemails; Dana has no email, so attempt 4 stays a call; earliest Thu 17, due Fri 18.
    await s.ok(['log', '1', 'voicemail', '--date', '2026-12-14'], { today: '2026-12-14' });
    await expectWaiting(s, '2026-12-16', '2026-12-17');
    await expectChase(s, '2026-12-17', { earliest: '2026-12-17', due: '2026-12-18', attempt: 4, channel: 'phone' });
    // ... and with an email recorded for Dana it goes by email.
    await s.ok(['edit', '1', '--email', 'dana@acme.example']);
    await expectChase(s, '2026-12-17', { earliest: '2026-12-17', due: '2026-12-18', attempt: 4, channel: 'email' });

    // emailed Thu 17 Dec: 4 attempts made, so close-loop, earliest Mon 21 Dec.
    await s.ok(['log', '1', 'emailed', '--date', '2026-12-17'], { today: '2026-12-17' });
    await expectWaiting(s, '2026-12-18', '2026-12-21');
    const closing = chases(await s.todayPlan('2026-12-21'));
    expect(closing).toHaveLength(1);
    expect(closing[0]).toMatchObject({ action: 'close-loop', earliest: '2026-12-21', due: '2026-12-21', attempt: 5, overdue: false });
    expect(itemsOf(await s.todayPlan('2026-12-21'), 'check-status')).toEqual([]);

    // loop-closed: nothing more is listed, and nothing waits.
    await s.ok(['log', '1', 'loop-closed', '--date', '2026-12-21'], { today: '2026-12-21' });
    const after = await s.todayPlan('2026-12-22');
    expect(after.items).toEqual([]);
    expect(after.waiting).toEqual([]);
  });

  test('a weekend lists no items but still shows what is waiting', async () => {
    const s = await exampleAStart();
    await s.ok(['log', '1', 'thanks-sent', '--date', '2026-11-30'], { today: '2026-11-30' });
    await s.ok(['log', '1', 'no-answer', '--date', '2026-12-07'], { today: '2026-12-07' });
    await s.ok(['log', '1', 'voicemail', '--date', '2026-12-10'], { today: '2026-12-10' });
    // Sat 12 Dec: the next chase (Mon 14) is still ahead, so it waits.
    const plan = await s.todayPlan('2026-12-12');
    expect(plan.workday).toBe(false);
    expect(plan.items).toEqual([]);
    expect(plan.waiting.map((w) => [w.id, w.next])).toEqual([[1, '2026-12-14']]);
  });
});

describe('example B: no decision date given', () => {
  test('interview Tue 1 Dec: D = Tue 8 Dec; first chase earliest Wed 9 Dec, due Thu 10 Dec', async () => {
    const s = sandbox('2026-12-01');
    await s.ok(['add', '--company', 'Acme', '--role', 'Backend Engineer', '--date', '2026-12-01', '--hiring-manager', 'Dana Reyes', '--phone', '+1 555 0100']);
    await s.ok(['log', '1', 'thanks-sent', '--date', '2026-12-01'], { today: '2026-12-01' });
    await expectWaiting(s, '2026-12-02', '2026-12-09');
    await expectWaiting(s, '2026-12-08', '2026-12-09');
    await expectChase(s, '2026-12-09', { earliest: '2026-12-09', due: '2026-12-10', attempt: 1, channel: 'phone' });
    // Rule 2: the list says that no date was given.
    const item = chases(await s.todayPlan('2026-12-09'))[0];
    expect(item.reason).toMatch(/no (decision )?date/i);
  });
});

describe('example C: a conversation with a new date resets the chase', () => {
  test('spoke --new-date 2026-12-16 on Thu 10 Dec: waiting until Wed 16 Dec; attempt 1 earliest Thu 17, due Fri 18', async () => {
    const s = await exampleAStart();
    await s.ok(['log', '1', 'thanks-sent', '--date', '2026-12-01'], { today: '2026-12-01' });
    await s.ok(['log', '1', 'no-answer', '--date', '2026-12-07'], { today: '2026-12-07' });
    await s.ok(['log', '1', 'spoke', '--date', '2026-12-10', '--with', 'Dana Reyes', '--new-date', '2026-12-16'], { today: '2026-12-10' });
    for (const date of ['2026-12-10', '2026-12-11', '2026-12-14', '2026-12-15', '2026-12-16']) {
      await expectWaiting(s, date, '2026-12-17');
    }
    await expectChase(s, '2026-12-17', { earliest: '2026-12-17', due: '2026-12-18', attempt: 1, channel: 'phone' });
  });
});

describe('example D: rejected on Fri 11 Dec', () => {
  async function rejected(): Promise<Sandbox> {
    const s = await exampleAStart();
    await s.ok(['log', '1', 'thanks-sent', '--date', '2026-12-01'], { today: '2026-12-01' });
    await s.ok(['log', '1', 'no-answer', '--date', '2026-12-07'], { today: '2026-12-07' });
    await s.ok(['log', '1', 'voicemail', '--date', '2026-12-10'], { today: '2026-12-10' });
    await s.ok(['outcome', '1', 'rejected', '--date', '2026-12-11'], { today: '2026-12-11' });
    return s;
  }

  test('ask-feedback earliest 11 Dec, due Tue 15 Dec; no status chase any more', async () => {
    const s = await rejected();
    const plan = await s.todayPlan('2026-12-11');
    expect(plan.items).toHaveLength(1);
    expect(plan.items[0]).toMatchObject({
      id: 1,
      action: 'ask-feedback',
      earliest: '2026-12-11',
      due: '2026-12-15',
      overdue: false,
      attempt: null,
      channel: null,
      contact: { name: 'Dana Reyes', role: 'hiring-manager' },
    });
    expect(plan.waiting).toEqual([]);
    expect(itemsOf(await s.todayPlan('2026-12-16'), 'ask-feedback')[0]).toMatchObject({ due: '2026-12-15', overdue: true });
    expect(chases(await s.todayPlan('2026-12-16'))).toEqual([]);
  });

  test('keep-in-touch earliest Thu 11 Mar 2027, and a later contact restarts the timer', async () => {
    const s = await rejected();
    expect(itemsOf(await s.todayPlan('2027-03-10'), 'keep-in-touch')).toEqual([]);
    const kit = itemsOf(await s.todayPlan('2027-03-11'), 'keep-in-touch');
    expect(kit).toHaveLength(1);
    expect(kit[0]).toMatchObject({ id: 1, earliest: '2027-03-11', due: '2027-03-18', attempt: null, channel: null });

    // Asking for feedback on Mon 14 Dec: 14 Dec + 90 days is Sun 14 Mar 2027, so Mon 15 Mar.
    await s.ok(['log', '1', 'feedback-asked', '--date', '2026-12-14'], { today: '2026-12-14' });
    expect(itemsOf(await s.todayPlan('2027-03-12'), 'keep-in-touch')).toEqual([]);
    const later = itemsOf(await s.todayPlan('2027-03-15'), 'keep-in-touch');
    expect(later).toHaveLength(1);
    expect(later[0]).toMatchObject({ earliest: '2027-03-15', due: '2027-03-22' });
    expect(itemsOf(await s.todayPlan('2027-03-15'), 'ask-feedback')).toEqual([]);
  });
});

describe('example E: an offer is shared with the other active application', () => {
  test('offer for the first on Wed 9 Dec: the second gets share-offer earliest 9 Dec, due 10 Dec', async () => {
    const s = sandbox('2026-12-01');
    await s.ok(ADD_ACME);
    await s.ok(ADD_GLOBEX);
    await s.ok(['log', '1', 'thanks-sent', '--date', '2026-11-30'], { today: '2026-11-30' });
    await s.ok(['log', '2', 'thanks-sent', '--date', '2026-12-01'], { today: '2026-12-01' });
    // Never an invented offer: nothing to share before one is recorded.
    expect(itemsOf(await s.todayPlan('2026-12-09'), 'share-offer')).toEqual([]);

    await s.ok(['outcome', '1', 'offer', '--date', '2026-12-09'], { today: '2026-12-09' });
    const plan = await s.todayPlan('2026-12-09');
    const share = itemsOf(plan, 'share-offer');
    expect(share).toHaveLength(1);
    expect(share[0]).toMatchObject({
      id: 2,
      company: 'Globex',
      earliest: '2026-12-09',
      due: '2026-12-10',
      overdue: false,
      attempt: null,
      contact: { name: 'Lee Chan', role: 'hiring-manager' },
    });
    // Rule 10: the offer itself lists nothing.
    expect(plan.items.filter((i) => i.id === 1)).toEqual([]);
    expect(plan.waiting.filter((w) => w.id === 1)).toEqual([]);

    await s.ok(['log', '2', 'offer-shared', '--date', '2026-12-09'], { today: '2026-12-09' });
    expect(itemsOf(await s.todayPlan('2026-12-10'), 'share-offer')).toEqual([]);
  });
});
