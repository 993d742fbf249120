/**
 * `export --format csv`: RFC 4180 (CRLF, quoting with doubled quotes), UTF-8, one row per
 * application with the documented columns, and cells that a spreadsheet would run as a formula
 * (= + - @, tab, CR at the start) neutralised with an apostrophe. csvCell by property too.
 */
import crypto from 'node:crypto';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { csvCell, renderCsv } from '../../src/export/csv';
import { FORMULA_START, parseCsvStrict, unquoteCell } from './csv-parse';
import { ensureBuilt, json, nextWorkday, ok, tempDir } from './helpers';

const DAY = '2026-12-04';
const HEADER = ['number', 'company', 'role', 'status', 'first interview', 'last contact', 'next action', 'next date', 'contact'];

const BOLT = 'Bolt, Inc. "Q"';
const STEPS: readonly (readonly string[])[] = [
  ['2026-11-02', 'add', '--company', 'Acme', '--role', 'Backend Engineer', '--date', '2026-11-02',
    '--hiring-manager', 'Dana Reyes', '--phone', '+1 555 0100', '--decision-by', '2026-11-09'],
  ['2026-11-03', 'log', '1', 'thanks-sent'],
  ['2026-11-16', 'add', '--company', 'Acme', '--role', 'Backend Engineer', '--date', '2026-11-16', '--decision-by', '2026-11-20'],
  ['2026-11-17', 'log', '1', 'thanks-sent'],
  ['2026-11-23', 'log', '1', 'no-answer'],
  ['2026-11-30', 'log', '1', 'spoke', '--new-date', '2026-12-09'],
  ['2026-11-09', 'add', '--company', BOLT, '--role', 'Staff\nEngineer', '--date', '2026-11-09',
    '--hiring-manager', 'Chris Ng', '--email', 'chris@bolt.example', '--decision-by', '2026-11-13'],
  ['2026-11-16', 'log', '2', 'emailed'],
  ['2026-11-18', 'outcome', '2', 'offer'],
  ['2026-11-25', 'add', '--company', '=SUM(1+1)', '--role', '+Lead', '--date', '2026-11-25',
    '--hiring-manager', '@Dana', '--email', 'at@formula.example', '--decision-by', '2026-12-02'],
  ['2026-11-26', 'add', '--company', '-Minus Co', '--role', '@role', '--date', '2026-11-26',
    '--hiring-manager', "=cmd|' /C calc'!A0", '--phone', '+1 555 0111'],
  ['2026-11-27', 'add', '--company', 'Ångström AB 🎉', '--role', 'Analyst; senior', '--date', '2026-11-27'],
  ['2026-11-30', 'outcome', '5', 'withdrawn'],
];

/** Applications only an import can hold: names that start with a tab or a carriage return. */
function hostileArchive(): string {
  const uuid = () => crypto.randomUUID();
  const app = (id: number, company: string, role: string, contact: string) => ({
    uuid: uuid(),
    id,
    company,
    role,
    why: null,
    outcome: null,
    outcomeDate: null,
    outcomeNote: null,
    notInterested: false,
    rounds: [{ uuid: uuid(), number: 1, date: '2026-12-01', time: null, kind: null, decisionBy: '2026-12-03', nextSteps: null, notes: '=1+1' }],
    contacts: [{ uuid: uuid(), name: contact, role: 'hiring-manager', phone: '+1 555 0122', email: null, noCalls: false }],
    needs: [],
    expand: [],
    events: [],
  });
  return JSON.stringify({
    format: 'followup',
    version: 1,
    exportedAt: '2026-12-04T09:00:00.000Z',
    settings: {},
    applications: [
      app(20, '\tTabbed', '\rCR role', '\t=tab person'),
      app(21, '\r\nCRLF Co', 'Dev', '-Minus Person'),
      app(22, '@Home; Ltd, "x"', '=HYPERLINK("http://x")', '+Plus Person'),
    ],
  });
}

let db: string;
let text: string;
let rows: string[][];

beforeAll(async () => {
  ensureBuilt();
  const dir = tempDir();
  db = path.join(dir, 'csv.db');
  for (const [today, ...args] of STEPS) await ok(db, today, args);
  const file = path.join(dir, 'hostile.json');
  fs.writeFileSync(file, hostileArchive());
  await ok(db, DAY, ['import', file]);
  text = await ok(db, DAY, ['export', '--format', 'csv']);
  rows = parseCsvStrict(text);
}, 60_000);

