/** Proof of job search: every interview, contact, letter and outcome in a period. Pure. */
import { letterContact } from '../core/cadence.js';
import { formatDay } from '../core/calendar.js';
import { contactsKnownOn } from '../core/contact-match.js';
import type { Application, CalendarDate, Outcome } from '../core/types.js';
import { EVENT_WORDS } from '../core/words.js';
import { renderCsv } from './csv.js';

/** One line of the report. */
export interface ReportRow {
  date: CalendarDate;
  id: number;
  company: string;
  role: string;
  activity: string;
  kind: 'interview' | 'contact' | 'letter' | 'outcome' | 'received';
  contact: string | null;
  channel: string | null;
  /** For an outcome row: which outcome (what the counts count). */
  outcome?: Outcome;
}

export interface Report {
  from: CalendarDate;
  to: CalendarDate;
  person: string | null;
  rows: ReportRow[];
  counts: {
    applications: number;
    interviews: number;
    contacts: number;
    letters: number;
    outcomes: Record<string, number>;
  };
}


const KIND_WORDS: Record<string, string> = { phone: 'phone', video: 'video', onsite: 'on site' };

/** An outcome as the report names it, in its rows and its counts. */
const OUTCOME_WORDS: Record<Outcome, string> = {
  offer: 'Offer received',
  accepted: 'Offer accepted',
  declined: 'Offer declined',
  rejected: 'Not selected',
  withdrawn: 'Withdrew',
};

/**
 * Every dated outcome of an application, earlier ones first: the history kept when an offer was
 * answered (the offer, with its deadline) or an outcome replaced (said so, with the day), then the
 * outcome standing now. An undated outcome cannot be placed in a period and is left out.
 */
function outcomesOf(app: Application): { date: CalendarDate; outcome: Outcome; activity: string }[] {
  const all: { outcome: Outcome; date: CalendarDate | null; respondBy?: CalendarDate | null; replacedOn?: CalendarDate }[] = [
    ...(app.pastOutcomes ?? []),
    { outcome: app.outcome as Outcome, date: app.outcomeDate, respondBy: app.respondBy },
  ].filter((o) => o.outcome !== null);
  const out: { date: CalendarDate; outcome: Outcome; activity: string }[] = [];
  all.forEach((o, i) => {
    if (o.date === null) return;
    let activity = OUTCOME_WORDS[o.outcome];
    if (o.outcome === 'offer' && o.respondBy) activity += `, to answer by ${o.respondBy}`;
    const next = all[i + 1];
    // An offer followed by its answer was not replaced: it stood, and was answered.
    const answered = o.outcome === 'offer' && next !== undefined && (next.outcome === 'accepted' || next.outcome === 'declined');
    if (o.replacedOn && !answered) activity += ` (replaced on ${o.replacedOn})`;
    out.push({ date: o.date, outcome: o.outcome, activity });
  });
  return out;
}

/**
 * Who a round was with, as recorded with it: its own interviewers, else the person the letters
 * name among the contacts recorded with it. With a single round, contacts recorded without one
 * (older stores) can only have come with it. Never a contact learned later.
 */
function roundPeople(app: Application, round: number): string | null {
  const single = app.rounds.length === 1;
  const own = app.contacts.filter((c) => c.round === round || (single && c.round == null));
  const interviewers = own.filter((c) => c.role === 'interviewer').map((c) => c.name);
  return interviewers.length > 0 ? interviewers.join(', ') : letterContact({ contacts: own })?.name ?? null;
}

/** Gather the report's rows and counts from the applications. */
export function buildReport(apps: readonly Application[], from: CalendarDate, to: CalendarDate, person: string | null): Report {
  const rows: ReportRow[] = [];
  const inRange = (d: CalendarDate) => d >= from && d <= to;
  for (const app of apps) {
    const base = { id: app.id, company: app.company, role: app.role };
    for (const r of app.rounds) {
      if (!inRange(r.date)) continue;
      rows.push({
        ...base,
        date: r.date,
        activity: `Interview, round ${r.number}${r.time ? ` at ${r.time}` : ''}`,
        kind: 'interview',
        contact: roundPeople(app, r.number),
        channel: r.kind ? KIND_WORDS[r.kind] : null,
      });
    }
    for (const e of app.events) {
      if (!inRange(e.date)) continue;
      const words = EVENT_WORDS[e.type];
      // The name stored on the event (whom it was with then); none stored, none printed.
      rows.push({ ...base, date: e.date, activity: words.activity, kind: words.kind, contact: e.withName, channel: words.channel });
    }
    for (const o of outcomesOf(app)) {
      if (!inRange(o.date)) continue;
      // The letters' recipient among the contacts known that day (cadence rule 7), as then.
      const contact = letterContact({ contacts: contactsKnownOn(app.contacts, o.date) })?.name ?? null;
      rows.push({ ...base, date: o.date, activity: o.activity, kind: 'outcome', contact, channel: null, outcome: o.outcome });
    }
  }
  const order = { interview: 0, contact: 1, letter: 2, received: 3, outcome: 4 };
  rows.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.id - b.id || order[a.kind] - order[b.kind]));
  const outcomes: Record<string, number> = {};
  for (const r of rows) if (r.outcome) outcomes[OUTCOME_WORDS[r.outcome]] = (outcomes[OUTCOME_WORDS[r.outcome]] ?? 0) + 1;
  return {
    from,
    to,
    person,
    rows,
    counts: {
      applications: new Set(rows.map((r) => r.id)).size,
      interviews: rows.filter((r) => r.kind === 'interview').length,
      contacts: rows.filter((r) => r.kind === 'contact').length,
      letters: rows.filter((r) => r.kind === 'letter').length,
      outcomes,
    },
  };
}

