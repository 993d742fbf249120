/** `followup add`: record an interview, asking on a terminal for what the flags did not give. */
import fs from 'node:fs';
import { Option } from '@commander-js/extra-typings';
import { eitherSpelling } from './alias.js';
import { formatDay } from '../core/calendar.js';
import { parseUserDate } from '../core/dates.js';
import type { Application, CalendarDate, InterviewKind } from '../core/types.js';
import type { Context } from '../context.js';
import type { Output } from '../ui/output.js';
import { UsageError } from '../errors.js';
import type { InterviewInput } from '../store/store.js';
import type { Asker } from '../ui/prompts.js';
import { terminalSafe, terminalSafeDeep } from '../ui/terminal-safe.js';
import {
  FieldProblem,
  INTERVIEW_FLAG_KEYS,
  checkTime,
  cleanList,
  cleanText,
  contactsFromFlags,
  interviewFlags,
  parseInterviewer,
  resolveDate,
  type InterviewFlags,
} from './interview-flags.js';
import { pendingItems } from './next-steps.js';
import { draftCommand } from '../core/actions.js';
import { flagReachWarnings } from '../core/reach.js';
import type { ContextFor, NewCommand, OptionsOf } from './command.js';

/** The flags and help of `add`. */
function flags(cmd: NewCommand) {
  return interviewFlags(cmd.option('--json', 'print the result as JSON'), false)
    .addOption(new Option('--note <text>', 'the same as --notes').hideHelp())
    .addHelpText(
    'after',
    `
  Examples:
    followup add
    followup add --company Globex          (on a terminal: asks for the rest)
    followup add --company Acme --role "Backend Engineer" --date 2026-11-30 \\
      --hiring-manager "Dana Reyes" --phone "+1 555 0100" \\
      --decision-by 2026-12-04 \\
      --interviewer "Priya Shah :: asked about scaling" \\
      --need "on-call experience" --need "Postgres tuning"`,
  );
}

export type AddOptions = OptionsOf<typeof flags>;

/** Register `add`. */
export function register(cmd: NewCommand, contextFor: ContextFor): void {
  flags(cmd).action((opts, c) => runAdd(contextFor(c), opts));
}

type Field = keyof InterviewFlags;

/** A date field's parse failure, in the words of its flag and of its question. */
function parsedDate(field: Field, flag: string, text: string, today: CalendarDate, echo?: Output): CalendarDate {
  try {
    return echo ? resolveDate(text, today, flag, echo) : parseUserDate(text, today, flag);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    const prefix = `${flag}: `;
    const question = err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message;
    throw new FieldProblem(field, err.message, question);
  }
}

/** The interview's date: typed, or today. */
function interviewDateOf(flags: InterviewFlags, today: CalendarDate, echo?: Output): CalendarDate {
  return flags.date === undefined ? today : parsedDate('date', '--date', flags.date, today, echo);
}

/** The promised decision date (none when blank); never before the interview. */
function decisionByOf(
  flags: InterviewFlags,
  today: CalendarDate,
  date: CalendarDate,
  echo?: Output,
): CalendarDate | null {
  if (!cleanText(flags.decisionBy)) return null;
  const decisionBy = parsedDate('decisionBy', '--decision-by', flags.decisionBy!, today, echo);
  if (decisionBy < date) {
    const year = today.slice(0, 4);
    throw new FieldProblem(
      'decisionBy',
      `--decision-by ${decisionBy} is before the interview (${date}). Type the date they promised a decision by.`,
      `${formatDay(decisionBy, year)} is before the interview (${formatDay(date, year)}). ` +
        'Type the date they promised a decision by, on or after the interview, or leave it blank.',
    );
  }
  return decisionBy;
}

/**
 * Turn flags into an interview, or say exactly which required flags are missing. Dates typed in a
 * friendlier form are echoed on `echo`; the day it is recorded is `today`.
 */
