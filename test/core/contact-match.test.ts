/** Which contact a typed name means, and whom an event is with when no name was typed. */
import { describe, expect, it } from 'vitest';
import { defaultEventContact, matchContact } from '../../src/core/contact-match.js';
import type { PlanContact } from '../../src/core/types.js';

const person = (id: number, name: string, role: PlanContact['role'], recordedOn: string | null = null): PlanContact => ({
  id, name, role, phone: null, email: null, noCalls: false, recordedOn,
});

const BILL = person(1, 'Bill Lumbergh', 'hiring-manager');
const BILLIE = person(2, 'Billie Holm', 'hr');
const PRIYA = person(3, 'Priya Natarajan', 'interviewer');

describe('matchContact', () => {
  it('the full name (any case), else the one name it starts', () => {
    expect(matchContact([BILL, BILLIE], 'bill lumbergh')).toEqual({ kind: 'one', contact: BILL });
    expect(matchContact([BILL, BILLIE], 'Billie')).toEqual({ kind: 'one', contact: BILLIE });
    expect(matchContact([BILL, PRIYA], 'bill')).toEqual({ kind: 'one', contact: BILL });
  });

  it('a start shared by two names is "many"; no match or an empty name is "none"', () => {
    expect(matchContact([BILL, BILLIE], 'bil')).toEqual({ kind: 'many', names: ['Bill Lumbergh', 'Billie Holm'] });
    expect(matchContact([BILL], 'Lumbergh')).toEqual({ kind: 'none' });
    expect(matchContact([BILL], ' ')).toEqual({ kind: 'none' });
  });
});

describe('defaultEventContact', () => {
  it('a chase, shared offer or closing note is with the decision maker (rule 7); nothing else is guessed', () => {
    const hrAndInterviewer = [BILLIE, PRIYA];
    expect(defaultEventContact(hrAndInterviewer, 'no-answer', '2026-12-10', '2026-12-10')).toBe(BILLIE);
    expect(defaultEventContact([PRIYA, BILLIE, BILL], 'offer-shared', '2026-12-10', '2026-12-10')).toBe(BILL);
    expect(defaultEventContact(hrAndInterviewer, 'loop-closed', '2026-12-10', '2026-12-10')).toBe(BILLIE);
    for (const type of ['thanks-sent', 'feedback-asked', 'feedback-received', 'kept-in-touch'] as const) {
      expect(defaultEventContact([BILL, PRIYA], type, '2026-12-10', '2026-12-10'), type).toBeNull();
    }
    expect(defaultEventContact([PRIYA], 'spoke', '2026-12-10', '2026-12-10')).toBeNull();
  });

  it('a call logged late is with the person known that day, not one learned of since', () => {
    const hank = person(4, 'Hank Scorpio', 'hiring-manager', '2026-12-17');
    const jordan = person(5, 'Jordan Kim', 'hr', '2026-11-30');
    expect(defaultEventContact([hank, jordan], 'no-answer', '2026-12-10', '2026-12-17')).toBe(jordan);
    expect(defaultEventContact([hank, jordan], 'no-answer', '2026-12-17', '2026-12-17')).toBe(hank);
    // Nobody was recorded by then (an interview recorded after the fact): whom it brought.
    const late = person(6, 'Jordan Kim', 'hr', '2026-12-10');
    expect(defaultEventContact([late], 'spoke', '2026-11-30', '2026-12-10')).toBe(late);
    // Never someone recorded after the day it is logged on (a replay with --today).
    expect(defaultEventContact([hank], 'no-answer', '2026-12-10', '2026-12-10')).toBeNull();
  });
});
