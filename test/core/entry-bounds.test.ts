/**
 * What a person may type is what the store may hold, and what import takes back (issue 10,
 * item 9): dates between 1970-01-01 and 2100-12-31, and times by one shared rule.
 */
import { describe, expect, it } from 'vitest';
import { FIRST_DATE, LAST_DATE, isDateInRange } from '../../src/core/calendar.js';
import { parseClockTime, parseUserDate } from '../../src/core/dates.js';
import { UsageError } from '../../src/errors.js';

const TODAY = '2026-12-02';

describe('dates at entry', () => {
  it('the range is 1970-01-01 .. 2100-12-31', () => {
    expect([FIRST_DATE, LAST_DATE]).toEqual(['1970-01-01', '2100-12-31']);
    expect(isDateInRange('1970-01-01')).toBe(true);
    expect(isDateInRange('2100-12-31')).toBe(true);
    expect(isDateInRange('1969-12-31')).toBe(false);
    expect(isDateInRange('2101-01-01')).toBe(false);
  });

  it('the ends of the range are taken', () => {
    expect(parseUserDate('1970-01-01', TODAY, '--date')).toBe('1970-01-01');
    expect(parseUserDate('2100-12-31', TODAY, '--date')).toBe('2100-12-31');
  });

  it.each(['-9999w', '1969-12-31', '1900-01-01', '2101-01-01', '+9999w', '-3000w'])('%s is refused with a clear message', (text) => {
    expect(() => parseUserDate(text, TODAY, '--date')).toThrow(UsageError);
    expect(() => parseUserDate(text, TODAY, '--date')).toThrow(/--date.*1970-01-01.*2100-12-31/);
  });

  it('says which date the words came to', () => {
    expect(() => parseUserDate('-9999w', TODAY, '--date')).toThrow(/1835-/);
  });

  it('tomorrow from the last day is past the range', () => {
    expect(() => parseUserDate('tomorrow', '2100-12-31', '--date')).toThrow(/2101-01-01/);
  });
});

describe('parseClockTime, the one time rule', () => {
  it.each([
    ['09:30', '09:30'],
    ['9:30', '09:30'],
    ['0:00', '00:00'],
    ['23:59', '23:59'],
    [' 14:05 ', '14:05'],
  ])('%j is %j', (text, time) => {
    expect(parseClockTime(text)).toBe(time);
  });

  it.each(['24:00', '12:60', '9:3', '930', '09:30:00', '', 'noon', '-1:00', '１２:００'])('%j is not a time', (text) => {
    expect(parseClockTime(text)).toBeNull();
  });
});
