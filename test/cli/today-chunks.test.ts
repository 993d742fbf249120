/**
 * `today` prints its list as it makes it, 64 KB at a time (writeToday): a list longer than one
 * piece must come out byte for byte as renderToday makes it whole, with one newline at the end.
 */
import { expect, it } from 'vitest';
import { planToday } from '../../src/core/cadence.js';
import { nextWorkday } from '../../src/core/calendar.js';
import { Store, type RecordInput } from '../../src/store/store.js';
import { createOutput } from '../../src/ui/output.js';
import { renderToday } from '../../src/ui/today-view.js';
import { sandboxes } from '../e2e/helpers.js';

const newSandbox = sandboxes();

/** An application interviewed on `date`, waiting on its decision, or chased once. */
function record(i: number): RecordInput {
  const date = `2026-11-${String(2 + (i % 20)).padStart(2, '0')}`;
  return {
    company: `Company ${i} with a longer name`,
    role: 'Senior Backend Engineer',
    rounds: [{ date, decisionBy: i % 3 === 0 ? null : '2026-11-25' }],
    contacts: [{ name: `Dana Reyes ${i}`, role: i % 4 === 0 ? 'hr' : 'hiring-manager', phone: '+1 555 0100', email: `dana${i}@example.com` }],
    needs: [],
    expand: [],
    events: i % 2 === 0 ? [{ type: 'thanks-sent', date }, { type: 'no-answer', date: '2026-11-26' }] : [],
  };
}

it('prints a list of several pieces exactly as made whole', async () => {
  const sb = newSandbox('2026-12-07');
  const store = Store.open({ file: sb.db, explicit: true });
  try {
    store.insertRecords(Array.from({ length: 400 }, (_, i) => record(i)), { journal: false, summary: 'test records' });
    const config = store.getConfig();
    const plan = planToday(store.listPlanned(nextWorkday('2026-12-07', config.holidays), config.keepInTouchDays, '2026-12-07'), config, '2026-12-07');
    const whole = renderToday(plan, createOutput({ color: false, out: () => {}, err: () => {} }).styles, 80);
    expect(whole.length).toBeGreaterThan(3 * 65_536);
    const r = await sb.ok(['today'], { env: { NO_COLOR: '1' } });
    expect(r.stdout).toBe(`${whole}\n`);
  } finally {
    store.close();
  }
});
