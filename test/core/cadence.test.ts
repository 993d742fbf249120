/**
 * The rules and worked examples of design/cadence.md, each at its boundaries.
 * All dates are in 2026 unless written otherwise; 30 Nov 2026 is a Monday.
 *
 *   Nov 30 Mon | Dec 1 Tue  2 Wed  3 Thu  4 Fri  5 Sat  6 Sun
 *   Dec 7 Mon  8 Tue  9 Wed 10 Thu 11 Fri 12 Sat 13 Sun
 *   Dec 14 Mon 15 Tue 16 Wed 17 Thu 18 Fri 19 Sat 20 Sun
 *   Dec 21 Mon 22 Tue 23 Wed 24 Thu 25 Fri 26 Sat 27 Sun 28 Mon
 */
import { describe, expect, it } from 'vitest';
import { compareItems, planToday } from '../../src/core/cadence.js';
import type { Action, Application, FollowupEvent, PlanItem } from '../../src/core/types.js';
import {
  app,
  contact,
  dana,
  ev,
  itemOf,
  itemsOf,
  plan,
  round,
  settings,
  statusItem,
  waitingOf,
  worded,
  chaseWarning,
  type AppSpec,
} from './helpers.js';

/** Example A: interview Mon 30 Nov, decision promised by Fri 4 Dec, Dana with a phone. */
function exampleA(events: FollowupEvent[] = [], spec: AppSpec = {}): Application {
  return app({ rounds: ['2026-11-30'], decisionBy: '2026-12-04', events, ...spec });
}
const thanked = () => ev('thanks-sent', '2026-12-01');

describe('worked examples of cadence.md', () => {
  describe('A: interview Mon 30 Nov, decision by Fri 4 Dec, Dana with a phone', () => {
    it('30 Nov and 1 Dec: send-thanks due 1 Dec', () => {
      for (const today of ['2026-11-30', '2026-12-01']) {
        const t = itemOf(plan(exampleA(), today), 'send-thanks');
        expect(t).toMatchObject({ earliest: '2026-11-30', due: '2026-12-01', overdue: false });
      }
    });

    it('2 Dec without a thank-you: overdue', () => {
      expect(itemOf(plan(exampleA(), '2026-12-02'), 'send-thanks')).toMatchObject({
        due: '2026-12-01',
        overdue: true,
      });
    });

    it('thanks-sent logged on 1 Dec: gone', () => {
      for (const today of ['2026-12-01', '2026-12-02', '2026-12-07']) {
        expect(itemOf(plan(exampleA([thanked()]), today), 'send-thanks')).toBeUndefined();
      }
    });

    it('1-4 Dec: waiting, first chase possible 7 Dec', () => {
      for (const today of ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']) {
        const p = plan(exampleA([thanked()]), today);
        expect(p.items).toEqual([]);
        expect(p.waiting).toHaveLength(1);
        expect(p.waiting[0]).toMatchObject({ id: 1, next: '2026-12-07', action: 'check-status' });
      }
    });

    it('5-6 Dec (weekend): no items, still waiting for 7 Dec', () => {
      for (const today of ['2026-12-05', '2026-12-06']) {
        const p = plan(exampleA([thanked()]), today);
        expect(p.workday).toBe(false);
        expect(p.items).toEqual([]);
        expect(waitingOf(p, 1)?.next).toBe('2026-12-07');
      }
    });

    it('Mon 7 Dec: check-status, attempt 1, phone, Dana, due Tue 8 Dec', () => {
      const p = plan(exampleA([thanked()]), '2026-12-07');
      expect(p.items).toHaveLength(1);
      expect(p.items[0]).toMatchObject({
        action: 'check-status',
        attempt: 1,
        channel: 'phone',
        earliest: '2026-12-07',
        due: '2026-12-08',
        overdue: false,
        contact: { name: 'Dana Reyes', role: 'hiring-manager', phone: '+1 555 0100' },
      });
      expect(p.items[0].reason).toBe('The decision was due Fri 4 Dec and no answer has come yet.');
      expect(p.waiting).toEqual([]);
    });

    it('no-answer Mon 7 Dec: nothing on 8-9 Dec; attempt 2 earliest Thu 10 Dec, due Fri 11 Dec', () => {
      const a = exampleA([thanked(), ev('no-answer', '2026-12-07')]);
      for (const today of ['2026-12-08', '2026-12-09']) {
        const p = plan(a, today);
        expect(p.items).toEqual([]);
        expect(waitingOf(p, 1)).toMatchObject({ next: '2026-12-10', action: 'check-status' });
      }
      expect(statusItem(plan(a, '2026-12-10'))).toMatchObject({
        action: 'check-status',
        attempt: 2,
        earliest: '2026-12-10',
        due: '2026-12-11',
        channel: 'phone',
      });
    });

    it('voicemail Thu 10 Dec: attempt 3 earliest Mon 14 Dec, due Mon 14 Dec', () => {
      const a = exampleA([thanked(), ev('no-answer', '2026-12-07'), ev('voicemail', '2026-12-10')]);
      expect(plan(a, '2026-12-11').items).toEqual([]);
      expect(waitingOf(plan(a, '2026-12-11'), 1)?.next).toBe('2026-12-14');
      expect(statusItem(plan(a, '2026-12-14'))).toMatchObject({
        action: 'check-status',
        attempt: 3,
        earliest: '2026-12-14',
        due: '2026-12-14',
        channel: 'phone',
        overdue: false,
      });
    });

    it('voicemail Mon 14 Dec: attempt 4 by email (Dana has one), earliest Thu 17 Dec, due Fri 18 Dec', () => {
      const events = [thanked(), ev('no-answer', '2026-12-07'), ev('voicemail', '2026-12-10'), ev('voicemail', '2026-12-14')];
      const a = exampleA(events, { contacts: [dana({ email: 'dana@acme.example' })] });
      expect(waitingOf(plan(a, '2026-12-16'), 1)?.next).toBe('2026-12-17');
      const item = statusItem(plan(a, '2026-12-17'));
      expect(item).toMatchObject({
        action: 'check-status',
        attempt: 4,
        earliest: '2026-12-17',
        due: '2026-12-18',
        channel: 'email',
        contact: { name: 'Dana Reyes', email: 'dana@acme.example' },
      });
      expect(item?.command).toBe('followup draft check-in 1');
    });

    it('voicemail Mon 14 Dec, Dana has no email: attempt 4 stays a phone call and says what is missing', () => {
      const events = [thanked(), ev('no-answer', '2026-12-07'), ev('voicemail', '2026-12-10'), ev('voicemail', '2026-12-14')];
      const item = statusItem(plan(exampleA(events), '2026-12-17'));
      expect(item).toMatchObject({ attempt: 4, channel: 'phone', earliest: '2026-12-17', due: '2026-12-18' });
      expect(item?.hints.join(' ')).toMatch(/email/i);
    });

    it('emailed Thu 17 Dec: 4 attempts made, so close-loop, earliest Mon 21 Dec', () => {
      const events = [
        thanked(),
        ev('no-answer', '2026-12-07'),
        ev('voicemail', '2026-12-10'),
        ev('voicemail', '2026-12-14'),
        ev('emailed', '2026-12-17'),
      ];
      const a = exampleA(events);
      expect(waitingOf(plan(a, '2026-12-18'), 1)).toMatchObject({ next: '2026-12-21', action: 'close-loop' });
      expect(plan(a, '2026-12-18').items).toEqual([]);
      const p = plan(a, '2026-12-21');
      expect(p.items).toHaveLength(1);
      expect(p.items[0]).toMatchObject({ action: 'close-loop', attempt: 5, earliest: '2026-12-21', due: '2026-12-21' });
    });
  });

  it('B: interview Tue 1 Dec, no date given: D = Tue 8 Dec; first chase earliest Wed 9 Dec, due Thu 10 Dec', () => {
    const b = app({ rounds: ['2026-12-01'], events: [ev('thanks-sent', '2026-12-01')] });
    const onD = plan(b, '2026-12-08');
    expect(statusItem(onD)).toBeUndefined();
    expect(waitingOf(onD, 1)?.next).toBe('2026-12-09');
    expect(statusItem(plan(b, '2026-12-09'))).toMatchObject({
      action: 'check-status',
      attempt: 1,
      earliest: '2026-12-09',
      due: '2026-12-10',
    });
  });

  it('C: in A, spoke --new-date 2026-12-16 on Thu 10 Dec: waiting until Wed 16 Dec; attempt 1 earliest Thu 17 Dec, due Fri 18 Dec', () => {
    const c = exampleA([
      thanked(),
      ev('no-answer', '2026-12-07'),
      ev('spoke', '2026-12-10', { newDate: '2026-12-16' }),
    ]);
    for (const today of ['2026-12-10', '2026-12-11', '2026-12-14', '2026-12-15', '2026-12-16']) {
      const p = plan(c, today);
      expect(statusItem(p)).toBeUndefined();
      expect(waitingOf(p, 1)?.next).toBe('2026-12-17');
    }
    expect(statusItem(plan(c, '2026-12-17'))).toMatchObject({
      action: 'check-status',
      attempt: 1,
      earliest: '2026-12-17',
      due: '2026-12-18',
    });
  });

  describe('D: rejected on Fri 11 Dec', () => {
    const d = (events: FollowupEvent[] = [thanked(), ev('no-answer', '2026-12-07')]) =>
      exampleA(events, { outcome: 'rejected', outcomeDate: '2026-12-11' });

    it('ask-feedback earliest 11 Dec, due Tue 15 Dec', () => {
      const p = plan(d(), '2026-12-11');
      expect(p.items).toHaveLength(1);
      expect(p.items[0]).toMatchObject({
        action: 'ask-feedback',
        earliest: '2026-12-11',
        due: '2026-12-15',
        channel: null,
        attempt: null,
      });
    });

    it('keep-in-touch earliest Thu 11 Mar 2027 (11 Dec + 90 days)', () => {
      const a = d([thanked(), ev('no-answer', '2026-12-07'), ev('feedback-asked', '2026-12-11')]);
      expect(itemOf(plan(a, '2027-03-10'), 'keep-in-touch')).toBeUndefined();
      expect(itemOf(plan(a, '2027-03-11'), 'keep-in-touch')).toMatchObject({
        earliest: '2027-03-11',
        due: '2027-03-18',
        overdue: false,
      });
    });

    it('a contact logged later moves keep-in-touch', () => {
      const a = d([thanked(), ev('feedback-asked', '2026-12-11'), ev('kept-in-touch', '2026-12-18')]);
      expect(itemOf(plan(a, '2027-03-11'), 'keep-in-touch')).toBeUndefined();
      expect(itemOf(plan(a, '2027-03-18'), 'keep-in-touch')?.earliest).toBe('2027-03-18');
    });
  });

  it('E: two active applications, offer for the first on Wed 9 Dec: the second gets share-offer earliest Wed 9 Dec, due Thu 10 Dec', () => {
    const first = app({ id: 1, rounds: ['2026-11-30'], outcome: 'offer', outcomeDate: '2026-12-09', events: [thanked()] });
    const second = app({ id: 2, rounds: ['2026-12-02'], events: [ev('thanks-sent', '2026-12-02')] });
    const p = plan([first, second], '2026-12-09');
    const share = itemsOf(p, 'share-offer');
    expect(share).toHaveLength(1);
    expect(share[0]).toMatchObject({ id: 2, earliest: '2026-12-09', due: '2026-12-10', overdue: false });
    expect(p.items.filter((i) => i.id === 1)).toEqual([]);
  });
});

