/** `followup undo`, `followup backup` and `followup check`: keeping the record safe. */
import type { Context } from '../context.js';
import { StoreError, UsageError } from '../errors.js';
import { restoreAdvice } from '../store/backup.js';
import { terminalSafe } from '../ui/terminal-safe.js';

/** Reverse the newest change, after saying exactly what it was and (on a terminal) asking. */
export async function runUndo(ctx: Context, opts: { yes?: boolean; json?: boolean }): Promise<void> {
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
    const ok = await (await createAsker()).confirm(`Reverse this change? ${what}`, false);
    if (!ok) {
      ctx.output.err('Nothing was undone.');
      return;
    }
  }
  const undone = store.undo(entry.id);
  if (opts.json) ctx.output.json({ undone });
  else ctx.output.out(`Undone: ${what}`);
}

/** Write a consistent copy of the store and print where it went. */
export function runBackup(ctx: Context, opts: { to?: string }): void {
  const file = ctx.openStore({ mustExist: true }).backup(opts.to);
  ctx.output.out(file);
  ctx.output.err(`Backed up ${ctx.storePath} to ${file} (readable only by you).`);
}

/** Run SQLite's checks: "sound" and exit 0, or what is damaged and what to do, exit 1. */
export function runCheck(ctx: Context): void {
  let problems: string[];
  try {
    problems = ctx.openStore({ mustExist: true }).check();
  } catch (err) {
    if (err instanceof StoreError && (err.kind === 'damaged' || err.kind === 'not-a-database')) {
      const what = err.kind === 'damaged' ? 'is damaged' : 'is not a SQLite database at all';
      throw new StoreError(
        `${ctx.storePath} ${what}. Nothing was changed.\n${restoreAdvice(ctx.storePath)}`,
        err.kind,
        { cause: err },
      );
    }
    throw err;
  }
  if (problems.length === 0) {
    ctx.output.out(`${ctx.storePath}: sound`);
    return;
  }
  const shown = problems.slice(0, 10).map((p) => `  ${p}`).join('\n');
  throw new StoreError(
    `${ctx.storePath} is damaged:\n${shown}${problems.length > 10 ? `\n  ... and ${problems.length - 10} more` : ''}\n` +
      `Nothing was changed. ${restoreAdvice(ctx.storePath)}`,
    'damaged',
  );
}
