/** `followup today`: whom to contact today, how, and why. */
import { planToday } from '../core/cadence.js';
import { nextWorkday } from '../core/calendar.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { renderToday } from '../ui/today-view.js';
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
        '-i shows each item with a one-key menu (d draft, r record, s skip, u undo, q quit,\n' +
        '? help) on stderr, and records exactly as followup draft --mark-sent and\n' +
        'followup log do: each record is its own change for followup undo. It needs a\n' +
        'terminal; Ctrl-C stops it, keeping what was recorded. --compact prints only\n' +
        'the items, one line each (nothing on a day without any); it does not go with\n' +
        '--json or -i.',
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
    const { NO_TERMINAL } = await import('../ui/walk-words.js');
    throw new UsageError(NO_TERMINAL);
  }
  const store = ctx.openStore();
  const config = store.getConfig();
  // Planned from what was known on today: a past --today replays what the list said that day.
  const apps = store.listPlanned(nextWorkday(ctx.today, config.holidays), config.keepInTouchDays, ctx.today);
  const plan = planToday(apps, config, ctx.today, store.listLatestOffers(ctx.today));
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
    const text = renderCompact(plan, ctx.output.styles, ctx.output.columns);
    if (text !== '') ctx.output.out(text);
    return;
  }
  ctx.output.out(renderToday(plan, ctx.output.styles, ctx.output.columns));
}
