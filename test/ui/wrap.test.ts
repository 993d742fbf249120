/** wrap(): the fast path for lines that already fit gives what the full algorithm gives. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceWrap } from './wrap-reference.js';
import { hangingWrap, visibleWidth, wrap } from '../../src/ui/output.js';

const reference = referenceWrap;

describe('wrap', () => {
  it('wraps at the width and indents every line', () => {
    expect(wrap('why: one two three four', 14, '  ')).toBe('  why: one two\n  three four');
    expect(wrap('short', 80, '    ')).toBe('    short');
    expect(wrap('  spaced   out\ttext ', 80, '')).toBe('spaced out text');
    expect(wrap('a\nb', 80, '> ')).toBe('> a\n> b');
    expect(wrap('', 80, '  ')).toBe('  ');
  });

  it('gives what the word-by-word algorithm gives, for any text, width and indent', () => {
    const piece = fc.constantFrom('a', 'word', 'longerword', ' ', '  ', '\t', '\n', 'é', 'x'.repeat(30));
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }).map((parts) => parts.join('')),
        fc.integer({ min: 10, max: 100 }),
        fc.constantFrom('', '  ', '    '),
        (text, width, indent) => {
          expect(wrap(text, width, indent)).toBe(reference(text, width, indent));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives the same for single-spaced words (lines cut as slices), words longer than the room among them', () => {
    const word = fc.stringMatching(/^[a-zé·,.:()-]{1,25}$/);
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 40 }).map((words) => words.join(' ')),
        fc.integer({ min: 1, max: 90 }),
        fc.constantFrom('', '  ', '    '),
        (text, width, indent) => {
          expect(wrap(text, width, indent)).toBe(reference(text, width, indent));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('wrap with colour and wide characters', () => {
  const red = (t: string) => `\u001b[31m${t}\u001b[39m`;
  it('breaks coloured text where it breaks the same text without colour', () => {
    const words = ['send', 'a', 'thank-you', 'to', 'Dana', 'Reyes', 'by', 'Tue', '1', 'Dec', 'about', 'the', 'role'];
    const plain = words.join(' ');
    const coloured = words.map((w, i) => (i % 2 ? red(w) : w)).join(' ');
    for (const width of [12, 20, 33, 80]) {
      // eslint-disable-next-line no-control-regex
      expect(wrap(coloured, width, '  ').replace(/\u001b\[\d+m/g, '')).toBe(wrap(plain, width, '  '));
    }
  });

  it('counts a wide character as two columns and a combining mark as none', () => {
    expect(visibleWidth('株式会社')).toBe(8);
    expect(visibleWidth('Zoe\u0308')).toBe(3);
    expect(visibleWidth(red('abc'))).toBe(3);
    for (const line of wrap('株式会社 株式会社 株式会社', 12, '').split('\n')) expect(visibleWidth(line)).toBeLessThanOrEqual(12);
  });

  it('hangs the rest of a wrapped line under an indent', () => {
    expect(hangingWrap('  3  ', 'Acme, Backend Engineer · round 1 Mon 30 Nov · next: call', 30, '     ')).toBe(
      '  3  Acme, Backend Engineer ·\n     round 1 Mon 30 Nov ·\n     next: call',
    );
  });
});
