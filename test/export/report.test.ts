/**
 * `followup report --from --to [--format md|csv|html]`: every interview, contact attempt, letter
 * and outcome in the period, and nothing outside it, with date, company, role, contact and
 * channel, plus counts. The HTML escapes what it shows. A period is required and ordered.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { FORMULA_START, parseCsvStrict } from './csv-parse';
import { ensureBuilt, ok, run, STACK_LINE, tempDir } from './helpers';
import { ACME, ANGSTROM, BOLT, buildRichStore, COLD, DELTA, ECHO, FORMULA, SCRIPT } from './scenario';

const TODAY = '2026-12-04';
const FROM = '2026-11-02';
const TO = '2026-11-20';

interface ArchiveApp {
  company: string;
  role: string;
  outcome: string | null;
  outcomeDate: string | null;
  rounds: { date: string; kind: string | null }[];
  contacts: { name: string; role: string }[];
  events: { type: string; date: string; withName: string | null }[];
}

interface Expected {
  date: string;
  company: string;
  role: string;
  what: string;
  withName: string | null;
  kind: string | null;
}

const CALLS = ['no-answer', 'voicemail', 'spoke'];
const EMAILS = ['emailed'];

/** What the period holds, read from the JSON export (the store's records), not from the report. */
function expectedRows(apps: readonly ArchiveApp[], from: string, to: string): Expected[] {
  const inside = (d: string) => d >= from && d <= to;
  const rows: Expected[] = [];
  for (const a of apps) {
    const base = { company: a.company, role: a.role };
    for (const r of a.rounds) if (inside(r.date)) rows.push({ ...base, date: r.date, what: 'interview', withName: null, kind: r.kind });
    for (const e of a.events) if (inside(e.date)) rows.push({ ...base, date: e.date, what: e.type, withName: e.withName, kind: null });
    if (a.outcome && a.outcomeDate && inside(a.outcomeDate)) {
      rows.push({ ...base, date: a.outcomeDate, what: `outcome:${a.outcome}`, withName: null, kind: null });
    }
  }
  return rows;
}

const triple = (r: { date: string; company: string; role: string }) => `${r.date} | ${r.company} | ${r.role}`;

