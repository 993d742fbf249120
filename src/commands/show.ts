/** `followup show <ref>`: everything about one application, as a readable timeline. */
import type { Context } from '../context.js';
import type { ContextFor, NewCommand, OptionsOf } from './command.js';
import { printApplication } from './print-application.js';

/** The argument, flags and help of `show`. */
function flags(cmd: NewCommand) {
  return cmd
    .argument('<ref>', 'application number or company name prefix')
    .option('--json', 'print one object')
    .addHelpText('after', '\nExamples:\n  followup show 3\n  followup show acme --json');
}

export type ShowOptions = OptionsOf<typeof flags>;

/** Register `show`. */
export function register(cmd: NewCommand, contextFor: ContextFor): void {
  flags(cmd).action((ref, opts, c) => runShow(contextFor(c), ref, opts));
}

/** Print one application. */
export function runShow(ctx: Context, ref: string, opts: ShowOptions): void {
  printApplication(ctx, ref, opts);
}
