/** The interview flags shared by `add` and `edit`: declared once, checked and turned into store input. */
import { Option, type Command, type OptionValues } from '@commander-js/extra-typings';
import { formatDay } from '../core/calendar.js';
import { parseClockTime, parseUserDate, type WeekdayDirection } from '../core/dates.js';
import type { Application, CalendarDate, InterviewKind } from '../core/types.js';
import { UsageError } from '../errors.js';
import type { ContactInput } from '../store/store.js';
import type { Output } from '../ui/output.js';
import type { OptionsOf } from './command.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

const KINDS = ['phone', 'video', 'onsite'] as const satisfies readonly InterviewKind[];

/** Add the facts of an interview as flags (`edit` changes the latest round, `add` records a new one). */
export function interviewFlags<A extends unknown[], O extends OptionValues, G extends OptionValues>(
  cmd: Command<A, O, G>,
  forEdit: boolean,
) {
  return cmd
    .option('--company <name>', 'the company')
    .option('--role <title>', 'the job title')
    .option('--date <date>', forEdit ? 'the latest interview\'s date' : 'the interview\'s date (default: today)')
    .option('--time <HH:MM>', 'the interview\'s time')
    .addOption(new Option('--kind <kind>', 'how it was held').choices(KINDS))
    .option(
      '--interviewer <name>',
      'someone who interviewed you (repeatable); "NAME :: TOPIC" also records what they talked about',
      collect,
    )
    .option('--hiring-manager <name>', 'the hiring manager: the person who decides')
    .option('--phone <number>', 'the hiring manager\'s phone')
    .option('--email <address>', 'the hiring manager\'s email')
    .option('--hr <name>', 'the HR or recruiting contact')
    .option('--hr-phone <number>', 'the HR contact\'s phone')
    .option('--hr-email <address>', 'the HR contact\'s email')
    .option('--decision-by <date>', 'the date they promised a decision by')
    .option('--next-steps <text>', 'what they said happens next')
    .option('--need <text>', 'something the company said it needs (repeatable)', collect)
    .option('--why <text>', 'why you want this job, in your words (used in the thank-you)')
    .option('--expand <text>', 'an answer you want to expand on in the thank-you (repeatable)', collect)
    .option('--notes <text>', 'anything else worth remembering');
}

/** The flags as commander gives them. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type InterviewFlags = OptionsOf<typeof interviewFlags<[], {}, {}>>;

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

/**
 * Parse a typed date and echo it back when it was typed in a friendlier form. `weekdays`: whether
 * a bare weekday means the coming one (an interview, a deadline) or the most recent (an event).
 */
export function resolveDate(
  text: string,
  today: CalendarDate,
  flag: string,
  output: Output,
  weekdays: WeekdayDirection = 'coming',
): CalendarDate {
  const date = parseUserDate(text, today, flag, weekdays);
  if (text.trim() !== date) output.err(`${flag} ${text.trim()}: taken as ${formatDay(date)} ${date.slice(0, 4)} (${date}).`);
  return date;
}

/**
 * A typed fact that breaks a rule: which field it is, and what to type instead, in the words of
 * its flag (the message) and of the question that asks for it (`add` on a terminal asks again).
 */
export class FieldProblem extends UsageError {
  constructor(
    readonly field: keyof InterviewFlags,
    message: string,
    readonly question: string,
  ) {
    super(message);
    this.name = 'FieldProblem';
  }
}

/** Check an `HH:MM` time (the rule import applies too: parseClockTime). */
export function checkTime(text: string | undefined): string | undefined {
  const t = cleanText(text);
  if (t === undefined) return undefined;
  const time = parseClockTime(t);
  if (time === null) {
    const what = `"${text}" is not a time. Type it as HH:MM, for example 14:30.`;
    throw new FieldProblem('time', `--time: ${what}`, what);
  }
  return time;
}

/** An interviewer as typed: `NAME`, or `NAME :: what they talked about`. */
export function parseInterviewer(text: string): { name: string; topic: string | null } | null {
  const at = text.indexOf('::');
  const name = (at < 0 ? text : text.slice(0, at)).trim();
  const topic = at < 0 ? null : cleanText(text.slice(at + 2)) ?? null;
  if (name === '') {
    if (topic === null) return null;
    const what = `"${text.trim()}" has no name before "::". Type the interviewer as NAME :: TOPIC, for example "Priya Shah :: asked about scaling".`;
    throw new FieldProblem('interviewer', `--interviewer ${what}`, what);
  }
  return { name, topic };
}

/** Contacts named by the flags. Phone and email flags without a name update the recorded person. */
export function contactsFromFlags(flags: InterviewFlags, existing: Application | null): ContactInput[] {
  const contacts: ContactInput[] = [];
  const hmName = cleanText(flags.hiringManager) ?? existing?.contacts.find((c) => c.role === 'hiring-manager')?.name;
  if (cleanText(flags.phone) || cleanText(flags.email) || cleanText(flags.hiringManager)) {
    if (!hmName) {
      throw new FieldProblem(
        'hiringManager',
        '--phone and --email are the hiring manager\'s: name them too with --hiring-manager "NAME".',
        'The phone and email given are the hiring manager\'s: type their name.',
      );
    }
    contacts.push({ name: hmName, role: 'hiring-manager', phone: cleanText(flags.phone), email: cleanText(flags.email) });
  }
  const hrName = cleanText(flags.hr) ?? existing?.contacts.find((c) => c.role === 'hr')?.name;
  if (cleanText(flags.hrPhone) || cleanText(flags.hrEmail) || cleanText(flags.hr)) {
    if (!hrName) {
      throw new FieldProblem(
        'hr',
        '--hr-phone and --hr-email belong to the HR contact: name them with --hr "NAME".',
        'The phone and email given are the HR contact\'s: type their name.',
      );
    }
    contacts.push({ name: hrName, role: 'hr', phone: cleanText(flags.hrPhone), email: cleanText(flags.hrEmail) });
  }
  for (const text of flags.interviewer ?? []) {
    const interviewer = parseInterviewer(text);
    if (interviewer) {
      contacts.push({ name: interviewer.name, role: 'interviewer', ...(interviewer.topic ? { topic: interviewer.topic } : {}) });
    }
  }
  return contacts;
}

/** Non-empty entries of a repeatable flag. */
export function cleanList(values: string[] | undefined): string[] {
  return (values ?? []).map((v) => v.trim()).filter((v) => v !== '');
}
