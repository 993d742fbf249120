/** `followup today`: whom to contact today, how, and why. */
import { planToday } from '../core/cadence.js';
import { nextWorkday } from '../core/calendar.js';
import type { Context } from '../context.js';
import { renderToday } from '../ui/today-view.js';
import { itemJson, waitingJson } from '../words/plan.js';
import type { ContextFor, NewCommand, OptionsOf } from './command.js';

/** The flags and help of `today`. */
function flags(cmd: NewCommand) {
  return cmd
    .option('--json', 'print the plan as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  followup today\n  followup today --today 2026-12-07 --json\n\n' +
        'A past --today replays that day: only what was recorded and dated by then\ncounts.',
    );
}

export type TodayOptions = OptionsOf<typeof flags>;

/** Register `today`. */
export function register(cmd: NewCommand, contextFor: ContextFor): void {
  flags(cmd).action((opts, c) => runToday(contextFor(c), opts));
}

/** Read the planned applications, plan, print. */
export function runToday(ctx: Context, opts: TodayOptions): void {
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
  ctx.output.out(renderToday(plan, ctx.output.styles, ctx.output.columns));
}
