/** One application as `show` (and `edit` after a change) prints it: facts, timeline, what comes next. */
import { formatDay } from '../core/calendar.js';
import { ROLE_WORDS, statusOf, type Application, type CalendarDate } from '../core/types.js';
import { EVENT_WORDS } from '../core/words.js';
import { wrap, type Styles } from './output.js';

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

/** One application as text, from terminal-safe data; `next` says what comes next, a sentence each. */
export function renderApplication(
  app: Application,
  next: readonly string[],
  today: CalendarDate,
  s: Styles,
  width: number,
): string {
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
  lines.push(...(next.length > 0 ? next.map((l) => wrap(l, width, '  ')) : ['  Nothing: this application is closed.']));
  return lines.join('\n');
}
