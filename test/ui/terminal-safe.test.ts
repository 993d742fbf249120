/** terminalSafe(): every control and bidi-control character becomes a visible escape; nothing else changes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { terminalSafe, terminalSafeDeep } from '../../src/ui/terminal-safe.js';

const C0 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i));
const DEL = '\u007f';
const C1 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(0x80 + i));
const BIDI = ['\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
const ALL = [...C0, DEL, ...C1, ...BIDI];

// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('terminalSafe', () => {
  it('escapes every C0, DEL, C1 and bidi control, one visible escape each', () => {
    for (const ch of ALL) {
      const out = terminalSafe(`a${ch}b`);
      expect(out, `U+${ch.charCodeAt(0).toString(16)}`).not.toMatch(RAW);
      expect(out.startsWith('a') && out.endsWith('b')).toBe(true);
      expect(out.length).toBeGreaterThan(3);
    }
  });

  it('uses the escapes people know, and <U+XXXX> for the rest', () => {
    expect(terminalSafe('\u001b]52;c;ZXZpbA==\u0007')).toBe('\\e]52;c;ZXZpbA==\\a');
    expect(terminalSafe('\u001b[2J\u001b]0;owned\u0007')).toBe('\\e[2J\\e]0;owned\\a');
    expect(terminalSafe('a\tb\nc\rd\be\vf\fg')).toBe('a\\tb\\nc\\rd\\be\\vf\\fg');
    expect(terminalSafe('\u0000\u0001\u007f\u0085\u009b')).toBe('<U+0000><U+0001><U+007F><U+0085><U+009B>');
    expect(terminalSafe('Acme\u202eevil')).toBe('Acme<U+202E>evil');
    expect(terminalSafe('\u061c\u200e\u200f\u2066\u2069')).toBe('<U+061C><U+200E><U+200F><U+2066><U+2069>');
  });

  it('keeps newlines and tabs with keepLines, and escapes everything else', () => {
    expect(terminalSafe('one\n\ttwo\u001b[31m', { keepLines: true })).toBe('one\n\ttwo\\e[31m');
    for (const ch of ALL.filter((c) => c !== '\n' && c !== '\t')) {
      expect(terminalSafe(`x${ch}`, { keepLines: true })).not.toMatch(RAW);
    }
  });

  it('gives back the very same string when there is nothing to escape', () => {
    for (const text of ['', 'Acme, Backend Engineer', 'Zoë Ångström', 'מחלקה', '東京 🚀', 'C:\\path\\e', '\u00a0\u00a9\u2028']) {
      expect(terminalSafe(text)).toBe(text);
    }
  });

  it('never leaves a raw control, changes nothing else, and is idempotent', () => {
    const alphabet = fc.constantFrom(...ALL, 'a', ' ', 'é', '\\', '<', 'U', '+', '🚀', '\u00a0');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')), (text) => {
        const out = terminalSafe(text);
        expect(out).not.toMatch(RAW);
        expect(terminalSafe(out)).toBe(out);
        if (!RAW.test(text)) expect(out).toBe(text);
        const kept = terminalSafe(text, { keepLines: true });
        expect(kept.replace(/[\n\t]/g, '')).not.toMatch(RAW);
        expect(kept.split('\n').length).toBe(text.split('\n').length);
      }),
    );
  });
});

describe('terminalSafeDeep', () => {
  it('escapes every string however deep, and leaves the original alone', () => {
    const model = {
      id: 7,
      company: 'Acme\u001b[2J',
      overdue: false,
      attempt: null,
      contacts: [{ name: 'Dana\u202e', phone: null }],
      needs: ['plain', 'bell\u0007'],
      nested: { deeper: [['\u009b']] },
    };
    const safe = terminalSafeDeep(model);
    expect(safe).toEqual({
      id: 7,
      company: 'Acme\\e[2J',
      overdue: false,
      attempt: null,
      contacts: [{ name: 'Dana<U+202E>', phone: null }],
      needs: ['plain', 'bell\\a'],
      nested: { deeper: [['<U+009B>']] },
    });
    expect(model.company).toBe('Acme\u001b[2J');
    expect(model.contacts[0].name).toBe('Dana\u202e');
    expect(JSON.stringify(safe)).not.toMatch(/\\u00(1b|07|9b)|\u202e/i);
  });

  it('copies nothing when nothing needs escaping', () => {
    const model = { company: 'Acme', rounds: [{ date: '2026-11-30', notes: null }], tags: ['a'] };
    expect(terminalSafeDeep(model)).toBe(model);
    const mixed = { a: { b: 'x' }, c: { d: 'y\u0007' } };
    const safe = terminalSafeDeep(mixed);
    expect(safe.a).toBe(mixed.a);
    expect(safe.c).not.toBe(mixed.c);
  });

  it('keeps objects that are not plain data as they are', () => {
    const holidays = new Set(['2026-12-25']);
    const when = new Date(0);
    const safe = terminalSafeDeep({ holidays, when, name: 'x\u001b' });
    expect(safe.holidays).toBe(holidays);
    expect(safe.when).toBe(when);
    expect(safe.name).toBe('x\\e');
    expect(terminalSafeDeep('\u001b')).toBe('\\e');
    expect(terminalSafeDeep(undefined)).toBeUndefined();
  });
});