describe('rule 1: thank-you after every round', () => {
  const wedRound = (events: FollowupEvent[] = [], s: AppSpec = {}) => app({ rounds: ['2026-12-02'], events, ...s });

  it('is not listed the day before the round', () => {
    expect(itemOf(plan(wedRound(), '2026-12-01'), 'send-thanks')).toBeUndefined();
  });

  it('is listed on the round date, due the next working day', () => {
    expect(itemOf(plan(wedRound(), '2026-12-02'), 'send-thanks')).toMatchObject({
      earliest: '2026-12-02',
      due: '2026-12-03',
      overdue: false,
      attempt: null,
      channel: null,
      command: 'followup draft thanks 1',
    });
    expect(itemOf(plan(wedRound(), '2026-12-03'), 'send-thanks')?.overdue).toBe(false);
  });

  it('is overdue after the due day and stays listed, late', () => {
    const late = itemOf(plan(wedRound(), '2026-12-04'), 'send-thanks');
    expect(late).toMatchObject({ due: '2026-12-03', overdue: true });
    const muchLater = itemOf(plan(wedRound(), '2026-12-15'), 'send-thanks');
    expect(muchLater).toMatchObject({ due: '2026-12-03', overdue: true });
    expect(muchLater?.reason).toMatch(/late/i);
  });

  it('is due on Monday after a Friday round (across the weekend)', () => {
    const fri = app({ rounds: ['2026-12-04'] });
    expect(itemOf(plan(fri, '2026-12-04'), 'send-thanks')).toMatchObject({ earliest: '2026-12-04', due: '2026-12-07' });
    expect(itemOf(plan(fri, '2026-12-07'), 'send-thanks')?.overdue).toBe(false);
    expect(itemOf(plan(fri, '2026-12-08'), 'send-thanks')?.overdue).toBe(true);
  });

  it('after a Saturday round, earliest and due are the Monday', () => {
    const sat = app({ rounds: ['2026-12-05'] });
    expect(itemOf(plan(sat, '2026-12-07'), 'send-thanks')).toMatchObject({
      earliest: '2026-12-07',
      due: '2026-12-07',
      overdue: false,
    });
  });

  it('skips a holiday from settings.holidays', () => {
    const thu = app({ rounds: ['2026-12-24'] });
    const s = settings({ holidays: ['2026-12-25'] });
    expect(itemOf(plan(thu, '2026-12-24'), 'send-thanks')?.due).toBe('2026-12-25');
    expect(itemOf(plan(thu, '2026-12-24', s), 'send-thanks')).toMatchObject({ earliest: '2026-12-24', due: '2026-12-28' });
    expect(itemOf(plan(thu, '2026-12-28', s), 'send-thanks')?.overdue).toBe(false);
    expect(itemOf(plan(thu, '2026-12-29', s), 'send-thanks')?.overdue).toBe(true);
  });

  it('after a round on a holiday, earliest is the next working day', () => {
    const s = settings({ holidays: ['2026-12-02'] });
    expect(itemOf(plan(wedRound(), '2026-12-03', s), 'send-thanks')).toMatchObject({
      earliest: '2026-12-03',
      due: '2026-12-03',
    });
  });

  it('is gone after a thanks-sent dated on the round date', () => {
    expect(itemOf(plan(wedRound([ev('thanks-sent', '2026-12-02')]), '2026-12-02'), 'send-thanks')).toBeUndefined();
  });

  it('is gone after a late thanks-sent dated after the round', () => {
    expect(itemOf(plan(wedRound([ev('thanks-sent', '2026-12-07')]), '2026-12-07'), 'send-thanks')).toBeUndefined();
  });

  it('a thanks-sent dated before the round does not count', () => {
    const a = wedRound([ev('thanks-sent', '2026-12-01')]);
    expect(itemOf(plan(a, '2026-12-02'), 'send-thanks')).toMatchObject({ earliest: '2026-12-02', due: '2026-12-03' });
  });

  it('a second round needs its own thank-you: the first round\'s thanks-sent does not count', () => {
    const a = app({
      rounds: ['2026-11-30', '2026-12-07'],
      events: [ev('thanks-sent', '2026-11-30')],
    });
    const t = itemOf(plan(a, '2026-12-07'), 'send-thanks');
    expect(t).toMatchObject({ earliest: '2026-12-07', due: '2026-12-08' });
    expect(t?.reason).toMatch(/Round 2/);
    expect(itemOf(plan({ ...a, events: [...a.events, ev('thanks-sent', '2026-12-08')] }, '2026-12-08'), 'send-thanks')).toBeUndefined();
  });

  it('a next round booked ahead does not hide the thank-you for the round just held', () => {
    // Round 1 on Mon 30 Nov, round 2 already booked for Mon 14 Dec, no thank-you yet.
    const a = app({ rounds: ['2026-11-30', '2026-12-14'] });
    const thanks = itemsOf(plan(a, '2026-12-01'), 'send-thanks');
    expect(thanks).toHaveLength(1);
    expect(thanks[0]).toMatchObject({ earliest: '2026-11-30', due: '2026-12-01', overdue: false });
  });

  it('is gone once the application has an outcome', () => {
    for (const outcome of ['offer', 'rejected', 'withdrawn'] as const) {
      const a = wedRound([], { outcome, outcomeDate: '2026-12-03' });
      expect(itemOf(plan(a, '2026-12-03'), 'send-thanks')).toBeUndefined();
    }
  });
});

