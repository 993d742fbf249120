/**
 * `followup export --format ics`, read back by an independent parser (Mozilla's ical.js): one
 * all-day event per application's next action on the right day, the summary, the description,
 * a 09:00 alarm, DTSTAMP, stable UIDs, CRLF, folding at 75 octets with non-ASCII text.
 */
import ICAL from 'ical.js';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { copyStore, ensureBuilt, json, nextWorkday, ok, tempDir } from './helpers';

const MONDAY = '2026-11-30';
const SATURDAY = '2026-12-05';

const ANGSTROM_ROLE = 'Data, Analyst; Senior\\Lead — Zürich, Øresund & Malmö office';
const COLD = 'Cöld Brew 🍵 Co; Ünïcödé ☕ Øl, Straße';

/** A small store whose plan is known by hand. */
const STEPS: readonly (readonly string[])[] = [
  ['2026-11-16', 'add', '--company', 'Acme', '--role', 'Backend Engineer', '--date', '2026-11-16',
    '--hiring-manager', 'Dana Reyes', '--phone', '+1 555 0100', '--decision-by', '2026-11-20'],
  ['2026-11-17', 'log', '1', 'thanks-sent'],
  ['2026-11-26', 'add', '--company', 'Ångström AB', '--role', ANGSTROM_ROLE, '--date', '2026-11-26',
    '--hiring-manager', 'Zoë Ünal', '--email', 'zoe@angstrom.example', '--phone', '+46 70 000', '--decision-by', '2026-12-04'],
  ['2026-11-26', 'edit', '2', '--no-calls'],
  ['2026-11-26', 'log', '2', 'thanks-sent'],
  ['2026-11-02', 'add', '--company', 'Delta\\Backslash, "Quoted"', '--role', 'QA\nLead', '--date', '2026-11-02'],
  ['2026-11-20', 'add', '--company', 'Gone Ltd', '--role', 'Dev', '--date', '2026-11-20'],
  ['2026-11-23', 'outcome', '4', 'withdrawn'],
  ['2026-11-30', 'add', '--company', COLD, '--role', 'SRE 👩‍💻', '--date', '2026-11-30',
    '--hiring-manager', "Pat O'Brien", '--phone', '+44 20 7946 0000', '--email', 'pat@cold.example'],
];

interface ListRow {
  id: number;
  uuid: string;
  company: string;
  role: string;
  next: { action: string; earliest: string; due: string } | null;
}

interface PlanItem {
  id: number;
  action: string;
  attempt: number | null;
  channel: string | null;
  contact: { name: string; phone: string | null; email: string | null } | null;
  reason: string;
  command: string;
}

interface ReadEvent {
  uid: string;
  summary: string;
  description: string;
  dtstartType: string;
  dtstart: string;
  dtstartIsDate: boolean;
  dtstamp: string | null;
  alarms: { action: string; triggerType: string; seconds: number; negative: boolean; related: string | null }[];
}

/** Read a calendar with ical.js, independently of followup's writer. */
function readCalendar(text: string): ReadEvent[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  expect(cal.name).toBe('vcalendar');
  expect(cal.getFirstPropertyValue('version')).toBe('2.0');
  return cal.getAllSubcomponents('vevent').map((ev) => {
    const start = ev.getFirstProperty('dtstart');
    const value = start?.getFirstValue() as ICAL.Time | undefined;
    const stamp = ev.getFirstProperty('dtstamp');
    return {
      uid: String(ev.getFirstPropertyValue('uid')),
      summary: String(ev.getFirstPropertyValue('summary')),
      description: String(ev.getFirstPropertyValue('description')),
      dtstartType: start?.type ?? 'missing',
      dtstart: value ? value.toString() : 'missing',
      dtstartIsDate: value?.isDate ?? false,
      dtstamp: stamp ? `${stamp.type}:${(stamp.getFirstValue() as ICAL.Time).toString()}` : null,
      alarms: ev.getAllSubcomponents('valarm').map((alarm) => {
        const trigger = alarm.getFirstProperty('trigger')!;
        const duration = trigger.getFirstValue() as ICAL.Duration;
        const related = trigger.getParameter('related');
        return {
          action: String(alarm.getFirstPropertyValue('action')),
          triggerType: trigger.type,
          seconds: duration.toSeconds(),
          negative: duration.isNegative,
          related: typeof related === 'string' ? related : null,
        };
      }),
    };
  });
}

