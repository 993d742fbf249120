/** `followup check`: SQLite's own checks of the store. */
import type { Context } from '../context.js';
import { StoreError } from '../errors.js';
import { restoreAdvice } from '../store/backup.js';
import type { ContextFor, NewCommand } from './command.js';

/** Register `check`. */
export function register(cmd: NewCommand, contextFor: ContextFor): void {
  cmd
    .addHelpText('after', '\nExit 0 and "sound" when all is well; exit 1 with what is damaged and what to do.')
    .action((_opts, c) => runCheck(contextFor(c)));
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
