/** `followup delete <ref>`: remove an application with everything recorded about it, as one undoable change. */
import { statusOf, type Application } from '../core/types.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import type { DeletedCounts } from '../store/store.js';
import { terminalSafe } from '../ui/terminal-safe.js';
import type { ContextFor, NewCommand, OptionsOf } from './command.js';

/** The argument, flags and help of `delete`. */
function flags(cmd: NewCommand) {
  return cmd
    .argument('<ref>', 'application number or company name prefix')
    .option('-y, --yes', 'do not ask (needed without a terminal)')
    .option('--json', 'print what was deleted as JSON')
    .addHelpText(
      'after',
      `
  On a terminal it asks first; elsewhere it needs --yes. \`followup undo\` brings
  it all back.

  Examples:
    followup delete 3
    followup delete acme --yes
    followup delete 3 --yes --json`,
    );
}

export type DeleteOptions = OptionsOf<typeof flags>;

/** Register `delete`. */
export function register(cmd: NewCommand, contextFor: ContextFor): void {
  flags(cmd).action((ref, opts, c) => runDelete(contextFor(c), ref, opts));
}

/** "2 rounds, 1 contact, 3 events", or "nothing else recorded". */
function describeRecords(c: DeletedCounts): string {
  const parts = (
    [
      [c.rounds, 'interview round', 'interview rounds'],
      [c.contacts, 'contact', 'contacts'],
      [c.needs, 'need', 'needs'],
      [c.expand, 'answer to expand on', 'answers to expand on'],
      [c.events, 'logged event', 'logged events'],
      [c.pastOutcomes, 'earlier outcome', 'earlier outcomes'],
    ] as const
  )
    .filter(([n]) => n > 0)
    .map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing else recorded';
}

/** What the application holds, counted as the store deletes it. */
function countsOf(app: Application): DeletedCounts {
  return {
    rounds: app.rounds.length,
    contacts: app.contacts.length,
    needs: app.needs.length,
    expand: app.expand.length,
    events: app.events.length,
    pastOutcomes: (app.pastOutcomes ?? []).length,
  };
}

/** Delete after saying exactly what goes and (on a terminal) asking; without one, only with --yes. */
export async function runDelete(ctx: Context, ref: string, opts: DeleteOptions): Promise<void> {
  const store = ctx.openStore();
  const id = store.resolveRef(ref);
  const app = store.requireApplication(id);
  const what = terminalSafe(`#${app.id} ${app.company}, ${app.role} (${statusOf(app)}) with ${describeRecords(countsOf(app))}`);
  if (!opts.yes) {
    if (!ctx.interactive) {
      throw new UsageError(`This would delete ${what}.\nTo confirm without a terminal, run: followup delete ${id} --yes`);
    }
    const { createAsker } = await import('../ui/prompts.js');
    const asker = await createAsker({ input: ctx.io.in, output: ctx.io.err.stream });
    if (!(await asker.confirm(`Delete ${what}? (followup undo brings it back)`, false))) {
      ctx.output.err('Nothing was deleted.');
      return;
    }
  }
  const counts = store.deleteApplication(id);
  if (opts.json) {
    // The application as `show --json` printed it (without what came next: nothing now).
    const deleted = {
      id: app.id, uuid: app.uuid, company: app.company, role: app.role, status: statusOf(app), why: app.why,
      rounds: app.rounds, contacts: app.contacts, needs: app.needs, expand: app.expand, events: app.events,
      outcome: app.outcome, outcomeDate: app.outcomeDate, outcomeNote: app.outcomeNote,
      notInterested: app.notInterested, pastOutcomes: app.pastOutcomes ?? [], respondBy: app.respondBy ?? null,
    };
    ctx.output.json({ deleted, counts });
    return;
  }
  ctx.output.out(
    terminalSafe(`Deleted #${app.id} ${app.company}, ${app.role} with ${describeRecords(counts)}.`) +
      '\nTo bring it back: followup undo',
  );
}
