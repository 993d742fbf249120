import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../src/core/suggest.js';

describe('closest', () => {
  const commands = ['add', 'today', 'log', 'outcome', 'list', 'show', 'draft'];
  it('finds a name typed with a letter missing, wrong, extra or swapped', () => {
    expect(closest('tody', commands)).toBe('today');
    expect(closest('shwo', commands)).toBe('show');
    expect(closest('outcomee', commands)).toBe('outcome');
    expect(closest('drfat', commands)).toBe('draft');
  });
  it('takes a beginning as the name it begins', () => {
    expect(closest('thank', ['thanks', 'check-in', 'thank-feedback'])).toBe('thanks');
    expect(closest('offered', ['offer', 'rejected', 'withdrawn'])).toBe('offer');
  });
  it('suggests nothing for a word far from every name', () => {
    expect(closest('zebra', commands)).toBeNull();
    expect(closest('', commands)).toBeNull();
  });
  it('counts edits', () => {
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abc', 'acb')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
