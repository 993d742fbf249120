/** `followup backup`: a consistent copy of the store. */
import type { Context } from '../context.js';
import type { ContextFor, NewCommand, OptionsOf } from './command.js';

/** The flags and help of `backup`. */
function flags(cmd: NewCommand) {
  return cmd
    .option('--to <file>', 'write the copy here instead')
    .addHelpText('after', '\nExamples:\n  followup backup\n  followup backup --to ~/followup-2026-12-01.db');
}

export type BackupOptions = OptionsOf<typeof flags>;

/** Register `backup`. */
export function register(cmd: NewCommand, contextFor: ContextFor): void {
  flags(cmd).action((opts, c) => runBackup(contextFor(c), opts));
}

/** Write a consistent copy of the store and print where it went. */
export function runBackup(ctx: Context, opts: BackupOptions): void {
  const file = ctx.openStore({ mustExist: true }).backup(opts.to);
  ctx.output.out(file);
  ctx.output.err(`Backed up ${ctx.storePath} to ${file} (readable only by you).`);
}
