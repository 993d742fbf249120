/**
 * Dates and times as people type them: `YYYY-MM-DD`, `today`, `tomorrow`, `fri`, `next friday`,
 * `last mon`, `+3d`; `9:30`.
 */
import { UsageError } from '../errors.js';
import { FIRST_DATE, LAST_DATE, addDays, formatDay, isCalendarDate, isDateInRange, weekday } from './calendar.js';
import type { CalendarDate } from './types.js';

const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function dayIndex(word: string): number {
  if (word.length < 3) return -1;
  return DAY_NAMES.findIndex((d) => d.startsWith(word));
}

const CLOCK_TIME = /^(\d{1,2}):(\d{2})$/;

/**
 * A time of day as `add`, `edit` and import take it (`9:30`, `14:05`), as the store keeps it
 * (`09:30`); null when it is not one.
 */
export function parseClockTime(text: string): string | null {
  const m = CLOCK_TIME.exec(text.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return `${m[1].padStart(2, '0')}:${m[2]}`;
}

/**
 * Which day a bare weekday (`fri`, `this fri`) means: the coming one (today counts), as for an
 * interview booked ahead; or the most recent one (today counts), as for something that happened.
 */
export type WeekdayDirection = 'coming' | 'past';

/**
 * Resolve a typed date against today. A bare weekday name means the coming such day, or with
 * `weekdays: 'past'` the most recent one (today counts either way); `next` skips today, `last`
 * looks back. Throws a UsageError naming the flag for an empty text, and for a date outside
 * FIRST_DATE .. LAST_DATE, which the store does not take.
 */
export function parseUserDate(
  text: string,
  today: CalendarDate,
  flag: string,
  weekdays: WeekdayDirection = 'coming',
): CalendarDate {
  const date = resolveUserDate(text, today, flag, weekdays);
  if (!isDateInRange(date)) {
    const typed = text.trim();
    throw new UsageError(
      `${flag}: ${typed === date ? date : `"${typed}" is ${date}, which`} is outside the dates followup records ` +
        `(${FIRST_DATE} to ${LAST_DATE}). Type a date in that range.`,
    );
  }
  return date;
}

function resolveUserDate(text: string, today: CalendarDate, flag: string, weekdays: WeekdayDirection): CalendarDate {
  const t = text.trim().toLowerCase();
  if (t === '') {
    throw new UsageError(
      `${flag}: no date was typed. Type one, such as 2026-12-04, today, yesterday or fri; or leave ${flag} out.`,
    );
  }
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(t)) {
    const [y, m, d] = t.split('-');
    const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
    // A year far outside the range (1835) gets the range's message from parseUserDate.
    const farOff = Number(y) < 1900 || Number(y) > 2999;
    if (isCalendarDate(date) || (farOff && isCalendarDate(`2000${date.slice(4)}`))) return date;
    throw new UsageError(`${flag}: ${text} is not a date that exists. Type a real date as YYYY-MM-DD.`);
  }
  if (t === 'today') return today;
  if (t === 'tomorrow') return addDays(today, 1);
  if (t === 'yesterday') return addDays(today, -1);
  const rel = /^([+-])(\d{1,4})\s*(d|days?|w|weeks?)$/.exec(t);
  if (rel) {
    const n = Number(rel[2]) * (rel[3].startsWith('w') ? 7 : 1);
    return addDays(today, rel[1] === '-' ? -n : n);
  }
  const named = /^(next\s+|last\s+|this\s+)?([a-z]+)$/.exec(t);
  if (named) {
    const target = dayIndex(named[2]);
    if (target >= 0) {
      const current = weekday(today);
      const mode = (named[1] ?? '').trim();
      if (mode === 'last') {
        const back = (current - target + 7) % 7 || 7;
        return addDays(today, -back);
      }
      if (mode !== 'next' && weekdays === 'past') return addDays(today, -((current - target + 7) % 7));
      let ahead = (target - current + 7) % 7;
      if (mode === 'next' && ahead === 0) ahead = 7;
      return addDays(today, ahead);
    }
  }
  throw new UsageError(
    `${flag}: "${text}" is not a date I understand. ` +
      'Type YYYY-MM-DD (2026-12-04), today, tomorrow, yesterday, a weekday (fri, next fri, last mon) or +3d.',
  );
}

/**
 * Refuse (UsageError, exit 2) an event or outcome dated after today: `log` and `outcome` record
 * what has happened (rounds, unlike them, may be booked ahead). `typed` is what was typed.
 */
export function refuseFutureEvent(date: CalendarDate, today: CalendarDate, typed: string, command: string): void {
  if (date <= today) return;
  const year = today.slice(0, 4);
  const t = typed.trim();
  throw new UsageError(
    `--date ${t}${t === date ? '' : ` (${date})`} is ${formatDay(date, year)}, after today (${formatDay(today, year)}): ` +
      `${command} records what has already happened. Type the day it happened (today or earlier), ` +
      'or record it on the day.',
  );
}
