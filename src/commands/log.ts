/** `followup log <ref> <event>`: record what happened. Never refuses a true record; warns when early. */
import { chaseWarnings } from '../core/cadence.js';
import { formatDay } from '../core/calendar.js';
import { EVENT_TYPES, type EventType } from '../core/types.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { terminalSafe, terminalSafeDeep } from '../ui/terminal-safe.js';
import { cleanText, resolveDate } from './interview-flags.js';
import { describeNext, pendingItems } from './next-steps.js';
import { nextJson, warningText } from '../words/plan.js';

import type { ContextFor, NewCommand, OptionsOf } from './command.js';

/** The arguments, flags and help of `log`. */
function flags(cmd: NewCommand) {
  return cmd
    .argument('<ref>', 'application number or company name prefix')
    .argument('<event>', 'what happened')
    .option('--date <date>', 'when (default: today)')
    .option('--with <name>', 'whom you spoke or wrote to')
    .option('--note <text>', 'what was said')
    .option('--new-date <date>', 'with spoke: the new decision date they gave')
    .option('--json', 'print the recorded event as JSON')
    .addHelpText(
      'after',
      `
  Examples:
    followup log 3 thanks-sent
    followup log acme no-answer
    followup log 3 spoke --with "Dana Reyes" --new-date 2026-12-16 --note "still interviewing"`,
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
  const guess = EVENT_TYPES.find((e) => e.startsWith(t.slice(0, 3)));
  throw new UsageError(
    `Unknown event "${text}".${guess ? ` Did you mean ${guess}?` : ''} Events: ${EVENT_TYPES.join(', ')}.`,
  );
}

/** Record the event, warn when the rules would have waited, and say what comes next. */
export function runLog(ctx: Context, ref: string, eventText: string, opts: LogOptions): void {
  const type = parseEventType(eventText);
  const date = opts.date ? resolveDate(opts.date, ctx.today, '--date', ctx.output) : ctx.today;
  if (opts.newDate !== undefined && type !== 'spoke') {
    throw new UsageError(`--new-date goes with spoke (the new decision date they gave), not with ${type}.`);
  }
  const newDate = opts.newDate ? resolveDate(opts.newDate, ctx.today, '--new-date', ctx.output) : null;
  if (newDate && newDate < date) {
    throw new UsageError(`--new-date ${newDate} is before the conversation (${date}). Type the date they gave.`);
  }
  const store = ctx.openStore();
  const id = store.resolveRef(ref);
  const before = store.requireApplication(id);
  const config = store.getConfig();
  const warnings = chaseWarnings(before, { type, date }, config).map((w) => warningText(w, config));
  const warning = warnings.length > 0 ? warnings.join('\n') : null;
  const event = store.addEvent(id, { type, date, withName: cleanText(opts.with) ?? null, note: cleanText(opts.note) ?? null, newDate });
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
  ctx.output.out(`Logged ${type} for #${id} ${shown.company}, ${shown.role} on ${formatDay(date, year)}.`);
  if (type === 'loop-closed') ctx.output.out('Closed as no response: nothing more will be listed for it.');
  for (const line of describeNext(items, ctx.today)) ctx.output.out(`Next: ${line}`);
}