/** Markdown as a renderer shows its text: backslash escapes and the report's entities decoded. */
const decodeMdEntities = (md: string) =>
  md.replace(
    /\\([!-/:-@[-`{-~])|&(amp|lt|gt|#91|#93|#96);/g,
    (_, punct?: string, entity?: string) =>
      punct ?? { amp: '&', lt: '<', gt: '>', '#91': '[', '#93': ']', '#96': '`' }[entity as 'amp'],
  );

let db: string;
let apps: ArchiveApp[];
let expected: Expected[];

beforeAll(async () => {
  ensureBuilt();
  db = path.join(tempDir(), 'report.db');
  buildRichStore(db);
  apps = (JSON.parse(await ok(db, TODAY, ['export', '--format', 'json'])) as { applications: ArchiveApp[] }).applications;
  expected = expectedRows(apps, FROM, TO);
}, 60_000);

describe('report', () => {
  test('the period of the test holds every kind of activity, and activity just outside it on both sides', () => {
    const kinds = new Set(expected.map((r) => r.what));
    for (const k of ['interview', 'thanks-sent', 'emailed', 'feedback-asked', 'kept-in-touch', 'loop-closed', 'outcome:rejected', 'outcome:withdrawn']) {
      expect(kinds.has(k), k).toBe(true);
    }
    // Boundaries are inclusive: there is activity on the first and the last day.
    expect(expected.some((r) => r.date === FROM)).toBe(true);
    expect(expected.some((r) => r.date === TO)).toBe(true);
    const outside = expectedRows(apps, '2000-01-01', '2099-12-31').filter((r) => r.date < FROM || r.date > TO);
    expect(outside.some((r) => r.date === '2026-10-30')).toBe(true);
    expect(outside.some((r) => r.date === '2026-11-23')).toBe(true);
    expect(expected).toHaveLength(16);
  });

  test('csv: one row per interview, contact attempt, letter and outcome in the period, nothing outside, with contact and channel', async () => {
    const text = await ok(db, TODAY, ['report', '--from', FROM, '--to', TO, '--format', 'csv']);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsvStrict(text);
    const col = (name: RegExp) => {
      const i = header.findIndex((h) => name.test(h));
      expect(i, `a column ${name}`).toBeGreaterThanOrEqual(0);
      return i;
    };
    const [date, company, role, contact, channel] = [col(/date/i), col(/company/i), col(/role/i), col(/contact/i), col(/channel/i)];
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(FORMULA_START);
    const got = rows.map((r) => ({ date: r[date], company: r[company], role: r[role], contact: r[contact], channel: r[channel] }));
    expect(got.map(triple).sort()).toEqual(expected.map(triple).sort());
    for (const r of got) expect(r.date >= FROM && r.date <= TO, r.date).toBe(true);
    // Issue 13: a row names whom it was with as recorded then. Interviews and outcomes always
    // name someone; an event names the person stored on it, and one logged without a name (a
    // letter without --with) names nobody rather than today's contact.
    const unnamed = expected.filter((e) => e.what !== 'interview' && !e.what.startsWith('outcome:') && e.withName === null);
    expect(unnamed.length).toBeGreaterThan(0);
    expect(got.filter((r) => r.contact === '').map(triple).sort()).toEqual(unnamed.map(triple).sort());
    // Each expected entry is matched by a row of the same day and application with the right contact and channel.
    const pool = [...got];
    for (const e of expected) {
      const candidates = pool.filter((r) => triple(r) === triple(e));
      const fits = (r: (typeof got)[number]) => {
        if (e.withName && !r.contact.includes(e.withName)) return false;
        if (CALLS.includes(e.what)) return /phone|call/i.test(r.channel);
        if (EMAILS.includes(e.what)) return /e-?mail/i.test(r.channel);
        if (e.what === 'interview' && e.kind) return new RegExp(e.kind === 'onsite' ? 'on.?site' : e.kind, 'i').test(r.channel);
        return true;
      };
      const match = candidates.find(fits);
      expect(match, `a row for ${e.what} on ${triple(e)}`).toBeDefined();
      pool.splice(pool.indexOf(match!), 1);
    }
    expect(pool).toEqual([]);
    // By hand: the video interview with Sam Lee, and the email to Zoë Ünal.
    expect(got.find((r) => r.date === FROM && r.company === ACME)?.contact).toContain('Sam Lee');
    expect(got.find((r) => r.date === '2026-11-11' && r.company === ANGSTROM)?.contact).toBe('Zoë Ünal');
  });

  test('md: the same entries, and the counts', async () => {
    // Compared as a Markdown renderer shows it: the HTML-escaped characters decoded.
    const text = decodeMdEntities(await ok(db, TODAY, ['report', '--from', FROM, '--to', TO]));
    const tableLines = text.split('\n').filter((l) => /^\| \d{4}-\d\d-\d\d \|/.test(l));
    expect(tableLines).toHaveLength(expected.length);
    for (const line of tableLines) {
      const day = line.slice(2, 12);
      expect(day >= FROM && day <= TO, line).toBe(true);
    }
    for (const e of expected) {
      expect(tableLines.some((l) => l.startsWith(`| ${e.date} | ${e.company} | ${e.role} |`)), triple(e)).toBe(true);
    }
    const summary = text.slice(0, text.indexOf('| Date'));
    const interviews = expected.filter((r) => r.what === 'interview').length;
    const calls = expected.filter((r) => CALLS.includes(r.what) || EMAILS.includes(r.what)).length;
    const applications = new Set(expected.map((r) => r.company)).size;
    expect(interviews).toBe(5);
    expect(summary).toMatch(new RegExp(`Interviews: ${interviews}\\b`));
    expect(summary).toMatch(new RegExp(`[Cc]alls and emails: ${calls}\\b`));
    expect(summary).toMatch(new RegExp(`Applications with activity: ${applications}\\b`));
    const letters = expected.filter((r) => ['thanks-sent', 'feedback-asked', 'kept-in-touch', 'loop-closed'].includes(r.what)).length;
    expect(summary).toMatch(new RegExp(`Letters[^\\n]*: ${letters}\\b`));
    expect(summary).toMatch(/(Not selected|Rejected)[^\n]*: 1\b/i);
    expect(summary).toMatch(/Withdr[^\n]*: 1\b/i);
    expect(summary).not.toMatch(/Offer[^\n]*: \d/i);
    // Names from outside the period do not appear.
    expect(text).not.toContain(FORMULA);
    expect(text).not.toContain('alert(1)');
    for (const c of [COLD, DELTA, BOLT, ECHO]) expect(text).toContain(c);
  });

  test('md: HTML from the store is escaped, and the table keeps its columns', async () => {
    const from = '2026-11-25';
    const to = '2026-12-04';
    const md = await ok(db, TODAY, ['report', '--from', from, '--to', to]);
    expect(expectedRows(apps, from, to).some((r) => r.company === SCRIPT)).toBe(true);
    expect(md).not.toMatch(/[<>]/);
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(md.match(/&(?!(amp|lt|gt|#91|#93|#96);)/g)).toBeNull();
    for (const line of md.split('\n').filter((l) => l.startsWith('| '))) {
      expect(line.split(/(?<!\\)\|/), line).toHaveLength(8);
    }
  });

  test('html: the same entries and counts, escaped; no raw <script> and no bare &', async () => {
    const from = '2026-11-25';
    const to = '2026-12-04';
    const html = await ok(db, TODAY, ['report', '--from', from, '--to', to, '--format', 'html']);
    const rows = expectedRows(apps, from, to);
    expect(rows.some((r) => r.company === SCRIPT)).toBe(true);
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<b>/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    // Every & in the page starts an entity.
    expect(html.match(/&(?!(amp|lt|gt|quot|#39|#x27|apos|nbsp);)/g)).toBeNull();
    const bodyRows = html.match(/<tr>(?:(?!<\/tr>)[\s\S])*<td[\s\S]*?<\/tr>/g) ?? [];
    expect(bodyRows).toHaveLength(rows.length);
    const unescape = (s: string) =>
      s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    const cells = bodyRows.map((r) => [...r.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => unescape(m[1])));
    for (const e of rows) {
      expect(cells.some((c) => c.includes(e.date) && c.includes(e.company) && c.includes(e.role)), triple(e)).toBe(true);
    }
    for (const c of cells) expect(c[0] >= from && c[0] <= to, c[0]).toBe(true);
    const interviews = rows.filter((r) => r.what === 'interview').length;
    expect(interviews).toBe(2);
    const shown = html.replace(/<style[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ');
    expect(shown).toMatch(new RegExp(`\\b${interviews}\\s+Interviews\\b`));
    // The company with a formula is shown as text in the HTML, and neutralised in the CSV of the same period.
    expect(html).toContain(FORMULA);
    const csv = parseCsvStrict(await ok(db, TODAY, ['report', '--from', from, '--to', to, '--format', 'csv']));
    expect(csv.slice(1)).toHaveLength(rows.length);
    expect(csv.some((r) => r.includes(`'${FORMULA}`))).toBe(true);
    expect(csv.some((r) => r.includes(SCRIPT))).toBe(true);
  });

  test('--out writes the report to a file', async () => {
    const file = path.join(tempDir(), 'november.html');
    const r = await run(db, TODAY, ['report', '--from', FROM, '--to', TO, '--format', 'html', '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(fs.readFileSync(file, 'utf8')).toBe(await ok(db, TODAY, ['report', '--from', FROM, '--to', TO, '--format', 'html']));
  });

  test('an empty period says so', async () => {
    const text = await ok(db, TODAY, ['report', '--from', '2026-01-01', '--to', '2026-01-31']);
    expect(text).toMatch(/Interviews: 0\b/);
    expect(text.split('\n').filter((l) => /^\| \d{4}/.test(l))).toHaveLength(0);
  });

  test('--from alone runs until today; --until is the name of --to', async () => {
    const untilToday = await ok(db, TODAY, ['report', '--from', FROM, '--until', TODAY]);
    expect(await ok(db, TODAY, ['report', '--from', FROM])).toBe(untilToday);
    expect(await ok(db, TODAY, ['report', '--from', FROM, '--to', TODAY])).toBe(untilToday);
    expect(await ok(db, TODAY, ['report', '--from', FROM, '--until', TO])).toBe(
      await ok(db, TODAY, ['report', '--from', FROM, '--to', TO]),
    );
  });

  test.each([
    ['no --from', ['--to', TO]],
    ['neither', []],
    ['--until and --to that differ', ['--from', FROM, '--until', TO, '--to', FROM]],
    ['--from after today without --until', ['--from', '2027-01-04']],
    ['--from after --to', ['--from', TO, '--to', FROM]],
    ['an impossible date', ['--from', '2026-02-30', '--to', TO]],
    ['an unknown format', ['--from', FROM, '--to', TO, '--format', 'pdf']],
  ])('%s is exit 2', async (_name, args) => {
    for (const format of [[], ['--format', 'html']]) {
      const r = await run(db, TODAY, ['report', ...format, ...(args as string[])]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.stderr.trim()).not.toBe('');
    }
  });
});
