/** `followup log <ref> <event>`: record what happened. Never refuses a true record; warns when early. */
import { Option } from '@commander-js/extra-typings';
import { chaseWarnings } from '../core/cadence.js';
import { closest } from '../core/suggest.js';
import { formatDay } from '../core/calendar.js';
import { refuseFutureEvent } from '../core/dates.js';
import { defaultEventContact, matchContact } from '../core/contact-match.js';
import { EVENT_TYPES, ROLE_WORDS, type Application, type CalendarDate, type Contact, type EventType } from '../core/types.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { terminalSafe, terminalSafeDeep } from '../ui/terminal-safe.js';
import { eitherSpelling } from './alias.js';
import { cleanText, resolveDate } from './interview-flags.js';
import { describeNext, pendingItems } from './next-steps.js';
import { nextJson, warningText } from '../words/plan.js';

import type { ContextFor, NewCommand, OptionsOf } from './command.js';

/** The arguments, flags and help of `log`. */
function flags(cmd: NewCommand) {
  return cmd
    .argument('<ref>', 'application number or company name prefix')
    .argument('<event>', 'what happened')
    .option('--date <date>', 'when it happened (default: today; a weekday such as fri means the most recent one)')
    .option('--with <name>', 'whom you spoke or wrote to: a recorded contact (a unique start of the name will do) or any name')
    .option('--note <text>', 'what was said')
    .addOption(new Option('--notes <text>', 'the same as --note').hideHelp())
    .option('--new-date <date>', 'with spoke: the new decision date they gave')
    .option('--takeaway <text>', 'with feedback-received: what you take from it, in your words')
    .option('--ok-to-call', 'with spoke: they said calling them directly is fine')
    .option('--json', 'print the recorded event as JSON')
    .addHelpText(
      'after',
      `
  Without --with, a call, email, voicemail, shared offer or closing note is
  recorded as with the person the plan named that day (the hiring manager, else
  HR); other events with nobody.

  Examples:
    followup log 3 thanks-sent
    followup log acme no-answer --date fri
    followup log 3 spoke --with "Dana Reyes" --new-date 2026-12-16 \\
      --note "still interviewing"
    followup log 3 spoke --with dana --ok-to-call
    followup log 5 feedback-received --note "they wanted more Kubernetes" \\
      --takeaway "I will run a cluster at home"`,
    );
}

export type LogOptions = OptionsOf<typeof flags>;

/** Register `log`. */
export function register(cmd: NewCommand, contextFor: ContextFor): void {
  flags(cmd).action((ref, event, opts, c) => runLog(contextFor(c), ref, event, opts));
}

/** Check an event name, suggesting the closest when it is mistyped. */
export function parseEventType(text: string): EventType {
  const t = text.trim().toLowerCase();
  if ((EVENT_TYPES as readonly string[]).includes(t)) return t as EventType;
  const guess = closest(t, EVENT_TYPES) ?? EVENT_TYPES.find((e) => e.startsWith(t.slice(0, 3)));
  throw new UsageError(
    `Unknown event "${text}".${guess ? ` Did you mean ${guess}?` : ''} Events: ${EVENT_TYPES.join(', ')}.`,
  );
}

/**
 * A date typed for something that happened (`log`, `outcome`): a bare weekday is the most recent
 * one, and a day after today is refused (exit 2).
 */
export function eventDate(ctx: Context, typed: string | undefined, command: string): CalendarDate {
  if (typed === undefined) return ctx.today;
  const date = resolveDate(typed, ctx.today, '--date', ctx.output, 'past');
  refuseFutureEvent(date, ctx.today, typed, command);
  return date;
}

/** Whom the event was with: the contact `--with` names, the name as typed, or the plan's contact. */
function eventContact(
  app: Application,
  typed: string | undefined,
  type: EventType,
  date: CalendarDate,
  today: CalendarDate,
): { name: string | null; contact: Contact | null } {
  if (typed === undefined) {
    const contact = defaultEventContact(app.contacts, type, date, today);
    return { name: contact?.name ?? null, contact };
  }
  const match = matchContact(app.contacts, typed);
  if (match.kind === 'one') return { name: match.contact.name, contact: match.contact };
  if (match.kind === 'many') {
    throw new UsageError(
      `--with "${typed}" matches ${match.names.join(' and ')} on #${app.id}; type the full name, ` +
        `for example --with "${match.names[0]}".`,
    );
  }
  // Someone not recorded (a receptionist, a colleague): kept as typed.
  return { name: typed, contact: null };
}

