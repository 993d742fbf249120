/** The interview flags shared by `add` and `edit`, checked and turned into store input. */
import { formatDay } from '../core/calendar.js';
import { parseClockTime, parseUserDate } from '../core/dates.js';
import type { Application, CalendarDate, InterviewKind } from '../core/types.js';
import { UsageError } from '../errors.js';
import type { ContactInput } from '../store/store.js';
import type { Output } from '../ui/output.js';

/** The flags as commander gives them. */
export interface InterviewFlags {
  company?: string;
  role?: string;
  date?: string;
  time?: string;
  kind?: InterviewKind;
  interviewer?: string[];
  hiringManager?: string;
  phone?: string;
  email?: string;
  hr?: string;
  hrPhone?: string;
  hrEmail?: string;
  decisionBy?: string;
  nextSteps?: string;
  need?: string[];
  why?: string;
  expand?: string[];
  notes?: string;
}

/** Names of the flags that carry facts (for "were any given?"). */
export const INTERVIEW_FLAG_KEYS: (keyof InterviewFlags)[] = [
  'company', 'role', 'date', 'time', 'kind', 'interviewer', 'hiringManager', 'phone', 'email',
  'hr', 'hrPhone', 'hrEmail', 'decisionBy', 'nextSteps', 'need', 'why', 'expand', 'notes',
];

/** Trim a text flag; an empty one means "not given". */
export function cleanText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const t = value.trim();
  return t === '' ? undefined : t;
}

/** Parse a typed date and echo it back when it was typed in a friendlier form. */
export function resolveDate(text: string, today: CalendarDate, flag: string, output: Output): CalendarDate {
  const date = parseUserDate(text, today, flag);
  if (text.trim() !== date) output.err(`${flag} ${text.trim()}: taken as ${formatDay(date)} ${date.slice(0, 4)} (${date}).`);
  return date;
}

/** Check an `HH:MM` time (the rule import applies too: parseClockTime). */
export function checkTime(text: string | undefined): string | undefined {
  const t = cleanText(text);
  if (t === undefined) return undefined;
  const time = parseClockTime(t);
  if (time === null) throw new UsageError(`--time: "${text}" is not a time. Type it as HH:MM, for example 14:30.`);
  return time;
}

/** Contacts named by the flags. Phone and email flags without a name update the recorded person. */
export function contactsFromFlags(flags: InterviewFlags, existing: Application | null): ContactInput[] {
  const contacts: ContactInput[] = [];
  const hmName = cleanText(flags.hiringManager) ?? existing?.contacts.find((c) => c.role === 'hiring-manager')?.name;
  if (cleanText(flags.phone) || cleanText(flags.email) || cleanText(flags.hiringManager)) {
    if (!hmName) {
      throw new UsageError(
        '--phone and --email are the hiring manager\'s: name them too with --hiring-manager "NAME".',
      );
    }
    contacts.push({ name: hmName, role: 'hiring-manager', phone: cleanText(flags.phone), email: cleanText(flags.email) });
  }
  const hrName = cleanText(flags.hr) ?? existing?.contacts.find((c) => c.role === 'hr')?.name;
  if (cleanText(flags.hrPhone) || cleanText(flags.hrEmail) || cleanText(flags.hr)) {
    if (!hrName) throw new UsageError('--hr-phone and --hr-email belong to the HR contact: name them with --hr "NAME".');
    contacts.push({ name: hrName, role: 'hr', phone: cleanText(flags.hrPhone), email: cleanText(flags.hrEmail) });
  }
  for (const name of flags.interviewer ?? []) {
    const n = name.trim();
    if (n) contacts.push({ name: n, role: 'interviewer' });
  }
  return contacts;
}

/** Non-empty entries of a repeatable flag. */
export function cleanList(values: string[] | undefined): string[] {
  return (values ?? []).map((v) => v.trim()).filter((v) => v !== '');
}
