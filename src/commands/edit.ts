/** `followup edit <ref>`: change recorded facts with the same flags as `add`. */
import { formatDay } from '../core/calendar.js';
import { latestRound } from '../core/cadence.js';
import { matchContact } from '../core/contact-match.js';
import { flagReachWarnings } from '../core/reach.js';
import { ROLE_WORDS, type Application, type FollowupEvent } from '../core/types.js';
import type { Context } from '../context.js';
import { NotFoundError, UsageError } from '../errors.js';
import type { ApplicationChanges, EventCorrection } from '../store/store.js';
import { terminalSafe } from '../ui/terminal-safe.js';
import type { ContextFor, NewCommand, OptionsOf } from './command.js';
import {
  INTERVIEW_FLAG_KEYS,
  checkTime,
  cleanList,
  cleanText,
  contactsFromFlags,
  interviewFlags,
  resolveDate,
} from './interview-flags.js';
import { printApplication } from './print-application.js';

/** The argument, flags and help of `edit`. */
function flags(cmd: NewCommand) {
  return interviewFlags(
    cmd
      .argument('<ref>', 'application number or company name prefix')
      .option('--calls', 'the contact may be phoned again')
      .option('--no-calls', 'the contact asked not to be phoned')
      .option('--contact <name>', 'whom --no-calls/--calls is about (default: the hiring manager)')
      .option('--event <id>', 'correct the logged event with this number (as `show` numbers them): with --date, --with, --note')
      .option('--with <name>', 'with --event: whom it was with (a recorded contact, a unique start of the name will do; "" for nobody)')
      .option('--note <text>', 'with --event: its note ("" removes it)')
      .option('--remove-event <id>', 'remove the logged event with this number (as `show` numbers them)')
      .option('--remove-contact <name>', 'remove this contact (the full name, or a unique start of it)')
      .option('--remove-need <n>', 'remove need number N (as `show` numbers them)')
      .option('--json', 'print the application as JSON'),
    true,
  ).addHelpText(
    'after',
    `
  Examples:
    followup edit 3 --decision-by 2026-12-11
    followup edit 3 --hiring-manager "Dana Reyes" --email dana@acme.example
    followup edit 3 --no-calls --contact "Sam Lee"
    followup edit 3 --event 12 --date 2026-12-08 --with dana \\
      --note "left a message with reception"
    followup edit 3 --remove-event 12
    followup edit 3 --remove-contact "Sam Lee"
    followup edit 3 --remove-need 2

  --interviewer and --need only add. Each change is one step for
  \`followup undo\`.`,
  );
}

export type EditOptions = OptionsOf<typeof flags>;

/** Register `edit`. */
export function register(cmd: NewCommand, contextFor: ContextFor): void {
  // --calls and --no-calls set one value (the last typed wins), so seeing both takes a listener each.
  const seen = new Set<string>();
  flags(cmd)
    .on('option:calls', () => seen.add('--calls'))
    .on('option:no-calls', () => seen.add('--no-calls'))
    .action((ref, opts, c) => {
      if (seen.size === 2) {
        throw new UsageError(
          '--calls and --no-calls say opposite things: type one. --no-calls if they asked not to be phoned, ' +
            `--calls if they may be again (for example: followup edit ${ref} --no-calls --contact "Sam Lee").`,
        );
      }
      runEdit(contextFor(c), ref, opts);
    });
}

/**
 * The rules `add` applies, applied to a change of the latest round: no decision date before the
 * interview, and no round dated before an earlier round.
 */