/** The physical-line rules of RFC 5545 section 3.1, checked on the raw text. */
function checkLines(text: string): string[] {
  expect(text.endsWith('\r\n')).toBe(true);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    expect(line, 'no bare CR or LF inside a line').not.toMatch(/[\r\n]/);
    expect(Buffer.byteLength(line, 'utf8'), `octets of ${JSON.stringify(line)}`).toBeLessThanOrEqual(75);
    // Each physical line is whole UTF-8 by itself: no character cut at a fold.
    expect(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(line, 'utf8'))).toBe(line);
  }
  // The same, on the bytes as written: split the byte stream at CRLF and decode each piece strictly.
  const bytes = Buffer.from(text, 'utf8');
  let start = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      const piece = bytes.subarray(start, i);
      expect(piece.length).toBeLessThanOrEqual(75);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(piece)).not.toThrow();
      start = i + 2;
    }
  }
  // Unfolding (CRLF followed by one space or tab) gives the logical lines.
  return text.replace(/\r\n[ \t]/g, '').slice(0, -2).split('\r\n');
}

function exportIcs(db: string, today: string): Promise<string> {
  return ok(db, today, ['export', '--format', 'ics']);
}

/** The plan items of a store, by application, from `agenda --json` over a long window. */
async function planItems(db: string, today: string): Promise<PlanItem[]> {
  const agenda = await json<{ days: { items: PlanItem[] }[] }>(db, today, ['agenda', '--days', '120']);
  return agenda.days.flatMap((d) => d.items);
}

function byCompany(events: readonly ReadEvent[], row: { company: string; role: string }): ReadEvent {
  const found = events.filter((e) => e.summary.endsWith(` at ${row.company} (${row.role})`));
  expect(found, `one event for ${row.company}`).toHaveLength(1);
  return found[0];
}

let db: string;

beforeAll(async () => {
  ensureBuilt();
  db = path.join(tempDir(), 'ics.db');
  for (const [today, ...args] of STEPS) await ok(db, today, args);
});