describe('rule 2: quiet period until the decision date D has passed', () => {
  it('given D (Fri 4 Dec): nothing on D itself, the chase from the next working day', () => {
    const a = exampleA([thanked()]);
    const onD = plan(a, '2026-12-04');
    expect(statusItem(onD)).toBeUndefined();
    expect(waitingOf(onD, 1)).toMatchObject({ next: '2026-12-07', action: 'check-status' });
    expect(statusItem(plan(a, '2026-12-07'))?.earliest).toBe('2026-12-07');
  });

  it('given D on a Tuesday: the chase starts Wednesday', () => {
    const a = app({ rounds: ['2026-12-01'], decisionBy: '2026-12-08', events: [ev('thanks-sent', '2026-12-01')] });
    expect(statusItem(plan(a, '2026-12-08'))).toBeUndefined();
    expect(statusItem(plan(a, '2026-12-09'))).toMatchObject({ earliest: '2026-12-09', due: '2026-12-10' });
  });

  it('a holiday after D pushes the first chase on', () => {
    const s = settings({ holidays: ['2026-12-07'] });
    const a = exampleA([thanked()]);
    const onHoliday = plan(a, '2026-12-07', s);
    expect(onHoliday.items).toEqual([]);
    expect(waitingOf(onHoliday, 1)?.next).toBe('2026-12-08');
    expect(statusItem(plan(a, '2026-12-08', s))).toMatchObject({ earliest: '2026-12-08', due: '2026-12-09' });
  });

  it('no date given: D = round + assumeDecisionWorkdays working days, and the list says so', () => {
    const a = app({ rounds: ['2026-12-01'], events: [ev('thanks-sent', '2026-12-01')] });
    const w = waitingOf(plan(a, '2026-12-03'), 1);
    expect(w?.next).toBe('2026-12-09');
    expect(w?.reason).toMatch(/no decision date was given/i);
    expect(w?.reason).toMatch(/timeline/i);
    const item = statusItem(plan(a, '2026-12-09'));
    expect(item?.reason).toMatch(/no decision date was given/i);
    expect(item?.reason).toMatch(/timeline/i);
  });

  it('a given date is not described as assumed', () => {
    const item = statusItem(plan(exampleA([thanked()]), '2026-12-07'));
    expect(item?.reason).not.toMatch(/no decision date was given/i);
  });

  it('assumeDecisionWorkdays is a setting, and the assumed D crosses the weekend', () => {
    const a = app({ rounds: ['2026-12-01'], events: [ev('thanks-sent', '2026-12-01')] });
    const s = settings({ assumeDecisionWorkdays: 2 }); // D = Thu 3 Dec
    expect(statusItem(plan(a, '2026-12-03', s))).toBeUndefined();
    expect(statusItem(plan(a, '2026-12-04', s))).toMatchObject({ earliest: '2026-12-04', due: '2026-12-07' });
    const s3 = settings({ assumeDecisionWorkdays: 3 }); // D = Fri 4 Dec: first chase Monday
    expect(waitingOf(plan(a, '2026-12-04', s3), 1)?.next).toBe('2026-12-07');
  });

  it('the assumed D skips holidays', () => {
    const a = app({ rounds: ['2026-12-01'], events: [ev('thanks-sent', '2026-12-01')] });
    const s = settings({ holidays: ['2026-12-03'] }); // D = Wed 9 Dec
    expect(statusItem(plan(a, '2026-12-09', s))).toBeUndefined();
    expect(statusItem(plan(a, '2026-12-10', s))).toMatchObject({ earliest: '2026-12-10', due: '2026-12-11' });
  });

  it('D belongs to the latest round: a new round starts a new quiet period and a new count', () => {
    const a = app({
      rounds: [round('2026-11-30', { number: 1, decisionBy: '2026-12-04' }), round('2026-12-14', { number: 2 })],
      events: [
        thanked(),
        ev('no-answer', '2026-12-07'),
        ev('voicemail', '2026-12-08'),
        ev('voicemail', '2026-12-09'),
        ev('emailed', '2026-12-10'),
        ev('thanks-sent', '2026-12-14'),
      ],
    });
    // Round 2 on Mon 14 Dec, no date: D = Mon 21 Dec.
    expect(waitingOf(plan(a, '2026-12-15'), 1)).toMatchObject({ next: '2026-12-22', action: 'check-status' });
    expect(statusItem(plan(a, '2026-12-21'))).toBeUndefined();
    expect(statusItem(plan(a, '2026-12-22'))).toMatchObject({
      action: 'check-status',
      attempt: 1,
      channel: 'phone',
      earliest: '2026-12-22',
      due: '2026-12-23',
    });
  });

  it('a conversation on the round date counts as after the round; the day before does not', () => {
    const rounds = [round('2026-11-30', { number: 1 }), round('2026-12-14', { number: 2, decisionBy: '2026-12-18' })];
    const onRound = app({ rounds, events: [ev('spoke', '2026-12-14', { newDate: '2026-12-23' })] });
    expect(waitingOf(plan(onRound, '2026-12-15'), 1)?.next).toBe('2026-12-24');
    const before = app({ rounds, events: [ev('spoke', '2026-12-11', { newDate: '2026-12-23' })] });
    expect(waitingOf(plan(before, '2026-12-15'), 1)?.next).toBe('2026-12-21');
  });

  it('an attempt on the round date counts as after the round', () => {
    const rounds = [round('2026-11-30', { number: 1 }), round('2026-12-14', { number: 2, decisionBy: '2026-12-15' })];
    const onRound = app({ rounds, events: [ev('no-answer', '2026-12-14')] });
    expect(statusItem(plan(onRound, '2026-12-17'))).toMatchObject({ attempt: 2, earliest: '2026-12-17' });
    const before = app({ rounds, events: [ev('no-answer', '2026-12-11')] });
    expect(statusItem(plan(before, '2026-12-16'))).toMatchObject({ attempt: 1, earliest: '2026-12-16' });
  });
});

describe('rules 3 and 4: chase dates', () => {
  it('with no contact yet, due = earliest plus 1 working day (across a weekend)', () => {
    const a = app({ rounds: ['2026-11-30'], decisionBy: '2026-12-03', events: [thanked()] });
    expect(statusItem(plan(a, '2026-12-03'))).toBeUndefined();
    const fri = statusItem(plan(a, '2026-12-04'));
    expect(fri).toMatchObject({ earliest: '2026-12-04', due: '2026-12-07', overdue: false });
    expect(statusItem(plan(a, '2026-12-07'))?.overdue).toBe(false);
    expect(statusItem(plan(a, '2026-12-08'))?.overdue).toBe(true);
  });

  it('due = earliest plus 1 working day skips a holiday', () => {
    const a = app({ rounds: ['2026-11-30'], decisionBy: '2026-12-03', events: [thanked()] });
    expect(statusItem(plan(a, '2026-12-04', settings({ holidays: ['2026-12-07'] })))?.due).toBe('2026-12-08');
  });

  it('never chases less than minGapDays after the last attempt: the day before and the day of', () => {
    const a = exampleA([thanked(), ev('no-answer', '2026-12-07')]);
    expect(statusItem(plan(a, '2026-12-09'))).toBeUndefined();
    expect(statusItem(plan(a, '2026-12-10'))?.earliest).toBe('2026-12-10');
  });

  it('after an attempt, due = next working day of (L + maxGapDays); overdue after it', () => {
    const a = exampleA([thanked(), ev('no-answer', '2026-12-07')]);
    expect(statusItem(plan(a, '2026-12-11'))).toMatchObject({ due: '2026-12-11', overdue: false });
    expect(statusItem(plan(a, '2026-12-14'))).toMatchObject({ due: '2026-12-11', overdue: true });
  });

  it('minGapDays and maxGapDays are settings', () => {
    const a = exampleA([thanked(), ev('no-answer', '2026-12-07')]);
    const s2 = settings({ minGapDays: 2 });
    expect(statusItem(plan(a, '2026-12-08', s2))).toBeUndefined();
    expect(statusItem(plan(a, '2026-12-09', s2))).toMatchObject({ earliest: '2026-12-09', due: '2026-12-11' });
    const s6 = settings({ maxGapDays: 6 }); // 7 + 6 = Sun 13 Dec -> Mon 14 Dec
    expect(statusItem(plan(a, '2026-12-10', s6))).toMatchObject({ earliest: '2026-12-10', due: '2026-12-14' });
    expect(statusItem(plan(a, '2026-12-11', s6))?.overdue).toBe(false);
  });

  it('L + minGapDays on a weekend rounds up to Monday', () => {
    const a = exampleA([thanked(), ev('voicemail', '2026-12-10')]);
    expect(plan(a, '2026-12-11').items).toEqual([]);
    expect(statusItem(plan(a, '2026-12-14'))).toMatchObject({ earliest: '2026-12-14', due: '2026-12-14' });
  });

  it('L + minGapDays on a holiday rounds up to the next working day', () => {
    const a = exampleA([thanked(), ev('no-answer', '2026-12-07')]);
    const s = settings({ holidays: ['2026-12-10'] });
    expect(plan(a, '2026-12-10', s).items).toEqual([]);
    expect(waitingOf(plan(a, '2026-12-09', s), 1)?.next).toBe('2026-12-11');
    expect(statusItem(plan(a, '2026-12-11', s))).toMatchObject({ earliest: '2026-12-11', due: '2026-12-11' });
  });

  it('L + maxGapDays on a holiday: due the next working day', () => {
    const a = exampleA([thanked(), ev('no-answer', '2026-12-07')]);
    const s = settings({ holidays: ['2026-12-11'] });
    expect(statusItem(plan(a, '2026-12-10', s))).toMatchObject({ earliest: '2026-12-10', due: '2026-12-14' });
  });

  it('an early attempt before D does not allow a chase before D has passed', () => {
    // D = Fri 11 Dec; emailed Mon 7 Dec (too early): earliest = max(12 Dec, 10 Dec) -> Mon 14 Dec.
    const a = app({ rounds: ['2026-11-30'], decisionBy: '2026-12-11', events: [thanked(), ev('emailed', '2026-12-07')] });
    expect(statusItem(plan(a, '2026-12-11'))).toBeUndefined();
    expect(waitingOf(plan(a, '2026-12-11'), 1)?.next).toBe('2026-12-14');
    expect(statusItem(plan(a, '2026-12-14'))).toMatchObject({ attempt: 2, earliest: '2026-12-14', due: '2026-12-14' });
  });

  it('the attempt number counts the unanswered attempts since the reset', () => {
    const events = [thanked(), ev('no-answer', '2026-12-07'), ev('emailed', '2026-12-10'), ev('voicemail', '2026-12-14')];
    expect(statusItem(plan(exampleA(events), '2026-12-17'))?.attempt).toBe(4);
  });

  it('letters are not contacts: a thanks-sent does not move the chase', () => {
    const a = exampleA([thanked(), ev('thanks-sent', '2026-12-05')]);
    expect(statusItem(plan(a, '2026-12-07'))).toMatchObject({ earliest: '2026-12-07', due: '2026-12-08' });
  });

  it('a shared offer is a contact (L) but not an unanswered attempt: due = earliest plus 1 working day', () => {
    const offerApp = app({ id: 2, rounds: ['2026-11-23'], outcome: 'offer', outcomeDate: '2026-12-07' });
    const a = exampleA([thanked(), ev('offer-shared', '2026-12-07')]);
    const s = settings({ maxGapDays: 6 }); // the unanswered rule would say Mon 14 Dec
    const p9 = plan([a, offerApp], '2026-12-09', s);
    expect(statusItem(p9)).toBeUndefined();
    expect(waitingOf(p9, 1)?.next).toBe('2026-12-10');
    expect(statusItem(plan([a, offerApp], '2026-12-10', s))).toMatchObject({
      action: 'check-status',
      attempt: 1,
      earliest: '2026-12-10',
      due: '2026-12-11',
    });
  });
});

