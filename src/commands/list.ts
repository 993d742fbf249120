/** `followup list`: the applications, one line each. */
import { scheduleApplication } from '../core/cadence.js';
import { formatDay } from '../core/calendar.js';
import { allKnownOn } from '../core/known.js';
import { statusOf } from '../core/types.js';
import type { Context } from '../context.js';
import { hangingWrap } from '../ui/output.js';
import { terminalSafeDeep } from '../ui/terminal-safe.js';
import { actionPhrase } from '../core/actions.js';

import type { ContextFor, NewCommand, OptionsOf } from './command.js';

/** The flags and help of `list`. */
function flags(cmd: NewCommand) {
  return cmd
    .option('--all', 'every application, ended ones too')
    .option('--json', 'print an array of objects')
    .addHelpText(
      'after',
      '\nExamples:\n  followup list\n  followup list --all --json\n' +
        '  followup list --today 2026-12-07\n      (as it stood on 7 Dec: what was recorded by then)',
    );
}

export type ListOptions = OptionsOf<typeof flags>;

/** Register `list`. */
export function register(cmd: NewCommand, contextFor: ContextFor): void {
  flags(cmd).action((opts, c) => runList(contextFor(c), opts));
}

/** Print the active applications (all with --all) and the next thing each needs. */
export function runList(ctx: Context, opts: ListOptions): void {
  const store = ctx.openStore();
  const config = store.getConfig();
  const offers = store.listLatestOffers(ctx.today);
  const year = ctx.today.slice(0, 4);
  const s = ctx.output.styles;
  let count = 0;
  // A page of applications at a time, printed as it comes: a coach's 20,000 are never all in
  // memory. As the rules see them (only what the plan reads), as known on today: a past --today
  // lists what was recorded by then, each application as it stood then.
  for (const page of store.iteratePlans(opts.all ? 'all' : 'active', ctx.today)) {
    const apps = allKnownOn(page, ctx.today).filter((app) => opts.all || statusOf(app) === 'active');
    const rows = apps.map((app) => {
      const next = scheduleApplication(app, { settings: config, offers, today: ctx.today }).sort((a, b) =>
        a.earliest < b.earliest ? -1 : a.earliest > b.earliest ? 1 : 0,
      )[0];
      const lastRound = app.rounds[app.rounds.length - 1];
      return { app, next, lastRound };
    });
    if (opts.json) {
      // The same text as JSON.stringify(all, null, 2), written an element at a time.
      for (const { app, next, lastRound } of rows) {
        const element = {
          id: app.id,
          uuid: app.uuid,
          company: app.company,
          role: app.role,
          status: statusOf(app),
          rounds: app.rounds.length,
          lastInterview: lastRound?.date ?? null,
          next: next ? { action: next.action, earliest: next.earliest, due: next.due } : null,
        };
        const text = JSON.stringify(element, null, 2).replace(/\n/g, '\n  ');
        ctx.output.write(`${count === 0 ? '[\n' : ',\n'}  ${text}`);
        count++;
      }
      continue;
    }
    for (const { app, next, lastRound } of terminalSafeDeep(rows)) {
      const status = statusOf(app);
      const prefix = `${String(app.id).padStart(3)}  `;
      const parts = [s.strong(`${app.company}, ${app.role}`)];
      if (lastRound) parts.push(`round ${lastRound.number} ${formatDay(lastRound.date, year)}`);
      if (status !== 'active') parts.push(status);
      if (next) {
        const when = next.earliest > ctx.today ? `from ${formatDay(next.earliest, year)}` : `by ${formatDay(next.due, year)}`;
        const phrase = actionPhrase(next);
        parts.push(s.dim(`next: ${phrase.charAt(0).toLowerCase()}${phrase.slice(1)} ${when}`));
      }
      // On a terminal, wrapped to its width under the company (colour measured as it is drawn);
      // piped, one line per application, for grep and scripts.
      const line = parts.join(' · ');
      ctx.output.out(ctx.io.isTTY.stdout ? hangingWrap(prefix, line, ctx.output.columns, ' '.repeat(prefix.length)) : prefix + line);
      count++;
    }
  }
  if (opts.json) {
    ctx.output.write(count === 0 ? '[]\n' : '\n]\n');
    return;
  }
  if (count === 0) {
    ctx.output.out(opts.all ? 'No applications recorded yet. Add one: followup add' : 'No active applications. See them all: followup list --all');
  }
}
