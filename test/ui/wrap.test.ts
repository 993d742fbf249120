/** wrap(): the fast path for lines that already fit gives what the full algorithm gives. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrap } from '../../src/ui/output.js';

/** The plain greedy algorithm, word by word: the reference. */
function reference(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && indent.length + line.length + 1 + word.length > width) {
        lines.push(indent + line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(indent + line);
  }
  return lines.join('\n');
}

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
});
