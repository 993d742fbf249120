/** `followup report --from DATE --to DATE [--format md|csv|html] [--out FILE]`: proof of job search. */
import { Option } from '@commander-js/extra-typings';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { buildReport, renderReportCsv, renderReportHtml, renderReportMarkdown } from '../export/report.js';
import { resolveDate } from './interview-flags.js';
import { writePrivate } from './write-file.js';

import type { ContextFor, NewCommand, OptionsOf } from './command.js';

/** The flags and help of `report`. */
function flags(cmd: NewCommand) {
  return cmd
    .option('--from <date>', 'the first day')
    .option('--until <date>', 'the last day (default: today)')
    .addOption(new Option('--to <date>', 'the same as --until (the older name)').hideHelp())
    .option('--format <format>', 'md (default), csv or html')
    .option('--out <file>', 'write to this file (private, 0600) instead of stdout')
    .addHelpText(
      'after',
      `
Examples:
  followup report --from 2026-11-01 --until 2026-11-30
  followup report --from 2026-11-01                      (until today)
  followup report --from 2026-11-01 --until 2026-11-30 --format html \\
    --out november.html
  followup report --from 2026-11-01 --format csv > november.csv`,
    );
}

export type ReportOptions = OptionsOf<typeof flags>;

/** Register `report`. */
export function register(cmd: NewCommand, contextFor: ContextFor): void {
  flags(cmd).action((opts, c) => runReport(contextFor(c), opts));
}

const FORMATS = ['md', 'csv', 'html'] as const;

/** Gather the period's activity and print or write it. */
export function runReport(ctx: Context, opts: ReportOptions): void {
  if (opts.until !== undefined && opts.to !== undefined && opts.until !== opts.to) {
    throw new UsageError(`--until ${opts.until} and --to ${opts.to} name the same day differently; give one of them.`);
  }
  const until = opts.until ?? opts.to;
  if (!opts.from) {
    throw new UsageError('A report needs the first day of its period: followup report --from 2026-11-01 (until today), or add --until 2026-11-30.');
  }
  const format = (opts.format ?? 'md').toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format ${opts.format} is not one the report comes in. Formats: ${FORMATS.join(', ')}.`);
  }
  const from = resolveDate(opts.from, ctx.today, '--from', ctx.output);
  const untilFlag = opts.until !== undefined ? '--until' : '--to';
  const to = until === undefined ? ctx.today : resolveDate(until, ctx.today, untilFlag, ctx.output);
  if (from > to) {
    throw new UsageError(
      until === undefined
        ? `--from ${from} is after today (${to}); give the period's last day with --until.`
        : `--from ${from} is after ${untilFlag} ${to}; swap them.`,
    );
  }
  const store = ctx.openStore();
  const report = buildReport(store.listApplications('all'), from, to, store.getConfig().name);
  const text =
    format === 'csv' ? renderReportCsv(report) : format === 'html' ? renderReportHtml(report, ctx.today) : renderReportMarkdown(report);
  if (opts.out) {
    writePrivate(opts.out, text, ctx.storePath);
    ctx.output.err(`Wrote ${opts.out}: ${report.rows.length} entries from ${from} to ${to}.`);
  } else {
    ctx.output.write(text);
  }
}
