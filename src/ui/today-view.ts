/** The morning list as text: readable in 80 columns, colour only through Styles. */
import { formatDay } from '../core/calendar.js';
import { actionPhrase, draftCommand, logCommand } from '../core/actions.js';
import { ROLE_WORDS, type PlanItem, type TodayPlan } from '../core/types.js';
import { noteText, reasonText, waitingText } from '../words/plan.js';
import { wrap, type Styles } from './output.js';
import { jsonMayNeedEscaping, terminalSafeDeep } from './terminal-safe.js';


/** "Dana Reyes (hiring manager), +1 555 0100": whom, and the phone or email to reach them by. */
function contactLine(item: PlanItem): string | null {
  const c = item.contact;
  if (!c) return null;
  const reach =
    item.channel === 'phone' ? c.phone : item.channel === 'email' ? c.email : (c.email ?? c.phone);
  const who = `${c.name} (${ROLE_WORDS[c.role] ?? c.role})`;
  return reach ? `${who}, ${reach}` : who;
}

/**
 * One item, its lines joined. Built by appending to one string rather than joining an array of
 * lines: the pieces are joined once, with the whole list (hundreds of items on a coach's list).
 */
function renderItem(item: PlanItem, n: number, s: Styles, width: number, today: string, year: string): string {
  let text = s.strong(`${n < 10 ? ' ' : ''}${n}. ${actionPhrase(item)}`);
  text += `\n    ${item.company}, ${item.role} ${s.dim(`(#${item.id})`)}`;
  let facts = '';
  const who = contactLine(item);
  if (who) {
    // A booked interview's contact is whom to write to about it, not necessarily an interviewer.
    const word = item.channel ?? (item.action === 'prepare-interview' ? 'contact' : 'to');
    facts = `${word} ${who} · `;
  }
  if (item.attempt !== null) facts += item.action === 'close-loop' ? 'last try · ' : `attempt ${item.attempt} · `;
  const dueText = `due ${formatDay(item.due, year)}`;
  facts += item.overdue ? s.overdue(`overdue, ${dueText}`) : dueText;
  text += `\n${wrap(facts, width, '    ')}\n${wrap(`why: ${reasonText(item.why, today)}`, width, '    ')}`;
  for (let i = 0; i < item.notes.length; i++) text += `\n${s.warn(wrap(`note: ${noteText(item.notes[i])}`, width, '    '))}`;
  text += `\n    ${s.dim('help:')} ${s.command(draftCommand(item))}`;
  const then = logCommand(item);
  if (then) text += `\n    ${s.dim('then:')} ${s.command(then)}`;
  return text;
}

/** The items with the overdue ones first, each group in its order: the list itself when it is so already. */
function overdueFirst(items: readonly PlanItem[]): readonly PlanItem[] {
  for (let i = 1; i < items.length; i++) {
    if (items[i].overdue && !items[i - 1].overdue) return [...items.filter((x) => x.overdue), ...items.filter((x) => !x.overdue)];
  }
  return items;
}


/**
 * The whole list as `followup today` prints it (stored text escaped for the terminal).
 * `plainText`: the caller knows that no text in the plan holds a character to escape
 * (Store.listPlannedText), so it need not be looked for again.
 */
export function renderToday(rawPlan: TodayPlan, s: Styles, width = 80, plainText = false): string {
  const lines: string[] = [];
  writeToday(rawPlan, s, width, plainText, (line) => lines.push(line));
  return lines.join('\n');
}

/**
 * renderToday, handed to `line` as it is made (an item's lines at a time), so that a caller
 * printing a coach's list of hundreds of items need not hold it whole.
 */
export function writeToday(rawPlan: TodayPlan, s: Styles, width: number, plainText: boolean, line: (text: string) => void): void {
  // The plan's JSON holds every string of it (a plan is plain data).
  const plan = plainText || !jsonMayNeedEscaping(JSON.stringify(rawPlan)) ? rawPlan : terminalSafeDeep(rawPlan);
  const year = plan.date.slice(0, 4);
  const title = `${formatDay(plan.date)} ${year}`;
  if (!plan.workday) {
    const next = plan.nextWorkday ? formatDay(plan.nextWorkday, year) : 'the next working day';
    line(s.heading(title));
    line('');
    line(
      wrap(
        `Not a working day: nobody to contact today. ` +
          (plan.linedUp === 0
            ? `Nothing is lined up for ${next} yet.`
            : `${plan.linedUp} ${plan.linedUp === 1 ? 'item is' : 'items are'} lined up for ${next}.`),
        width,
        '',
      ),
    );
  } else if (plan.items.length === 0) {
    line(s.heading(title));
    line('');
    line('Nobody to contact today.');
  } else {
    // Overdue items first, then today's: planToday's order already (rule 13). Indexed loops: a
    // coach's list runs to hundreds of items, printed before V8 optimises anything (for...of
    // allocates an iterator result at every step there).
    const items = overdueFirst(plan.items);
    line(s.heading(`${title}: ${items.length} to do`));
    for (let i = 0; i < items.length; i++) {
      if (i === 0 || items[i].overdue !== items[i - 1].overdue) {
        line('');
        line(items[i].overdue ? s.overdue('Overdue') : s.strong('Today'));
      }
      line(renderItem(items[i], i + 1, s, width, plan.date, year));
    }
  }
  if (plan.waiting.length > 0) {
    line('');
    line(s.strong('Waiting'));
    for (let i = 0; i < plan.waiting.length; i++) {
      const w = plan.waiting[i];
      const text =
        `#${w.id} ${w.company}, ${w.role}: ` +
        `${w.action === 'close-loop' ? 'closing note' : 'next chase'} from ${formatDay(w.next, year)}` +
        (w.why || w.interview ? `; ${waitingText(w.why, plan.date, w.interview)}` : '');
      line(wrap(text, width, '  '));
    }
  }
}
