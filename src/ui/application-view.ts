/** One application as `show` (and `edit` after a change) prints it: facts, timeline, what comes next. */
import { formatDay } from '../core/calendar.js';
import { ROLE_WORDS, statusOf, type Application, type CalendarDate } from '../core/types.js';
import { EVENT_WORDS } from '../core/words.js';
import { wrap, type Styles } from './output.js';

/** The timeline: rounds, events and the outcome in date order. */
function timeline(app: Application, today: CalendarDate): { date: string; text: string; ref?: string }[] {
  const entries: { date: string; order: number; text: string; ref?: string }[] = [];
  for (const r of app.rounds) {
    // A round still ahead was booked (cadence rule 14).
    const bits = [`${r.date > today ? 'Booked: interview' : 'Interview'} round ${r.number}`];
    if (r.kind) bits.push(`(${r.kind}${r.time ? `, ${r.time}` : ''})`);
    else if (r.time) bits.push(`(${r.time})`);
    let text = bits.join(' ');
    // Each round's own interviewers (contacts recorded without a round are listed under Contacts only).
    const people = app.contacts.filter((c) => c.role === 'interviewer' && c.round === r.number).map((c) => c.name);
    if (people.length > 0) text += ` with ${people.join(', ')}`;
    if (r.decisionBy) text += `; decision promised by ${formatDay(r.decisionBy)}`;
    if (r.nextSteps) text += `; next steps: ${r.nextSteps}`;
    if (r.notes) text += `; notes: ${r.notes}`;
    entries.push({ date: r.date, order: 0, text });
  }
  for (const e of app.events) {
    // The phrase for reading, and the event's name as `followup log` takes it.
    let text = `${EVENT_WORDS[e.type].activity} (${e.type})`;
    // Whom it was with as recorded then, never today's contact.
    if (e.withName) text += ` with ${e.withName}${e.withRole ? ` (${ROLE_WORDS[e.withRole]})` : ''}`;
    if (e.newDate) text += `; new decision date ${formatDay(e.newDate)}`;
    if (e.note) text += `: ${e.note}`;
    if (e.takeaway) text += `; my takeaway: ${e.takeaway}`;
    entries.push({ date: e.date, order: 1, text, ref: `#${e.id}` });
  }
  // Outcomes replaced later (`outcome --replace`) stay in the timeline, saying what replaced them.
  const past = app.pastOutcomes ?? [];
  past.forEach((p, i) => {
    if (!p.date) return;
    const by = past[i + 1]?.outcome ?? app.outcome;
    const deadline = p.respondBy ? `, to be answered by ${formatDay(p.respondBy)}` : '';
    // An offer answered (accepted or declined) stays in the history; say so rather than "replaced".
    let text =
      p.outcome === 'offer' && (by === 'accepted' || by === 'declined')
        ? `Outcome: offer${deadline} (${by} on ${formatDay(p.replacedOn)})`
        : `Outcome: ${p.outcome}${deadline} (replaced on ${formatDay(p.replacedOn)}${by ? ` by ${by}` : ''})`;
    if (p.notInterested) text += ' (not interested in keeping in touch)';
    if (p.note) text += `: ${p.note}`;
    entries.push({ date: p.date, order: 2, text });
  });
  if (app.outcome && app.outcomeDate) {
    let text = `Outcome: ${app.outcome}`;
    if (app.respondBy) text += `, to be answered by ${formatDay(app.respondBy)}`;
    if (app.notInterested) text += ' (not interested in keeping in touch)';
    if (app.outcomeNote) text += `: ${app.outcomeNote}`;
    entries.push({ date: app.outcomeDate, order: 2, text });
  }
  return entries
    .map((e, i) => ({ ...e, i }))
    .sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.order - b.order || a.i - b.i))
    .map(({ date, text, ref }) => ({ date, text, ref }));
}

/** `text` wrapped to `width` after `prefix`, further lines under the text (below the prefix when that is too narrow). */
function hanging(prefix: string, text: string, width: number): string {
  if (width - prefix.length < 30) return `${prefix.trimEnd()}\n${wrap(text, width, '    ')}`;
  return prefix + wrap(text, width, ' '.repeat(prefix.length)).slice(prefix.length);
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
      const round = c.role === 'interviewer' && c.round != null ? `, round ${c.round}` : '';
      lines.push(
        `  ${c.name} (${ROLE_WORDS[c.role]}${round})${reach ? `: ${reach}` : ''}` +
          `${c.noCalls ? ' · asked not to be called' : ''}${c.okToCall ? ' · ok to call directly' : ''}`,
      );
    }
  }
  if (app.needs.length > 0) {
    lines.push('', s.strong('What they need'));
    // Numbered as `edit --remove-need N` takes them.
    app.needs.forEach((n, i) => lines.push(hanging(`  ${i + 1}. `, n, width)));
  }
  if (app.expand.length > 0) {
    lines.push('', s.strong('Answers to expand on'));
    for (const n of app.expand) lines.push(wrap(`- ${n}`, width, '  '));
  }
  lines.push('', s.strong('Timeline'));
  // Each logged event under the number `edit --event` and `--remove-event` take; dates in a column.
  const entries = timeline(app, today).map((t) => ({ ...t, day: formatDay(t.date, today.slice(0, 4)) }));
  const refWidth = Math.max(0, ...entries.map((t) => (t.ref ?? '').length));
  const dayWidth = Math.max(0, ...entries.map((t) => t.day.length));
  for (const t of entries) {
    const ref = refWidth > 0 ? `${(t.ref ?? '').padEnd(refWidth)}  ` : '';
    lines.push(hanging(`  ${ref}${t.day.padEnd(dayWidth)}  `, t.text, width));
  }
  lines.push('', s.strong('Next'));
  lines.push(...(next.length > 0 ? next.map((l) => wrap(l, width, '  ')) : ['  Nothing: this application is closed.']));
  return lines.join('\n');
}
