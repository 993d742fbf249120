/**
 * Working-day arithmetic looks holidays up in a Set of day numbers built once per list (issue 10,
 * item 7): a long list costs one pass to build, then O(1) per step. Asserted on what is read,
 * never on time.
 */
import { describe, expect, it } from 'vitest';
import { addDays, addWorkdays, holidaySet, isWorkday, nextWorkday, toDayNumber } from '../../src/core/calendar.js';

/** n consecutive dates from `start`. */
function run(start: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => addDays(start, i));
}

/** A holidays list that counts how often its entries are read. */
function counted(dates: string[]): { list: readonly string[]; reads: () => number } {
  let reads = 0;
  const list = new Proxy(dates, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { list, reads: () => reads };
}

describe('holidaySet', () => {
  it('holds the day numbers of the list, and is built once per list', () => {
    const list = ['2026-12-24', '2026-12-25', '2026-12-31'];
    const set = holidaySet(list);
    expect([...set].sort()).toEqual(list.map(toDayNumber).sort());
    expect(holidaySet(list)).toBe(set);
  });

  it('is rebuilt when the list grows in place', () => {
    const list = ['2026-12-24'];
    expect(holidaySet(list).has(toDayNumber('2026-12-25'))).toBe(false);
    list.push('2026-12-25');
    expect(holidaySet(list).has(toDayNumber('2026-12-25'))).toBe(true);
  });

  it('reads each entry once however many steps and calls follow', () => {
    const { list, reads } = counted(run('2026-12-21', 300));
    for (let i = 0; i < 200; i++) {
      addWorkdays('2026-12-01', 40, list);
      nextWorkday('2026-12-22', list);
      isWorkday('2026-12-23', list);
    }
    expect(reads()).toBe(300);
  });
});

describe('with a long run of holidays', () => {
  // 100,000 consecutive days: 2000-01-01 .. 2273-10-16 (beyond what settings may hold; the
  // arithmetic still has to be right and to finish).
  const long = run('2000-01-01', 100_000);
  const after = addDays('2000-01-01', 100_000);

  it('nextWorkday steps over all of them to the first working day after', () => {
    expect(nextWorkday('2000-01-03', long)).toBe(nextWorkday(after, []));
  });

  it('addWorkdays counts only working days, forward and back', () => {
    expect(addWorkdays('1999-12-31', 1, long)).toBe(nextWorkday(after, []));
    expect(addWorkdays(after, -1, long)).toBe('1999-12-31');
  });

  it('isWorkday says no on a weekday inside the run, yes outside it', () => {
    expect(isWorkday('2026-12-02', long)).toBe(false);
    expect(isWorkday('1999-12-31', long)).toBe(true);
  });
});

describe('the same answers as the list scan', () => {
  const holidays = ['2026-12-24', '2026-12-25', '2026-12-28', '2027-01-01'];
  const scanNext = (d: string): string => {
    let x = d;
    while ([0, 6].includes(new Date(`${x}T00:00:00Z`).getUTCDay()) || holidays.includes(x)) x = addDays(x, 1);
    return x;
  };
  it('nextWorkday over December', () => {
    for (const d of run('2026-12-01', 45)) expect(nextWorkday(d, holidays)).toBe(scanNext(d));
  });
  it('addWorkdays over December', () => {
    for (const d of run('2026-12-01', 45)) expect(addWorkdays(d, 1, holidays)).toBe(scanNext(addDays(d, 1)));
  });
});
