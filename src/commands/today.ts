/** `followup today`: whom to contact today, how, and why. */
import type { Context } from '../context.js';
import { planToday } from '../core/cadence.js';
import { nextWorkday } from '../core/calendar.js';
import type { TodayPlan } from '../core/types.js';
import { UsageError } from '../errors.js';
import type { Store } from '../store/store.js';
import { terminalSafe } from '../ui/terminal-safe.js';
import { writeToday } from '../ui/today-view.js';
import { itemJson, waitingJson } from '../words/plan.js';
import type { ContextFor, NewCommand, OptionsOf } from './command.js';

/** The flags and help of `today`. */
function flags(cmd: NewCommand) {
  return cmd
    .option('--json', 'print the plan as JSON')
    .option('-i, --interactive', 'walk through the items one by one: draft, record, skip (keys, on a terminal)')
    .option('--compact', 'one line per item: who, how, why (as git status -s)')
    .addHelpText(
      'after',
      '\nExamples:\n  followup today\n  followup today -i\n  followup today --compact\n  followup today --today 2026-12-07 --json\n\n' +
        'A past --today replays that day: only what was recorded and dated by then\ncounts.\n\n' +
        '-i shows each item with a one-key menu (d draft, r record, s skip, u undo,\n' +
        'q quit, ? help) on stderr, and records exactly as followup draft --mark-sent\n' +
        'and followup log do: each record is its own change for followup undo. It\n' +
        'needs a terminal; Ctrl-C stops it, keeping what was recorded. --compact\n' +
        'prints only the items, one line each (nothing on a day without any); it does\n' +
        'not go with --json or -i.',
    );
}

export type TodayOptions = OptionsOf<typeof flags>;

/** Register `today`. */
export function register(cmd: NewCommand, contextFor: ContextFor): void {
  flags(cmd).action((opts, c) => runToday(contextFor(c), opts));
}

/** Read the planned applications, plan, print. */
export async function runToday(ctx: Context, opts: TodayOptions): Promise<void> {
  if (opts.compact && (opts.json || opts.interactive)) {
    throw new UsageError(
      `--compact is the short list for reading; it does not go with ${opts.json ? '--json (which has every field already)' : '--interactive'}. ` +
        `Type followup today --compact, or followup today ${opts.json ? '--json' : '-i'}.`,
    );
  }
  if (opts.interactive && opts.json) {
    throw new UsageError('--interactive asks on a terminal; --json is for programs. Type followup today -i, or followup today --json.');
  }
  if (opts.interactive && !ctx.interactive) {
    throw new UsageError(
      'followup today --interactive asks one key at a time on a terminal, and there is none here ' +
        '(or --no-input or CI is set). Read the list with followup today, then record each item with ' +
        'followup log REF EVENT (or followup draft KIND REF --mark-sent).',
    );
  }
  const store = ctx.openStore();
  const { plan, plainText } = todaysPlan(ctx, store);
  if (opts.json) {
    ctx.output.json({
      date: plan.date,
      workday: plan.workday,
      nextWorkday: plan.nextWorkday,
      linedUp: plan.linedUp,
      items: plan.items.map((i) => itemJson(i, plan.date)),
      waiting: plan.waiting.map((w) => waitingJson(w, plan.date)),
    });
    return;
  }
  if (opts.interactive) {
    // Loaded only here: the walk brings the letters (handlebars) and the prompts.
    const { walkToday } = await import('../ui/walk.js');
    await walkToday(ctx, store, plan);
    return;
  }
  if (opts.compact) {
    const { renderCompact } = await import('../ui/today-compact.js');
    // Cut to the terminal's own width (not the list's 100-column cap); piped, lines are whole.
    const width = ctx.io.isTTY.stdout ? (ctx.io.out.columns ?? 80) : Infinity;
    const text = renderCompact(plan, ctx.output.styles, width);
    if (text !== '') ctx.output.out(text);
    return;
  }
  // Printed as it is made, some 64 KB at a time: a coach's list of hundreds of items is never
  // held whole (each piece is let go young, which the garbage collector finds cheap).
  let pending = '';
  writeToday(plan, ctx.output.styles, ctx.output.columns, plainText, (line) => {
    pending += `${line}\n`;
    if (pending.length >= 65_536) {
      ctx.output.write(pending);
      pending = '';
    }
  });
  if (pending !== '') ctx.output.write(pending);
}

/**
 * Today's plan, from what was known on today (a past --today replays what the list said that
 * day), and whether its text is plain (Store.listPlannedText; the offers' companies, which rules
 * 9 and 16 name, are looked at here). The applications read are let go once planned: a coach's
 * thousand need not be kept through the printing of the list.
 */
function todaysPlan(ctx: Context, store: Store): { plan: TodayPlan; plainText: boolean } {
  const config = store.getConfig();
  const { apps, plainText } = store.listPlannedText(nextWorkday(ctx.today, config.holidays), config.keepInTouchDays, ctx.today);
  const offers = store.listLatestOffers(ctx.today);
  const plan = planToday(apps, config, ctx.today, offers);
  return { plan, plainText: plainText && offers.every((o) => terminalSafe(o.company) === o.company) };
}
