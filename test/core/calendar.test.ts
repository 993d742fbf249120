import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkdays,
  daysBetween,
  formatDay,
  formatDayLong,
  fromDayNumber,
  isCalendarDate,
  isWorkday,
  maxDate,
  nextWorkday,
  toDayNumber,
  weekday,
} from '../../src/core/calendar.js';

describe('day numbers', () => {
  /** The same count by the platform's own calendar. */
  const utcDays = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

  it('count days since 1970-01-01 as the platform does, for every day from 1899 to 2101 and any day of the years 1900-9999', () => {
    for (let n = utcDays('1899-01-01'); n <= utcDays('2101-12-31'); n++) {
      const date = new Date(n * 86_400_000).toISOString().slice(0, 10);
      expect(toDayNumber(date), date).toBe(n);
      expect(fromDayNumber(n)).toBe(date);
    }
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const date = `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
        const n = Math.floor(d.getTime() / 86_400_000);
        expect(toDayNumber(date), date).toBe(n);
        expect(fromDayNumber(n)).toBe(date);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isCalendarDate', () => {
  it('accepts real dates in YYYY-MM-DD form', () => {
    expect(isCalendarDate('2026-11-30')).toBe(true);
    expect(isCalendarDate('2026-12-31')).toBe(true);
    expect(isCalendarDate('2026-01-01')).toBe(true);
    expect(isCalendarDate('2026-04-30')).toBe(true);
  });

  it('rejects days that do not exist in the month', () => {
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2026-12-32')).toBe(false);
    expect(isCalendarDate('2026-12-00')).toBe(false);
  });

  it('rejects months outside 1-12', () => {
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-00-10')).toBe(false);
  });

  it('knows the leap years', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true); // divisible by 400
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2100-02-29')).toBe(false); // divisible by 100, not 400
    expect(isCalendarDate('2026-02-28')).toBe(true);
  });

  it('rejects other shapes', () => {
    expect(isCalendarDate('2026-2-3')).toBe(false);
    expect(isCalendarDate('26-12-04')).toBe(false);
    expect(isCalendarDate('2026/12/04')).toBe(false);
    expect(isCalendarDate('2026-12-04T00:00')).toBe(false);
    expect(isCalendarDate(' 2026-12-04')).toBe(false);
    expect(isCalendarDate('')).toBe(false);
    expect(isCalendarDate('tomorrow')).toBe(false);
  });
});

describe('weekday', () => {
  it('gives 0 = Sunday ... 6 = Saturday', () => {
    expect(weekday('2026-11-30')).toBe(1); // the design's anchor: 30 Nov 2026 is a Monday
    expect(weekday('2026-12-04')).toBe(5);
    expect(weekday('2026-12-05')).toBe(6);
    expect(weekday('2026-12-06')).toBe(0);
    expect(weekday('2027-03-11')).toBe(4);
    expect(weekday('2024-02-29')).toBe(4);
  });

  it('works before 1970 too', () => {
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday('1969-12-31')).toBe(3);
    expect(weekday('1969-12-28')).toBe(0);
  });
});

describe('addDays, daysBetween, maxDate', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-01', -2)).toBe('2026-11-29');
    expect(addDays('2026-12-11', 90)).toBe('2027-03-11');
  });

  it('counts calendar days from a to b', () => {
    expect(daysBetween('2026-12-07', '2026-12-10')).toBe(3);
    expect(daysBetween('2026-12-10', '2026-12-07')).toBe(-3);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
  });

  it('picks the later date', () => {
    expect(maxDate('2026-12-05', '2026-12-10')).toBe('2026-12-10');
    expect(maxDate('2027-01-01', '2026-12-31')).toBe('2027-01-01');
  });
});

describe('isWorkday', () => {
  it('is Monday to Friday unless a holiday', () => {
    expect(isWorkday('2026-12-04', [])).toBe(true);
    expect(isWorkday('2026-12-05', [])).toBe(false);
    expect(isWorkday('2026-12-06', [])).toBe(false);
    expect(isWorkday('2026-12-07', [])).toBe(true);
    expect(isWorkday('2026-12-25', ['2026-12-25'])).toBe(false);
    expect(isWorkday('2026-12-24', ['2026-12-25'])).toBe(true);
  });
});

describe('nextWorkday', () => {
  it('is the day itself on a working day', () => {
    expect(nextWorkday('2026-12-04', [])).toBe('2026-12-04');
    expect(nextWorkday('2026-11-30', [])).toBe('2026-11-30');
  });

  it('skips the weekend', () => {
    expect(nextWorkday('2026-12-05', [])).toBe('2026-12-07');
    expect(nextWorkday('2026-12-06', [])).toBe('2026-12-07');
  });

  it('skips holidays, also next to a weekend', () => {
    expect(nextWorkday('2026-12-25', ['2026-12-25'])).toBe('2026-12-28');
    expect(nextWorkday('2026-12-26', ['2026-12-28'])).toBe('2026-12-29');
    expect(nextWorkday('2026-12-07', ['2026-12-07', '2026-12-08'])).toBe('2026-12-09');
    expect(nextWorkday('2026-12-31', ['2027-01-01'])).toBe('2026-12-31');
    expect(nextWorkday('2027-01-01', ['2027-01-01'])).toBe('2027-01-04');
  });
});

describe('addWorkdays', () => {
  it('counts working days after D, D itself not counted', () => {
    expect(addWorkdays('2026-11-30', 1, [])).toBe('2026-12-01');
    expect(addWorkdays('2026-12-01', 5, [])).toBe('2026-12-08'); // example B
    expect(addWorkdays('2026-12-11', 2, [])).toBe('2026-12-15'); // example D
  });

  it('crosses a weekend', () => {
    expect(addWorkdays('2026-12-04', 1, [])).toBe('2026-12-07');
    expect(addWorkdays('2026-12-03', 2, [])).toBe('2026-12-07');
    expect(addWorkdays('2026-12-05', 1, [])).toBe('2026-12-07'); // from a Saturday
    expect(addWorkdays('2026-12-06', 1, [])).toBe('2026-12-07'); // from a Sunday
  });

  it('crosses holidays', () => {
    expect(addWorkdays('2026-12-04', 1, ['2026-12-07'])).toBe('2026-12-08');
    expect(addWorkdays('2026-12-01', 5, ['2026-12-03'])).toBe('2026-12-09');
    expect(addWorkdays('2026-12-31', 1, ['2027-01-01'])).toBe('2027-01-04');
  });

  it('is D itself for n = 0, even on a weekend', () => {
    expect(addWorkdays('2026-12-05', 0, [])).toBe('2026-12-05');
    expect(addWorkdays('2026-12-07', 0, [])).toBe('2026-12-07');
  });

  it('counts back for a negative n, across weekends and holidays', () => {
    expect(addWorkdays('2026-12-07', -1, [])).toBe('2026-12-04');
    expect(addWorkdays('2026-12-08', -2, [])).toBe('2026-12-04');
    expect(addWorkdays('2026-12-06', -1, [])).toBe('2026-12-04'); // from a Sunday
    expect(addWorkdays('2026-12-08', -1, ['2026-12-07'])).toBe('2026-12-04');
    expect(addWorkdays('2026-12-09', -5, ['2026-12-03'])).toBe('2026-12-01');
    expect(addWorkdays('2027-01-04', -1, ['2027-01-01'])).toBe('2026-12-31');
  });

  const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2025-01-01', n));
  const holidaySet = fc.uniqueArray(fc.integer({ min: 0, max: 3000 }), { maxLength: 30 }).map((ns) =>
    ns.map((n) => addDays('2025-01-01', n)),
  );

  it('lands on a working day for any n != 0, and n back returns to a working start', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -40, max: 40 }), holidaySet, (d, n, hol) => {
        const there = addWorkdays(d, n, hol);
        if (n !== 0) expect(isWorkday(there, hol)).toBe(true);
        if (n > 0) expect(there > d).toBe(true);
        if (n < 0) expect(there < d).toBe(true);
        if (isWorkday(d, hol)) expect(addWorkdays(there, -n, hol)).toBe(d);
      }),
      { numRuns: 300 },
    );
  });

  it('nextWorkday is the smallest working day on or after D', () => {
    fc.assert(
      fc.property(day, holidaySet, (d, hol) => {
        const w = nextWorkday(d, hol);
        expect(isWorkday(w, hol)).toBe(true);
        expect(w >= d).toBe(true);
        for (let x = d; x < w; x = addDays(x, 1)) expect(isWorkday(x, hol)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('formatDay', () => {
  it('writes "Fri 4 Dec" with no leading zero', () => {
    expect(formatDay('2026-12-04')).toBe('Fri 4 Dec');
    expect(formatDay('2026-11-30')).toBe('Mon 30 Nov');
    expect(formatDay('2026-12-13')).toBe('Sun 13 Dec');
  });

  it('shows the year only when it differs from the reference year', () => {
    expect(formatDay('2026-12-04', '2026')).toBe('Fri 4 Dec');
    expect(formatDay('2027-03-11', '2026')).toBe('Thu 11 Mar 2027');
    expect(formatDay('2026-12-04', '2027')).toBe('Fri 4 Dec 2026');
  });

  it('has a long form', () => {
    expect(formatDayLong('2026-12-02', '2026')).toBe('Wednesday 2 December');
    expect(formatDayLong('2027-01-01', '2026')).toBe('Friday 1 January 2027');
  });
});
