/** Rules of design/cadence.md beyond the worked examples, through the real binary. */
import { describe, expect, test } from 'vitest';
import { ADD_ACME, ADD_GLOBEX, itemsOf, sandboxes } from './helpers.js';

const sandbox = sandboxes();

describe('rounds and conversations', () => {
  test('a new round needs its own thank-you, takes its own decision date and resets the attempts', () => {
    const s = sandbox('2026-12-09');
    s.ok(ADD_ACME);
    s.ok(['log', '1', 'thanks-sent', '--date', '2026-11-30']);
    s.ok(['log', '1', 'no-answer', '--date', '2026-12-07']);
    s.ok(['add', '--company', 'Acme', '--role', 'Backend Engineer', '--date', '2026-12-09', '--decision-by', '2026-12-11']);
    const plan = s.todayPlan('2026-12-09');
    expect(itemsOf(plan, 'send-thanks').map((i) => [i.earliest, i.due])).toEqual([['2026-12-09', '2026-12-10']]);
    expect(itemsOf(plan, 'check-status')).toEqual([]);
    // D = Fri 11 Dec, no contact since round 2: earliest Mon 14, due Tue 15, attempt 1 again.
    expect(plan.waiting.map((w) => w.next)).toEqual(['2026-12-14']);
    s.ok(['log', '1', 'thanks-sent', '--date', '2026-12-09']);
    expect(itemsOf(s.todayPlan('2026-12-14'), 'check-status')[0]).toMatchObject({
      earliest: '2026-12-14',
      due: '2026-12-15',
      attempt: 1,
      channel: 'phone',
    });
  });

  test('the latest conversation decides D, even when it gave no date (rule 5)', () => {
    const s = sandbox('2026-12-14');
    s.ok(ADD_ACME);
    s.ok(['log', '1', 'thanks-sent', '--date', '2026-11-30']);
    s.ok(['log', '1', 'spoke', '--date', '2026-12-10', '--new-date', '2026-12-16']);
    s.ok(['log', '1', 'spoke', '--date', '2026-12-14']);
    // D = Mon 14 Dec plus 5 working days = Mon 21 Dec; first chase Tue 22, due Wed 23.
    expect(s.todayPlan('2026-12-17').waiting.map((w) => w.next)).toEqual(['2026-12-22']);
    expect(itemsOf(s.todayPlan('2026-12-22'), 'check-status')[0]).toMatchObject({
      earliest: '2026-12-22',
      due: '2026-12-23',
      attempt: 1,
    });
  });

  test('a conversation resets the voicemail count: the next chase is a call again', () => {
    const s = sandbox('2026-12-17');
    s.ok([...ADD_ACME, '--email', 'dana@acme.example']);
    s.ok(['log', '1', 'thanks-sent', '--date', '2026-11-30']);
    s.ok(['log', '1', 'voicemail', '--date', '2026-12-07']);
    s.ok(['log', '1', 'voicemail', '--date', '2026-12-10']);
    expect(itemsOf(s.todayPlan('2026-12-14'), 'check-status')[0]).toMatchObject({ attempt: 3, channel: 'email' });
    s.ok(['log', '1', 'spoke', '--date', '2026-12-14', '--new-date', '2026-12-16']);
    expect(itemsOf(s.todayPlan('2026-12-17'), 'check-status')[0]).toMatchObject({
      earliest: '2026-12-17',
      due: '2026-12-18',
      attempt: 1,
      channel: 'phone',
    });
  });
});

