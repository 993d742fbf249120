/** `followup export --format ics|json|csv [--out FILE]`: the plan and the history, out of the terminal. */
import { compareItems, isBooked, latestRound, scheduleApplication, type ScheduledItem } from '../core/cadence.js';
import { maxDate, nextWorkday } from '../core/calendar.js';
import type { Config } from '../core/config.js';
import { knownOn } from '../core/known.js';
import { CONTACT_EVENTS, statusOf, type Action, type Application, type CalendarDate } from '../core/types.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { buildArchive } from '../export/archive.js';
import { renderCsv } from '../export/csv.js';
import { icsStamp, renderCalendar, type CalendarEntry, type InterviewEntry } from '../export/ics.js';
import type { Store } from '../store/store.js';
import { writePrivate } from './write-file.js';

export const EXPORT_FORMATS = ['json', 'ics', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

import type { ContextFor, NewCommand, OptionsOf } from './command.js';

/** The flags and help of `export`. */
function flags(cmd: NewCommand) {
  return cmd
    .option('--format <format>', 'json (default), ics or csv')
    .option('--out <file>', 'write to this file (private, 0600) instead of stdout')
    .addHelpText(
      'after',
      `
Formats:
  json  everything (settings, applications, rounds, contacts, events, outcomes)
        with stable UUIDs, for backups and for followup import
  ics   one all-day event per application's next action, with a 09:00 reminder,
        and each booked interview as its own event at its time (floating local
        time: 15:00 is 15:00 wherever your calendar is; shown as one hour, its
        length not being recorded; a reminder an hour before; all-day when no
        time is recorded);
        re-importing into Google Calendar, Apple Calendar, Thunderbird or khal
        updates instead of duplicating
  csv   one row per application, for spreadsheets (formula-like cells are
        neutralised)

Examples:
  followup export --format json --out followup-backup.json
  followup export --format ics --out followup.ics
      (an interview booked with add --date 2026-12-08 --time 15:00 is an event
      at 15:00 on 8 Dec, the follow-ups all-day events)
  followup export --format csv > applications.csv`,
    );
}

export type ExportOptions = OptionsOf<typeof flags>;

/** Register `export`. */
export function register(cmd: NewCommand, contextFor: ContextFor): void {
  flags(cmd).action((opts, c) => runExport(contextFor(c), opts));
}

/**
 * Each application's next action (the soonest of its pending items), or none. `skip` leaves an
 * action out (the calendar shows a booked interview as its own event, not as `prepare-interview`).
 */
export function nextActions(
  store: Store,
  apps: readonly Application[],
  config: Config,
  today: CalendarDate,
  skip: readonly Action[] = [],
): Map<number, ScheduledItem> {
  // From what is known today (a past --today replays that day's calendar).
  const offers = store.listLatestOffers(today);
  const next = new Map<number, ScheduledItem>();
  for (const app of apps) {
    const items = scheduleApplication(app, { settings: config, offers, today }).filter((i) => !skip.includes(i.action));
    // The soonest one, with the list's own order (rule 13) among those of the same day.
    const first = items
      .map((i) => ({ ...i, overdue: i.due < today }))
      .sort((a, b) => (a.earliest !== b.earliest ? (a.earliest < b.earliest ? -1 : 1) : compareItems(a, b)))[0];
    if (first) next.set(app.id, first);
  }
  return next;
}

/**
 * The booked interviews still to come (cadence rule 14): each round recorded before its date,
 * dated today or later and known today, of an application still active whose search has not
 * ended with an offer accepted elsewhere (then only `withdraw` is listed for it).
 */
export function bookedInterviews(
  apps: readonly Application[],
  next: ReadonlyMap<number, ScheduledItem>,
  today: CalendarDate,
): InterviewEntry[] {
  const out: InterviewEntry[] = [];
  for (const full of apps) {
    const app = knownOn(full, today);
    if (!app || statusOf(app) !== 'active' || next.get(app.id)?.action === 'withdraw') continue;
    for (const round of app.rounds) {
      if (!isBooked(round) || round.date < today) continue;
      const interviewers = app.contacts.filter((c) => c.role === 'interviewer' && c.round === round.number).map((c) => c.name);
      const before = latestRound({ rounds: app.rounds.filter((r) => r.date < round.date) });
      out.push({
        key: round.uuid ?? `${app.uuid}-${round.number}`,
        id: app.id,
        company: app.company,
        role: app.role,
        // Only who was recorded for that round: the hiring manager may not be in the room.
        who: interviewers.length > 0 ? listNames(interviewers) : null,
        why: {
          code: 'prepare-interview',
          round: round.number,
          date: round.date,
          time: round.time,
          kind: round.kind,
          interviewers,
          needs: app.needs,
          expand: app.expand,
          nextSteps: round.nextSteps ?? before?.nextSteps ?? null,
        },
      });
    }
  }
  return out.sort((a, b) =>
    a.why.date !== b.why.date
      ? a.why.date < b.why.date ? -1 : 1
      : (a.why.time ?? '') !== (b.why.time ?? '') ? ((a.why.time ?? '') < (b.why.time ?? '') ? -1 : 1) : a.id - b.id || a.why.round - b.why.round,
  );
}

/** "Priya", "Priya and Tom", "Priya, Tom and Ana". */
function listNames(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The calendar day an item goes on: its earliest date, or today's working day when that has passed. */
function calendarDay(item: ScheduledItem, today: CalendarDate, config: Config): CalendarDate {
  return maxDate(item.earliest, nextWorkday(today, config.holidays));
}

function lastContact(app: Application): CalendarDate | null {
  let last: CalendarDate | null = null;
  for (const e of app.events) if (CONTACT_EVENTS.includes(e.type) && (last === null || e.date > last)) last = e.date;
  return last;
}

/** Produce the export as text. */
export function exportText(ctx: Context, format: ExportFormat): string {
  const store = ctx.openStore();
  const config = store.getConfig();
  const apps = store.listApplications('all');
  if (format === 'json') {
    return `${JSON.stringify(buildArchive(apps, store.storedSettings(), ctx.io.now().toISOString()), null, 2)}\n`;
  }
  if (format === 'ics') {
    // A booked interview is its own timed event, so its prepare-interview item is not an all-day one.
    const next = nextActions(store, apps, config, ctx.today, ['prepare-interview']);
    const byId = new Map(apps.map((a) => [a.id, a]));
    const entries: CalendarEntry[] = [...next.values()]
      .map((item) => ({ uuid: byId.get(item.id)!.uuid, item, date: calendarDay(item, ctx.today, config) }))
      .sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.item.id - b.item.id));
    return renderCalendar(entries, icsStamp(ctx.io.now()), ctx.today, bookedInterviews(apps, next, ctx.today));
  }
  const next = nextActions(store, apps, config, ctx.today);
  const header = ['number', 'company', 'role', 'status', 'first interview', 'last contact', 'next action', 'next date', 'contact'];
  const rows = apps.map((app) => {
    const item = next.get(app.id);
    const first = app.rounds.reduce<CalendarDate | null>((m, r) => (m === null || r.date < m ? r.date : m), null);
    const contact = item?.contact
      ? [item.contact.name, item.channel === 'email' ? item.contact.email : (item.contact.phone ?? item.contact.email)]
          .filter(Boolean)
          .join(', ')
      : null;
    return [
      app.id,
      app.company,
      app.role,
      statusOf(app),
      first,
      lastContact(app),
      item?.action ?? null,
      item ? calendarDay(item, ctx.today, config) : null,
      contact,
    ];
  });
  return renderCsv(header, rows);
}

/** Write the export to --out (privately) or stdout. */
export function runExport(ctx: Context, opts: ExportOptions): void {
  const format = (opts.format ?? 'json').toLowerCase();
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format ${opts.format} is not one followup writes. Formats: ${EXPORT_FORMATS.join(', ')}.`);
  }
  const text = exportText(ctx, format as ExportFormat);
  if (opts.out) {
    writePrivate(opts.out, text, ctx.storePath);
    ctx.output.err(`Wrote ${opts.out} (${format}).`);
  } else {
    ctx.output.write(text);
  }
}
