/**
 * `followup outcome <ref> offer|accepted|declined|rejected|withdrawn`: record how an application
 * ended, an offer's deadline (`--respond-by`), and the answer to an offer.
 */
import { Option } from '@commander-js/extra-typings';
import { formatDay } from '../core/calendar.js';
import { closest } from '../core/suggest.js';
import { eitherSpelling } from './alias.js';
import { OUTCOMES, statusOf, type Application, type Outcome } from '../core/types.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { terminalSafeDeep } from '../ui/terminal-safe.js';
import { refuseFutureEvent } from '../core/dates.js';
import { cleanText, resolveDate } from './interview-flags.js';
import { describeNext, pendingItems } from './next-steps.js';
import { nextJson } from '../words/plan.js';

import type { ContextFor, NewCommand, OptionsOf } from './command.js';

/** The arguments, flags and help of `outcome`. */
function flags(cmd: NewCommand) {
  return cmd
    .argument('<ref>', 'application number or company name prefix')
    .argument('<outcome>', 'offer, accepted, declined, rejected or withdrawn')
    .option('--date <date>', 'when (default: today; a weekday such as fri means the most recent one)')
    .option('--respond-by <date>', 'with offer: the day you must answer by (a weekday such as fri means the coming one)')
    .option('--note <text>', 'what was said')
    .addOption(new Option('--notes <text>', 'the same as --note').hideHelp())
    .option('--not-interested', 'with rejected: no keep-in-touch reminders')
    .option('--replace', 'replace an outcome already recorded (the earlier one is kept as history)')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  followup outcome 3 rejected\n  followup outcome acme offer --date 2026-12-09\n' +
        '  followup outcome 3 offer --respond-by 2026-12-18\n' +
        '      (decide-offer is listed from two working days before it)\n' +
        '  followup outcome 3 accepted --note "start on 4 January"\n' +
        '      (the other active applications list a withdrawal)\n' +
        '  followup outcome 3 declined --date 2026-12-16\n' +
        '  followup outcome 3 withdrawn --replace\n' +
        '      (it was recorded as rejected; rejected stays in the history)\n\n' +
        'accepted and declined answer the offer recorded for the application; the\n' +
        'offer stays in its history (no --replace needed).',
    );
}

export type OutcomeOptions = OptionsOf<typeof flags>;

/** Register `outcome`. */
export function register(cmd: NewCommand, contextFor: ContextFor): void {
  flags(cmd).action((ref, outcome, opts, c) => runOutcome(contextFor(c), ref, outcome, opts));
}

/** Record the outcome and say what it sets in motion. */
export function runOutcome(ctx: Context, ref: string, outcomeText: string, opts: OutcomeOptions): void {
  opts.note = eitherSpelling(opts.note, opts.notes, ['--note', '--notes']);
  const outcome = outcomeText.trim().toLowerCase() as Outcome;
  if (!OUTCOMES.includes(outcome)) {
    const meant = closest(outcome, OUTCOMES);
    throw new UsageError(
      `Unknown outcome "${outcomeText}".${meant ? ` Did you mean ${meant}?` : ''} Type one of: ${OUTCOMES.join(', ')}.`,
    );
  }
  if (opts.notInterested && outcome !== 'rejected') {
    throw new UsageError('--not-interested goes with rejected (it stops the keep-in-touch reminders).');
  }
  if (opts.respondBy !== undefined && outcome !== 'offer') {
    throw new UsageError(
      `--respond-by goes with offer (the day you must answer an offer by), not with ${outcome}. ` +
        `Type: followup outcome ${shellWord(ref.trim())} ${outcome}` + (opts.date !== undefined ? ` --date ${shellWord(opts.date.trim())}` : ''),
    );
  }
  const date = opts.date === undefined ? ctx.today : resolveDate(opts.date, ctx.today, '--date', ctx.output, 'past');
  if (opts.date !== undefined) refuseFutureEvent(date, ctx.today, opts.date, 'outcome');
  const respondBy = opts.respondBy === undefined ? null : resolveDate(opts.respondBy, ctx.today, '--respond-by', ctx.output);
  if (respondBy !== null && respondBy < date) {
    const year = ctx.today.slice(0, 4);
    throw new UsageError(
      `--respond-by ${opts.respondBy!.trim()} is ${formatDay(respondBy, year)}, before the offer (${formatDay(date, year)}): ` +
        'type the day you must answer by, on or after the day of the offer.',
    );
  }
  const store = ctx.openStore();
  const id = store.resolveRef(ref);
  const before = store.requireApplication(id);
  const answer = outcome === 'accepted' || outcome === 'declined';
  if (answer) refuseAnswerWithoutOffer(ctx, before, outcome, date, Boolean(opts.replace));
  else if (before.outcome !== null && !opts.replace) throw secondOutcome(ctx, before, outcome, opts);
  const replaced = store.setOutcome(id, outcome, date, cleanText(opts.note) ?? null, Boolean(opts.notInterested), {
    replace: Boolean(opts.replace),
    today: ctx.today,
    respondBy,
  });
  const app = store.requireApplication(id);
  const config = store.getConfig();
  const items = pendingItems(store, app, config, ctx.today);
  // Who hears of it: the other active applications begun by then (rule 9 for an offer, 16 for an acceptance).
  const others =
    outcome === 'offer' || outcome === 'accepted'
      ? store
          .listApplications('active')
          .filter((a) => a.id !== id && a.rounds.some((r) => r.date <= date))
          .map((a) => ({ id: a.id, company: a.company, role: a.role }))
      : [];
  if (opts.json) {
    ctx.output.json({
      id,
      company: app.company,
      role: app.role,
      status: outcome,
      previous: statusOf(before),
      date,
      replaced,
      respondBy,
      next: nextJson(items),
      shareOfferWith: outcome === 'offer' ? others : [],
      withdrawFrom: outcome === 'accepted' ? others : [],
    });
    return;
  }
  const year = ctx.today.slice(0, 4);
  const shown = terminalSafeDeep({ company: app.company, role: app.role, others });
  ctx.output.out(
    `Recorded: #${id} ${shown.company}, ${shown.role}: ${outcome} on ${formatDay(date, year)}` +
      (respondBy ? `, to be answered by ${formatDay(respondBy, year)}.` : '.'),
  );
  if (replaced) {
    const when = replaced.date ? ` of ${formatDay(replaced.date, year)}` : '';
    ctx.output.out(
      answer && replaced.outcome === 'offer'
        ? `It answers the offer${when}, which stays in the timeline as history.`
        : `It replaces ${replaced.outcome}${when}, which stays in the timeline as history.`,
    );
  }
  if (outcome === 'accepted') {
    ctx.output.out('Congratulations on the new job.');
    if (shown.others.length > 0) {
      ctx.output.out(
        `Withdraw graciously from the other ${others.length === 1 ? 'application' : `${others.length} applications`} ` +
          `still open: ${shown.others.map((o) => `#${o.id} ${o.company}`).join(', ')} ` +
          '(they are on `followup today`; `followup draft withdraw N` writes the letter).',
      );
    }
  }
  if (outcome === 'offer') {
    ctx.output.out('Congratulations.');
    if (shown.others.length > 0) {
      ctx.output.out(
        `It is worth telling the other ${others.length === 1 ? 'company' : `${others.length} companies`} ` +
          `you are still waiting on: ${shown.others.map((o) => `#${o.id} ${o.company}`).join(', ')} ` +
          '(they are on `followup today`).',
      );
    }
  }
  for (const line of describeNext(items, ctx.today)) ctx.output.out(`Next: ${line}`);
}

