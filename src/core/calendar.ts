/** Working-day arithmetic on calendar dates (`YYYY-MM-DD`), free of time zones and clocks. */
import type { CalendarDate } from './types.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const WEEKDAYS_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** Whether a string is a real calendar date in `YYYY-MM-DD` form (2026-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const ms = Date.UTC(y, mo - 1, d);
  return new Date(ms).getUTCDate() === d && y >= 1900 && y <= 2999;
}

/**
 * a / b rounded down, for a >= 0 and b > 0, in small-integer steps only: an exact division of
 * small integers stays a small integer in V8, where `Math.floor(a / b)` first makes a fractional
 * number, which unoptimised code allocates on the heap (toDayNumber runs dozens of times per
 * application planned, at start-up, before anything is optimised).
 */
function div(a: number, b: number): number {
  return (a - (a % b)) / b;
}

/** Days since 1970-01-01 for a calendar date (pure integer arithmetic: this runs for every item). */
export function toDayNumber(date: CalendarDate): number {
  let y = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
  const m = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const d = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  // Howard Hinnant's days_from_civil, for years 0000 to 9999 (so y >= 0 below, bar 0000 in
  // January or February, where the floor is taken the long way).
  y -= m <= 2 ? 1 : 0;
  const era = y >= 0 ? div(y, 400) : Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = div(153 * (m + (m > 2 ? -3 : 9)) + 2, 5) + d - 1;
  const doe = yoe * 365 + div(yoe, 4) - div(yoe, 100) + doy;
  return era * 146097 + doe - 719468;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * fromDayNumber's answers so far, by day number. A plan works out the same few hundred dates
 * again and again (every item's earliest and due day, every decision date): one lookup instead
 * of a new string each time, which is most of what a plan of a thousand applications allocates.
 * Invisible: the same answers; bounded, and emptied when full.
 */
const dateOfDay = new Map<number, CalendarDate>();

/** The calendar date of a day number. */
export function fromDayNumber(day: number): CalendarDate {
  let date = dateOfDay.get(day);
  if (date === undefined) {
    if (dateOfDay.size >= 8192) dateOfDay.clear();
    date = civilFromDays(day);
    dateOfDay.set(day, date);
  }
  return date;
}

function civilFromDays(day: number): CalendarDate {
  // Howard Hinnant's civil_from_days.
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** D plus n calendar days (n may be negative). */
export function addDays(date: CalendarDate, n: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** Calendar days from a to b (positive when b is later). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Day of the week, 0 = Sunday ... 6 = Saturday. */
export function weekday(date: CalendarDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** The later of two dates. */
export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a >= b ? a : b;
}

/** The first and the last date followup records: typed, imported or seeded. */
export const FIRST_DATE: CalendarDate = '1970-01-01';
export const LAST_DATE: CalendarDate = '2100-12-31';

/** Whether a calendar date lies within FIRST_DATE .. LAST_DATE. */
export function isDateInRange(date: CalendarDate): boolean {
  return date >= FIRST_DATE && date <= LAST_DATE;
}

const NO_HOLIDAYS: ReadonlySet<number> = new Set();

/**
 * Each holidays list's Set, made once per list (a config's list is the same array for a whole
 * run), so that a working-day step costs one lookup however long the list. Keyed weakly by the
 * list, so the cache is invisible: the same answers as scanning it, nothing kept alive.
 */
const holidayCache = new WeakMap<readonly CalendarDate[], { length: number; days: ReadonlySet<number> }>();

/** A yearly holiday (`MM-DD`) in every year followup records dates in; 29 February only in leap years. */
function everyYear(monthDay: string): CalendarDate[] {
  const dates: CalendarDate[] = [];
  for (let y = Number(FIRST_DATE.slice(0, 4)); y <= Number(LAST_DATE.slice(0, 4)); y++) {
    const date = `${y}-${monthDay}`;
    if (isCalendarDate(date)) dates.push(date);
  }
  return dates;
}

/** Whether a holiday is yearly: `MM-DD`, a real day in some year. */
export function isYearlyHoliday(text: string): boolean {
  return /^\d\d-\d\d$/.test(text) && isCalendarDate(`2000-${text}`);
}

/**
 * The holidays as a Set of day numbers, a yearly one (`12-25`) in every year (made again if the
 * list has grown or shrunk in place).
 */
export function holidaySet(holidays: readonly CalendarDate[]): ReadonlySet<number> {
  if (holidays.length === 0) return NO_HOLIDAYS;
  let cached = holidayCache.get(holidays);
  if (cached === undefined || cached.length !== holidays.length) {
    const days = new Set<number>();
    for (const h of holidays) {
      if (h.length === 10) days.add(toDayNumber(h));
      else for (const date of everyYear(h)) days.add(toDayNumber(date));
    }
    cached = { length: holidays.length, days };
    holidayCache.set(holidays, cached);
  }
  return cached.days;
}

/** isWorkday on a day number. */
function isWorkdayNumber(day: number, holidays: ReadonlySet<number>): boolean {
  const wd = (((day + 4) % 7) + 7) % 7;
  return wd !== 0 && wd !== 6 && !holidays.has(day);
}

/** Monday to Friday, unless listed as a holiday. */
export function isWorkday(date: CalendarDate, holidays: readonly CalendarDate[]): boolean {
  return isWorkdayNumber(toDayNumber(date), holidaySet(holidays));
}

/** D itself if it is a working day, else the first working day after it. */
export function nextWorkday(date: CalendarDate, holidays: readonly CalendarDate[]): CalendarDate {
  const set = holidaySet(holidays);
  const start = toDayNumber(date);
  let day = start;
  // Any seven days in a row hold five weekdays, so a run of non-working days is shorter than
  // 7/5 of the holidays plus a weekend: the bound is never reached, it only guards bad data.
  for (let i = 2 * set.size + 7; i > 0 && !isWorkdayNumber(day, set); i--) day++;
  return day === start ? date : fromDayNumber(day);
}

/** The nth working day after D (D itself not counted); a negative n counts back. */
export function addWorkdays(date: CalendarDate, n: number, holidays: readonly CalendarDate[]): CalendarDate {
  const set = holidaySet(holidays);
  const step = n < 0 ? -1 : 1;
  let day = toDayNumber(date);
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (isWorkdayNumber(day, set)) left--;
  }
  return n === 0 ? date : fromDayNumber(day);
}

/**
 * formatDay's answers for one reference year (a run formats the same few dates again and again:
 * today's list names each due date and decision date many times). Invisible: the same answers,
 * kept for the last reference year only and to a bounded number of dates.
 */
let formatted: { year: string | undefined; days: Map<CalendarDate, string> } = { year: undefined, days: new Map() };

/** "Fri 4 Dec" (the year only when it is not the reference year). */
export function formatDay(date: CalendarDate, referenceYear?: string): string {
  if (formatted.year !== referenceYear || formatted.days.size >= 4096) formatted = { year: referenceYear, days: new Map() };
  let text = formatted.days.get(date);
  if (text === undefined) {
    text = `${WEEKDAYS[weekday(date)]} ${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]}`;
    if (referenceYear && date.slice(0, 4) !== referenceYear) text = `${text} ${date.slice(0, 4)}`;
    formatted.days.set(date, text);
  }
  return text;
}

/** "Wednesday 2 December" (with the year when it differs from the reference year). */
export function formatDayLong(date: CalendarDate, referenceYear?: string): string {
  const text = `${WEEKDAYS_LONG[weekday(date)]} ${Number(date.slice(8, 10))} ${MONTHS_LONG[Number(date.slice(5, 7)) - 1]}`;
  return referenceYear && date.slice(0, 4) !== referenceYear ? `${text} ${date.slice(0, 4)}` : text;
}
