/** `followup show <ref>`: everything about one application, as a readable timeline. */
import type { ScheduledItem } from '../core/cadence.js';
import { formatDay } from '../core/calendar.js';
import { ROLE_WORDS, statusOf, type Application, type CalendarDate } from '../core/types.js';
import { EVENT_WORDS } from '../core/words.js';
import type { Context } from '../context.js';
import { wrap, type Styles } from '../ui/output.js';
import { terminalSafeDeep } from '../ui/terminal-safe.js';
import { describeNext, pendingItems } from './next-steps.js';
import { nextJson } from '../words/plan.js';

export interface ShowOptions {
  json?: boolean;
}

/** The timeline: rounds, events and the outcome in date order. */
function timeline(app: Application): { date: string; text: string }[] {
  const entries: { date: string; order: number; text: string }[] = [];
  for (const r of app.rounds) {
    const bits = [`Interview round ${r.number}`];
    if (r.kind) bits.push(`(${r.kind}${r.time ? `, ${r.time}` : ''})`);
    else if (r.time) bits.push(`(${r.time})`);
    let text = bits.join(' ');
    if (r.decisionBy) text += `; decision promised by ${formatDay(r.decisionBy)}`;
    if (r.nextSteps) text += `; next steps: ${r.nextSteps}`;
    if (r.notes) text += `; notes: ${r.notes}`;
    entries.push({ date: r.date, order: 0, text });
  }
  for (const e of app.events) {
    // The phrase for reading, and the event's name as `followup log` takes it.
    let text = `${EVENT_WORDS[e.type].activity} (${e.type})`;
    if (e.withName) text += ` with ${e.withName}`;
    if (e.newDate) text += `; new decision date ${formatDay(e.newDate)}`;
    if (e.note) text += `: ${e.note}`;
    entries.push({ date: e.date, order: 1, text });
  }
  if (app.outcome && app.outcomeDate) {
    let text = `Outcome: ${app.outcome}`;
    if (app.notInterested) text += ' (not interested in keeping in touch)';
    if (app.outcomeNote) text += `: ${app.outcomeNote}`;
    entries.push({ date: app.outcomeDate, order: 2, text });
  }
  return entries
    .map((e, i) => ({ ...e, i }))
    .sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.order - b.order || a.i - b.i))
    .map(({ date, text }) => ({ date, text }));
}

/** Print one application. */
export function runShow(ctx: Context, ref: string, opts: ShowOptions): void {
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
      next: nextJson(items),
    });
    return;
  }
  // JSON keeps the exact text; the terminal sees every stored string escaped.
  const view = terminalSafeDeep({ app, items });
  ctx.output.out(renderShow(view.app, view.items, ctx.today, ctx.output.styles, ctx.output.columns));
}

/** One application as text, from terminal-safe data. */
function renderShow(app: Application, items: readonly ScheduledItem[], today: CalendarDate, s: Styles, width: number): string {
  const lines: string[] = [];
  lines.push(s.heading(`#${app.id} ${app.company}, ${app.role}`) + `  ${s.dim(statusOf(app))}`);
  if (app.why) lines.push(wrap(`Why this job: ${app.why}`, width, ''));
  if (app.contacts.length > 0) {
    lines.push('', s.strong('Contacts'));
    for (const c of app.contacts) {
      const reach = [c.phone, c.email].filter(Boolean).join(', ');
      lines.push(`  ${c.name} (${ROLE_WORDS[c.role]})${reach ? `: ${reach}` : ''}${c.noCalls ? ' · asked not to be called' : ''}`);
    }
  }
  if (app.needs.length > 0) {
    lines.push('', s.strong('What they need'));
    for (const n of app.needs) lines.push(wrap(`- ${n}`, width, '  '));
  }
  if (app.expand.length > 0) {
    lines.push('', s.strong('Answers to expand on'));
    for (const n of app.expand) lines.push(wrap(`- ${n}`, width, '  '));
  }
  lines.push('', s.strong('Timeline'));
  for (const t of timeline(app)) lines.push(wrap(`${formatDay(t.date, today.slice(0, 4)).padEnd(11)} ${t.text}`, width, '  '));
  lines.push('', s.strong('Next'));
  const next = describeNext(items, today);
  lines.push(...(next.length > 0 ? next.map((l) => wrap(l, width, '  ')) : ['  Nothing: this application is closed.']));
  return lines.join('\n');
}
