/** Rules of design/cadence.md beyond the worked examples, through the command line (in-process). */
import { describe, expect, test } from 'vitest';
import { ADD_ACME, ADD_GLOBEX, itemsOf, sandboxes } from './helpers.js';

const sandbox = sandboxes();

describe('rounds and conversations', () => {
  test('a new round needs its own thank-you, takes its own decision date and resets the attempts', async () => {
    const s = sandbox('2026-12-09');
    await s.ok(ADD_ACME);
    await s.ok(['log', '1', 'thanks-sent', '--date', '2026-11-30']);
    await s.ok(['log', '1', 'no-answer', '--date', '2026-12-07']);
    await s.ok(['add', '--company', 'Acme', '--role', 'Backend Engineer', '--date', '2026-12-09', '--decision-by', '2026-12-11']);
    const plan = await s.todayPlan('2026-12-09');
    expect(itemsOf(plan, 'send-thanks').map((i) => [i.earliest, i.due])).toEqual([['2026-12-09', '2026-12-10']]);
    expect(itemsOf(plan, 'check-status')).toEqual([]);
    // D = Fri 11 Dec, no contact since round 2: earliest Mon 14, due Tue 15, attempt 1 again.
    expect(plan.waiting.map((w) => w.next)).toEqual(['2026-12-14']);
    await s.ok(['log', '1', 'thanks-sent', '--date', '2026-12-09']);
    expect(itemsOf(await s.todayPlan('2026-12-14'), 'check-status')[0]).toMatchObject({
      earliest: '2026-12-14',
      due: '2026-12-15',
      attempt: 1,
      channel: 'phone',
    });
  });

  test('the latest conversation decides D, even when it gave no date (rule 5)', async () => {
    const s = sandbox('2026-12-14');
    await s.ok(ADD_ACME);
    await s.ok(['log', '1', 'thanks-sent', '--date', '2026-11-30']);
    await s.ok(['log', '1', 'spoke', '--date', '2026-12-10', '--new-date', '2026-12-16']);
    await s.ok(['log', '1', 'spoke', '--date', '2026-12-14']);
    // D = Mon 14 Dec plus 5 working days = Mon 21 Dec; first chase Tue 22, due Wed 23.
    expect((await s.todayPlan('2026-12-17')).waiting.map((w) => w.next)).toEqual(['2026-12-22']);
    expect(itemsOf(await s.todayPlan('2026-12-22'), 'check-status')[0]).toMatchObject({
      earliest: '2026-12-22',
      due: '2026-12-23',
      attempt: 1,
    });
  });

  test('a conversation resets the voicemail count: the next chase is a call again', async () => {
    const s = sandbox('2026-12-17');
    // Recorded on the interview's day: the plan of 14 December knows only what was recorded by then.
    await s.ok([...ADD_ACME, '--email', 'dana@acme.example'], { today: '2026-11-30' });
    await s.ok(['log', '1', 'thanks-sent', '--date', '2026-11-30']);
    await s.ok(['log', '1', 'voicemail', '--date', '2026-12-07']);
    await s.ok(['log', '1', 'voicemail', '--date', '2026-12-10']);
    expect(itemsOf(await s.todayPlan('2026-12-14'), 'check-status')[0]).toMatchObject({ attempt: 3, channel: 'email' });
    await s.ok(['log', '1', 'spoke', '--date', '2026-12-14', '--new-date', '2026-12-16']);
    expect(itemsOf(await s.todayPlan('2026-12-17'), 'check-status')[0]).toMatchObject({
      earliest: '2026-12-17',
      due: '2026-12-18',
      attempt: 1,
      channel: 'phone',
    });
  });
});

