/** `followup agenda [--days N] [--json]`: the coming days, with what becomes due on each. */
import { compareItems, scheduleApplication } from '../core/cadence.js';
import { addDays, formatDay, isWorkday, nextWorkday } from '../core/calendar.js';
import type { CalendarDate, PlanItem } from '../core/types.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { hangingWrap } from '../ui/output.js';
import { terminalSafeDeep } from '../ui/terminal-safe.js';
import { actionPhrase } from '../core/actions.js';
import { itemJson } from '../words/plan.js';

import type { ContextFor, NewCommand, OptionsOf } from './command.js';

/** The flags and help of `agenda`. */
function flags(cmd: NewCommand) {
  return cmd
    .option('--days <n>', 'how many days (default 14)')
    .option('--compact', 'only the days with something on them')
    .option('--json', 'print the days as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  followup agenda\n  followup agenda --days 30 --compact\n  followup agenda --days 30 --json\n\n' +
        'The first working day shows what followup today lists on it (also what is\n' +
        'open but due later); each later day what becomes due on it if nothing is\nlogged.',
    );
}

export type AgendaOptions = OptionsOf<typeof flags>;

/** Register `agenda`. */
export function register(cmd: NewCommand, contextFor: ContextFor): void {
  flags(cmd).action((opts, c) => runAgenda(contextFor(c), opts));
}

/** One day of the agenda. */
export interface AgendaDay {
  date: CalendarDate;
  workday: boolean;
  items: PlanItem[];
}

/** Build the days, each with what falls due on it (overdue items on the first working day). */
export function runAgenda(ctx: Context, opts: AgendaOptions): void {
  const days = opts.days === undefined ? 14 : Number(opts.days);
  if (!Number.isInteger(days) || days < 1 || days > 366) {
    throw new UsageError(`--days takes a whole number from 1 to 366; got "${opts.days}".`);
  }
  const store = ctx.openStore();
  const config = store.getConfig();
  const last = addDays(ctx.today, days - 1);
  // From what is known today (a past --today replays that day's agenda).
  const offers = store.listLatestOffers(ctx.today);
  const items: PlanItem[] = [];
  for (const app of store.listPlanned(last, config.keepInTouchDays, ctx.today)) {
    for (const item of scheduleApplication(app, { settings: config, offers, today: ctx.today })) {
      if (item.due <= last) items.push({ ...item, overdue: item.due < ctx.today });
    }
  }
  items.sort(compareItems);
  // The first working day holds what `today` lists on it (everything open by then, overdue or
  // not yet due); every other item goes on the day it falls due (due dates are working days).
  const firstWorkday = nextWorkday(ctx.today, config.holidays);
  const dayOf = (item: PlanItem) => (item.earliest <= firstWorkday ? firstWorkday : item.due);
  // A booked interview is prepared for only through its own date (rule 14): one on a weekend is
  // not carried to the Monday after it.
  const stillAhead = (item: PlanItem) => item.why.code !== 'prepare-interview' || dayOf(item) <= item.why.date;
  const agenda: AgendaDay[] = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(ctx.today, i);
    agenda.push({
      date,
      workday: isWorkday(date, config.holidays),
      items: items.filter((item) => dayOf(item) === date && stillAhead(item)),
    });
  }
  if (opts.json) {
    ctx.output.json({
      from: ctx.today,
      to: last,
      days: agenda.map((d) => ({ ...d, items: d.items.map((i) => itemJson(i, ctx.today)) })),
    });
    return;
  }
  const s = ctx.output.styles;
  const year = ctx.today.slice(0, 4);
  const lines: string[] = [s.heading(`The next ${days} days, from ${formatDay(ctx.today)} ${year}`)];
  // One width for every day's label, so the columns stay put when a date shows its year.
  const labelWidth = Math.max(...agenda.map((d) => formatDay(d.date, year).length));
  const shown = opts.compact ? agenda.filter((d) => d.items.length > 0) : agenda;
  if (shown.length === 0) lines.push(s.dim('Nothing falls due in these days.'));
  const width = ctx.output.columns;
  for (const day of terminalSafeDeep(shown)) {
    const label = formatDay(day.date, year).padEnd(labelWidth);
    if (!day.workday) {
      lines.push(s.dim(`${label} ${day.date === ctx.today ? 'today, ' : ''}not a working day`));
      continue;
    }
    if (day.items.length === 0) {
      lines.push(`${label} ${s.dim(day.date === ctx.today ? 'today: nothing due' : '-')}`);
      continue;
    }
    lines.push(s.strong(`${label} ${day.date === ctx.today ? 'today' : ''}`.trimEnd()));
    for (const item of day.items) {
      const mark = item.overdue ? s.overdue('overdue') : item.due === day.date ? 'due    ' : s.dim('open   ');
      const by = item.due > day.date ? ` (due ${formatDay(item.due, year)})` : '';
      // A booked interview says when it is (rule 14).
      let at = '';
      if (item.why.code === 'prepare-interview') {
        const when = [item.why.date === day.date ? '' : formatDay(item.why.date, year), item.why.time ? `at ${item.why.time}` : '']
          .filter(Boolean)
          .join(' ');
        if (when) at = ` (interview ${when})`;
      }
      lines.push(hangingWrap(`  ${mark}  `, `${actionPhrase(item)}${at}, ${item.company} (#${item.id})${by}`, width, '           '));
    }
  }
  ctx.output.out(lines.join('\n'));
}