function title(report: Report): string {
  const who = report.person ? ` of ${report.person}` : '';
  return `Job search activity${who}, ${formatDay(report.from)} ${report.from.slice(0, 4)} to ${formatDay(report.to)} ${report.to.slice(0, 4)}`;
}

function summaryLines(report: Report): string[] {
  const c = report.counts;
  const lines = [
    `Applications with activity: ${c.applications}`,
    `Interviews: ${c.interviews}`,
    `Follow-up calls and emails: ${c.contacts}`,
    `Letters sent: ${c.letters}`,
  ];
  for (const [what, n] of Object.entries(c.outcomes)) lines.push(`${what}: ${n}`);
  return lines;
}

/**
 * Characters of stored text that a Markdown renderer would turn into HTML: tags, comments and
 * autolinks (<), entities (&), links and images ([ ]), and code spans (`), in which the entities
 * would show as typed. Entities, unlike backslash escapes, mean the same to every renderer.
 */
const MD_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '[': '&#91;', ']': '&#93;', '`': '&#96;' };

/**
 * Stored text as Markdown shows it: never HTML, a link or an image, on one line, and no pipe that
 * ends a table cell. Backslashes are escaped too, so a typed one neither escapes what follows
 * (a pipe, or the & of an entity) nor disappears.
 */
function mdText(text: string | null): string {
  return (text ?? '')
    .replace(/\\/g, '\\\\')
    .replace(/[&<>[\]`]/g, (c) => MD_ENTITIES[c])
    .replace(/\|/g, '\\|')
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}

/** Markdown, for reading and pasting. */
export function renderReportMarkdown(report: Report): string {
  const out = [`# ${mdText(title(report))}`, '', ...summaryLines(report).map((l) => `- ${mdText(l)}`), ''];
  if (report.rows.length === 0) {
    out.push('No activity was recorded in this period.');
  } else {
    out.push('| Date | Company | Role | Activity | Contact | Channel |', '|---|---|---|---|---|---|');
    for (const r of report.rows) {
      out.push(`| ${mdText(r.date)} | ${mdText(r.company)} | ${mdText(r.role)} | ${mdText(r.activity)} | ${mdText(r.contact)} | ${mdText(r.channel)} |`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** CSV, for spreadsheets (RFC 4180, formulas neutralised). */
export function renderReportCsv(report: Report): string {
  return renderCsv(
    ['date', 'company', 'role', 'activity', 'contact', 'channel'],
    report.rows.map((r) => [r.date, r.company, r.role, r.activity, r.contact, r.channel]),
  );
}

/** Text made safe for HTML. */
export function escapeHtml(text: string | null): string {
  return (text ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A clean, printable page. */
export function renderReportHtml(report: Report, generatedOn: CalendarDate): string {
  const rows = report.rows
    .map(
      (r) =>
        `<tr><td class="date">${escapeHtml(r.date)}</td><td>${escapeHtml(r.company)}</td><td>${escapeHtml(r.role)}</td>` +
        `<td>${escapeHtml(r.activity)}</td><td>${escapeHtml(r.contact)}</td><td>${escapeHtml(r.channel)}</td></tr>`,
    )
    .join('\n');
  const summary = summaryLines(report)
    .map((l) => {
      const [label, value] = l.split(': ');
      return `<div class="count"><span class="value">${escapeHtml(value)}</span><span class="label">${escapeHtml(label)}</span></div>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title(report))}</title>
<style>
  @page { size: A4; margin: 18mm 15mm; }
  body { font-family: "Helvetica Neue", Arial, sans-serif; color: #1d2330; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.4; }
  h1 { font-size: 1.45rem; margin: 0 0 0.3rem; }
  .generated { color: #5b6475; font-size: 0.9rem; margin: 0 0 1.4rem; }
  .counts { display: flex; flex-wrap: wrap; gap: 0.8rem; margin-bottom: 1.6rem; }
  .count { border: 1px solid #d5d9e2; border-radius: 6px; padding: 0.5rem 0.9rem; min-width: 8rem; }
  .count .value { display: block; font-size: 1.4rem; font-weight: 600; }
  .count .label { color: #5b6475; font-size: 0.85rem; }
  table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
  th, td { text-align: left; padding: 0.4rem 0.5rem; border-bottom: 1px solid #e3e6ec; vertical-align: top; }
  th { background: #f3f5f8; font-weight: 600; }
  td.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  .empty { color: #5b6475; }
  @media print { body { margin: 0; max-width: none; } .count { border-color: #999; } }
</style>
</head>
<body>
<h1>${escapeHtml(title(report))}</h1>
<p class="generated">Prepared with followup on ${escapeHtml(generatedOn)} from the records kept during the search.</p>
<div class="counts">
${summary}
</div>
${
  report.rows.length === 0
    ? '<p class="empty">No activity was recorded in this period.</p>'
    : `<table>
<thead><tr><th>Date</th><th>Company</th><th>Role</th><th>Activity</th><th>Contact</th><th>Channel</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
}
</body>
</html>
`;
}
