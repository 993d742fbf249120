/** Print one application, as `show` does and `edit` does after a change (one home for both). */
import { statusOf } from '../core/types.js';
import type { Context } from '../context.js';
import { renderApplication } from '../ui/application-view.js';
import { terminalSafeDeep } from '../ui/terminal-safe.js';
import { nextJson } from '../words/plan.js';
import { describeNext, pendingItems } from './next-steps.js';

/** Read one application and what comes next, and print it as text or as one JSON object. */
export function printApplication(ctx: Context, ref: string, opts: { json?: boolean }): void {
  const store = ctx.openStore();
  const id = store.resolveRef(ref);
  const app = store.requireApplication(id);
  const config = store.getConfig();
  const items = pendingItems(store, app, config, ctx.today);
  if (opts.json) {
    ctx.output.json({
      id: app.id,
      uuid: app.uuid,
      company: app.company,
      role: app.role,
      status: statusOf(app),
      why: app.why,
      rounds: app.rounds,
      contacts: app.contacts,
      needs: app.needs,
      expand: app.expand,
      events: app.events,
      outcome: app.outcome,
      outcomeDate: app.outcomeDate,
      outcomeNote: app.outcomeNote,
      notInterested: app.notInterested,
      pastOutcomes: app.pastOutcomes ?? [],
      respondBy: app.respondBy ?? null,
      next: nextJson(items),
    });
    return;
  }
  // JSON keeps the exact text; the terminal sees every stored string escaped.
  const view = terminalSafeDeep({ app, items });
  const next = describeNext(view.items, ctx.today);
  ctx.output.out(renderApplication(view.app, next, ctx.today, ctx.output.styles, ctx.output.columns));
}