function checkRoundChange(app: Application, changes: ApplicationChanges): void {
  const round = latestRound(app);
  if (!round) return;
  const date = changes.roundDate ?? round.date;
  if (changes.roundDate !== undefined) {
    const before = app.rounds.filter((r) => r.number < round.number && r.date > date);
    if (before.length > 0) {
      const earlier = before[before.length - 1];
      throw new UsageError(
        `--date ${date} is before round ${earlier.number} (${formatDay(earlier.date)} ${earlier.date.slice(0, 4)}, ` +
          `${earlier.date}), and --date changes round ${round.number}, which came after it. ` +
          `Type a date on or after ${earlier.date}.`,
      );
    }
  }
  const decisionBy = changes.decisionBy !== undefined ? changes.decisionBy : round.decisionBy;
  if (decisionBy && decisionBy < date) {
    throw new UsageError(
      changes.decisionBy
        ? `--decision-by ${decisionBy} is before the interview (${date}). Type the date they promised a decision by.`
        : `--date ${date} is after the decision date promised for that interview (${decisionBy}). ` +
            'Give the new one too: --decision-by DATE (or --decision-by none if no date was given).',
    );
  }
}

/** Apply the changes in one transaction, then show the application. */
export function runEdit(ctx: Context, ref: string, opts: EditOptions): void {
  if (correctionFlags(opts).length > 0 || opts.with !== undefined || opts.note !== undefined) {
    runCorrection(ctx, ref, opts);
    return;
  }
  const given = INTERVIEW_FLAG_KEYS.some((k) => opts[k] !== undefined) || opts.calls !== undefined;
  if (!given) {
    throw new UsageError(
      'Nothing to change. For example:\n' +
        `  followup edit ${ref} --decision-by 2026-12-11\n` +
        `  followup edit ${ref} --hiring-manager "Dana Reyes" --phone "+1 555 0100"\n` +
        `  followup edit ${ref} --no-calls\n` +
        `  followup edit ${ref} --remove-event 12   (the event numbers are in \`followup show ${ref}\`)`,
    );
  }
  if (opts.contact !== undefined && opts.calls === undefined) {
    throw new UsageError('--contact says whom --no-calls or --calls is about; add one of them.');
  }
  const store = ctx.openStore();
  const id = store.resolveRef(ref);
  const app = store.requireApplication(id);
  const changes: ApplicationChanges = {};
  if (opts.company !== undefined) {
    const company = cleanText(opts.company);
    if (!company) throw new UsageError('--company cannot be empty.');
    changes.company = company;
  }
  if (opts.role !== undefined) {
    const role = cleanText(opts.role);
    if (!role) throw new UsageError('--role cannot be empty.');
    changes.role = role;
  }
  if (opts.date !== undefined) changes.roundDate = resolveDate(opts.date, ctx.today, '--date', ctx.output);
  if (opts.decisionBy !== undefined) {
    changes.decisionBy = opts.decisionBy.trim() === '' || opts.decisionBy.trim() === 'none'
      ? null
      : resolveDate(opts.decisionBy, ctx.today, '--decision-by', ctx.output);
  }
  if (changes.roundDate !== undefined || changes.decisionBy !== undefined) checkRoundChange(app, changes);
  if (opts.time !== undefined) changes.time = checkTime(opts.time) ?? null;
  if (opts.kind !== undefined) changes.kind = opts.kind;
  if (opts.nextSteps !== undefined) changes.nextSteps = cleanText(opts.nextSteps) ?? null;
  if (opts.notes !== undefined) changes.notes = cleanText(opts.notes) ?? null;
  if (opts.why !== undefined) changes.why = cleanText(opts.why) ?? null;
  if (opts.need) changes.needs = cleanList(opts.need);
  if (opts.expand) changes.expand = cleanList(opts.expand);
  const contacts = contactsFromFlags(opts, app);
  if (contacts.length > 0) Object.assign(changes, { contacts, recordedOn: ctx.today });
  if (opts.calls !== undefined) changes.noCalls = { contact: cleanText(opts.contact) ?? null, value: !opts.calls };
  const result = store.updateApplication(id, changes);
  for (const w of flagReachWarnings(opts)) ctx.output.err(ctx.output.styles.warn(`warning: ${terminalSafe(w)}`));
  if (result.noCallsContact && !opts.json) {
    const name = terminalSafe(result.noCallsContact);
    ctx.output.err(
      opts.calls
        ? `${name} may be phoned again.`
        : `Noted: ${name} asked not to be called; chases to them go by email.`,
    );
  }
  if (!opts.json) ctx.output.err(`Updated #${id}.`);
  printApplication(ctx, String(id), { json: opts.json });
}

