/** list reads a page of applications at a time: the pages, put together, are exactly the whole read. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateRecords } from '../../src/bench/seed.js';
import { Store } from '../../src/store/store.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-pages-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('iteratePlans', () => {
  it('gives listPlans page by page, in order, for any page size, on a seeded store', () => {
    const store = Store.open({ file: path.join(dir, 's.db'), explicit: false });
    try {
      store.insertRecords(generateRecords({ applications: 150, seed: 5, today: '2026-12-07' }), { journal: false, summary: 'seed' });
      for (const selection of ['all', 'active'] as const) {
        for (const today of ['2026-12-07', '2026-11-16']) {
          const whole = store.listPlans(selection, today);
          expect(whole.length).toBeGreaterThan(0);
          for (const size of [1, 7, 149, 150, 500]) {
            const pages = [...store.iteratePlans(selection, today, size)];
            expect(pages.every((p) => p.length <= size)).toBe(true);
            expect(pages.flat(), `${selection} ${today} by ${size}`).toEqual(whole);
          }
        }
      }
      expect([...store.iteratePlans('all', '2026-12-07', 10)].flat().length).toBe(150);
    } finally {
      store.close();
    }
  });
});