export function interviewFromFlags(flags: InterviewFlags, today: CalendarDate, echo?: Output): Omit<InterviewInput, 'contacts'> {
  const company = cleanText(flags.company);
  const role = cleanText(flags.role);
  const missing = [company ? null : '--company', role ? null : '--role'].filter(Boolean);
  if (missing.length > 0) {
    throw new FieldProblem(
      company ? 'role' : 'company',
      `Missing ${missing.join(' and ')}. For example:\n` +
        '  followup add --company Acme --role "Backend Engineer" --date today --hiring-manager "Dana Reyes"\n' +
        '(Run it on a terminal to be asked for each detail the flags leave out.)',
      'This one is needed.',
    );
  }
  const date = interviewDateOf(flags, today, echo);
  const decisionBy = decisionByOf(flags, today, date, echo);
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
    // Known from today: a round booked ahead is not known on the days before it was recorded.
    recordedOn: today,
  };
}

/** The active application this interview would be the next round of, read only when a store exists. */
function activeApplication(ctx: Context, company: string, role: string): Application | null {
  // Asking must leave no trace: a store that does not exist yet is not created until the interview is recorded.
  if (!fs.existsSync(ctx.storePath)) return null;
  const store = ctx.openStore();
  const id = store.findActiveApplication(company, role);
  return id === null ? null : store.getApplication(id);
}

/** One field's rule, applied to flags with one answer in it: the problem in its question's words, or true. */
function verdict(check: () => unknown, field: Field): string | true {
  try {
    check();
    return true;
  } catch (err) {
    if (err instanceof FieldProblem && err.field === field) return err.question;
    throw err;
  }
}

/**
 * Ask on the terminal for every fact the flags did not give, checking each answer at its own
 * question with the rules the flags follow. A flag that breaks one is reported (by its name) and
 * asked for. What only shows once everything is answered is asked for again, alone; no answer is
 * lost. Returns the same flags `add` takes, completed.
 */