describe('export --format csv', () => {
  test('is RFC 4180: CRLF after every record, no bare CR or LF outside quotes, quoted fields with doubled quotes, valid UTF-8', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(text, 'utf8'))).not.toThrow();
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    // A field with a comma, a quote or a line break is quoted, with its quotes doubled.
    expect(text).toContain('"Bolt, Inc. ""Q"""');
    expect(text).toContain('"Staff\nEngineer"');
    // A semicolon alone needs no quotes.
    expect(text).toContain(',Analyst; senior,');
    for (const row of rows) expect(row).toHaveLength(HEADER.length);
  });

  test('has the documented columns and one row per application, matching list --all', async () => {
    expect(rows[0]).toEqual(HEADER);
    const list = await json<{ id: number; company: string; role: string; status: string; next: { action: string; earliest: string } | null }[]>(
      db, DAY, ['list', '--all'],
    );
    const body = rows.slice(1);
    expect(body).toHaveLength(list.length);
    expect(list).toHaveLength(8);
    const neutral = (s: string) => (FORMULA_START.test(s) ? `'${s}` : s);
    for (const app of list) {
      const row = body.find((r) => r[0] === String(app.id));
      expect(row, `row for #${app.id}`).toBeDefined();
      const [, company, role, status, , , action, nextDate] = row!;
      expect(company).toBe(neutral(app.company));
      expect(role).toBe(neutral(app.role));
      expect(status).toBe(app.status);
      expect(action).toBe(app.next?.action ?? '');
      const expectedDate = app.next ? (app.next.earliest < nextWorkday(DAY) ? nextWorkday(DAY) : app.next.earliest) : '';
      expect(nextDate, `next date of #${app.id}`).toBe(expectedDate);
    }
    // By hand: Acme, two rounds, last contact the call of 30 Nov, the hiring manager's phone.
    const acme = body.find((r) => r[1] === 'Acme')!;
    expect(acme[3]).toBe('active');
    expect(acme[4]).toBe('2026-11-02');
    expect(acme[5]).toBe('2026-11-30');
    expect(acme[8]).toContain('Dana Reyes');
    expect(acme[8]).toContain('+1 555 0100');
    const bolt = body.find((r) => r[1] === BOLT)!;
    expect(bolt[2]).toBe('Staff\nEngineer');
    expect(bolt[3]).toBe('offer');
    expect(bolt[4]).toBe('2026-11-09');
    expect(bolt[5]).toBe('2026-11-16');
    expect(bolt[6]).toBe('');
    const angstrom = body.find((r) => r[1] === 'Ångström AB 🎉')!;
    expect(angstrom[3]).toBe('withdrawn');
    expect(angstrom[5]).toBe('');
  });

  test('neutralises every cell that would start a formula (= + - @ tab CR) with an apostrophe', () => {
    for (const row of rows) {
      for (const cell of row) expect(cell, JSON.stringify(cell)).not.toMatch(FORMULA_START);
    }
    const companies = rows.slice(1).map((r) => r[1]);
    expect(companies).toEqual(
      expect.arrayContaining(["'=SUM(1+1)", "'-Minus Co", "'\tTabbed", "'\r\nCRLF Co", '\'@Home; Ltd, "x"']),
    );
    const roles = rows.slice(1).map((r) => r[2]);
    expect(roles).toEqual(expect.arrayContaining(["'+Lead", "'@role", "'\rCR role", '\'=HYPERLINK("http://x")']));
    const contacts = rows.slice(1).map((r) => r[8]);
    for (const name of ['@Dana', "=cmd|' /C calc'!A0", '\t=tab person', '-Minus Person', '+Plus Person']) {
      expect(contacts.some((c) => c.startsWith(`'${name}`)), name).toBe(true);
    }
  });

  test('--out writes the same text', async () => {
    const file = path.join(tempDir(), 'apps.csv');
    await ok(db, DAY, ['export', '--format', 'csv', '--out', file]);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });
});

describe('csvCell and renderCsv', () => {
  const dangerous = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\r\n', '\n', '"', ',', "'", ' ');
  const cellText = fc
    .array(fc.oneof(dangerous, fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 6 })
    .map((parts) => parts.join(''));

  test('no cell, once unquoted, starts with = + - @ tab or CR; the text comes back, with an apostrophe only when needed', () => {
    fc.assert(
      fc.property(cellText, (value) => {
        const cell = csvCell(value);
        // Plain, or quoted whole: a plain cell holds no quote, comma or line break.
        if (cell.startsWith('"')) expect(cell.length >= 2 && cell.endsWith('"')).toBe(true);
        else expect(cell).not.toMatch(/[",\r\n]/);
        if (/[",\r\n]/.test(value)) expect(cell.startsWith('"')).toBe(true);
        const read = unquoteCell(cell);
        expect(read).not.toMatch(FORMULA_START);
        expect(read).toBe(FORMULA_START.test(value) ? `'${value}` : value);
      }),
      { numRuns: 500 },
    );
  });

  test('by hand', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@x')).toBe("'@x");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe('"\'\rx"');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=a,"b"')).toBe('"\'=a,""b"""');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(12)).toBe('12');
    expect(csvCell('plain')).toBe('plain');
  });

  test('renderCsv output reads back strictly as the neutralised rows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((width) =>
          fc.tuple(
            fc.array(fc.string({ maxLength: 6 }).filter((h) => !FORMULA_START.test(h)), { minLength: width, maxLength: width }),
            fc.array(fc.array(fc.oneof(cellText, fc.constant(null), fc.nat()), { minLength: width, maxLength: width }), { maxLength: 6 }),
          ),
        ),
        ([header, body]) => {
          const out = renderCsv(header, body);
          expect(out.endsWith('\r\n')).toBe(true);
          const back = parseCsvStrict(out);
          const expected = [header, ...body].map((row) =>
            row.map((v) => (v === null ? '' : typeof v === 'number' ? String(v) : FORMULA_START.test(v) ? `'${v}` : v)),
          );
          expect(back).toEqual(expected);
          for (const row of back) for (const cell of row) expect(cell).not.toMatch(FORMULA_START);
        },
      ),
      { numRuns: 300 },
    );
  });
});