describe('whom and how (rule 7)', () => {
  test('no hiring manager: the chase goes to HR and the list says to ask for the hiring manager', async () => {
    const s = sandbox('2026-12-07');
    await s.ok(['add', '--company', 'Acme', '--role', 'Backend Engineer', '--date', '2026-11-30', '--decision-by', '2026-12-04',
      '--hr', 'Sam Lee', '--hr-phone', '+1 555 0111', '--interviewer', 'Priya Natarajan']);
    await s.ok(['log', '1', 'thanks-sent', '--date', '2026-11-30']);
    const chase = itemsOf(await s.todayPlan('2026-12-07'), 'check-status')[0];
    expect(chase).toMatchObject({ channel: 'phone', contact: { name: 'Sam Lee', role: 'hr', phone: '+1 555 0111' } });
    const text = (await s.ok(['today'])).stdout;
    expect(text).toMatch(/hiring manager/i);
    expect(text).toMatch(/direct line/i);
  });

  test('letters name the hiring manager, else the first interviewer, else HR', async () => {
    const s = sandbox('2026-11-30');
    await s.ok(['add', '--company', 'A1', '--role', 'R', '--date', '2026-11-30', '--hr', 'Sam Lee', '--interviewer', 'Priya Natarajan', '--interviewer', 'Tom Becker']);
    await s.ok(['add', '--company', 'B2', '--role', 'R', '--date', '2026-11-30', '--hr', 'Jo Kim']);
    await s.ok(['add', '--company', 'C3', '--role', 'R', '--date', '2026-11-30', '--interviewer', 'Ann Oak', '--hiring-manager', 'Max Bell']);
    const thanks = itemsOf(await s.todayPlan('2026-11-30'), 'send-thanks');
    expect(thanks.map((i) => [i.id, i.contact?.name, i.contact?.role, i.channel])).toEqual([
      [1, 'Priya Natarajan', 'interviewer', null],
      [2, 'Jo Kim', 'hr', null],
      [3, 'Max Bell', 'hiring-manager', null],
    ]);
  });

  test('no contact at all: nobody is named and the list says to record one', async () => {
    const s = sandbox('2026-12-07');
    await s.ok(['add', '--company', 'Acme', '--role', 'Backend Engineer', '--date', '2026-11-30', '--decision-by', '2026-12-04']);
    await s.ok(['log', '1', 'thanks-sent', '--date', '2026-11-30']);
    const chase = itemsOf(await s.todayPlan('2026-12-07'), 'check-status')[0];
    expect(chase.contact).toBeNull();
    expect(chase.channel).toBe('phone');
    expect((await s.ok(['today'])).stdout).toMatch(/followup edit 1 --hiring-manager/);
  });

  test('email when only an email is known; phone (saying what is missing) when neither is', async () => {
    const s = sandbox('2026-12-07');
    await s.ok(['add', '--company', 'Mail Co', '--role', 'R', '--date', '2026-11-30', '--decision-by', '2026-12-04', '--hiring-manager', 'Eve Post', '--email', 'eve@mail.example']);
    await s.ok(['add', '--company', 'Bare Co', '--role', 'R', '--date', '2026-11-30', '--decision-by', '2026-12-04', '--hiring-manager', 'Ned Blank']);
    await s.ok(['log', '1', 'thanks-sent', '--date', '2026-11-30']);
    await s.ok(['log', '2', 'thanks-sent', '--date', '2026-11-30']);
    const chases = itemsOf(await s.todayPlan('2026-12-07'), 'check-status');
    expect(chases.map((i) => [i.id, i.channel])).toEqual([
      [1, 'email'],
      [2, 'phone'],
    ]);
    // The item for Ned Blank (a call with no number) says that an email or phone is missing.
    const blocks = (await s.ok(['today'])).stdout.split(/\n(?=\s*\d+\. )/);
    const ned = blocks.find((b) => b.includes('Bare Co'));
    expect(ned).toBeDefined();
    expect(ned).toMatch(/email/i);
  });
});

describe('offers (rule 9)', () => {
  test('only applications whose first round is on or before the offer get share-offer', async () => {
    const s = sandbox('2026-12-09');
    await s.ok(ADD_ACME);
    await s.ok(ADD_GLOBEX);
    await s.ok(['add', '--company', 'Initech', '--role', 'QA Lead', '--date', '2026-12-10', '--hiring-manager', 'Bill L', '--phone', '1']);
    await s.ok(['outcome', '1', 'offer', '--date', '2026-12-09']);
    expect(itemsOf(await s.todayPlan('2026-12-10'), 'share-offer').map((i) => i.id)).toEqual([2]);
  });

  test('a shared offer is a contact: the next chase waits minGapDays, due one working day later', async () => {
    const s = sandbox('2026-12-09');
    await s.ok(ADD_ACME);
    await s.ok(ADD_GLOBEX);
    await s.ok(['log', '2', 'thanks-sent', '--date', '2026-12-01']);
    await s.ok(['outcome', '1', 'offer', '--date', '2026-12-09']);
    await s.ok(['log', '2', 'offer-shared', '--date', '2026-12-09']);
    expect((await s.todayPlan('2026-12-10')).waiting.map((w) => [w.id, w.next])).toEqual([[2, '2026-12-14']]);
    expect(itemsOf(await s.todayPlan('2026-12-14'), 'check-status')[0]).toMatchObject({
      id: 2,
      earliest: '2026-12-14',
      due: '2026-12-15',
      attempt: 1,
    });
  });
});

describe('rejection (rule 8), waiting (rule 12) and order (rule 13)', () => {
  test('a rejection removes the pending thank-you for the round and any chase', async () => {
    const s = sandbox('2026-11-30');
    await s.ok(ADD_ACME);
    await s.ok(['outcome', '1', 'rejected', '--date', '2026-11-30']);
    const plan = await s.todayPlan('2026-12-01');
    expect(plan.items.map((i) => i.action)).toEqual(['ask-feedback']);
    expect(itemsOf(await s.todayPlan('2026-12-07'), 'check-status')).toEqual([]);
  });

  test('a chase already due is not waiting, also on a weekend', async () => {
    const s = sandbox('2026-12-12');
    await s.ok(ADD_ACME);
    await s.ok(['log', '1', 'thanks-sent', '--date', '2026-11-30']);
    await s.ok(['log', '1', 'no-answer', '--date', '2026-12-07']);
    // Attempt 2 was possible from Thu 10 Dec; on Sat 12 Dec it is overdue, not waiting.
    const plan = await s.todayPlan('2026-12-12');
    expect(plan.workday).toBe(false);
    expect(plan.items).toEqual([]);
    expect(plan.waiting).toEqual([]);
  });

  test('same due date: send-thanks before check-status, whatever the application number', async () => {
    const s = sandbox('2026-12-07');
    await s.ok(ADD_ACME);
    await s.ok(['log', '1', 'thanks-sent', '--date', '2026-11-30']);
    await s.ok(['add', '--company', 'Globex', '--role', 'Analyst', '--date', '2026-12-07']);
    await s.ok(['add', '--company', 'Initech', '--role', 'QA Lead', '--date', '2026-12-07']);
    const plan = await s.todayPlan('2026-12-07');
    expect(plan.items.map((i) => [i.id, i.action, i.due])).toEqual([
      [2, 'send-thanks', '2026-12-08'],
      [3, 'send-thanks', '2026-12-08'],
      [1, 'check-status', '2026-12-08'],
    ]);
  });
});
