/**
 * The plan read's rows come as columns in the order the indexes give; rowOrder finds the order
 * the rules need, (application, first key, second key), sorting only the applications whose rows
 * come otherwise (or all of them when the rows are not even grouped by application). Whatever
 * the rows' order, what it gives is that order.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { rowOrder } from '../../src/store/store.js';

type Row = [number, string, number];

const rowArb: fc.Arbitrary<Row> = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom('2026-12-01', '2026-12-02', '2026-12-03'), fc.integer({ min: 1, max: 50 }));

function sorted(rows: Row[]): Row[] {
  return [...rows].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] - b[2]));
}

function check(rows: Row[]): void {
  const order = rowOrder(rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]));
  const got = order === null ? rows : order.map((i) => rows[i]);
  expect(got).toEqual(sorted(rows));
  if (order !== null) expect([...order].sort((a, b) => a - b)).toEqual(rows.map((_, i) => i));
}

it('orders rows in any order', () => {
  fc.assert(fc.property(fc.array(rowArb, { maxLength: 40 }), check), { numRuns: 2000 });
});

it('orders rows grouped by application but shuffled within some (as the events index gives them)', () => {
  fc.assert(
    fc.property(fc.array(rowArb, { maxLength: 40 }), fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }), (rows, shuffle) => {
      const grouped = sorted(rows);
      // Reverse the rows of some applications: grouped and ascending by application, out of order within.
      const out: Row[] = [];
      for (let app = 1; app <= 6; app++) {
        const mine = grouped.filter((r) => r[0] === app);
        out.push(...(shuffle[app] ? mine.reverse() : mine));
      }
      check(out);
    }),
    { numRuns: 2000 },
  );
});

it('says null when the rows are in order already', () => {
  fc.assert(
    fc.property(fc.array(rowArb, { maxLength: 40 }), (rows) => {
      expect(rowOrder(...([0, 1, 2].map((k) => sorted(rows).map((r) => r[k])) as [number[], string[], number[]]))).toBeNull();
    }),
  );
});