/** Record the event, warn when the rules would have waited, and say what comes next. */
export function runLog(ctx: Context, ref: string, eventText: string, opts: LogOptions): void {
  opts.note = eitherSpelling(opts.note, opts.notes, ['--note', '--notes']);
  const type = parseEventType(eventText);
  const date = eventDate(ctx, opts.date, 'log');
  if (opts.newDate !== undefined && type !== 'spoke') {
    throw new UsageError(`--new-date goes with spoke (the new decision date they gave), not with ${type}.`);
  }
  if (opts.takeaway !== undefined && type !== 'feedback-received') {
    throw new UsageError(
      `--takeaway goes with feedback-received (what you take from their feedback), not with ${type}. ` +
        `For example: followup log ${ref} feedback-received --takeaway "I will practise system design"`,
    );
  }
  if (opts.okToCall && type !== 'spoke') {
    throw new UsageError(
      `--ok-to-call goes with spoke (they said you may call them directly), not with ${type}. ` +
        `For example: followup log ${ref} spoke --ok-to-call`,
    );
  }
  const newDate = opts.newDate !== undefined ? resolveDate(opts.newDate, ctx.today, '--new-date', ctx.output) : null;
  if (newDate && newDate < date) {
    throw new UsageError(`--new-date ${newDate} is before the conversation (${date}). Type the date they gave.`);
  }
  const store = ctx.openStore();
  const id = store.resolveRef(ref);
  const before = store.requireApplication(id);
  const typedWith = cleanText(opts.with);
  const withWhom = eventContact(before, typedWith, type, date, ctx.today);
  if (opts.okToCall && !withWhom.contact) {
    throw new UsageError(
      typedWith !== undefined
        ? `--ok-to-call: "${typedWith}" is not a recorded contact of #${id}, so there is nobody to mark. ` +
            `Record them first (followup edit ${id} --hr "${typedWith}" --hr-phone "..."), then log again.`
        : `--ok-to-call: #${id} has no hiring manager or HR contact to mark. ` +
            `Say whom you spoke with: followup log ${id} spoke --with "NAME" --ok-to-call`,
    );
  }
  const config = store.getConfig();
  const warnings = chaseWarnings(before, { type, date }, config).map((w) => warningText(w, config));
  const warning = warnings.length > 0 ? warnings.join('\n') : null;
  const takeaway = opts.takeaway !== undefined ? cleanText(opts.takeaway) ?? null : null;
  const okToCall = opts.okToCall && withWhom.contact ? { contactId: withWhom.contact.id, name: withWhom.contact.name } : undefined;
  const event = store.addEvent(
    id,
    {
      type,
      date,
      withName: withWhom.name,
      withRole: withWhom.contact?.role ?? null,
      note: cleanText(opts.note) ?? null,
      newDate,
      takeaway,
    },
    { okToCall },
  );
  if (warning) ctx.output.err(ctx.output.styles.warn(`warning: ${terminalSafe(warning, { keepLines: true })}`));
  const app = store.requireApplication(id);
  const items = pendingItems(store, app, config, ctx.today);
  if (opts.json) {
    ctx.output.json({
      id,
      company: app.company,
      role: app.role,
      event: { ...event, application: id },
      warning,
      next: nextJson(items),
    });
    return;
  }
  const year = ctx.today.slice(0, 4);
  const shown = terminalSafeDeep({ company: app.company, role: app.role });
  const who = terminalSafeDeep({ name: event.withName, okToCall: okToCall?.name ?? null });
  const role = event.withRole ? ` (${ROLE_WORDS[event.withRole]})` : '';
  ctx.output.out(
    `Logged ${type} for #${id} ${shown.company}, ${shown.role} on ${formatDay(date, year)}` +
      `${who.name ? ` with ${who.name}${role}` : ''}.`,
  );
  if (who.okToCall) ctx.output.out(`Noted: ${who.okToCall} is fine with being called directly.`);
  if (type === 'loop-closed') ctx.output.out('Closed as no response: nothing more will be listed for it.');
  for (const line of describeNext(items, ctx.today)) ctx.output.out(`Next: ${line}`);
}