// ---- corrections: --event, --remove-event, --remove-contact, --remove-need ----

/** The correction flags given: each one is a change of its own. */
function correctionFlags(opts: EditOptions): string[] {
  return [
    opts.event !== undefined ? '--event' : null,
    opts.removeEvent !== undefined ? '--remove-event' : null,
    opts.removeContact !== undefined ? '--remove-contact' : null,
    opts.removeNeed !== undefined ? '--remove-need' : null,
  ].filter((f): f is string => f !== null);
}

/** "--decision-by" for decisionBy. */
const flagName = (key: string) => `--${key.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)}`;

/** An event's number as typed (`12` or `#12`). */
function parseEventId(text: string, flag: string, ref: string): number {
  const t = text.trim();
  if (!/^#?\d{1,15}$/.test(t)) {
    throw new UsageError(
      `${flag} takes an event's number, as \`followup show ${ref}\` prints it before each logged event ` +
        `(for example ${flag} 12), not "${text}".`,
    );
  }
  return Number(t.replace('#', ''));
}

/** Correct or remove one record, as one undoable change, then show the application. */
function runCorrection(ctx: Context, ref: string, opts: EditOptions): void {
  const given = correctionFlags(opts);
  if (given.length === 0) {
    throw new UsageError(
      `--with and --note correct a logged event: say which with --event ID (the numbers \`followup show ${ref}\` ` +
        `prints), for example: followup edit ${ref} --event 12 --note "left a message"`,
    );
  }
  if (given.length > 1) {
    throw new UsageError(`${given.join(' and ')} are separate changes: run \`followup edit ${ref}\` once for each.`);
  }
  const [flag] = given;
  // With --event, --date is the event's date; everything else is another change.
  const others = [
    ...INTERVIEW_FLAG_KEYS.filter((k) => opts[k] !== undefined && !(k === 'date' && flag === '--event')).map(flagName),
    ...(opts.calls !== undefined ? [opts.calls ? '--calls' : '--no-calls'] : []),
    ...(opts.contact !== undefined ? ['--contact'] : []),
    ...(flag !== '--event' && opts.with !== undefined ? ['--with'] : []),
    ...(flag !== '--event' && opts.note !== undefined ? ['--note'] : []),
  ];
  if (others.length > 0) {
    throw new UsageError(
      `${flag} is a change of its own: run it without ${others.join(', ')}, and make ` +
        `${others.length === 1 ? 'that change' : 'those changes'} with another \`followup edit ${ref}\`.`,
    );
  }
  const store = ctx.openStore();
  const id = store.resolveRef(ref);
  const app = store.requireApplication(id);
  const year = ctx.today.slice(0, 4);
  let message: string;
  let changed = true;
  if (opts.event !== undefined) {
    ({ message, changed } = correctEvent(ctx, app, requireEventOf(app, parseEventId(opts.event, '--event', ref)), opts));
  } else if (opts.removeEvent !== undefined) {
    const { event, reopened } = store.removeEvent(id, requireEventOf(app, parseEventId(opts.removeEvent, '--remove-event', ref)).id);
    message =
      `Removed event #${event.id} (${event.type} on ${formatDay(event.date, year)}` +
      `${event.withName ? ` with ${event.withName}` : ''}) from #${id}.` +
      (reopened ? ' It had closed the application as no response, which is active again.' : '');
  } else if (opts.removeContact !== undefined) {
    const name = cleanText(opts.removeContact);
    if (!name) throw new UsageError(`--remove-contact takes a contact's name, for example --remove-contact "Sam Lee".`);
    const contact = store.removeContact(id, name);
    message = `Removed ${contact.name} (${ROLE_WORDS[contact.role]}) from the contacts of #${id}.`;
  } else {
    const typed = opts.removeNeed!.trim();
    if (!/^\d{1,6}$/.test(typed) || Number(typed) === 0) {
      throw new UsageError(
        `--remove-need takes a need's number, as \`followup show ${ref}\` numbers them (for example --remove-need 2), not "${opts.removeNeed}".`,
      );
    }
    const text = store.removeNeed(id, Number(typed));
    message = `Removed need ${Number(typed)} of #${id}: ${text}`;
  }
  if (!opts.json) ctx.output.err(terminalSafe(changed ? `${message} To undo it: followup undo` : message));
  printApplication(ctx, String(id), { json: opts.json });
}

