/**
 * The shortcuts `today` takes on a long list give what the full work gives: wrap and
 * visibleWidth on Latin text ("·" between facts, accented names), the list's one check for
 * text to escape before it walks the plan, and formatDay's remembered answers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceWrap } from './wrap-reference.js';
import { formatDay } from '../../src/core/calendar.js';
import type { PlanItem, TodayPlan } from '../../src/core/types.js';
import { createOutput, visibleWidth, wrap } from '../../src/ui/output.js';
import { renderToday } from '../../src/ui/today-view.js';

const reference = referenceWrap;

describe('wrap on Latin text', () => {
  it('measures the letters and signs up to U+02FF as one column each, and only those', () => {
    expect(visibleWidth('due Mon 7 Dec · attempt 2')).toBe(25);
    expect(visibleWidth('Zoë Ångström-Łukasiewicz')).toBe(24);
    // A combining accent takes no column; a wide character two.
    expect(visibleWidth('Zoe\u0308')).toBe(3);
    expect(visibleWidth('東京')).toBe(4);
  });

  it('gives what the word-by-word algorithm gives, with other white space and wide text mixed in', () => {
    const piece = fc.constantFrom('a', 'word', ' ', '  ', '·', 'é', 'ß', 'Ł', '\u00a0', '\t', '\n', '東', 'e\u0301', 'x'.repeat(30));
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')),
        fc.integer({ min: 10, max: 100 }),
        fc.constantFrom('', '  ', '    '),
        (text, width, indent) => {
          expect(wrap(text, width, indent)).toBe(reference(text, width, indent));
        },
      ),
      { numRuns: 500 },
    );
  });
});

function item(over: Partial<PlanItem>): PlanItem {
  return {
    id: 3, company: 'Acme', role: 'Engineer', action: 'check-status', earliest: '2026-12-07', due: '2026-12-08',
    overdue: false, attempt: 1, channel: 'phone',
    contact: { name: 'Dana Reyes', role: 'hiring-manager', phone: '555-0100', email: null },
    why: { code: 'chase', decision: { date: '2026-12-04', source: 'given', spokeOn: null }, attempts: [], closing: false },
    notes: [],
    ...over,
  };
}

function plan(items: PlanItem[]): TodayPlan {
  return { date: '2026-12-07', workday: true, items, waiting: [], nextWorkday: null, linedUp: 0 };
}

const styles = createOutput({ color: false, out: () => {}, err: () => {} }).styles;

describe('the list escapes stored text wherever it sits in the plan', () => {
  it('escapes a control or bidi character in any field, however deep, each on its own', () => {
    const cases: [PlanItem, string][] = [
      [item({ company: 'Acme\u202e' }), 'Acme<U+202E>, Engineer'],
      [item({ contact: { name: 'Dana\u001b[2J', role: 'hiring-manager', phone: '555-0100', email: null } }), 'Dana\\e[2J'],
      [item({ contact: { name: 'Dana', role: 'hiring-manager', phone: '555\u0085', email: null } }), '555<U+0085>'],
      [item({ action: 'withdraw', why: { code: 'withdraw', accepted: { company: 'Glo\nbex', date: '2026-12-04' } } }), 'Glo\\nbex'],
      [item({ notes: [{ code: 'no-calls-write', name: 'Kim\tPark' }] }), 'Kim\\tPark'],
    ];
    for (const [hostile, shown] of cases) {
      const text = renderToday(plan([item({ id: 2 }), hostile]), styles);
      expect(text).toContain(shown);
      expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u0085\u202e]/);
    }
  });

  it('prints a backslash as it is (the check may look twice; the text does not change)', () => {
    const text = renderToday(plan([item({ company: 'C:\\new\\table' })]), styles);
    expect(text).toContain('C:\\new\\table, Engineer');
  });
});

describe('formatDay remembers its answers per reference year', () => {
  it('gives each reference year its own answer for the same date', () => {
    expect(formatDay('2027-01-04', '2026')).toBe('Mon 4 Jan 2027');
    expect(formatDay('2027-01-04', '2027')).toBe('Mon 4 Jan');
    expect(formatDay('2027-01-04', '2026')).toBe('Mon 4 Jan 2027');
    expect(formatDay('2027-01-04')).toBe('Mon 4 Jan');
    expect(formatDay('2026-12-07', '2026')).toBe('Mon 7 Dec');
  });
});
