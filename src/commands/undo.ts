/** `followup undo`: reverse the newest change, after saying exactly what it was. */
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { terminalSafe } from '../ui/terminal-safe.js';
import type { ContextFor, NewCommand, OptionsOf } from './command.js';

/** The flags and help of `undo`. */
function flags(cmd: NewCommand) {
  return cmd
    .option('-y, --yes', 'do not ask (needed without a terminal)')
    .option('--json', 'print what was undone as JSON')
    .addHelpText('after', '\nExamples:\n  followup undo\n  followup undo --yes');
}

export type UndoOptions = OptionsOf<typeof flags>;

/** Register `undo`. */
export function register(cmd: NewCommand, contextFor: ContextFor): void {
  flags(cmd).action((opts, c) => runUndo(contextFor(c), opts));
}

/** Reverse the newest change, after saying exactly what it was and (on a terminal) asking. */
export async function runUndo(ctx: Context, opts: UndoOptions): Promise<void> {
  const store = ctx.openStore();
  const entry = store.lastChange();
  if (!entry) {
    if (opts.json) ctx.output.json({ undone: null });
    else ctx.output.out('Nothing to undo.');
    return;
  }
  const what = `${terminalSafe(entry.summary)} (made ${entry.at.slice(0, 16).replace('T', ' ')} UTC)`;
  if (!opts.yes) {
    if (!ctx.interactive) {
      throw new UsageError(`This would reverse: ${what}\nTo confirm without a terminal, run: followup undo --yes`);
    }
    const { createAsker } = await import('../ui/prompts.js');
    const ok = await (await createAsker({ input: ctx.io.in, output: ctx.io.err.stream })).confirm(`Reverse this change? ${what}`, false);
    if (!ok) {
      ctx.output.err('Nothing was undone.');
      return;
    }
  }
  const undone = store.undo(entry.id);
  if (opts.json) ctx.output.json({ undone });
  else ctx.output.out(`Undone: ${what}`);
}
