import { describe, expect, it } from 'vitest';
import { parseUserDate } from '../../src/core/dates.js';
import { UsageError } from '../../src/errors.js';

// Wed 2 Dec 2026.
const WED = '2026-12-02';
const p = (text: string, today = WED) => parseUserDate(text, today, '--date');

describe('parseUserDate: YYYY-MM-DD', () => {
  it('returns a real date as it is', () => {
    expect(p('2026-12-04')).toBe('2026-12-04');
    expect(p('2027-03-11')).toBe('2027-03-11');
    expect(p('2024-02-29')).toBe('2024-02-29');
  });

  it('ignores surrounding spaces', () => {
    expect(p('  2026-12-04 ')).toBe('2026-12-04');
  });
});

describe('parseUserDate: words', () => {
  it('today, tomorrow, yesterday (any case)', () => {
    expect(p('today')).toBe(WED);
    expect(p('Today')).toBe(WED);
    expect(p('tomorrow')).toBe('2026-12-03');
    expect(p('TOMORROW')).toBe('2026-12-03');
    expect(p('yesterday')).toBe('2026-12-01');
  });

  it('crosses month and year ends', () => {
    expect(p('tomorrow', '2026-12-31')).toBe('2027-01-01');
    expect(p('yesterday', '2026-12-01')).toBe('2026-11-30');
    expect(p('yesterday', '2024-03-01')).toBe('2024-02-29');
  });
});

describe('parseUserDate: relative days and weeks', () => {
  it('+3d, -2d, +1w', () => {
    expect(p('+3d')).toBe('2026-12-05');
    expect(p('-2d')).toBe('2026-11-30');
    expect(p('+1w')).toBe('2026-12-09');
    expect(p('-1w')).toBe('2026-11-25');
    expect(p('+0d')).toBe(WED);
  });

  it('longer spellings', () => {
    expect(p('+10days')).toBe('2026-12-12');
    expect(p('+2 weeks')).toBe('2026-12-16');
    expect(p('+30d', '2026-12-15')).toBe('2027-01-14');
  });
});

describe('parseUserDate: weekday names', () => {
  it('a bare weekday is the next such day, today counting', () => {
    expect(p('fri')).toBe('2026-12-04');
    expect(p('friday')).toBe('2026-12-04');
    expect(p('Fri')).toBe('2026-12-04');
    expect(p('mon')).toBe('2026-12-07');
    expect(p('tue')).toBe('2026-12-08');
    expect(p('wed')).toBe(WED); // today is a Wednesday
    expect(p('wednesday')).toBe(WED);
  });

  it('"next" skips today', () => {
    expect(p('next wed')).toBe('2026-12-09');
    expect(p('next fri', '2026-12-04')).toBe('2026-12-11'); // today is a Friday
    expect(p('next friday', '2026-12-04')).toBe('2026-12-11');
    expect(p('next fri')).toBe('2026-12-04');
    expect(p('next mon')).toBe('2026-12-07');
  });

  it('"last" looks back, a full week when today is that weekday', () => {
    expect(p('last mon')).toBe('2026-11-30');
    expect(p('last fri')).toBe('2026-11-27');
    expect(p('last wed')).toBe('2026-11-25');
    expect(p('last mon', '2026-12-07')).toBe('2026-11-30'); // today is a Monday
    expect(p('last tue', '2026-12-07')).toBe('2026-12-01');
  });

  it('"this" is the same as the bare name', () => {
    expect(p('this fri')).toBe('2026-12-04');
    expect(p('this wed')).toBe(WED);
  });

  it('never resolves a weekday name to a day of another weekday', () => {
    const names = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
    for (const today of ['2026-11-29', '2026-11-30', '2026-12-02', '2026-12-05']) {
      names.forEach((name, wd) => {
        for (const form of [name, `next ${name}`, `last ${name}`]) {
          const d = p(form, today);
          expect(new Date(`${d}T00:00:00Z`).getUTCDay()).toBe(wd);
          const diff = (Date.parse(d) - Date.parse(today)) / 86_400_000;
          if (form.startsWith('next')) expect(diff >= 1 && diff <= 7).toBe(true);
          else if (form.startsWith('last')) expect(diff <= -1 && diff >= -7).toBe(true);
          else expect(diff >= 0 && diff <= 6).toBe(true);
        }
      });
    }
  });
});

describe('parseUserDate: errors', () => {
  it.each(['2026-02-30', '2026-13-01', '2026-00-10', '2026-04-31', '2026-02-29'])(
    'refuses the impossible date %s with a UsageError naming the flag',
    (text) => {
      expect(() => p(text)).toThrow(UsageError);
      expect(() => p(text)).toThrow(/--date/);
    },
  );

  it.each(['', 'someday', 'next', 'next month', 'fr', 'fridayy', '+3', '+3x', '3d', '12/04/2026', '2026-12', 'in 3 days'])(
    'refuses nonsense %j with a UsageError',
    (text) => {
      expect(() => p(text)).toThrow(UsageError);
    },
  );

  it('names the flag it was given', () => {
    expect(() => parseUserDate('soon', WED, '--new-date')).toThrow(/--new-date/);
  });
});
