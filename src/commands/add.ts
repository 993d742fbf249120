/** `followup add`: record an interview, asking on a terminal when no flags were given. */
import { formatDay } from '../core/calendar.js';
import { parseUserDate } from '../core/dates.js';
import type { InterviewKind } from '../core/types.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import type { InterviewInput } from '../store/store.js';
import { terminalSafeDeep } from '../ui/terminal-safe.js';
import {
  INTERVIEW_FLAG_KEYS,
  checkTime,
  cleanList,
  cleanText,
  contactsFromFlags,
  interviewFlags,
  resolveDate,
  type InterviewFlags,
} from './interview-flags.js';
import { pendingItems } from './next-steps.js';
import { draftCommand } from '../core/actions.js';
import type { ContextFor, NewCommand, OptionsOf } from './command.js';

/** The flags and help of `add`. */
function flags(cmd: NewCommand) {
  return interviewFlags(cmd.option('--json', 'print the result as JSON'), false).addHelpText(
    'after',
    `
  Examples:
    followup add
    followup add --company Acme --role "Backend Engineer" --date 2026-11-30 \\
      --hiring-manager "Dana Reyes" --phone "+1 555 0100" --decision-by 2026-12-04 \\
      --need "on-call experience" --need "Postgres tuning"`,
  );
}

export type AddOptions = OptionsOf<typeof flags>;

/** Register `add`. */
export function register(cmd: NewCommand, contextFor: ContextFor): void {
  flags(cmd).action((opts, c) => runAdd(contextFor(c), opts));
}

/** Turn flags into an interview, or say exactly which required flags are missing. */
export function interviewFromFlags(ctx: Context, flags: InterviewFlags): Omit<InterviewInput, 'contacts'> {
  const company = cleanText(flags.company);
  const role = cleanText(flags.role);
  const missing = [company ? null : '--company', role ? null : '--role'].filter(Boolean);
  if (missing.length > 0) {
    throw new UsageError(
      `Missing ${missing.join(' and ')}. For example:\n` +
        '  followup add --company Acme --role "Backend Engineer" --date today --hiring-manager "Dana Reyes"\n' +
        '(Run it on a terminal without flags to be asked for each detail.)',
    );
  }
  const date = flags.date ? resolveDate(flags.date, ctx.today, '--date', ctx.output) : ctx.today;
  const decisionBy = flags.decisionBy ? resolveDate(flags.decisionBy, ctx.today, '--decision-by', ctx.output) : null;
  if (decisionBy && decisionBy < date) {
    throw new UsageError(
      `--decision-by ${decisionBy} is before the interview (${date}). Type the date they promised a decision by.`,
    );
  }
  return {
    company: company!,
    role: role!,
    date,
    time: checkTime(flags.time) ?? null,
    kind: flags.kind ?? null,
    decisionBy,
    nextSteps: cleanText(flags.nextSteps) ?? null,
    notes: cleanText(flags.notes) ?? null,
    why: cleanText(flags.why) ?? null,
    needs: cleanList(flags.need),
    expand: cleanList(flags.expand),
  };
}

