/** `followup export --format ics|json|csv [--out FILE]`: the plan and the history, out of the terminal. */
import { compareItems, isBooked, latestRound, scheduleApplication, type ScheduledItem } from '../core/cadence.js';
import { maxDate, nextWorkday } from '../core/calendar.js';
import type { Config } from '../core/config.js';
import { knownOn } from '../core/known.js';
import { CONTACT_EVENTS, statusOf, type Action, type Application, type CalendarDate } from '../core/types.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { writeArchive } from '../export/archive.js';
import { csvRow } from '../export/csv.js';
import { calendarFooter, calendarHeader, entryEvent, icsStamp, interviewEvent, type InterviewEntry } from '../export/ics.js';
import type { Store } from '../store/store.js';
import { chunked, writePrivateStream } from './write-file.js';

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
 * An application's next action (the soonest of its pending items), or none. `skip` leaves an
 * action out (the calendar shows a booked interview as its own event, not as `prepare-interview`).
 * `offers`: store.listLatestOffers(today), from what is known today (a past --today replays that
 * day's calendar).
 */
export function nextActionOf(
  app: Application,
  offers: ReturnType<Store['listLatestOffers']>,
  config: Config,
  today: CalendarDate,
  skip: readonly Action[] = [],
): ScheduledItem | undefined {
  const items = scheduleApplication(app, { settings: config, offers, today }).filter((i) => !skip.includes(i.action));
  // The soonest one, with the list's own order (rule 13) among those of the same day.
  return items
    .map((i) => ({ ...i, overdue: i.due < today }))
    .sort((a, b) => (a.earliest !== b.earliest ? (a.earliest < b.earliest ? -1 : 1) : compareItems(a, b)))[0];
}

/**
 * The booked interviews of one application still to come (cadence rule 14): each round recorded
 * before its date, dated today or later and known today, of an application still active whose
 * search has not ended with an offer accepted elsewhere (then only `withdraw` is listed for it;
 * `next` is its next action).
 */
export function bookedInterviewsOf(full: Application, next: ScheduledItem | undefined, today: CalendarDate): InterviewEntry[] {
  const out: InterviewEntry[] = [];
  const app = knownOn(full, today);
  if (!app || statusOf(app) !== 'active' || next?.action === 'withdraw') return out;
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
  return out;
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

/**
 * The calendar, written as the applications are read: the header, then each application's
 * events (its next action's all-day event, then its booked interviews in round order) before the
 * next application is read, then the footer. Nothing of an application is kept once written, so
 * memory does not grow with the store; the events come by application, not by date, which
 * RFC 5545 allows (the order of VEVENTs carries no meaning).
 */
function writeCalendar(
  apps: Iterable<Application>,
  offers: ReturnType<Store['listLatestOffers']>,
  config: Config,
  today: CalendarDate,
  stamp: string,
  write: (text: string) => void,
): void {
  write(calendarHeader());
  for (const app of apps) {
    // A booked interview is its own timed event, so its prepare-interview item is not an all-day one.
    const item = nextActionOf(app, offers, config, today, ['prepare-interview']);
    if (item) write(entryEvent({ uuid: app.uuid, item, date: calendarDay(item, today, config) }, stamp, today));
    for (const interview of bookedInterviewsOf(app, item, today)) write(interviewEvent(interview, stamp, today));
  }
  write(calendarFooter());
}

/**
 * Write the export through `write`, piece by piece: the applications are read one at a time
 * (Store.iterateApplications) and each is written before the next is read, in every format, so
 * neither the store nor the export is ever in memory whole.
 */
export function writeExport(ctx: Context, format: ExportFormat, write: (text: string) => void): void {
  const store = ctx.openStore();
  if (format === 'json') {
    writeArchive(write, store.iterateApplications(), store.storedSettings(), ctx.io.now().toISOString());
    return;
  }
  const config = store.getConfig();
  const offers = store.listLatestOffers(ctx.today);
  if (format === 'ics') {
    writeCalendar(store.iterateApplications(), offers, config, ctx.today, icsStamp(ctx.io.now()), write);
    return;
  }
  const header = ['number', 'company', 'role', 'status', 'first interview', 'last contact', 'next action', 'next date', 'contact'];
  write(csvRow(header));
  for (const app of store.iterateApplications()) {
    const item = nextActionOf(app, offers, config, ctx.today);
    const first = app.rounds.reduce<CalendarDate | null>((m, r) => (m === null || r.date < m ? r.date : m), null);
    const contact = item?.contact
      ? [item.contact.name, item.channel === 'email' ? item.contact.email : (item.contact.phone ?? item.contact.email)]
          .filter(Boolean)
          .join(', ')
      : null;
    write(
      csvRow([
        app.id,
        app.company,
        app.role,
        statusOf(app),
        first,
        lastContact(app),
        item?.action ?? null,
        item ? calendarDay(item, ctx.today, config) : null,
        contact,
      ]),
    );
  }
}

/** Write the export to --out (privately, replaced whole or not at all) or stdout, as it is made. */
export function runExport(ctx: Context, opts: ExportOptions): void {
  const format = (opts.format ?? 'json').toLowerCase();
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format ${opts.format} is not one followup writes. Formats: ${EXPORT_FORMATS.join(', ')}.`);
  }
  if (opts.out) {
    writePrivateStream(opts.out, ctx.storePath, (write) => writeExport(ctx, format as ExportFormat, write));
    ctx.output.err(`Wrote ${opts.out} (${format}).`);
  } else {
    const out = chunked((text) => ctx.output.write(text));
    writeExport(ctx, format as ExportFormat, out.write);
    out.end();
  }
}
