/** Dates of what happened (`log`, `outcome`): a bare weekday looks back, a future day is refused. */
import { describe, expect, it } from 'vitest';
import { parseUserDate, refuseFutureEvent } from '../../src/core/dates.js';
import { UsageError } from '../../src/errors.js';

// Mon 21 Dec 2026.
const MON = '2026-12-21';
const past = (text: string, today = MON) => parseUserDate(text, today, '--date', 'past');

describe('parseUserDate with weekdays: past', () => {
  it('a bare weekday is the most recent one, today included', () => {
    expect(past('fri')).toBe('2026-12-18');
    expect(past('sunday')).toBe('2026-12-20');
    expect(past('mon')).toBe(MON);
    expect(past('this fri')).toBe('2026-12-18');
    expect(past('tue')).toBe('2026-12-15');
  });

  it('next and last keep their meaning; the default is still the coming one', () => {
    expect(past('last mon')).toBe('2026-12-14');
    expect(past('next mon')).toBe('2026-12-28');
    expect(parseUserDate('fri', MON, '--date')).toBe('2026-12-25');
  });

  it('an empty text is an error naming the flag, in either direction', () => {
    for (const dir of ['past', 'coming'] as const) {
      expect(() => parseUserDate('', MON, '--date', dir)).toThrow(UsageError);
      expect(() => parseUserDate('   ', MON, '--new-date', dir)).toThrow(/--new-date: no date was typed/);
    }
  });
});

describe('refuseFutureEvent', () => {
  it('lets today and earlier through, and refuses a later day with the date typed', () => {
    expect(() => refuseFutureEvent(MON, MON, 'today', 'log')).not.toThrow();
    expect(() => refuseFutureEvent('2026-12-18', MON, 'fri', 'log')).not.toThrow();
    expect(() => refuseFutureEvent('2026-12-25', MON, 'next fri', 'log')).toThrow(
      /--date next fri \(2026-12-25\) is Fri 25 Dec, after today \(Mon 21 Dec\): log records/,
    );
  });
});