/** The event numbered `eventId` if it is one of the application's, else a NotFoundError listing them. */
function requireEventOf(app: Application, eventId: number): FollowupEvent {
  const event = app.events.find((e) => e.id === eventId);
  if (event) return event;
  throw new NotFoundError(
    app.events.length === 0
      ? `#${app.id} has no logged events, so there is no event #${eventId} to change.`
      : `Event #${eventId} is not one of #${app.id}'s. Its events are ` +
          `${app.events.map((e) => `#${e.id} (${e.type} on ${e.date})`).join(', ')}, as \`followup show ${app.id}\` numbers them.`,
  );
}

/** Check and apply `--event ID` with its --date, --with and --note; says what it did. */
function correctEvent(
  ctx: Context,
  app: Application,
  current: FollowupEvent,
  opts: EditOptions,
): { message: string; changed: boolean } {
  const eventId = current.id;
  if (opts.date === undefined && opts.with === undefined && opts.note === undefined) {
    throw new UsageError(
      `--event ${eventId}: say what to correct with --date, --with or --note, for example ` +
        `followup edit ${app.id} --event ${eventId} --date ${current.date}`,
    );
  }
  const store = ctx.openStore();
  const fix: EventCorrection = {};
  const year = ctx.today.slice(0, 4);
  if (opts.date !== undefined) {
    // The rules of `log`: a bare weekday is the most recent one, and a day after today is refused.
    const date = resolveDate(opts.date, ctx.today, '--date', ctx.output, 'past');
    if (date > ctx.today) {
      throw new UsageError(
        `--date ${opts.date.trim()} is ${formatDay(date, year)} (${date}), after today (${formatDay(ctx.today, year)}): ` +
          'an event records what has already happened. Type the day it happened (today or earlier).',
      );
    }
    if (current.newDate && current.newDate < date) {
      throw new UsageError(
        `--date ${date} is after the new decision date given in that conversation (${current.newDate}). ` +
          'Type the day of the conversation.',
      );
    }
    fix.date = date;
  }
  if (opts.with !== undefined) {
    const typed = cleanText(opts.with);
    if (typed === undefined || typed.toLowerCase() === 'none') fix.with = null;
    else {
      const match = matchContact(app.contacts, typed);
      if (match.kind === 'many') {
        throw new UsageError(
          `--with "${typed}" matches ${match.names.join(' and ')} on #${app.id}; type the full name, ` +
            `for example --with "${match.names[0]}".`,
        );
      }
      // Someone not recorded (a receptionist, a colleague) is kept as typed.
      fix.with = match.kind === 'one' ? { name: match.contact.name, role: match.contact.role } : { name: typed, role: null };
    }
  }
  if (opts.note !== undefined) fix.note = cleanText(opts.note) ?? null;
  const { event, changed } = store.correctEvent(app.id, eventId, fix);
  const now =
    `${event.type} on ${formatDay(event.date, year)}${event.withName ? ` with ${event.withName}` : ''}` +
    `${event.note ? `: ${event.note}` : ''}`;
  return changed
    ? { message: `Corrected event #${eventId} of #${app.id}: now ${now}.`, changed }
    : { message: `Event #${eventId} already reads so (${now}); nothing changed.`, changed };
}
