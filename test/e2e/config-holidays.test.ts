/** config add/remove for the holidays list, and yearly holidays (MM-DD). */
import { describe, expect, it } from 'vitest';
import { isWorkday, nextWorkday } from '../../src/core/calendar.js';
import { ADD_ACME, sandboxes } from './helpers.js';

const sandbox = sandboxes();

describe('yearly holidays', () => {
  it('are non-working days in every year; 29 February only in leap years', () => {
    expect(isWorkday('2026-12-25', ['12-25'])).toBe(false);
    expect(isWorkday('2031-12-25', ['12-25'])).toBe(false);
    expect(isWorkday('2026-12-24', ['12-25'])).toBe(true);
    expect(nextWorkday('2028-02-29', ['02-29'])).toBe('2028-03-01');
    expect(isWorkday('2027-03-01', ['02-29'])).toBe(true);
  });
});

describe('config add and remove', () => {
  it('add keeps what is there, once each; remove takes one away', async () => {
    const s = sandbox();
    await s.ok(['config', 'set', 'holidays', '2026-12-24']);
    await s.ok(['config', 'add', 'holidays', '12-25,01-01']);
    await s.ok(['config', 'add', 'holidays', '12-25']);
    expect((await s.ok(['config', 'get', 'holidays'])).stdout).toBe('01-01,12-25,2026-12-24\n');
    await s.ok(['config', 'remove', 'holidays', '2026-12-24']);
    expect((await s.ok(['config', 'get', 'holidays'])).stdout).toBe('01-01,12-25\n');
  });

  it('a yearly holiday moves a chase as a dated one does', async () => {
    const s = sandbox();
    await s.ok(ADD_ACME);
    await s.ok(['config', 'add', 'holidays', '12-07']);
    // Example A: the first chase was possible on Mon 7 Dec; a holiday every 7 December moves it.
    const plan = await s.todayPlan('2026-12-07');
    expect(plan.workday).toBe(false);
    expect(plan.items).toEqual([]);
  });

  it('refuses a value that is not in the list, or a key that is no list, changing nothing', async () => {
    const s = sandbox();
    await s.ok(['config', 'add', 'holidays', '12-25']);
    const missing = await s.run(['config', 'remove', 'holidays', '12-26']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('12-26 is not in holidays');
    const notList = await s.run(['config', 'add', 'minGapDays', '3']);
    expect(notList.status).toBe(2);
    expect(notList.stderr).toContain('followup config set minGapDays');
    const bad = await s.run(['config', 'add', 'holidays', '02-30']);
    expect(bad.status).toBe(2);
    expect((await s.ok(['config', 'get', 'holidays'])).stdout).toBe('12-25\n');
  });

  it('is one undoable change', async () => {
    const s = sandbox();
    await s.ok(['config', 'add', 'holidays', '12-25']);
    await s.ok(['config', 'add', 'holidays', '01-01']);
    await s.ok(['undo', '--yes']);
    expect((await s.ok(['config', 'get', 'holidays'])).stdout).toBe('12-25\n');
  });
});