/** Ask for every field on the terminal, with sensible defaults; returns the same flags `add` takes. */
async function askForInterview(ctx: Context): Promise<InterviewFlags> {
  const { createAsker } = await import('../ui/prompts.js');
  const ask = await createAsker({ input: ctx.io.in, output: ctx.io.err.stream });
  const checkDate = (v: string): string | true => {
    try {
      parseUserDate(v, ctx.today, 'date');
      return true;
    } catch (err) {
      return (err as Error).message.replace(/^date: /, '');
    }
  };
  ctx.output.err('Recording an interview. Press Enter to skip anything optional.');
  const flags: InterviewFlags = {};
  flags.company = await ask.text('Company', { required: true });
  flags.role = await ask.text('Role', { required: true });
  flags.date = await ask.text('Interview date', { default: 'today', validate: checkDate });
  flags.time = (await ask.text('Time (HH:MM)', {
    validate: (v) => {
      try {
        checkTime(v);
        return true;
      } catch (err) {
        return (err as Error).message;
      }
    },
  })) || undefined;
  const kind = await ask.choose<InterviewKind | 'skip'>(
    'How was it held?',
    [
      { value: 'video', name: 'video' },
      { value: 'phone', name: 'phone' },
      { value: 'onsite', name: 'on site' },
      { value: 'skip', name: 'skip' },
    ],
    'video',
  );
  flags.kind = kind === 'skip' ? undefined : kind;
  flags.interviewer = await ask.list('Who interviewed you?');
  flags.hiringManager = (await ask.text('Hiring manager (the person who decides)')) || undefined;
  if (flags.hiringManager) {
    flags.phone = (await ask.text(`${flags.hiringManager}'s phone`)) || undefined;
    flags.email = (await ask.text(`${flags.hiringManager}'s email`)) || undefined;
  }
  flags.hr = (await ask.text('HR or recruiter contact')) || undefined;
  if (flags.hr) {
    flags.hrPhone = (await ask.text(`${flags.hr}'s phone`)) || undefined;
    flags.hrEmail = (await ask.text(`${flags.hr}'s email`)) || undefined;
  }
  flags.decisionBy = (await ask.text('Decision promised by (blank if no date was given)', { validate: checkDate })) || undefined;
  flags.nextSteps = (await ask.text('Next steps they mentioned')) || undefined;
  flags.need = await ask.list('What did they say they need? ("need :: how you meet it" also works)');
  flags.why = (await ask.text('Why do you want this job? (for the thank-you)')) || undefined;
  flags.expand = await ask.list('An answer you would like to expand on');
  flags.notes = (await ask.text('Notes')) || undefined;
  return flags;
}

/** Record the interview and say what comes next. */
export async function runAdd(ctx: Context, opts: AddOptions): Promise<void> {
  const given = INTERVIEW_FLAG_KEYS.some((k) => opts[k] !== undefined);
  const flags = !given && ctx.interactive ? await askForInterview(ctx) : opts;
  const interview = interviewFromFlags(ctx, flags);
  const store = ctx.openStore();
  const existingId = store.findActiveApplication(interview.company, interview.role);
  const existing = existingId === null ? null : store.getApplication(existingId);
  const input: InterviewInput = { ...interview, contacts: contactsFromFlags(flags, existing) };
  const result = store.addInterview(input);
  const app = store.requireApplication(result.id);
  const config = store.getConfig();
  const items = pendingItems(store, app, config, ctx.today);
  const thanks = items.find((i) => i.action === 'send-thanks');
  const chase = items.find((i) => i.action === 'check-status' || i.action === 'close-loop');

  if (opts.json) {
    ctx.output.json({
      id: result.id,
      uuid: app.uuid,
      round: result.round,
      company: app.company,
      role: app.role,
      date: interview.date,
      newApplication: result.newApplication,
      decisionBy: interview.decisionBy,
      thanksDue: thanks?.due ?? null,
      firstChase: chase?.earliest ?? null,
    });
    return;
  }
  const year = ctx.today.slice(0, 4);
  const roundText = result.newApplication ? 'round 1' : `round ${result.round} of an application already open`;
  const shown = terminalSafeDeep({ company: app.company, role: app.role, thanksCommand: thanks ? draftCommand(thanks) : undefined });
  ctx.output.out(
    `Recorded #${result.id} ${shown.company}, ${shown.role}: ${roundText}, ${formatDay(interview.date, year)}.`,
  );
  const parts: string[] = [];
  if (thanks) {
    parts.push(
      thanks.earliest > ctx.today
        ? `send a thank-you after the interview, by ${formatDay(thanks.due, year)}`
        : thanks.due < ctx.today
          ? `send a thank-you now (it was due ${formatDay(thanks.due, year)})`
          : 'send a thank-you today',
    );
  }
  if (chase) parts.push(`the first follow-up is possible on ${formatDay(chase.earliest, year)}`);
  if (parts.length > 0) ctx.output.out(`Next: ${parts.join('; ')}.`);
  if (thanks) ctx.output.out(`  ${shown.thanksCommand}`);
  if (!interview.decisionBy) {
    ctx.output.err(
      `No decision date was given: followup assumes ${config.assumeDecisionWorkdays} working days. ` +
        `When you learn it: followup edit ${result.id} --decision-by DATE`,
    );
  }
  if (!app.contacts.some((c) => c.role === 'hiring-manager')) {
    ctx.output.err(
      `Tip: follow-ups work best with the decision maker. Record them with ` +
        `followup edit ${result.id} --hiring-manager "NAME" --phone "..."`,
    );
  }
}
