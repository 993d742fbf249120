/**
 * Properties of the iCalendar text writer (src/export/ics.ts): folding at 75 octets never cuts a
 * UTF-8 character, and unfolding then unescaping gives the text back; the independent parser
 * (ical.js) reads the same text out of a whole calendar.
 */
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { escapeText, foldLine } from '../../src/export/ics';

/** Awkward pieces: multi-byte letters, emoji and ZWJ sequences, combining marks, line breaks, the escaped characters. */
const PIECES = [
  'é', 'e\u0301', 'Zoë Ünal', 'Ångström AB', '🎉', '👩‍💻', '👨‍👩‍👧‍👦', '🇸🇪', '\u200d', '\u0301\u0308', '中文', 'ﬀ', '𝔘',
  '\r\n', '\r', '\n', '\n\n', ',', ';', '\\', '\\n', '\\,', ':', '"', ' ', '\t', 'a'.repeat(74), 'ö'.repeat(40),
];

const awkward = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PIECES),
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.string({ maxLength: 30 }),
    ),
    { maxLength: 25, size: 'medium' },
  )
  .map((parts) => parts.join(''));

/** Undo the folding: a CRLF followed by one space (or tab) disappears (RFC 5545 section 3.1). */
function unfold(text: string): string {
  return text.replace(/\r\n[ \t]/g, '');
}

/** Undo TEXT escaping (RFC 5545 section 3.3.11), written here independently of the writer. */
function unescape(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = text[++i];
    if (next === 'n' || next === 'N') out += '\n';
    else if (next === '\\' || next === ';' || next === ',') out += next;
    else throw new Error(`bad escape \\${next} in ${JSON.stringify(text)}`);
  }
  return out;
}

/** The escaper writes every kind of line break as one \n. */
function normaliseNewlines(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\n');
}

/** Check one folded content line physically; returns its byte pieces. */
function checkFolded(folded: string): void {
  const lines = folded.split('\r\n');
  lines.forEach((line, i) => {
    const bytes = Buffer.from(line, 'utf8');
    expect(bytes.length).toBeLessThanOrEqual(75);
    // Valid UTF-8 on its own, and the Buffer round trip gives the same line.
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(line);
    expect(Buffer.from(bytes).toString('utf8')).toBe(line);
    if (i > 0) {
      expect(line.startsWith(' ')).toBe(true);
      expect(line.length).toBeGreaterThan(1);
    }
    expect(line).not.toMatch(/[\r\n]/);
  });
  // On the bytes of the whole folded line, every piece between CRLFs decodes strictly.
  const all = Buffer.from(folded, 'utf8');
  let start = 0;
  for (let i = 0; i <= all.length; i++) {
    if (i === all.length || (all[i] === 0x0d && all[i + 1] === 0x0a)) {
      const piece = all.subarray(start, i);
      expect(piece.length).toBeLessThanOrEqual(75);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(piece)).not.toThrow();
      start = i + 2;
      i++;
    }
  }
}

describe('foldLine and escapeText', () => {
  test('folded lines are at most 75 octets, whole UTF-8 each, and unfold + unescape to the original text', () => {
    fc.assert(
      fc.property(awkward, fc.constantFrom('SUMMARY:', 'DESCRIPTION:', 'X:', 'LOCATION;LANGUAGE=sv:'), (text, name) => {
        const escaped = escapeText(text);
        expect(escaped).not.toMatch(/[\r\n]/);
        // Every backslash, comma and semicolon of the text is escaped (none stands alone).
        expect(escaped.replace(/\\[\\;,nN]/g, '')).not.toMatch(/[\\;,]/);
        const folded = foldLine(name + escaped);
        checkFolded(folded);
        const back = unfold(folded);
        expect(back).toBe(name + escaped);
        expect(unescape(back.slice(name.length))).toBe(normaliseNewlines(text));
      }),
      { numRuns: 400 },
    );
  });

  test('folding alone never changes the content, whatever the line (even raw non-ASCII)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400, size: 'large' }).filter((s) => !/[\r\n]/.test(s)), (line) => {
        const folded = foldLine(line);
        checkFolded(folded);
        expect(unfold(folded)).toBe(line);
        if (Buffer.byteLength(line) <= 75) expect(folded).toBe(line);
      }),
      { numRuns: 300 },
    );
  });

  test('the generators do produce lines long enough to fold, with multi-byte characters', () => {
    const samples = fc.sample(awkward, { numRuns: 200, seed: 42 });
    const folding = samples.filter((t) => Buffer.byteLength(escapeText(t)) > 150 && Buffer.byteLength(t) > t.length + 20);
    expect(folding.length).toBeGreaterThan(20);
  });

  test('by hand: a 75-octet line stays whole; 76 octets fold; a 2-byte letter at the limit moves to the next line', () => {
    expect(foldLine('a'.repeat(75))).toBe('a'.repeat(75));
    expect(foldLine('a'.repeat(76))).toBe(`${'a'.repeat(75)}\r\n a`);
    // 74 ASCII + "ö" (2 octets) would be 76: the "ö" goes whole to the next line.
    expect(foldLine(`${'a'.repeat(74)}ö`)).toBe(`${'a'.repeat(74)}\r\n ö`);
    // An emoji (4 octets) is never split.
    const folded = foldLine(`${'a'.repeat(73)}🎉b`);
    expect(folded).toBe(`${'a'.repeat(73)}\r\n 🎉b`);
    expect(escapeText('a,b;c\\d\r\ne\rf\ng')).toBe('a\\,b\\;c\\\\d\\ne\\nf\\ng');
  });

  test('ical.js reads the escaped, folded text back as the original', () => {
    fc.assert(
      fc.property(awkward, (text) => {
        const body = [
          'BEGIN:VCALENDAR',
          'VERSION:2.0',
          'PRODID:-//test//test//EN',
          'BEGIN:VEVENT',
          'UID:x@test',
          'DTSTAMP:20261130T090000Z',
          'DTSTART;VALUE=DATE:20261130',
          `DESCRIPTION:${escapeText(text)}`,
          'END:VEVENT',
          'END:VCALENDAR',
        ]
          .map(foldLine)
          .join('\r\n');
        const cal = new ICAL.Component(ICAL.parse(`${body}\r\n`));
        const ev = cal.getFirstSubcomponent('vevent')!;
        expect(ev.getFirstPropertyValue('description')).toBe(normaliseNewlines(text));
      }),
      { numRuns: 300 },
    );
  });
});
