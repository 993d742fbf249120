/** The morning list as text: readable in 80 columns, colour only through Styles. */
import { formatDay } from '../core/calendar.js';
import { ROLE_WORDS, type Action, type PlanItem, type TodayPlan } from '../core/types.js';
import { wrap, type Styles } from './output.js';
import { terminalSafeDeep } from './terminal-safe.js';


/** What the item asks the user to do, as a short imperative. */
export function actionPhrase(item: Pick<PlanItem, 'action' | 'channel' | 'contact'>): string {
  const who = item.contact ? item.contact.name : 'the company';
  switch (item.action) {
    case 'send-thanks':
      return `Send a thank-you to ${who}`;
    case 'check-status':
      return item.channel === 'email' ? `Email ${who} about the decision` : `Call ${who} about the decision`;
    case 'close-loop':
      return `Send ${who} a gracious closing note`;
    case 'ask-feedback':
      return `Ask ${who} for feedback`;
    case 'thank-for-feedback':
      return `Thank ${who} for the feedback`;
    case 'share-offer':
      return `Tell ${who} about your other offer`;
    case 'keep-in-touch':
      return `Keep in touch with ${who}`;
  }
}

/** The `followup log` events that record having done each action (check-status by channel). */
const DONE_EVENTS: Record<Exclude<Action, 'check-status'>, string> = {
  'send-thanks': 'thanks-sent',
  'close-loop': 'loop-closed',
  'ask-feedback': 'feedback-asked',
  'thank-for-feedback': 'thanks-sent',
  'share-offer': 'offer-shared',
  'keep-in-touch': 'kept-in-touch',
};

/** The `followup log` events that record having done an item. */
export function logHint(item: Pick<PlanItem, 'action' | 'channel' | 'id'>): string {
  const event =
    item.action === 'check-status'
      ? item.channel === 'email'
        ? 'emailed'
        : 'no-answer|voicemail|spoke'
      : DONE_EVENTS[item.action];
  return `followup log ${item.id} ${event}`;
}

function contactLine(item: PlanItem): string | null {
  const c = item.contact;
  if (!c) return null;
  const reach =
    item.channel === 'phone' ? c.phone : item.channel === 'email' ? c.email : (c.email ?? c.phone);
  const parts = [`${c.name} (${ROLE_WORDS[c.role] ?? c.role})`];
  if (reach) parts.push(reach);
  return parts.join(', ');
}

function renderItem(item: PlanItem, n: number, s: Styles, width: number, year: string): string {
  const lines: string[] = [];
  const head = `${String(n).padStart(2)}. ${actionPhrase(item)}`;
  lines.push(s.strong(head));
  lines.push(`    ${item.company}, ${item.role} ${s.dim(`(#${item.id})`)}`);
  const facts: string[] = [];
  const who = contactLine(item);
  if (who) facts.push(`${item.channel === 'email' ? 'email' : item.channel === 'phone' ? 'phone' : 'to'} ${who}`);
  if (item.attempt !== null) facts.push(item.action === 'close-loop' ? 'last try' : `attempt ${item.attempt}`);
  const dueText = `due ${formatDay(item.due, year)}`;
  facts.push(item.overdue ? s.overdue(`overdue, ${dueText}`) : dueText);
  lines.push(wrap(facts.join(' · '), width, '    '));
  lines.push(wrap(`why: ${item.reason}`, width, '    '));
  for (const hint of item.hints) lines.push(s.warn(wrap(`note: ${hint}`, width, '    ')));
  lines.push(`    ${s.dim('help:')} ${s.command(item.command)}`);
  lines.push(`    ${s.dim('then:')} ${s.command(logHint(item))}`);
  return lines.join('\n');
}

/** The whole list as `followup today` prints it (stored text escaped for the terminal). */
export function renderToday(rawPlan: TodayPlan, s: Styles, width = 80): string {
  const plan = terminalSafeDeep(rawPlan);
  const year = plan.date.slice(0, 4);
  const out: string[] = [];
  const title = `${formatDay(plan.date)} ${year}`;
  if (!plan.workday) {
    const next = plan.nextWorkday ? formatDay(plan.nextWorkday, year) : 'the next working day';
    out.push(s.heading(title));
    out.push('');
    out.push(
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
    out.push(s.heading(title));
    out.push('');
    out.push('Nobody to contact today.');
  } else {
    const overdue = plan.items.filter((i) => i.overdue);
    const current = plan.items.filter((i) => !i.overdue);
    out.push(s.heading(`${title}: ${plan.items.length} to do`));
    let n = 0;
    if (overdue.length > 0) {
      out.push('', s.overdue('Overdue'));
      for (const item of overdue) out.push(renderItem(item, ++n, s, width, year));
    }
    if (current.length > 0) {
      out.push('', s.strong('Today'));
      for (const item of current) out.push(renderItem(item, ++n, s, width, year));
    }
  }
  if (plan.waiting.length > 0) {
    out.push('', s.strong('Waiting'));
    for (const w of plan.waiting) {
      const line =
        `#${w.id} ${w.company}, ${w.role}: ` +
        `${w.action === 'close-loop' ? 'closing note' : 'next chase'} from ${formatDay(w.next, year)}` +
        (w.reason ? `; ${w.reason}` : '');
      out.push(wrap(line, width, '  ').replace(/^ {2}/, '  '));
    }
  }
  return out.join('\n');
}
