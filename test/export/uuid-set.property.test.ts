/**
 * The import's set of UUIDs seen (16 bytes each in an open-addressing table) answers as a plain
 * Set of strings would: for any sequence of UUIDs, repeats and the nil UUID included, through its
 * growth from 4,096 slots, and for text that is not a lowercase UUID.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UuidSet } from '../../src/export/archive.js';

const NIL = '00000000-0000-0000-0000-000000000000';

/** UUIDs drawn from a small pool (so that repeats come often) and a few odd ones. */
const uuidArb = (pool: string[]) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...pool) },
    { weight: 1, arbitrary: fc.constantFrom(NIL, NIL.toUpperCase(), 'not-a-uuid', '', pool[0].toUpperCase()) },
    { weight: 1, arbitrary: fc.uuid() },
  );

describe('UuidSet', () => {
  it('says whether each UUID was there already, as a Set does', () => {
    const pool = Array.from({ length: 300 }, () => randomUUID());
    fc.assert(
      fc.property(fc.array(uuidArb(pool), { maxLength: 600 }), (uuids) => {
        const set = new UuidSet();
        const plain = new Set<string>();
        for (const u of uuids) {
          expect(set.add(u), u).toBe(!plain.has(u));
          plain.add(u);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every UUID through its growth, and finds each again', () => {
    const set = new UuidSet();
    const all = Array.from({ length: 50_000 }, () => randomUUID());
    for (const u of all) expect(set.add(u)).toBe(true);
    for (const u of all) expect(set.add(u)).toBe(false);
    // UUIDs that differ in one word only are told apart, however crowded the table (each word in turn).
    for (const word of [0, 1, 2, 3]) {
      const crowd = new UuidSet();
      const hex = (i: number) => i.toString(16).padStart(8, '0');
      const make = (i: number) => {
        const w = ['aaaaaaaa', 'bbbbcccc', 'ddddeeee', 'ffff0000'];
        w[word] = hex(i);
        return `${w[0]}-${w[1].slice(0, 4)}-${w[1].slice(4)}-${w[2].slice(0, 4)}-${w[2].slice(4)}${w[3]}`;
      };
      for (let i = 1; i <= 20_000; i++) expect(crowd.add(make(i)), make(i)).toBe(true);
      for (let i = 1; i <= 20_000; i++) expect(crowd.add(make(i))).toBe(false);
    }
    const base = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
    const variants = [base, 'aaaaaaab-bbbb-cccc-dddd-eeeeeeeeeeee', 'aaaaaaaa-bbbb-cccd-dddd-eeeeeeeeeeee', 'aaaaaaaa-bbbb-cccc-ddde-eeeeeeeeeeee', 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeef'];
    for (const v of variants) expect(set.add(v)).toBe(true);
    for (const v of variants) expect(set.add(v)).toBe(false);
    expect(set.add(NIL)).toBe(true);
    expect(set.add(NIL)).toBe(false);
  });
});
