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

/** Days since 1970-01-01 for a calendar date (pure integer arithmetic: this runs for every item). */
export function toDayNumber(date: CalendarDate): number {
  let y = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
  const m = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const d = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  // Howard Hinnant's days_from_civil.
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The calendar date of a day number. */
export function fromDayNumber(day: number): CalendarDate {
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

/** Monday to Friday, unless listed as a holiday. */
export function isWorkday(date: CalendarDate, holidays: readonly CalendarDate[]): boolean {
  const wd = weekday(date);
  return wd !== 0 && wd !== 6 && !holidays.includes(date);
}

/** isWorkday on a day number (the date string is made only when there are holidays to check). */
function isWorkdayNumber(day: number, holidays: readonly CalendarDate[]): boolean {
  const wd = (((day + 4) % 7) + 7) % 7;
  return wd !== 0 && wd !== 6 && (holidays.length === 0 || !holidays.includes(fromDayNumber(day)));
}

/** D itself if it is a working day, else the first working day after it. */
export function nextWorkday(date: CalendarDate, holidays: readonly CalendarDate[]): CalendarDate {
  const start = toDayNumber(date);
  let day = start;
  // A year of holidays cannot hold more than 366 days; the bound only guards bad settings.
  for (let i = 0; i < 400 && !isWorkdayNumber(day, holidays); i++) day++;
  return day === start ? date : fromDayNumber(day);
}

/** The nth working day after D (D itself not counted); a negative n counts back. */
export function addWorkdays(date: CalendarDate, n: number, holidays: readonly CalendarDate[]): CalendarDate {
  const step = n < 0 ? -1 : 1;
  let day = toDayNumber(date);
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (isWorkdayNumber(day, holidays)) left--;
  }
  return n === 0 ? date : fromDayNumber(day);
}

/** "Fri 4 Dec" (the year only when it is not the reference year). */
export function formatDay(date: CalendarDate, referenceYear?: string): string {
  const text = `${WEEKDAYS[weekday(date)]} ${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]}`;
  return referenceYear && date.slice(0, 4) !== referenceYear ? `${text} ${date.slice(0, 4)}` : text;
}

/** "Wednesday 2 December" (with the year when it differs from the reference year). */
export function formatDayLong(date: CalendarDate, referenceYear?: string): string {
  const text = `${WEEKDAYS_LONG[weekday(date)]} ${Number(date.slice(8, 10))} ${MONTHS_LONG[Number(date.slice(5, 7)) - 1]}`;
  return referenceYear && date.slice(0, 4) !== referenceYear ? `${text} ${date.slice(0, 4)}` : text;
}
