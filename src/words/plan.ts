/**
 * The plan in English: the one place that turns the reason codes and facts of core/cadence.ts
 * into the sentences `today`, `--json`'s `reason`, the calendar, `show` and `log` print. Pure.
 */
import { draftCommand } from '../core/actions.js';
import { daysBetween, formatDay, formatDayLong } from '../core/calendar.js';
import type {
  CalendarDate,
  ChaseAttempt,
  InterviewKind,
  ChaseWarning,
  Decision,
  ItemNote,
  ItemReason,
  PlanItem,
  Settings,
  WaitingEntry,
  WaitingReason,
} from '../core/types.js';

function plural(n: number, noun: string): string {
  if (n === 1) return `${n} ${noun}`;
  return `${n} ${noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const SMALL_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "three" for 3 (up to ten), digits above. */
function numberWord(n: number): string {
  return SMALL_NUMBERS[n] ?? String(n);
}

/** "3 unanswered calls and 1 unanswered email". */
function describeAttempts(attempts: readonly ChaseAttempt[]): string {
  const calls = attempts.filter((a) => a.channel === 'phone').length;
  const emails = attempts.length - calls;
  const parts: string[] = [];
  if (calls > 0) parts.push(`${calls} unanswered call${calls === 1 ? '' : 's'}`);
  if (emails > 0) parts.push(`${emails} unanswered email${emails === 1 ? '' : 's'}`);
  return parts.join(' and ');
}

/**
 * How the decision date came about: "the decision was due Fri 4 Dec", ...; with `capital`, as a
 * sentence's start ("The decision ...": written so, not capitalised after, for each of hundreds of items).
 */
function describeDecision(d: Decision, year: string, future = false, capital = false): string {
  const day = formatDay(d.date, year);
  switch (d.source) {
    case 'given':
      return `${capital ? 'The' : 'the'} decision ${future ? 'is' : 'was'} due ${day}`;
    case 'assumed':
      return `${capital ? 'No' : 'no'} decision date was given, so it is taken as ${day} (ask for a timeline next time)`;
    case 'spoke-new-date':
      return `${capital ? 'When' : 'when'} you spoke on ${formatDay(d.spokeOn!, year)} they said ${day}`;
    case 'spoke-assumed':
      return `${capital ? 'You' : 'you'} spoke on ${formatDay(d.spokeOn!, year)} without a new date, so it was taken as ${day}`;
  }
}

/** Why an item is on the list, as one or two sentences. `today` decides how years are shown. */
export function reasonText(why: ItemReason, today: CalendarDate): string {
  const year = today.slice(0, 4);
  switch (why.code) {
    case 'thanks': {
      const what = why.round > 1 ? `Round ${why.round} was` : 'You interviewed';
      return (
        `${what} on ${formatDay(why.date, year)}: a thank-you within a day keeps you in mind` +
        (why.late ? '; it is late, but a late one is still better than none.' : '.')
      );
    }
    case 'chase': {
      let text = describeDecision(why.decision, year, false, true);
      if (why.attempts.length === 0) {
        text += ' and no answer has come yet.';
      } else {
        const last = why.attempts[why.attempts.length - 1];
        text += `; ${describeAttempts(why.attempts)} since, the last on ${formatDay(last.date, year)}.`;
      }
      if (why.closing) text += ` After ${plural(why.attempts.length, 'try')} it is time for a short, gracious closing note.`;
      return text;
    }
    case 'share-offer': {
      const { company, date, respondBy, answer } = why.offer;
      if (answer) {
        return (
          `You had an offer from ${company} (${formatDay(date, year)}) and ${answer.outcome} it on ` +
          `${formatDay(answer.date, year)}: tell them truthfully, say whether this role is the one you prefer, ` +
          'and ask about their timeline.'
        );
      }
      return (
        `You have an offer from ${company} (${formatDay(date, year)})` +
        (respondBy ? ` and must answer it by ${formatDay(respondBy, year)}` : '') +
        ': tell them truthfully, say whether this role is still the one you prefer, and ask about their timeline.'
      );
    }
    case 'prepare-interview':
      return prepareText(why, year);
    case 'decide-offer':
      return (
        (why.offer ? `The offer of ${formatDay(why.offer, year)} asks` : 'The offer asks') +
        ` for your answer by ${formatDay(why.respondBy, year)}: decide, and accept or decline it in writing before then.`
      );
    case 'withdraw':
      return (
        `You accepted the offer from ${why.accepted.company} on ${formatDay(why.accepted.date, year)}: ` +
        'withdraw from this one graciously, thank them for their time, and leave the door open.'
      );
    case 'ask-feedback':
      return (
        `Turned down on ${formatDay(why.rejected, year)}: thank them anyway, and ask where the gaps were ` +
        'and what would help you next time.'
      );
    case 'thank-feedback':
      return `Feedback came on ${formatDay(why.feedback, year)}: thank them and say what you will do with it.`;
    case 'keep-in-touch':
      return `Last in touch on ${formatDay(why.lastContact, year)}: a short note keeps you in mind for the next opening.`;
  }
}

const KIND_WORDS: Record<InterviewKind, string> = { phone: 'phone interview', video: 'video interview', onsite: 'on-site interview' };

/** "the video interview (round 2) on Tue 8 Dec at 15:00". */
export function interviewText(
  i: { round: number; date: CalendarDate; time: string | null; kind?: InterviewKind | null },
  year: string,
): string {
  const what = i.kind ? KIND_WORDS[i.kind] : 'interview';
  return `${what}${i.round > 1 ? ` (round ${i.round})` : ''} on ${formatDay(i.date, year)}${i.time ? ` at ${i.time}` : ''}`;
}

/** "A list, another and a third". */
function listText(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The booked round and what to prepare for it, from the records only. */
function prepareText(why: Extract<ItemReason, { code: 'prepare-interview' }>, year: string): string {
  let text = capitalize(interviewText(why, year));
  if (why.interviewers.length > 0) text += ` with ${listText(why.interviewers)}`;
  text += '.';
  const prepare: string[] = [];
  // Inside parentheses: a need without its "how you meet it" part, and no closing marks of its own.
  const inner = (text: string) => text.trim().replace(/[.!?;:,]+$/, '');
  const needs = why.needs.map((n) => inner(n.split('::')[0])).filter(Boolean);
  if (needs.length > 0) prepare.push(`what they said they need (${needs.join('; ')})`);
  if (why.expand.length > 0) prepare.push(`the answers you wanted to expand on (${why.expand.map(inner).join('; ')})`);
  if (why.nextSteps) prepare.push(`the next steps they named (${inner(why.nextSteps)})`);
  text += prepare.length > 0 ? ` Prepare ${listText(prepare)}.` : ' Prepare your questions and examples.';
  return text;
}

/** A piece of advice under an item. */
export function noteText(note: ItemNote): string {
  switch (note.code) {
    case 'voicemails-write-instead':
      return `${plural(note.voicemails, 'voicemail')} left already: write this time instead of leaving another.`;
    case 'no-calls-write':
      return `${note.name} asked not to be called: write instead.`;
    case 'no-calls-no-email':
      return `${note.name} asked not to be called and no email is recorded.`;
    case 'no-phone-or-email':
      return `No phone or email is recorded for ${note.name}.`;
    case 'voicemails-no-email':
      return `${plural(note.voicemails, 'voicemail')} left already and no email is recorded for ${note.name}.`;
    case 'ask-for-manager':
      return (
        "Ask for the hiring manager's name and direct line, and whether it is all right to call them; " +
        `then: followup edit ${note.id} --hiring-manager "NAME" --phone "..."`
      );
    case 'no-contact':
      return `No contact is recorded: followup edit ${note.id} --hiring-manager "NAME" --phone "..." --email "..."`;
  }
}

/**
 * Why an application waits: how its decision date stands, or the tries so far; with a booked
 * round not yet held, the interview first ("interview on Tue 8 Dec at 15:00").
 */
export function waitingText(why: WaitingReason | null, today: CalendarDate, interview?: WaitingEntry['interview']): string {
  const year = today.slice(0, 4);
  const parts: string[] = [];
  if (interview) parts.push(interviewText(interview, year));
  if (why?.code === 'decision') parts.push(describeDecision(why.decision, year, why.decision.date >= today));
  else if (why) parts.push(`${describeAttempts(why.attempts)}; next at the earliest ${formatDay(why.earliest, year)}`);
  return parts.join('; ');
}

/** A warning `log` prints for a chase that came too soon or on a non-working day. */
export function warningText(warning: ChaseWarning, settings: Pick<Settings, 'minGapDays' | 'maxGapDays'>): string {
  switch (warning.code) {
    case 'not-a-workday':
      return (
        `${formatDay(warning.date)} is not a working day: people rarely welcome a work call or email then, ` +
        `and the rules would have waited until ${formatDay(warning.nextWorkday)}.`
      );
    case 'too-soon': {
      const why =
        warning.before === 'decision'
          ? `the decision date (${formatDay(warning.decision)}) had not passed`
          : `the last contact was on ${formatDay(warning.lastContact!)}, and chases stay at least ` +
            `${settings.minGapDays} days apart`;
      return (
        `Recorded, but the next contact was only allowed from ${formatDay(warning.allowedFrom)}: ${why}. ` +
        `Chasing more often than every ${numberWord(settings.minGapDays)} or ${numberWord(settings.maxGapDays)} days ` +
        'reads as pressure rather than interest.'
      );
    }
  }
}

/** An item as `today --json` prints it (design/cli.md), with its reason, hints and command in words. */
export function itemJson(item: PlanItem, today: CalendarDate): Record<string, unknown> {
  return {
    id: item.id,
    company: item.company,
    role: item.role,
    action: item.action,
    earliest: item.earliest,
    due: item.due,
    attempt: item.attempt,
    channel: item.channel,
    contact: item.contact,
    reason: reasonText(item.why, today),
    hints: item.notes.map(noteText),
    command: draftCommand(item),
    overdue: item.overdue,
  };
}

/** A waiting application as `today --json` prints it. */
export function waitingJson(entry: WaitingEntry, today: CalendarDate): Record<string, unknown> {
  return {
    id: entry.id,
    company: entry.company,
    role: entry.role,
    next: entry.next,
    action: entry.action,
    reason: waitingText(entry.why, today, entry.interview),
    interview: entry.interview ?? null,
  };
}

/** What comes next for one application, as `log`, `outcome` and `show` print it in `--json`. */
export function nextJson(items: readonly Omit<PlanItem, 'overdue'>[]): Record<string, unknown>[] {
  return items.map((i) => ({ action: i.action, earliest: i.earliest, due: i.due, command: draftCommand(i) }));
}

/** "7 December", with the year when it is not the reference year. */
function dayAndMonth(date: CalendarDate, year: string): string {
  return formatDayLong(date, year).replace(/^\S+ /, '');
}

/** Dates as prose: "7, 11 and 15 December" within one month, else each in full. */
function datesText(dates: readonly CalendarDate[], year: string): string {
  const full = dates.map((d) => dayAndMonth(d, year));
  const months = new Set(full.map((d) => d.replace(/^\d+ /, '')));
  const words = months.size === 1 ? dates.map((d) => String(Number(d.slice(8, 10)))) : full;
  const list = words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
  return months.size === 1 ? `${list} ${[...months][0]}` : list;
}

/** "twice", "three times" (for a count above one). */
function timesText(n: number): string {
  return n === 2 ? 'twice' : `${numberWord(n)} times`;
}

/**
 * The tries a letter may cite, in the first person: "I called on 7 and 10 December and wrote on
 * 14 December" ("I called twice, on 7 December" when two fell on one day). Calls and emails are
 * named in the order the first of each was made. Empty for no tries.
 */
export function triesText(attempts: readonly ChaseAttempt[], today: CalendarDate): string {
  const year = today.slice(0, 4);
  const channels: ChaseAttempt['channel'][] = [];
  for (const a of attempts) if (!channels.includes(a.channel)) channels.push(a.channel);
  const parts = channels.map((channel) => {
    const dates = attempts.filter((a) => a.channel === channel).map((a) => a.date);
    const unique = [...new Set(dates)].sort();
    const verb = channel === 'phone' ? 'called' : 'wrote';
    const count = dates.length === unique.length ? '' : ` ${timesText(dates.length)},`;
    return `${verb}${count} on ${datesText(unique, year)}`;
  });
  return parts.length === 0 ? '' : `I ${parts.join(' and ')}`;
}

/** Whole calendar months from one date to a later one. */
function wholeMonths(from: CalendarDate, to: CalendarDate): number {
  const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  return Number(to.slice(8, 10)) < Number(from.slice(8, 10)) ? months - 1 : months;
}

/** "a month", "three weeks": n of a unit in words. */
function countOf(n: number, unit: string): string {
  return n === 1 ? `a ${unit}` : `${numberWord(n)} ${unit}s`;
}

/**
 * The time from one date to a later one as a letter may state it: "a week", "more than two
 * weeks", "three months", "more than a year". Never more than the dates support (it rounds
 * down and says "more than" when it did); null under a week, when a letter should claim none.
 */
export function elapsedText(from: CalendarDate, to: CalendarDate): string | null {
  const days = daysBetween(from, to);
  if (days < 7) return null;
  const months = wholeMonths(from, to);
  let n: number;
  let unit: string;
  let exact: boolean;
  if (months >= 12) {
    n = Math.floor(months / 12);
    unit = 'year';
    exact = months % 12 === 0 && to.slice(5) === from.slice(5);
  } else if (months >= 1) {
    n = months;
    unit = 'month';
    exact = to.slice(8) === from.slice(8);
  } else {
    n = Math.floor(days / 7);
    unit = 'week';
    exact = days % 7 === 0;
  }
  return `${exact ? '' : 'more than '}${countOf(n, unit)}`;
}