describe('export --format ics read back by ical.js', () => {
  test('one all-day VEVENT per application with a next action, on the right day, with summary, description, alarm and DTSTAMP', async () => {
    const text = await exportIcs(db, MONDAY);
    const logical = checkLines(text);
    expect(logical[0]).toBe('BEGIN:VCALENDAR');
    expect(logical[logical.length - 1]).toBe('END:VCALENDAR');
    expect(logical).toContain('SUMMARY:Call Dana Reyes at Acme (Backend Engineer)');

    const events = readCalendar(text);
    const list = await json<ListRow[]>(db, MONDAY, ['list', '--all']);
    const planned = list.filter((r) => r.next !== null);
    expect(planned.map((r) => r.company)).toEqual(['Acme', 'Ångström AB', 'Delta\\Backslash, "Quoted"', COLD]);
    expect(events).toHaveLength(planned.length);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);

    const items = await planItems(db, MONDAY);
    for (const row of planned) {
      const ev = byCompany(events, row);
      const next = row.next!;
      expect(ev.dtstartType, `${row.company}: DTSTART is a DATE`).toBe('date');
      expect(ev.dtstartIsDate).toBe(true);
      const expected = next.earliest < MONDAY ? MONDAY : next.earliest;
      expect(ev.dtstart, `${row.company}: the action's earliest date, overdue on today`).toBe(expected);
      expect(ev.dtstamp).toMatch(/^date-time:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(ev.alarms).toHaveLength(1);
      expect(ev.alarms[0]).toEqual({ action: 'DISPLAY', triggerType: 'duration', seconds: 9 * 3600, negative: false, related: null });
      const item = items.find((i) => i.id === row.id && i.action === next.action);
      expect(item, `${row.company}: its plan item`).toBeDefined();
      expect(ev.description).toContain(item!.reason);
      expect(ev.description).toContain(item!.command);
      if (item!.channel === 'phone' && item!.contact?.phone) expect(ev.description).toContain(item!.contact.phone);
      if (item!.channel === 'email' && item!.contact?.email) expect(ev.description).toContain(item!.contact.email);
    }

    // By hand: the example of the issue, an overdue chase placed on today.
    const acme = byCompany(events, { company: 'Acme', role: 'Backend Engineer' });
    expect(acme.summary).toBe('Call Dana Reyes at Acme (Backend Engineer)');
    expect(acme.dtstart).toBe(MONDAY);
    expect(acme.description).toContain('+1 555 0100');
    expect(acme.description).toContain('followup draft call 1');
    // A future chase by email, the role full of commas, semicolons, a backslash and non-ASCII.
    const angstrom = byCompany(events, { company: 'Ångström AB', role: ANGSTROM_ROLE });
    expect(angstrom.summary).toBe(`Email Zoë Ünal at Ångström AB (${ANGSTROM_ROLE})`);
    expect(angstrom.dtstart).toBe('2026-12-07');
    expect(angstrom.description).toContain('zoe@angstrom.example');
    expect(angstrom.description).toContain('followup draft check-in 2');
    // A thank-you due today, emoji in the company and role.
    const cold = byCompany(events, { company: COLD, role: 'SRE 👩‍💻' });
    expect(cold.summary).toBe(`Send a thank-you to Pat O'Brien at ${COLD} (SRE 👩‍💻)`);
    expect(cold.dtstart).toBe(MONDAY);
    // A newline in the role comes back as a newline; the description's lines too.
    const delta = byCompany(events, { company: 'Delta\\Backslash, "Quoted"', role: 'QA\nLead' });
    expect(delta.description.split('\n').length).toBeGreaterThan(1);
    // The withdrawn application has nothing planned, so no event.
    expect(events.some((e) => e.summary.includes('Gone Ltd'))).toBe(false);
  });

  test("every event's DESCRIPTION carries the contact's phone or email when one is recorded", async () => {
    const events = readCalendar(await exportIcs(db, MONDAY));
    const items = await planItems(db, MONDAY);
    const list = await json<ListRow[]>(db, MONDAY, ['list', '--all']);
    for (const row of list.filter((r) => r.next !== null)) {
      const item = items.find((i) => i.id === row.id && i.action === row.next!.action)!;
      const reach = [item.contact?.phone, item.contact?.email].filter((x): x is string => Boolean(x));
      if (reach.length === 0) continue;
      const ev = byCompany(events, row);
      expect(
        reach.some((r) => ev.description.includes(r)),
        `${row.company} (${item.action}): description ${JSON.stringify(ev.description)} names none of ${reach.join(', ')}`,
      ).toBe(true);
    }
  });

  test('lines end with CRLF, none exceeds 75 octets, long non-ASCII lines are folded at octets and unfold to the text', async () => {
    const text = await exportIcs(db, MONDAY);
    const physical = text.slice(0, -2).split('\r\n');
    // The test means something: there are folds, and folded lines with multi-byte characters.
    const continuation = physical.filter((l) => l.startsWith(' '));
    expect(continuation.length).toBeGreaterThan(3);
    const multiByteFull = physical.filter((l) => Buffer.byteLength(l) > l.length && Buffer.byteLength(l) >= 70);
    expect(multiByteFull.length).toBeGreaterThan(0);
    // No physical line is longer than 75 octets even where it is shorter than 75 characters' worth.
    expect(Math.max(...physical.map((l) => Buffer.byteLength(l)))).toBeLessThanOrEqual(75);
    const logical = checkLines(text);
    const summary = logical.find((l) => l.startsWith('SUMMARY:Email Zoë Ünal'))!;
    expect(Buffer.byteLength(summary)).toBeGreaterThan(75);
    expect(summary).toBe(
      'SUMMARY:Email Zoë Ünal at Ångström AB (Data\\, Analyst\\; Senior\\\\Lead — Zürich\\, Øresund & Malmö office)',
    );
    expect(logical).toContain('SUMMARY:Send a thank-you to the company at Delta\\\\Backslash\\, "Quoted" (QA\\nLead)');
  });

  test('on a weekend the overdue actions go on the next working day (and past a holiday)', async () => {
    const weekend = readCalendar(await exportIcs(db, SATURDAY));
    const list = await json<ListRow[]>(db, SATURDAY, ['list', '--all']);
    const monday = nextWorkday(SATURDAY);
    expect(monday).toBe('2026-12-07');
    for (const row of list.filter((r) => r.next !== null)) {
      const expected = row.next!.earliest < monday ? monday : row.next!.earliest;
      expect(byCompany(weekend, row).dtstart, row.company).toBe(expected);
    }
    expect(byCompany(weekend, { company: 'Acme', role: 'Backend Engineer' }).dtstart).toBe('2026-12-07');

    const holidayDb = copyStore(db);
    await ok(holidayDb, SATURDAY, ['config', 'set', 'holidays', '2026-12-07']);
    const events = readCalendar(await exportIcs(holidayDb, SATURDAY));
    expect(byCompany(events, { company: 'Acme', role: 'Backend Engineer' }).dtstart).toBe('2026-12-08');
    for (const ev of events) {
      expect(ev.dtstart >= '2026-12-08', ev.summary).toBe(true);
    }
  });

  test('the UID stays the same across exports for the same application, action and attempt, and changes with the next attempt', async () => {
    const uids = (events: ReadEvent[]) => new Map(events.map((e) => [e.summary.replace(/^.* at /, ''), e.uid]));
    const first = uids(readCalendar(await exportIcs(db, MONDAY)));
    const again = uids(readCalendar(await exportIcs(db, MONDAY)));
    expect(again).toEqual(first);
    // A day later nothing was logged: the same actions, the same UIDs.
    const tuesday = uids(readCalendar(await exportIcs(db, '2026-12-01')));
    expect(tuesday).toEqual(first);

    const logged = copyStore(db);
    await ok(logged, MONDAY, ['log', '1', 'no-answer']);
    const afterEvents = readCalendar(await exportIcs(logged, MONDAY));
    const after = uids(afterEvents);
    const acmeKey = 'Acme (Backend Engineer)';
    expect(after.get(acmeKey)).toBeDefined();
    expect(after.get(acmeKey)).not.toBe(first.get(acmeKey));
    for (const [key, uid] of first) if (key !== acmeKey) expect(after.get(key), key).toBe(uid);
    // The second attempt is later than today.
    const acme = byCompany(afterEvents, { company: 'Acme', role: 'Backend Engineer' });
    expect(acme.dtstart > MONDAY).toBe(true);

    // The UIDs rest on the stable UUIDs, so a store restored from a JSON export keeps them.
    const dir = tempDir();
    const file = path.join(dir, 'backup.json');
    await ok(db, MONDAY, ['export', '--format', 'json', '--out', file]);
    const restored = path.join(dir, 'restored.db');
    await ok(restored, MONDAY, ['import', file]);
    expect(uids(readCalendar(await exportIcs(restored, MONDAY)))).toEqual(first);
  });

  test('--out writes the same calendar to a file', async () => {
    const file = path.join(tempDir(), 'plan.ics');
    await ok(db, MONDAY, ['export', '--format', 'ics', '--out', file]);
    const text = fs.readFileSync(file, 'utf8');
    checkLines(text);
    const stdout = await exportIcs(db, MONDAY);
    const strip = (t: string) => t.replace(/DTSTAMP:\S+/g, 'DTSTAMP');
    expect(strip(text)).toBe(strip(stdout));
  });
});