describe('rule 5: a conversation resets', () => {
  const base = [thanked(), ev('no-answer', '2026-12-07'), ev('voicemail', '2026-12-08')];

  it('spoke with --new-date sets D to it and resets the attempts', () => {
    const a = exampleA([...base, ev('spoke', '2026-12-10', { newDate: '2026-12-16' })]);
    expect(statusItem(plan(a, '2026-12-16'))).toBeUndefined();
    expect(statusItem(plan(a, '2026-12-17'))).toMatchObject({ attempt: 1, earliest: '2026-12-17', due: '2026-12-18' });
  });

  it('spoke without a new date: D = S + assumeDecisionWorkdays working days', () => {
    // Spoke Thu 10 Dec: D = Thu 17 Dec; first chase Fri 18 Dec, due Mon 21 Dec.
    const a = exampleA([...base, ev('spoke', '2026-12-10')]);
    expect(statusItem(plan(a, '2026-12-17'))).toBeUndefined();
    expect(waitingOf(plan(a, '2026-12-17'), 1)?.next).toBe('2026-12-18');
    expect(statusItem(plan(a, '2026-12-18'))).toMatchObject({ attempt: 1, earliest: '2026-12-18', due: '2026-12-21' });
  });

  it('spoke without a new date: the assumed D skips holidays and follows the setting', () => {
    const a = exampleA([...base, ev('spoke', '2026-12-10')]);
    expect(waitingOf(plan(a, '2026-12-15', settings({ holidays: ['2026-12-14'] })), 1)?.next).toBe('2026-12-21');
    expect(waitingOf(plan(a, '2026-12-11', settings({ assumeDecisionWorkdays: 3 })), 1)?.next).toBe('2026-12-16');
  });

  it('the latest conversation decides D, even when an earlier one gave a date and the latest none', () => {
    const a = exampleA([
      ...base,
      ev('spoke', '2026-12-09', { newDate: '2026-12-23' }),
      ev('spoke', '2026-12-10'),
    ]);
    expect(statusItem(plan(a, '2026-12-18'))).toMatchObject({ attempt: 1, earliest: '2026-12-18' });
  });

  it('the latest conversation decides D when it gave a date after an earlier one without', () => {
    const a = exampleA([...base, ev('spoke', '2026-12-09'), ev('spoke', '2026-12-10', { newDate: '2026-12-21' })]);
    expect(statusItem(plan(a, '2026-12-16'))).toBeUndefined(); // the earlier one's D (Wed 16 Dec) no longer holds
    expect(waitingOf(plan(a, '2026-12-18'), 1)?.next).toBe('2026-12-22');
    expect(statusItem(plan(a, '2026-12-22'))?.earliest).toBe('2026-12-22');
  });

  it('a conversation counts as the last contact: a new date soon after it still waits minGapDays', () => {
    // Spoke Thu 10 Dec, new date Fri 11 Dec: earliest = max(12 Dec, 13 Dec) -> Mon 14 Dec, due Tue 15 Dec.
    const a = exampleA([...base, ev('spoke', '2026-12-10', { newDate: '2026-12-11' })]);
    expect(statusItem(plan(a, '2026-12-14'))).toMatchObject({ attempt: 1, earliest: '2026-12-14', due: '2026-12-15' });
  });

  it('a new date on a weekend: the chase starts the Monday after', () => {
    const a = exampleA([...base, ev('spoke', '2026-12-10', { newDate: '2026-12-19' })]);
    expect(waitingOf(plan(a, '2026-12-18'), 1)?.next).toBe('2026-12-21');
  });

  it('attempts after the conversation count from 1 again', () => {
    const a = exampleA([
      ...base,
      ev('spoke', '2026-12-10', { newDate: '2026-12-16' }),
      ev('no-answer', '2026-12-17'),
    ]);
    expect(statusItem(plan(a, '2026-12-21'))).toMatchObject({ attempt: 2, earliest: '2026-12-21', due: '2026-12-21' });
  });

  it('a conversation after maxAttempts lifts the close-loop', () => {
    const a = exampleA([
      thanked(),
      ev('no-answer', '2026-12-07'),
      ev('voicemail', '2026-12-10'),
      ev('voicemail', '2026-12-14'),
      ev('emailed', '2026-12-17'),
      ev('spoke', '2026-12-18', { newDate: '2026-12-22' }),
    ]);
    expect(statusItem(plan(a, '2026-12-23'))).toMatchObject({ action: 'check-status', attempt: 1 });
  });
});

describe('rule 6: know when to stop', () => {
  const four = [
    thanked(),
    ev('no-answer', '2026-12-07'),
    ev('voicemail', '2026-12-10'),
    ev('voicemail', '2026-12-14'),
    ev('emailed', '2026-12-17'),
  ];

  it('maxAttempts - 1 attempts: still check-status', () => {
    const s = settings({ maxAttempts: 2 });
    const a = exampleA([thanked(), ev('no-answer', '2026-12-07')]);
    expect(statusItem(plan(a, '2026-12-10', s))).toMatchObject({ action: 'check-status', attempt: 2 });
  });

  it('maxAttempts attempts: close-loop with attempt maxAttempts + 1 and rule 3/4 dates', () => {
    const s = settings({ maxAttempts: 2 });
    const a = exampleA([thanked(), ev('no-answer', '2026-12-07'), ev('no-answer', '2026-12-10')]);
    expect(waitingOf(plan(a, '2026-12-11', s), 1)).toMatchObject({ next: '2026-12-14', action: 'close-loop' });
    const item = statusItem(plan(a, '2026-12-14', s));
    expect(item).toMatchObject({ action: 'close-loop', attempt: 3, earliest: '2026-12-14', due: '2026-12-14' });
    expect(item?.command).toBe('followup draft close-loop 1');
    expect(itemsOf(plan(a, '2026-12-14', s), 'check-status')).toEqual([]);
  });

  it('close-loop with the defaults: attempt 5, due after maxGapDays', () => {
    const item = statusItem(plan(exampleA(four), '2026-12-21'));
    expect(item).toMatchObject({ action: 'close-loop', attempt: 5, earliest: '2026-12-21', due: '2026-12-21' });
    expect(statusItem(plan(exampleA(four), '2026-12-22'))?.overdue).toBe(true);
  });

  it('close-loop names the hiring manager and follows the voicemail rule for its channel', () => {
    const a = exampleA(four, { contacts: [contact('hr', 'Sam', { phone: '1' }), dana({ email: 'dana@acme.example' })] });
    expect(statusItem(plan(a, '2026-12-21'))).toMatchObject({
      action: 'close-loop',
      channel: 'email',
      contact: { name: 'Dana Reyes', role: 'hiring-manager' },
    });
  });

  it('loop-closed ends the chases and a pending thank-you; only keep-in-touch follows, 90 days on', () => {
    const a = app({ rounds: ['2026-11-30'], decisionBy: '2026-12-04', events: [...four.slice(1), ev('loop-closed', '2026-12-21')] });
    for (const today of ['2026-12-21', '2026-12-22', '2027-01-15', '2027-03-19']) {
      const p = plan(a, today);
      expect(p.items).toEqual([]);
      expect(p.waiting).toEqual([]);
    }
    // 21 Dec + 90 days = Sun 21 Mar 2027: from Mon 22 Mar, overdue by June; never a chase.
    const p = plan(a, '2027-06-01');
    expect(p.items.map((i) => i.action)).toEqual(['keep-in-touch']);
    expect(p.items[0]).toMatchObject({ earliest: '2027-03-22', due: '2027-03-29', overdue: true });
    expect(p.waiting).toEqual([]);
  });

  it('loop-closed, even early: no chase, no waiting', () => {
    const a = exampleA([thanked(), ev('loop-closed', '2026-12-02')]);
    const p = plan(a, '2026-12-07');
    expect(p.items).toEqual([]);
    expect(p.waiting).toEqual([]);
  });

  it('a no-response application gets no share-offer', () => {
    const closed = exampleA([...four, ev('loop-closed', '2026-12-21')]);
    const offer = app({ id: 2, rounds: ['2026-11-25'], outcome: 'offer', outcomeDate: '2026-12-22' });
    expect(plan([closed, offer], '2026-12-22').items).toEqual([]);
  });

  it('an offer recorded later replaces no-response: it lists nothing itself, the others get share-offer', () => {
    const closedThenOffer = exampleA([...four, ev('loop-closed', '2026-12-21')], {
      outcome: 'offer',
      outcomeDate: '2027-01-05',
    });
    const other = app({ id: 2, rounds: ['2026-12-14'], events: [ev('thanks-sent', '2026-12-14')] });
    const p = plan([closedThenOffer, other], '2027-01-05');
    expect(p.items.filter((i) => i.id === 1)).toEqual([]);
    expect(itemOf(p, 'share-offer', 2)).toMatchObject({ earliest: '2027-01-05', due: '2027-01-06' });
  });

  it('a rejection recorded later replaces no-response: ask-feedback is listed', () => {
    const a = exampleA([...four, ev('loop-closed', '2026-12-21')], { outcome: 'rejected', outcomeDate: '2027-01-05' });
    const p = plan(a, '2027-01-05');
    expect(p.items.map((i) => i.action)).toEqual(['ask-feedback']);
    expect(p.items[0]).toMatchObject({ earliest: '2027-01-05', due: '2027-01-07' });
  });
});

