/**
 * The plan as iCalendar (RFC 5545): one all-day event per application's next action, and one
 * event per booked interview at its time (floating local time: see interviewStart). Pure pieces
 * (header, one event, footer) so that an export writes each application's events as it reads
 * it: the order of VEVENTs in a calendar carries no meaning (RFC 5545), so none is sorted.
 */
import { addDays } from '../core/calendar.js';
import { ACTION_SPECS, draftCommand } from '../core/actions.js';
import type { CalendarDate, ItemReason, PlanItem } from '../core/types.js';
import { noteText, reasonText } from '../words/plan.js';

/** One application's next action, as it goes into the calendar. */
export interface CalendarEntry {
  uuid: string;
  item: Omit<PlanItem, 'overdue'>;
  /** The day it is placed on: its earliest date, or the next working day from today when overdue. */
  date: CalendarDate;
}

/** A booked interview (cadence rule 14), as it goes into the calendar. */
export interface InterviewEntry {
  /** Stable across exports: the round's UUID (else the application's with the round's number). */
  key: string;
  id: number;
  company: string;
  role: string;
  /** Whom it is with, for the title: the interviewers recorded for the round; null: none recorded. */
  who: string | null;
  /** The round, its time, kind and interviewers, and what to prepare (as `today` words it). */
  why: Extract<ItemReason, { code: 'prepare-interview' }>;
}

/** RFC 5545 section 3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** How many octets UTF-8 gives a code point (a lone surrogate is written as U+FFFD: three). */
function utf8Octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * RFC 5545 section 3.1: lines longer than 75 octets are folded with CRLF and a space; a fold
 * never splits a UTF-8 character.
 */
export function foldLine(line: string): string {
  // Most lines fit: no walk, no pieces (an export folds every line of every event).
  if (Buffer.byteLength(line, 'utf8') <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Octets(ch.codePointAt(0)!);
    // The first line holds 75 octets; continuation lines 74 after their leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** "Call Dana Reyes at Acme (Backend Engineer)". */
export function calendarSummary(item: CalendarEntry['item']): string {
  const who = item.contact?.name ?? 'the company';
  return `${ACTION_SPECS[item.action].calendarTitle(who, item.channel)} at ${item.company} (${item.role})`;
}

function compactDate(date: CalendarDate): string {
  return date.replace(/-/g, '');
}

/** A UID that stays the same across exports for the same application, action and attempt. */
export function eventUid(entry: CalendarEntry): string {
  return `${entry.uuid}-${entry.item.action}-${entry.item.attempt ?? 0}@followup`;
}

/** The UID of a booked interview's event: the same for the same round across exports, also when its time changes. */
export function interviewUid(entry: InterviewEntry): string {
  return `${entry.key}-interview@followup`;
}

/**
 * DTSTART of an interview at a recorded clock time, in floating local time (RFC 5545 section
 * 3.3.5, form 1: no "Z", no TZID). The store records "15:00" as said, without a zone, so the event
 * is at 15:00 in whatever zone the calendar shows, which is what was agreed; a TZID would have to
 * guess the zone, and a guess that is wrong moves the interview.
 */
export function interviewStart(date: CalendarDate, time: string): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!m) throw new Error(`not a clock time: ${time}`);
  return `${compactDate(date)}T${m[1].padStart(2, '0')}${m[2]}00`;
}

/** Logical lines as they are written: each folded at 75 octets and ended with CRLF. */
function physical(lines: readonly string[]): string {
  let text = '';
  for (const line of lines) text += `${foldLine(line)}\r\n`;
  return text;
}

/** The calendar's opening, written before any event. */
export function calendarHeader(): string {
  return physical([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//followup//followup 0.1//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:followup',
  ]);
}

/** The calendar's close, written after the last event. */
export function calendarFooter(): string {
  return physical(['END:VCALENDAR']);
}

/**
 * One application's next action as an all-day VEVENT with a 09:00 reminder. `stamp` is the
 * export time in UTC (YYYYMMDDTHHMMSSZ); `today`, the day the plan is for (reasons show a year
 * only when it differs from today's).
 */
export function entryEvent(entry: CalendarEntry, stamp: string, today: CalendarDate): string {
  const { item } = entry;
  // The way to reach them: the chase's channel, or for a letter the email, else the phone.
  const c = item.contact;
  const byEmail = item.channel === 'email' || (item.channel === null && Boolean(c?.email));
  const reach = byEmail ? c?.email : c?.phone;
  const description = [
    reasonText(item.why, today),
    reach ? `${byEmail ? 'Email' : 'Phone'}: ${reach}` : null,
    ...item.notes.map(noteText),
    `Help: ${draftCommand(item)}`,
  ]
    .filter((l): l is string => Boolean(l))
    .join('\n');
  const summary = calendarSummary(item);
  return physical([
    'BEGIN:VEVENT',
    `UID:${eventUid(entry)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${compactDate(entry.date)}`,
    `DTEND;VALUE=DATE:${compactDate(addDays(entry.date, 1))}`,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(description)}`,
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    // Nine hours after the start of the all-day event: 09:00 that day, in the reader's zone.
    'TRIGGER:PT9H',
    `DESCRIPTION:${escapeText(summary)}`,
    'END:VALARM',
    'END:VEVENT',
  ]);
}

/**
 * A booked interview as its own VEVENT: at its time (an hour, busy, a reminder an hour before),
 * or all day when no time is recorded. `stamp` and `today` as for entryEvent.
 */
export function interviewEvent(entry: InterviewEntry, stamp: string, today: CalendarDate): string {
  const { why } = entry;
  // The interview itself, not the preparing for it (that is `today`'s prepare-interview item).
  const summary = `${entry.who ? `Interview with ${entry.who}` : 'Interview'} at ${entry.company} (${entry.role})`;
  const description = [reasonText(why, today), `Help: ${draftCommand({ id: entry.id, action: 'prepare-interview', channel: null })}`].join('\n');
  // Its length is not recorded: one hour is shown, the usual slot, and it is marked busy.
  const when = why.time
    ? [`DTSTART:${interviewStart(why.date, why.time)}`, 'DURATION:PT1H', 'TRANSP:OPAQUE']
    : [`DTSTART;VALUE=DATE:${compactDate(why.date)}`, `DTEND;VALUE=DATE:${compactDate(addDays(why.date, 1))}`, 'TRANSP:TRANSPARENT'];
  return physical([
    'BEGIN:VEVENT',
    `UID:${interviewUid(entry)}`,
    `DTSTAMP:${stamp}`,
    ...when,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(description)}`,
    'CATEGORIES:Interview',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    // An hour before a timed interview; 09:00 on the day of one with no time, in the reader's zone.
    why.time ? 'TRIGGER:-PT1H' : 'TRIGGER:PT9H',
    `DESCRIPTION:${escapeText(summary)}`,
    'END:VALARM',
    'END:VEVENT',
  ]);
}

/** DTSTAMP form of an instant. */
export function icsStamp(instant: Date): string {
  return `${instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')}`;
}