/** A word that a shell passes on as it is, else single-quoted. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * accepted and declined answer an offer: without one recorded (or, with --replace, an earlier
 * answer to change), a UsageError saying what is recorded and what to type; also when the answer
 * would be dated before the offer.
 */
function refuseAnswerWithoutOffer(ctx: Context, app: Application, outcome: Outcome, date: string, replace: boolean): void {
  const year = ctx.today.slice(0, 4);
  if (app.outcome === 'offer') {
    if (app.outcomeDate && date < app.outcomeDate) {
      throw new UsageError(
        `#${app.id} ${app.company}'s offer is dated ${formatDay(app.outcomeDate, year)}; it cannot be ${outcome} on ` +
          `${formatDay(date, year)}, before it came. Type a --date on or after ${app.outcomeDate}.`,
      );
    }
    return;
  }
  if (replace && (app.outcome === 'accepted' || app.outcome === 'declined')) return;
  const recorded = `${app.outcome}${app.outcomeDate ? ` on ${formatDay(app.outcomeDate, year)}` : ''}`;
  if (app.outcome === 'accepted' || app.outcome === 'declined') {
    throw new UsageError(
      `#${app.id} ${app.company}, ${app.role} is already recorded as ${recorded}: its offer is answered. ` +
        `To record ${outcome} instead, keeping ${app.outcome} in its history, type:\n  followup outcome ${app.id} ${outcome} --replace`,
    );
  }
  throw new UsageError(
    `#${app.id} ${app.company}, ${app.role} ${app.outcome ? `is recorded as ${recorded}` : 'has no outcome yet'}: ` +
      `${outcome} answers an offer, and no offer is recorded for it. Record the offer first:\n` +
      `  followup outcome ${app.id} offer --date DATE`,
  );
}

/**
 * The refusal of a second outcome: what is recorded now, and the exact command that replaces it
 * (keeping the earlier one as history).
 */
function secondOutcome(ctx: Context, app: Application, outcome: Outcome, opts: OutcomeOptions): UsageError {
  const year = ctx.today.slice(0, 4);
  const now = `${app.outcome}${app.outcomeDate ? ` on ${formatDay(app.outcomeDate, year)}` : ''}`;
  const words = ['followup', 'outcome', String(app.id), outcome];
  if (opts.date !== undefined) words.push('--date', shellWord(opts.date.trim()));
  // The same outcome again (say, to add an offer's deadline): it keeps its own date unless one is typed.
  else if (app.outcome === outcome && app.outcomeDate) words.push('--date', app.outcomeDate);
  if (opts.note !== undefined) words.push('--note', shellWord(opts.note));
  if (opts.notInterested) words.push('--not-interested');
  if (opts.respondBy !== undefined) words.push('--respond-by', shellWord(opts.respondBy.trim()));
  words.push('--replace');
  const same = app.outcome === outcome ? ` (already ${outcome}: only to change its date or note)` : '';
  return new UsageError(
    `#${app.id} ${app.company}, ${app.role} is already recorded as ${now}. ` +
      `To record ${outcome} instead${same}, keeping ${app.outcome} in its history, type:\n  ${words.join(' ')}`,
  );
}