describe('rule 7: speak to the decision maker', () => {
  const chaseOn = (spec: AppSpec, events: FollowupEvent[] = [thanked()], s = settings()) =>
    statusItem(plan(exampleA(events, spec), '2026-12-07', s));

  it('names the hiring manager over HR, whatever the order they were recorded in', () => {
    const item = chaseOn({ contacts: [contact('hr', 'Sam Hale', { phone: '2' }), dana()] });
    expect(item?.contact).toEqual({ name: 'Dana Reyes', role: 'hiring-manager', phone: '+1 555 0100', email: null });
    expect(item?.channel).toBe('phone');
    expect(item?.hints).toEqual([]);
    expect(item?.command).toBe('followup draft call 1');
  });

  it('goes to HR without a hiring manager, and says to ask for the manager\'s name and direct line', () => {
    const item = chaseOn({ contacts: [contact('interviewer', 'Ivy'), contact('hr', 'Sam Hale', { phone: '2' })] });
    expect(item?.contact).toMatchObject({ name: 'Sam Hale', role: 'hr' });
    expect(item?.channel).toBe('phone');
    const hints = item?.hints.join(' ') ?? '';
    expect(hints).toMatch(/hiring manager's name/i);
    expect(hints).toMatch(/direct line/i);
    expect(hints).toMatch(/all right to call/i);
  });

  it('names nobody when only an interviewer is recorded, and says to record a contact', () => {
    const item = chaseOn({ contacts: [contact('interviewer', 'Ivy', { phone: '3', email: 'ivy@x.example' })] });
    expect(item?.contact).toBeNull();
    expect(item?.channel).toBe('phone');
    expect(item?.hints.join(' ')).toMatch(/record/i);
  });

  it('names nobody with no contacts at all, and says to record a contact', () => {
    const item = chaseOn({ contacts: [] });
    expect(item).toMatchObject({ action: 'check-status', contact: null, channel: 'phone' });
    expect(item?.hints.join(' ')).toMatch(/record/i);
  });

  it('email when the person said no to calls', () => {
    const item = chaseOn({ contacts: [dana({ noCalls: true, email: 'dana@acme.example' })] });
    expect(item?.channel).toBe('email');
    expect(item?.command).toBe('followup draft check-in 1');
  });

  it('email when no phone is known', () => {
    expect(chaseOn({ contacts: [dana({ phone: null, email: 'dana@acme.example' })] })?.channel).toBe('email');
  });

  it('phone, saying what is missing, when no calls and no email', () => {
    const item = chaseOn({ contacts: [dana({ noCalls: true })] });
    expect(item?.channel).toBe('phone');
    expect(item?.hints.join(' ')).toMatch(/email/i);
  });

  it('phone, saying what is missing, when neither phone nor email is known', () => {
    const item = chaseOn({ contacts: [dana({ phone: null })] });
    expect(item?.channel).toBe('phone');
    expect(item?.hints.join(' ')).toMatch(/phone/i);
    expect(item?.hints.join(' ')).toMatch(/email/i);
  });

  it('phone after one voicemail; email after maxVoicemails voicemails', () => {
    const contacts = [dana({ email: 'dana@acme.example' })];
    const one = exampleA([thanked(), ev('voicemail', '2026-12-07')], { contacts });
    expect(statusItem(plan(one, '2026-12-10'))?.channel).toBe('phone');
    const two = exampleA([thanked(), ev('voicemail', '2026-12-07'), ev('voicemail', '2026-12-10')], { contacts });
    expect(statusItem(plan(two, '2026-12-14'))?.channel).toBe('email');
  });

  it('unanswered calls and emails are not voicemails', () => {
    const contacts = [dana({ email: 'dana@acme.example' })];
    const a = exampleA([thanked(), ev('no-answer', '2026-12-07'), ev('emailed', '2026-12-10'), ev('voicemail', '2026-12-14')], { contacts });
    expect(statusItem(plan(a, '2026-12-17'))?.channel).toBe('phone');
  });

  it('maxVoicemails is a setting: 1 switches after one, 0 writes from the start', () => {
    const contacts = [dana({ email: 'dana@acme.example' })];
    const one = exampleA([thanked(), ev('voicemail', '2026-12-07')], { contacts });
    expect(statusItem(plan(one, '2026-12-10', settings({ maxVoicemails: 1 })))?.channel).toBe('email');
    expect(chaseOn({ contacts }, [thanked()], settings({ maxVoicemails: 0 }))?.channel).toBe('email');
  });

  it('voicemails are counted since the last reset: a conversation brings the phone back', () => {
    const contacts = [dana({ email: 'dana@acme.example' })];
    const a = exampleA(
      [thanked(), ev('voicemail', '2026-12-07'), ev('voicemail', '2026-12-10'), ev('spoke', '2026-12-11', { newDate: '2026-12-14' })],
      { contacts },
    );
    expect(statusItem(plan(a, '2026-12-15'))).toMatchObject({ attempt: 1, channel: 'phone' });
  });

  it('voicemails are counted since the last reset: a new round brings the phone back', () => {
    const a = app({
      rounds: [round('2026-11-30', { number: 1, decisionBy: '2026-12-04' }), round('2026-12-14', { number: 2, decisionBy: '2026-12-15' })],
      contacts: [dana({ email: 'dana@acme.example' })],
      events: [thanked(), ev('voicemail', '2026-12-07'), ev('voicemail', '2026-12-10'), ev('thanks-sent', '2026-12-14')],
    });
    expect(statusItem(plan(a, '2026-12-16'))).toMatchObject({ attempt: 1, channel: 'phone' });
  });

  describe('letters have no channel and name the hiring manager, else the first interviewer, else HR', () => {
    const thanksTo = (contacts: AppSpec['contacts']) => itemOf(plan(app({ rounds: ['2026-12-02'], contacts }), '2026-12-02'), 'send-thanks');
    const sam = () => contact('hr', 'Sam Hale', { phone: '2' });
    const ivy = () => contact('interviewer', 'Ivy Park');
    const ian = () => contact('interviewer', 'Ian Moss');

    it('hiring manager first', () => {
      const t = thanksTo([sam(), ivy(), dana()]);
      expect(t).toMatchObject({ channel: null, attempt: null, contact: { name: 'Dana Reyes', role: 'hiring-manager' } });
    });

    it('else the first interviewer', () => {
      expect(thanksTo([sam(), ivy(), ian()])?.contact?.name).toBe('Ivy Park');
      expect(thanksTo([ian(), ivy()])?.contact?.name).toBe('Ian Moss');
    });

    it('else HR', () => {
      expect(thanksTo([sam()])?.contact).toMatchObject({ name: 'Sam Hale', role: 'hr' });
    });

    it('else nobody', () => {
      expect(thanksTo([])?.contact).toBeNull();
    });

    it('the same for ask-feedback, thank-for-feedback and keep-in-touch', () => {
      const a = app({
        rounds: ['2026-11-30'],
        contacts: [sam(), ivy()],
        outcome: 'rejected',
        outcomeDate: '2026-12-11',
        events: [ev('feedback-received', '2026-12-14')],
      });
      const letters = [
        itemOf(plan({ ...a, events: [] }, '2026-12-11'), 'ask-feedback'),
        itemOf(plan(a, '2026-12-14'), 'thank-for-feedback'),
        itemOf(plan(a, '2027-03-15'), 'keep-in-touch'),
      ];
      expect(letters.map((i) => i?.action)).toEqual(['ask-feedback', 'thank-for-feedback', 'keep-in-touch']);
      for (const l of letters) {
        expect(l?.channel).toBeNull();
        expect(l?.attempt).toBeNull();
        expect(l?.contact?.name).toBe('Ivy Park');
      }
    });
  });
});

describe('rule 8: after a rejection', () => {
  const rejected = (spec: AppSpec = {}) =>
    app({ rounds: ['2026-11-30'], decisionBy: '2026-12-04', outcome: 'rejected', outcomeDate: '2026-12-11', ...spec });

  it('ask-feedback: not before R, listed on R, due R plus 2 working days, overdue after', () => {
    expect(itemOf(plan(rejected(), '2026-12-10'), 'ask-feedback')).toBeUndefined();
    expect(itemOf(plan(rejected(), '2026-12-11'), 'ask-feedback')).toMatchObject({
      earliest: '2026-12-11',
      due: '2026-12-15',
      overdue: false,
      command: 'followup draft feedback 1',
    });
    expect(itemOf(plan(rejected(), '2026-12-15'), 'ask-feedback')?.overdue).toBe(false);
    expect(itemOf(plan(rejected(), '2026-12-16'), 'ask-feedback')?.overdue).toBe(true);
  });

  it('ask-feedback after a rejection on a Saturday: earliest Monday, due Tuesday', () => {
    const a = rejected({ outcomeDate: '2026-12-12' });
    expect(itemOf(plan(a, '2026-12-14'), 'ask-feedback')).toMatchObject({ earliest: '2026-12-14', due: '2026-12-15' });
  });

  it('ask-feedback due skips a holiday', () => {
    const s = settings({ holidays: ['2026-12-14'] });
    expect(itemOf(plan(rejected(), '2026-12-11', s), 'ask-feedback')?.due).toBe('2026-12-16');
    expect(itemOf(plan(rejected(), '2026-12-16', s), 'ask-feedback')?.overdue).toBe(false);
  });

  it('ask-feedback is gone after feedback-asked', () => {
    const a = rejected({ events: [ev('feedback-asked', '2026-12-14')] });
    expect(itemOf(plan(a, '2026-12-14'), 'ask-feedback')).toBeUndefined();
    expect(itemOf(plan(a, '2026-12-16'), 'ask-feedback')).toBeUndefined();
  });

  it('ask-feedback is gone after feedback-received, which brings thank-for-feedback', () => {
    const a = rejected({ events: [ev('feedback-received', '2026-12-14')] });
    const p = plan(a, '2026-12-14');
    expect(itemOf(p, 'ask-feedback')).toBeUndefined();
    expect(itemOf(p, 'thank-for-feedback')).toMatchObject({
      earliest: '2026-12-14',
      due: '2026-12-15',
      overdue: false,
      channel: null,
      command: 'followup draft thank-feedback 1',
    });
    expect(itemOf(plan(a, '2026-12-16'), 'thank-for-feedback')?.overdue).toBe(true);
  });

  it('thank-for-feedback is not listed before F', () => {
    const a = rejected({ events: [ev('feedback-asked', '2026-12-11'), ev('feedback-received', '2026-12-16')] });
    expect(itemOf(plan(a, '2026-12-15'), 'thank-for-feedback')).toBeUndefined();
    expect(itemOf(plan(a, '2026-12-16'), 'thank-for-feedback')?.earliest).toBe('2026-12-16');
  });

  it('thank-for-feedback after a Friday F is due Monday; after a Saturday F both dates are Monday', () => {
    const fri = rejected({ events: [ev('feedback-received', '2026-12-18')] });
    expect(itemOf(plan(fri, '2026-12-18'), 'thank-for-feedback')).toMatchObject({ earliest: '2026-12-18', due: '2026-12-21' });
    const sat = rejected({ events: [ev('feedback-received', '2026-12-19')] });
    expect(itemOf(plan(sat, '2026-12-21'), 'thank-for-feedback')).toMatchObject({
      earliest: '2026-12-21',
      due: '2026-12-21',
      overdue: false,
    });
  });

  it('thank-for-feedback skips a holiday', () => {
    const a = rejected({ events: [ev('feedback-received', '2026-12-24')] });
    const item = itemOf(plan(a, '2026-12-24', settings({ holidays: ['2026-12-25'] })), 'thank-for-feedback');
    expect(item).toMatchObject({ earliest: '2026-12-24', due: '2026-12-28' });
  });

  it('thank-for-feedback is gone after a thanks-sent on or after F, not one before', () => {
    const received = ev('feedback-received', '2026-12-16');
    const onF = rejected({ events: [received, ev('thanks-sent', '2026-12-16')] });
    expect(itemOf(plan(onF, '2026-12-16'), 'thank-for-feedback')).toBeUndefined();
    const after = rejected({ events: [received, ev('thanks-sent', '2026-12-18')] });
    expect(itemOf(plan(after, '2026-12-18'), 'thank-for-feedback')).toBeUndefined();
    const before = rejected({ events: [ev('thanks-sent', '2026-12-15'), received] });
    expect(itemOf(plan(before, '2026-12-16'), 'thank-for-feedback')).toMatchObject({ earliest: '2026-12-16' });
  });

  it('keep-in-touch: next working day of R + keepInTouchDays, due 5 working days later', () => {
    const a = rejected({ events: [ev('feedback-asked', '2026-12-11')] });
    expect(itemOf(plan(a, '2027-03-10'), 'keep-in-touch')).toBeUndefined();
    const k = itemOf(plan(a, '2027-03-11'), 'keep-in-touch');
    expect(k).toMatchObject({ earliest: '2027-03-11', due: '2027-03-18', overdue: false, channel: null });
    expect(itemOf(plan(a, '2027-03-18'), 'keep-in-touch')?.overdue).toBe(false);
    expect(itemOf(plan(a, '2027-03-19'), 'keep-in-touch')?.overdue).toBe(true);
  });

  it('keep-in-touch: a base + keepInTouchDays on a weekend rounds up to Monday', () => {
    // feedback-received Mon 14 Dec + 90 = Sun 14 Mar 2027 -> Mon 15 Mar.
    const a = rejected({ events: [ev('feedback-received', '2026-12-14'), ev('thanks-sent', '2026-12-14')] });
    expect(itemOf(plan(a, '2027-03-12'), 'keep-in-touch')).toBeUndefined();
    expect(itemOf(plan(a, '2027-03-15'), 'keep-in-touch')).toMatchObject({ earliest: '2027-03-15', due: '2027-03-22' });
  });

  it('keep-in-touch: a holiday on the day moves it on', () => {
    const a = rejected({ events: [ev('feedback-asked', '2026-12-11')] });
    const s = settings({ holidays: ['2027-03-11'] });
    expect(plan(a, '2027-03-11', s).items).toEqual([]);
    expect(itemOf(plan(a, '2027-03-12', s), 'keep-in-touch')).toMatchObject({ earliest: '2027-03-12', due: '2027-03-19' });
  });

  it('keep-in-touch: every logged event restarts the timer', () => {
    const a = rejected({ events: [ev('feedback-asked', '2026-12-11'), ev('kept-in-touch', '2027-03-11')] });
    // Thu 11 Mar 2027 + 90 days = Wed 9 Jun 2027.
    expect(itemOf(plan(a, '2027-03-12'), 'keep-in-touch')).toBeUndefined();
    expect(itemOf(plan(a, '2027-06-08'), 'keep-in-touch')).toBeUndefined();
    expect(itemOf(plan(a, '2027-06-09'), 'keep-in-touch')).toMatchObject({ earliest: '2027-06-09', due: '2027-06-16' });
    const anyKind = rejected({ events: [ev('feedback-asked', '2026-12-11'), ev('thanks-sent', '2026-12-18')] });
    expect(itemOf(plan(anyKind, '2027-03-11'), 'keep-in-touch')).toBeUndefined();
    expect(itemOf(plan(anyKind, '2027-03-18'), 'keep-in-touch')?.earliest).toBe('2027-03-18');
  });

  it('keep-in-touch counts from R when every event came before it', () => {
    const a = rejected({ events: [ev('thanks-sent', '2026-12-01'), ev('no-answer', '2026-12-07'), ev('feedback-asked', '2026-12-11')] });
    expect(itemOf(plan(a, '2027-03-11'), 'keep-in-touch')?.earliest).toBe('2027-03-11');
  });

  it('keepInTouchDays is a setting', () => {
    // 11 Dec + 30 = Sun 10 Jan 2027 -> Mon 11 Jan, due Mon 18 Jan.
    const a = rejected({ events: [ev('feedback-asked', '2026-12-11')] });
    expect(itemOf(plan(a, '2027-01-11', settings({ keepInTouchDays: 30 })), 'keep-in-touch')).toMatchObject({
      earliest: '2027-01-11',
      due: '2027-01-18',
    });
  });

  it('not interested: no keep-in-touch, but still ask-feedback', () => {
    const a = rejected({ notInterested: true });
    expect(itemOf(plan(a, '2026-12-11'), 'ask-feedback')).toBeDefined();
    const later = rejected({ notInterested: true, events: [ev('feedback-asked', '2026-12-11')] });
    for (const today of ['2027-03-11', '2027-03-19', '2027-09-01']) expect(plan(later, today).items).toEqual([]);
  });

  it('no status chase, thank-you or share-offer any more, and not waiting', () => {
    const a = app({
      id: 1,
      rounds: ['2026-12-09'],
      decisionBy: '2026-12-10',
      outcome: 'rejected',
      outcomeDate: '2026-12-11',
    });
    const offer = app({ id: 2, rounds: ['2026-12-01'], outcome: 'offer', outcomeDate: '2026-12-11' });
    for (const today of ['2026-12-11', '2026-12-14']) {
      const p = plan([a, offer], today);
      expect(p.items.map((i) => i.action)).toEqual(['ask-feedback']);
      expect(p.waiting).toEqual([]);
    }
  });
});

describe('rule 9: share a real offer, never an invented one', () => {
  const offerOn = (date: string, id = 1) => app({ id, rounds: ['2026-11-23'], outcome: 'offer', outcomeDate: date });
  const other = (spec: AppSpec = {}) => app({ id: 2, rounds: ['2026-12-02'], events: [ev('thanks-sent', '2026-12-02')], ...spec });

  it('is listed from O, due the next working day, overdue after', () => {
    const apps = [offerOn('2026-12-09'), other()];
    expect(itemOf(plan(apps, '2026-12-09'), 'share-offer', 2)).toMatchObject({
      earliest: '2026-12-09',
      due: '2026-12-10',
      overdue: false,
      attempt: null,
      command: expect.stringMatching(/^followup draft share-offer 2$/),
    });
    expect(itemOf(plan(apps, '2026-12-10'), 'share-offer', 2)?.overdue).toBe(false);
    expect(itemOf(plan(apps, '2026-12-11'), 'share-offer', 2)?.overdue).toBe(true);
  });

  it('is not listed before O', () => {
    expect(itemOf(plan([offerOn('2026-12-09'), other()], '2026-12-08'), 'share-offer')).toBeUndefined();
  });

  it('after an offer on a Friday it is due Monday; on a Saturday both dates are Monday', () => {
    expect(itemOf(plan([offerOn('2026-12-11'), other()], '2026-12-11'), 'share-offer', 2)).toMatchObject({
      earliest: '2026-12-11',
      due: '2026-12-14',
    });
    expect(itemOf(plan([offerOn('2026-12-12'), other()], '2026-12-14'), 'share-offer', 2)).toMatchObject({
      earliest: '2026-12-14',
      due: '2026-12-14',
    });
  });

  it('skips a holiday', () => {
    const s = settings({ holidays: ['2026-12-25'] });
    expect(itemOf(plan([offerOn('2026-12-24'), other()], '2026-12-24', s), 'share-offer', 2)?.due).toBe('2026-12-28');
  });

  it('only for applications whose first round is on or before O', () => {
    expect(itemOf(plan([offerOn('2026-12-02'), other()], '2026-12-02'), 'share-offer', 2)).toBeDefined();
    expect(itemOf(plan([offerOn('2026-12-01'), other()], '2026-12-02'), 'share-offer', 2)).toBeUndefined();
    expect(itemOf(plan([offerOn('2026-12-01'), other()], '2026-12-03'), 'share-offer', 2)).toBeUndefined();
  });

  it('the first round decides, not the latest', () => {
    const twoRounds = other({ rounds: ['2026-12-02', '2026-12-14'], events: [ev('thanks-sent', '2026-12-14')] });
    expect(itemOf(plan([offerOn('2026-12-09'), twoRounds], '2026-12-14'), 'share-offer', 2)).toMatchObject({
      earliest: '2026-12-09',
      due: '2026-12-10',
      overdue: true,
    });
  });

  it('goes to every other active application, never to the one with the offer', () => {
    const apps = [other({ id: 2 }), other({ id: 3 }), offerOn('2026-12-09', 7)];
    const p = plan(apps, '2026-12-09');
    expect(itemsOf(p, 'share-offer').map((i) => i.id)).toEqual([2, 3]);
  });

  it('is cleared by offer-shared', () => {
    const shared = other({ events: [ev('thanks-sent', '2026-12-02'), ev('offer-shared', '2026-12-09')] });
    expect(itemOf(plan([offerOn('2026-12-09'), shared], '2026-12-09'), 'share-offer')).toBeUndefined();
    const sharedLate = other({ events: [ev('thanks-sent', '2026-12-02'), ev('offer-shared', '2026-12-14')] });
    expect(itemOf(plan([offerOn('2026-12-09'), sharedLate], '2026-12-14'), 'share-offer')).toBeUndefined();
  });

  it('is cleared when the other application gets an outcome', () => {
    for (const outcome of ['withdrawn', 'rejected', 'offer'] as const) {
      const p = plan([offerOn('2026-12-09'), other({ outcome, outcomeDate: '2026-12-10' })], '2026-12-10');
      expect(itemsOf(p, 'share-offer')).toEqual([]);
    }
  });

  it('names the hiring manager, by phone', () => {
    const two = other({ contacts: [contact('hr', 'Sam Hale', { phone: '2' }), dana()] });
    expect(itemOf(plan([offerOn('2026-12-09'), two], '2026-12-09'), 'share-offer')).toMatchObject({
      channel: 'phone',
      contact: { name: 'Dana Reyes', role: 'hiring-manager' },
    });
  });

  it('says to record a contact when there is none', () => {
    const item = itemOf(plan([offerOn('2026-12-09'), other({ contacts: [] })], '2026-12-09'), 'share-offer');
    expect(item?.contact).toBeNull();
    expect(item?.hints.join(' ')).toMatch(/record/i);
  });

  it('goes by email after maxVoicemails voicemails since the last reset (rule 7)', () => {
    const two = app({
      id: 2,
      rounds: ['2026-11-30'],
      decisionBy: '2026-12-04',
      contacts: [dana({ email: 'dana@acme.example' })],
      events: [thanked(), ev('voicemail', '2026-12-07'), ev('voicemail', '2026-12-10')],
    });
    const p = plan([offerOn('2026-12-11'), two], '2026-12-11');
    expect(itemOf(p, 'share-offer', 2)).toMatchObject({ channel: 'email', contact: { name: 'Dana Reyes' } });
  });

  it('names the offer and its company truthfully', () => {
    const item = itemOf(plan([offerOn('2026-12-09'), other()], '2026-12-09'), 'share-offer');
    expect(item?.reason).toContain('Company 1');
  });

  it('with no offer recorded nothing mentions an offer', () => {
    const apps = [
      exampleA([thanked()]),
      other({ id: 2 }),
      app({ id: 3, rounds: ['2026-11-23'], outcome: 'rejected', outcomeDate: '2026-12-04' }),
      app({ id: 4, rounds: ['2026-11-23'], outcome: 'withdrawn', outcomeDate: '2026-12-04' }),
    ];
    for (const today of ['2026-12-02', '2026-12-04', '2026-12-07', '2026-12-09', '2026-12-14']) {
      const p = worded(planToday(apps, settings(), today));
      expect(itemsOf(p, 'share-offer')).toEqual([]);
      for (const i of p.items) expect(`${i.reason} ${i.hints.join(' ')}`).not.toMatch(/offer/i);
      for (const w of p.waiting) expect(w.reason).not.toMatch(/offer/i);
    }
  });
});

describe('rule 10: withdrawn and offer applications list nothing for themselves', () => {
  for (const outcome of ['withdrawn', 'offer'] as const) {
    it(`${outcome}: no thank-you, chase, share-offer or waiting`, () => {
      const a = app({ rounds: ['2026-11-30'], decisionBy: '2026-12-01', outcome, outcomeDate: '2026-12-02' });
      for (const today of ['2026-12-02', '2026-12-03', '2026-12-07', '2027-03-15']) {
        const p = plan(a, today);
        expect(p.items).toEqual([]);
        expect(p.waiting).toEqual([]);
      }
    });
  }
});

describe('rule 11: no weekend calls', () => {
  const unthanked = () => exampleA();
  const quiet = () => app({ id: 2, rounds: ['2026-12-03'], events: [ev('thanks-sent', '2026-12-03')] });

  it('on a Saturday: no items, the next working day and how many items are lined up for it', () => {
    const p = plan([unthanked(), quiet()], '2026-12-05');
    expect(p.workday).toBe(false);
    expect(p.items).toEqual([]);
    expect(p.nextWorkday).toBe('2026-12-07');
    // Monday: the overdue thank-you and the first chase of application 1.
    expect(p.linedUp).toBe(2);
    expect(plan([unthanked(), quiet()], '2026-12-07').items).toHaveLength(2);
  });

  it('on a Sunday the same', () => {
    const p = plan([unthanked(), quiet()], '2026-12-06');
    expect(p).toMatchObject({ workday: false, items: [], nextWorkday: '2026-12-07', linedUp: 2 });
  });

  it('waiting is still shown', () => {
    const p = plan([unthanked(), quiet()], '2026-12-05');
    expect(waitingOf(p, 2)).toMatchObject({ next: '2026-12-11', action: 'check-status' });
    expect(waitingOf(p, 1)).toMatchObject({ next: '2026-12-07' });
  });

  it('a holiday is not a working day either', () => {
    const s = settings({ holidays: ['2026-12-07'] });
    const p = plan([unthanked(), quiet()], '2026-12-07', s);
    expect(p).toMatchObject({ workday: false, items: [], nextWorkday: '2026-12-08' });
    expect(p.linedUp).toBe(plan([unthanked(), quiet()], '2026-12-08', s).items.length);
    expect(p.linedUp).toBe(2);
  });

  it('the next working day skips a holiday after the weekend', () => {
    const p = plan([unthanked()], '2026-12-05', settings({ holidays: ['2026-12-07'] }));
    expect(p.nextWorkday).toBe('2026-12-08');
    expect(p.linedUp).toBe(2);
  });

  it('with nothing lined up, linedUp is 0', () => {
    const p = plan([quiet()], '2026-12-05');
    expect(p).toMatchObject({ workday: false, items: [], nextWorkday: '2026-12-07', linedUp: 0 });
  });

  it('on a working day: workday, no nextWorkday, no linedUp', () => {
    const p = plan([unthanked()], '2026-12-04');
    expect(p).toMatchObject({ date: '2026-12-04', workday: true, nextWorkday: null, linedUp: 0 });
    expect(p.items.length).toBeGreaterThan(0);
  });
});

describe('rule 12: waiting', () => {
  it('an application whose chase is already due is not waiting, also on a non-working day', () => {
    // D = Thu 3 Dec: chase earliest Fri 4 Dec, due Mon 7 Dec.
    const a = app({ rounds: ['2026-11-30'], decisionBy: '2026-12-03', events: [thanked()] });
    expect(waitingOf(plan(a, '2026-12-04'), 1)).toBeUndefined();
    const sat = plan(a, '2026-12-05');
    expect(sat.waiting).toEqual([]);
    expect(sat.linedUp).toBe(1);
  });

  it('an overdue chase is not waiting', () => {
    expect(plan(exampleA([thanked()]), '2026-12-09').waiting).toEqual([]);
  });

  it('shows the gap between chases with the next date', () => {
    const a = exampleA([thanked(), ev('no-answer', '2026-12-07')]);
    const w = waitingOf(plan(a, '2026-12-08'), 1);
    expect(w).toMatchObject({ id: 1, company: 'Company 1', role: 'Engineer', next: '2026-12-10', action: 'check-status' });
  });

  it('lists every active application with a future chase, and only those', () => {
    const apps = [
      app({ id: 1, rounds: ['2026-12-03'] }), // D Thu 10 Dec
      app({ id: 2, rounds: ['2026-11-30'], decisionBy: '2026-12-01' }), // due
      app({ id: 3, rounds: ['2026-12-02'], decisionBy: '2026-12-07' }), // Tue 8 Dec
      app({ id: 4, rounds: ['2026-12-02'], outcome: 'withdrawn', outcomeDate: '2026-12-03' }),
      app({ id: 5, rounds: ['2026-12-02'], outcome: 'rejected', outcomeDate: '2026-12-03' }),
      app({ id: 6, rounds: ['2026-12-02'], events: [ev('loop-closed', '2026-12-03')] }),
    ];
    const p = plan(apps, '2026-12-04');
    expect(p.waiting.map((w) => [w.id, w.next]).sort()).toEqual([
      [1, '2026-12-11'],
      [3, '2026-12-08'],
    ]);
  });
});

describe('rule 13: order', () => {
  it('overdue first, then by due date, then by action, then by application id', () => {
    const apps = [
      app({ id: 6, rounds: ['2026-11-30'], outcome: 'rejected', outcomeDate: '2026-12-04', events: [thanked()] }), // ask-feedback due Tue 8
      app({ id: 4, rounds: ['2026-11-30'], decisionBy: '2026-12-04', events: [thanked()] }), // check-status due Tue 8
      app({ id: 1, rounds: ['2026-12-07'] }), // send-thanks due Tue 8
      app({ id: 5, rounds: ['2026-12-02'] }), // send-thanks due Thu 3, overdue
      app({ id: 3, rounds: ['2026-11-30'], decisionBy: '2026-12-04', events: [thanked()] }), // check-status due Tue 8
      app({ id: 2, rounds: ['2026-12-03'] }), // send-thanks due Fri 4, overdue
    ];
    const p = plan(apps, '2026-12-07');
    expect(p.items.map((i) => [i.id, i.action, i.due, i.overdue])).toEqual([
      [5, 'send-thanks', '2026-12-03', true],
      [2, 'send-thanks', '2026-12-04', true],
      [1, 'send-thanks', '2026-12-08', false],
      [3, 'check-status', '2026-12-08', false],
      [4, 'check-status', '2026-12-08', false],
      [6, 'ask-feedback', '2026-12-08', false],
    ]);
  });

  it('the order does not depend on the order of the applications', () => {
    const apps = [
      app({ id: 2, rounds: ['2026-11-30'], decisionBy: '2026-12-04', events: [thanked()] }),
      app({ id: 1, rounds: ['2026-11-30'], decisionBy: '2026-12-04', events: [thanked()] }),
      app({ id: 3, rounds: ['2026-12-07'] }),
    ];
    const forward = plan(apps, '2026-12-07').items;
    const backward = plan([...apps].reverse(), '2026-12-07').items;
    expect(backward).toEqual(forward);
    expect(forward.map((i) => i.id)).toEqual([3, 1, 2]);
  });

  it('actions tie-break in the order of cadence.md', () => {
    const order: Action[] = [
      'send-thanks',
      'thank-for-feedback',
      'share-offer',
      'check-status',
      'close-loop',
      'ask-feedback',
      'keep-in-touch',
    ];
    const mk = (action: Action, id: number, due = '2026-12-08', overdue = false): PlanItem => ({
      id,
      company: 'X',
      role: 'Y',
      action,
      earliest: '2026-12-07',
      due,
      overdue,
      attempt: null,
      channel: null,
      contact: null,
      why: { code: 'keep-in-touch', lastContact: '2026-12-01' },
      notes: [],
    });
    const items = [...order].reverse().map((a, i) => mk(a, i + 1));
    expect([...items].sort(compareItems).map((i) => i.action)).toEqual(order);
    // Overdue beats everything (even a later due date, which real plans never have), a due date
    // beats an action, the id breaks the last tie.
    const mixed = [
      mk('keep-in-touch', 9, '2026-12-09'),
      mk('send-thanks', 8, '2026-12-10'),
      mk('check-status', 3, '2026-12-09'),
      mk('check-status', 2, '2026-12-09'),
      mk('keep-in-touch', 7, '2026-12-11', true),
    ];
    expect(mixed.sort(compareItems).map((i) => [i.id, i.action])).toEqual([
      [7, 'keep-in-touch'],
      [2, 'check-status'],
      [3, 'check-status'],
      [9, 'keep-in-touch'],
      [8, 'send-thanks'],
    ]);
  });
});

describe('chaseWarning', () => {
  const s = settings();

  it('warns about a chase before D has passed, naming the first allowed day', () => {
    const a = exampleA([thanked()]);
    for (const date of ['2026-12-03', '2026-12-04']) {
      const w = chaseWarning(a, { type: 'no-answer', date }, s);
      expect(w).not.toBeNull();
      expect(w).toContain('Mon 7 Dec');
      expect(w).toMatch(/pressure/i);
    }
  });

  it('warns about a chase less than minGapDays after the previous one', () => {
    const a = exampleA([thanked(), ev('no-answer', '2026-12-07')]);
    for (const [type, date] of [['voicemail', '2026-12-08'], ['emailed', '2026-12-09']] as const) {
      const w = chaseWarning(a, { type, date }, s);
      expect(w).toContain('Thu 10 Dec');
      expect(w).toMatch(/3 days/);
    }
  });

  it('is fine on the first allowed day', () => {
    expect(chaseWarning(exampleA([thanked()]), { type: 'no-answer', date: '2026-12-07' }, s)).toBeNull();
    const a = exampleA([thanked(), ev('no-answer', '2026-12-07')]);
    expect(chaseWarning(a, { type: 'emailed', date: '2026-12-10' }, s)).toBeNull();
    expect(chaseWarning(a, { type: 'voicemail', date: '2026-12-14' }, s)).toBeNull();
  });

  it('warns about a chase on a weekend, naming the next working day', () => {
    const a = exampleA([thanked(), ev('no-answer', '2026-12-07')]);
    const w = chaseWarning(a, { type: 'emailed', date: '2026-12-12' }, s);
    expect(w).toMatch(/not a working day/i);
    expect(w).toContain('Mon 14 Dec');
  });

  it('warns about a chase on a holiday', () => {
    const a = exampleA([thanked(), ev('no-answer', '2026-12-07')]);
    const w = chaseWarning(a, { type: 'emailed', date: '2026-12-10' }, settings({ holidays: ['2026-12-10'] }));
    expect(w).toMatch(/not a working day/i);
    expect(w).toContain('Fri 11 Dec');
  });

  it('gives both reasons for an early chase on a weekend', () => {
    // D = Fri 11 Dec; a voicemail on Sat 5 Dec is both early and on a weekend.
    const a = app({ rounds: ['2026-11-30'], decisionBy: '2026-12-11', events: [thanked()] });
    const w = chaseWarning(a, { type: 'voicemail', date: '2026-12-05' }, s);
    expect(w).toMatch(/not a working day/i);
    expect(w).toContain('Mon 7 Dec'); // the next working day
    expect(w).toContain('Mon 14 Dec'); // the first day the rules allow
    expect(w?.split('\n')).toHaveLength(2);
  });

  it('uses the settings: with minGapDays 2 a chase two days later is fine', () => {
    const a = exampleA([thanked(), ev('no-answer', '2026-12-07')]);
    expect(chaseWarning(a, { type: 'emailed', date: '2026-12-09' }, settings({ minGapDays: 2 }))).toBeNull();
  });

  it('after a conversation with a new date, a chase before that date warns', () => {
    const a = exampleA([thanked(), ev('spoke', '2026-12-10', { newDate: '2026-12-16' })]);
    expect(chaseWarning(a, { type: 'no-answer', date: '2026-12-15' }, s)).toContain('Thu 17 Dec');
    expect(chaseWarning(a, { type: 'no-answer', date: '2026-12-17' }, s)).toBeNull();
  });

  it('letters are not chases: no warning for a thank-you on a weekend', () => {
    expect(chaseWarning(exampleA(), { type: 'thanks-sent', date: '2026-12-05' }, s)).toBeNull();
  });
});
