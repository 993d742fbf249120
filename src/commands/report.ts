/** `followup report --from DATE --to DATE [--format md|csv|html] [--out FILE]`: proof of job search. */
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
    .option('--to <date>', 'the last day')
    .option('--format <format>', 'md (default), csv or html')
    .option('--out <file>', 'write to this file (private, 0600) instead of stdout')
    .addHelpText(
      'after',
      `
Examples:
  followup report --from 2026-11-01 --to 2026-11-30
  followup report --from 2026-11-01 --to 2026-11-30 --format html --out november.html
  followup report --from 2026-11-01 --to 2026-11-30 --format csv > november.csv`,
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
  if (!opts.from || !opts.to) {
    throw new UsageError('A report needs its period: followup report --from 2026-11-01 --to 2026-11-30');
  }
  const format = (opts.format ?? 'md').toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format ${opts.format} is not one the report comes in. Formats: ${FORMATS.join(', ')}.`);
  }
  const from = resolveDate(opts.from, ctx.today, '--from', ctx.output);
  const to = resolveDate(opts.to, ctx.today, '--to', ctx.output);
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}; swap them.`);
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