describe('whom and how (rule 7)', () => {
  test('no hiring manager: the chase goes to HR and the list says to ask for the hiring manager', () => {
    const s = sandbox('2026-12-07');
    s.ok(['add', '--company', 'Acme', '--role', 'Backend Engineer', '--date', '2026-11-30', '--decision-by', '2026-12-04',
      '--hr', 'Sam Lee', '--hr-phone', '+1 555 0111', '--interviewer', 'Priya Natarajan']);
    s.ok(['log', '1', 'thanks-sent', '--date', '2026-11-30']);
    const chase = itemsOf(s.todayPlan('2026-12-07'), 'check-status')[0];
    expect(chase).toMatchObject({ channel: 'phone', contact: { name: 'Sam Lee', role: 'hr', phone: '+1 555 0111' } });
    const text = s.ok(['today']).stdout;
    expect(text).toMatch(/hiring manager/i);
    expect(text).toMatch(/direct line/i);
  });

  test('letters name the hiring manager, else the first interviewer, else HR', () => {
    const s = sandbox('2026-11-30');
    s.ok(['add', '--company', 'A1', '--role', 'R', '--date', '2026-11-30', '--hr', 'Sam Lee', '--interviewer', 'Priya Natarajan', '--interviewer', 'Tom Becker']);
    s.ok(['add', '--company', 'B2', '--role', 'R', '--date', '2026-11-30', '--hr', 'Jo Kim']);
    s.ok(['add', '--company', 'C3', '--role', 'R', '--date', '2026-11-30', '--interviewer', 'Ann Oak', '--hiring-manager', 'Max Bell']);
    const thanks = itemsOf(s.todayPlan('2026-11-30'), 'send-thanks');
    expect(thanks.map((i) => [i.id, i.contact?.name, i.contact?.role, i.channel])).toEqual([
      [1, 'Priya Natarajan', 'interviewer', null],
      [2, 'Jo Kim', 'hr', null],
      [3, 'Max Bell', 'hiring-manager', null],
    ]);
  });

  test('no contact at all: nobody is named and the list says to record one', () => {
    const s = sandbox('2026-12-07');
    s.ok(['add', '--company', 'Acme', '--role', 'Backend Engineer', '--date', '2026-11-30', '--decision-by', '2026-12-04']);
    s.ok(['log', '1', 'thanks-sent', '--date', '2026-11-30']);
    const chase = itemsOf(s.todayPlan('2026-12-07'), 'check-status')[0];
    expect(chase.contact).toBeNull();
    expect(chase.channel).toBe('phone');
    expect(s.ok(['today']).stdout).toMatch(/followup edit 1 --hiring-manager/);
  });

  test('email when only an email is known; phone (saying what is missing) when neither is', () => {
    const s = sandbox('2026-12-07');
    s.ok(['add', '--company', 'Mail Co', '--role', 'R', '--date', '2026-11-30', '--decision-by', '2026-12-04', '--hiring-manager', 'Eve Post', '--email', 'eve@mail.example']);
    s.ok(['add', '--company', 'Bare Co', '--role', 'R', '--date', '2026-11-30', '--decision-by', '2026-12-04', '--hiring-manager', 'Ned Blank']);
    s.ok(['log', '1', 'thanks-sent', '--date', '2026-11-30']);
    s.ok(['log', '2', 'thanks-sent', '--date', '2026-11-30']);
    const chases = itemsOf(s.todayPlan('2026-12-07'), 'check-status');
    expect(chases.map((i) => [i.id, i.channel])).toEqual([
      [1, 'email'],
      [2, 'phone'],
    ]);
    // The item for Ned Blank (a call with no number) says that an email or phone is missing.
    const blocks = s.ok(['today']).stdout.split(/\n(?=\s*\d+\. )/);
    const ned = blocks.find((b) => b.includes('Bare Co'));
    expect(ned).toBeDefined();
    expect(ned).toMatch(/email/i);
  });
});

describe('offers (rule 9)', () => {
  test('only applications whose first round is on or before the offer get share-offer', () => {
    const s = sandbox('2026-12-09');
    s.ok(ADD_ACME);
    s.ok(ADD_GLOBEX);
    s.ok(['add', '--company', 'Initech', '--role', 'QA Lead', '--date', '2026-12-10', '--hiring-manager', 'Bill L', '--phone', '1']);
    s.ok(['outcome', '1', 'offer', '--date', '2026-12-09']);
    expect(itemsOf(s.todayPlan('2026-12-10'), 'share-offer').map((i) => i.id)).toEqual([2]);
  });

  test('a shared offer is a contact: the next chase waits minGapDays, due one working day later', () => {
    const s = sandbox('2026-12-09');
    s.ok(ADD_ACME);
    s.ok(ADD_GLOBEX);
    s.ok(['log', '2', 'thanks-sent', '--date', '2026-12-01']);
    s.ok(['outcome', '1', 'offer', '--date', '2026-12-09']);
    s.ok(['log', '2', 'offer-shared', '--date', '2026-12-09']);
    expect(s.todayPlan('2026-12-10').waiting.map((w) => [w.id, w.next])).toEqual([[2, '2026-12-14']]);
    expect(itemsOf(s.todayPlan('2026-12-14'), 'check-status')[0]).toMatchObject({
      id: 2,
      earliest: '2026-12-14',
      due: '2026-12-15',
      attempt: 1,
    });
  });
});

describe('rejection (rule 8), waiting (rule 12) and order (rule 13)', () => {
  test('a rejection removes the pending thank-you for the round and any chase', () => {
    const s = sandbox('2026-11-30');
    s.ok(ADD_ACME);
    s.ok(['outcome', '1', 'rejected', '--date', '2026-11-30']);
    const plan = s.todayPlan('2026-12-01');
    expect(plan.items.map((i) => i.action)).toEqual(['ask-feedback']);
    expect(itemsOf(s.todayPlan('2026-12-07'), 'check-status')).toEqual([]);
  });

  test('a chase already due is not waiting, also on a weekend', () => {
    const s = sandbox('2026-12-12');
    s.ok(ADD_ACME);
    s.ok(['log', '1', 'thanks-sent', '--date', '2026-11-30']);
    s.ok(['log', '1', 'no-answer', '--date', '2026-12-07']);
    // Attempt 2 was possible from Thu 10 Dec; on Sat 12 Dec it is overdue, not waiting.
    const plan = s.todayPlan('2026-12-12');
    expect(plan.workday).toBe(false);
    expect(plan.items).toEqual([]);
    expect(plan.waiting).toEqual([]);
  });

  test('same due date: send-thanks before check-status, whatever the application number', () => {
    const s = sandbox('2026-12-07');
    s.ok(ADD_ACME);
    s.ok(['log', '1', 'thanks-sent', '--date', '2026-11-30']);
    s.ok(['add', '--company', 'Globex', '--role', 'Analyst', '--date', '2026-12-07']);
    s.ok(['add', '--company', 'Initech', '--role', 'QA Lead', '--date', '2026-12-07']);
    const plan = s.todayPlan('2026-12-07');
    expect(plan.items.map((i) => [i.id, i.action, i.due])).toEqual([
      [2, 'send-thanks', '2026-12-08'],
      [3, 'send-thanks', '2026-12-08'],
      [1, 'check-status', '2026-12-08'],
    ]);
  });
});