async function askForInterview(ctx: Context, given: InterviewFlags): Promise<InterviewFlags> {
  const { createAsker } = await import('../ui/prompts.js');
  const ask: Asker = await createAsker({ input: ctx.io.in, output: ctx.io.err.stream });
  const flags: InterviewFlags = {};
  for (const key of INTERVIEW_FLAG_KEYS) if (given[key] !== undefined) Object.assign(flags, { [key]: given[key] });
  const today = ctx.today;
  const year = today.slice(0, 4);
  const say = (text: string) => ctx.output.err(terminalSafe(text, { keepLines: true }));
  const withAnswer = (field: Field, value: unknown): InterviewFlags => ({ ...flags, [field]: value });
  let existing: Application | null = null;
  const known = (role: 'hiring-manager' | 'hr') => existing?.contacts.find((c) => c.role === role) ?? null;
  const knownPerson = (name: string | undefined, role: 'hiring-manager' | 'hr') => {
    const person = known(role);
    return person && name && person.name.toLowerCase() === name.toLowerCase() ? person : null;
  };

  /** A date question: the answer is kept resolved, and echoed when typed in a friendlier form. */
  const askDate = async (field: 'date' | 'decisionBy', message: string, check: (f: InterviewFlags) => unknown, dflt?: string) => {
    const text = await ask.text(message, { default: dflt, validate: (v) => verdict(() => check(withAnswer(field, v)), field) });
    if (text === '') return undefined;
    const date = parseUserDate(text, today, field);
    if (text !== date) say(`  taken as ${formatDay(date, year)} ${date.slice(0, 4)} (${date}).`);
    return date;
  };

  const questions: Record<Field, () => Promise<void>> = {
    company: async () => {
      flags.company = await ask.text('Company', { required: true });
    },
    role: async () => {
      flags.role = await ask.text('Role', { required: true });
    },
    date: async () => {
      flags.date = await askDate('date', 'Interview date', (f) => interviewDateOf(f, today), 'today');
    },
    time: async () => {
      const time = await ask.text('Time (HH:MM)', { validate: (v) => verdict(() => checkTime(v), 'time') });
      flags.time = checkTime(time);
    },
    kind: async () => {
      const previous = existing?.rounds.at(-1)?.kind ?? 'video';
      const kind = await ask.choose<InterviewKind | 'skip'>(
        'How was it held?',
        [
          { value: 'video', name: 'video' },
          { value: 'phone', name: 'phone' },
          { value: 'onsite', name: 'on site' },
          { value: 'skip', name: 'skip' },
        ],
        previous,
      );
      flags.kind = kind === 'skip' ? undefined : kind;
    },
    interviewer: async () => {
      const interviewers: string[] = [];
      // Someone met again is typed by the same name, so they stay one person.
      const earlier = existing?.contacts.filter((c) => c.role === 'interviewer').map((c) => c.name) ?? [];
      if (earlier.length > 0) say(`Interviewers of earlier rounds: ${earlier.join(', ')}.`);
      for (;;) {
        const typed = await ask.text(interviewers.length === 0 ? 'Who interviewed you? (blank to skip)' : 'Another interviewer? (blank to finish)', {
          validate: (v) => verdict(() => parseInterviewer(v), 'interviewer'),
        });
        const person = parseInterviewer(typed);
        if (!person) break;
        const topic = person.topic ?? (await ask.text(`What did ${person.name} talk about? (optional)`));
        interviewers.push(topic ? `${person.name} :: ${topic}` : person.name);
      }
      flags.interviewer = interviewers;
    },
    hiringManager: async () => {
      const name = await ask.text('Hiring manager (the person who decides)', {
        default: known('hiring-manager')?.name,
        // A phone or email given by flag needs someone to belong to.
        required: (flags.phone || flags.email) && !known('hiring-manager')
          ? 'The phone and email given are the hiring manager\'s: type their name.'
          : false,
      });
      flags.hiringManager = name || undefined;
    },
    phone: async () => {
      const name = cleanText(flags.hiringManager);
      if (name) flags.phone = (await ask.text(`${name}'s phone`, { default: knownPerson(name, 'hiring-manager')?.phone ?? undefined })) || undefined;
    },
    email: async () => {
      const name = cleanText(flags.hiringManager);
      if (name) flags.email = (await ask.text(`${name}'s email`, { default: knownPerson(name, 'hiring-manager')?.email ?? undefined })) || undefined;
    },
    hr: async () => {
      const name = await ask.text('HR or recruiter contact', {
        default: known('hr')?.name,
        required: (flags.hrPhone || flags.hrEmail) && !known('hr')
          ? 'The phone and email given are the HR contact\'s: type their name.'
          : false,
      });
      flags.hr = name || undefined;
    },
    hrPhone: async () => {
      const name = cleanText(flags.hr);
      if (name) flags.hrPhone = (await ask.text(`${name}'s phone`, { default: knownPerson(name, 'hr')?.phone ?? undefined })) || undefined;
    },
    hrEmail: async () => {
      const name = cleanText(flags.hr);
      if (name) flags.hrEmail = (await ask.text(`${name}'s email`, { default: knownPerson(name, 'hr')?.email ?? undefined })) || undefined;
    },
    decisionBy: async () => {
      flags.decisionBy = await askDate('decisionBy', 'Decision promised by (blank if no date was given)', (f) =>
        decisionByOf(f, today, interviewDateOf(f, today)),
      );
    },
    nextSteps: async () => {
      flags.nextSteps = (await ask.text('Next steps they mentioned')) || undefined;
    },
    need: async () => {
      flags.need = await ask.list('What did they say they need? ("need :: how you meet it" also works)');
    },
    why: async () => {
      flags.why = (await ask.text('Why do you want this job? (for the thank-you)', { default: existing?.why ?? undefined })) || undefined;
    },
    expand: async () => {
      flags.expand = await ask.list('An answer you would like to expand on');
    },
    notes: async () => {
      flags.notes = (await ask.text('Notes')) || undefined;
    },
  };
  /** A given flag's own rule; when it is broken, the flag is named and its question asked. */
  const problemWithFlag = (field: Field): FieldProblem | null => {
    try {
      if (field === 'company' || field === 'role') {
        if (!cleanText(flags[field])) throw new FieldProblem(field, `--${field} cannot be empty.`, 'This one is needed.');
      } else if (field === 'date') interviewDateOf(flags, today);
      else if (field === 'time') checkTime(flags.time);
      else if (field === 'interviewer') for (const text of flags.interviewer ?? []) parseInterviewer(text);
      else if (field === 'decisionBy') decisionByOf(flags, today, interviewDateOf(flags, today));
      return null;
    } catch (err) {
      if (err instanceof FieldProblem && err.field === field) return err;
      // Another field's rule (a date flag that is itself wrong): that field's turn reports it.
      if (err instanceof FieldProblem) return null;
      throw err;
    }
  };

  const asked = new Set<Field>();
  ctx.output.err('Recording an interview. Press Enter to skip anything optional, or to take the answer in brackets.');
  const order: Field[] = [
    'company', 'role', 'date', 'time', 'kind', 'interviewer', 'hiringManager', 'phone', 'email',
    'hr', 'hrPhone', 'hrEmail', 'decisionBy', 'nextSteps', 'need', 'why', 'expand', 'notes',
  ];
  for (const field of order) {
    if (field === 'date') {
      // Company and role are known: is this the next round of an application already open?
      existing = activeApplication(ctx, cleanText(flags.company)!, cleanText(flags.role)!);
      if (existing) {
        const next = Math.max(0, ...existing.rounds.map((r) => r.number)) + 1;
        say(`Round ${next} at ${existing.company}, ${existing.role} (#${existing.id}). What is known already is offered: press Enter to keep it.`);
      }
    }
    if (given[field] !== undefined) {
      const problem = problemWithFlag(field);
      if (!problem) continue;
      say(problem.message);
      delete flags[field];
    }
    await questions[field]();
    asked.add(field);
  }

  // Rules that only show with every answer in: the faulty answer alone is asked for again.
  for (let tries = 0; ; tries++) {
    try {
      interviewFromFlags(flags, today);
      contactsFromFlags(flags, existing);
      return flags;
    } catch (err) {
      if (!(err instanceof FieldProblem) || tries >= 10) throw err;
      // A flag is named by its flag; an answer by what it answered.
      say(asked.has(err.field) ? err.question : err.message);
      delete flags[err.field];
      await questions[err.field]();
      asked.add(err.field);
    }
  }
}

/** Whether `add` should ask: on a terminal, when no fact was given or a required one is missing. */
function shouldAsk(ctx: Context, opts: AddOptions): boolean {
  const given = INTERVIEW_FLAG_KEYS.some((k) => opts[k] !== undefined);
  const complete = cleanText(opts.company) !== undefined && cleanText(opts.role) !== undefined;
  return (!given || !complete) && ctx.interactive;
}

/** Record the interview and say what comes next. */
export async function runAdd(ctx: Context, opts: AddOptions): Promise<void> {
  opts.notes = eitherSpelling(opts.notes, opts.note, ['--notes', '--note']);
  const flags = shouldAsk(ctx, opts) ? await askForInterview(ctx, opts) : opts;
  const interview = interviewFromFlags(flags, ctx.today, ctx.output);
  const store = ctx.openStore();
  const existingId = store.findActiveApplication(interview.company, interview.role);
  const existing = existingId === null ? null : store.getApplication(existingId);
  const input: InterviewInput = { ...interview, contacts: contactsFromFlags(flags, existing) };
  const result = store.addInterview(input);
  for (const w of flagReachWarnings(flags)) ctx.output.err(ctx.output.styles.warn(`warning: ${terminalSafe(w)}`));
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
