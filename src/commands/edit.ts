/** `followup edit <ref>`: change recorded facts with the same flags as `add`. */
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import type { ApplicationChanges } from '../store/store.js';
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
      .option('--json', 'print the application as JSON'),
    true,
  ).addHelpText(
    'after',
    `
  Examples:
    followup edit 3 --decision-by 2026-12-11
    followup edit 3 --hiring-manager "Dana Reyes" --email dana@acme.example
    followup edit 3 --no-calls --contact "Sam Lee"`,
  );
}

export type EditOptions = OptionsOf<typeof flags>;

/** Register `edit`. */
export function register(cmd: NewCommand, contextFor: ContextFor): void {
  flags(cmd).action((ref, opts, c) => runEdit(contextFor(c), ref, opts));
}

/** Apply the changes in one transaction, then show the application. */
export function runEdit(ctx: Context, ref: string, opts: EditOptions): void {
  const given = INTERVIEW_FLAG_KEYS.some((k) => opts[k] !== undefined) || opts.calls !== undefined;
  if (!given) {
    throw new UsageError(
      'Nothing to change. For example:\n' +
        `  followup edit ${ref} --decision-by 2026-12-11\n` +
        `  followup edit ${ref} --hiring-manager "Dana Reyes" --phone "+1 555 0100"\n` +
        `  followup edit ${ref} --no-calls`,
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
  if (opts.time !== undefined) changes.time = checkTime(opts.time) ?? null;
  if (opts.kind !== undefined) changes.kind = opts.kind;
  if (opts.nextSteps !== undefined) changes.nextSteps = cleanText(opts.nextSteps) ?? null;
  if (opts.notes !== undefined) changes.notes = cleanText(opts.notes) ?? null;
  if (opts.why !== undefined) changes.why = cleanText(opts.why) ?? null;
  if (opts.need) changes.needs = cleanList(opts.need);
  if (opts.expand) changes.expand = cleanList(opts.expand);
  const contacts = contactsFromFlags(opts, app);
  if (contacts.length > 0) changes.contacts = contacts;
  if (opts.calls !== undefined) changes.noCalls = { contact: cleanText(opts.contact) ?? null, value: !opts.calls };
  const result = store.updateApplication(id, changes);
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
