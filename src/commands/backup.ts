/** `followup backup`: a consistent copy of the store. */
import { Option } from '@commander-js/extra-typings';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import type { ContextFor, NewCommand, OptionsOf } from './command.js';

/** The flags and help of `backup`. */
function flags(cmd: NewCommand) {
  return cmd
    .option('--out <file>', 'write the copy here instead')
    .addOption(new Option('--to <file>', 'the same as --out (the older name)').hideHelp())
    .addHelpText('after', '\nExamples:\n  followup backup\n  followup backup --out ~/followup-2026-12-01.db');
}

export type BackupOptions = OptionsOf<typeof flags>;

/** Register `backup`. */
export function register(cmd: NewCommand, contextFor: ContextFor): void {
  flags(cmd).action((opts, c) => runBackup(contextFor(c), opts));
}

/** Write a consistent copy of the store and print where it went. */
export function runBackup(ctx: Context, opts: BackupOptions): void {
  if (opts.out !== undefined && opts.to !== undefined && opts.out !== opts.to) {
    throw new UsageError(`--out ${opts.out} and --to ${opts.to} name two places; give one of them.`);
  }
  const target = opts.out ?? opts.to;
  const file = ctx.openStore({ mustExist: true }).backup(target, opts.out !== undefined ? '--out' : '--to');
  ctx.output.out(file);
  ctx.output.err(`Backed up ${ctx.storePath} to ${file} (readable only by you).`);
}
