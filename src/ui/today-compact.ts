/**
 * `followup today --compact`: one line per item, as `git status -s` is to `git status`:
 *
 *    1 call   Dana Reyes      Acme #1: chase, attempt 1, due Tue 8 Dec
 *   !2 email  Lee Chen        Globex #2: thank-you, overdue since Mon 7 Dec
 *
 * number (with ! when overdue), how, who, where, why in a few words and when. Lines are cut to
 * the terminal's width (whole when piped). Nothing else is printed: no heading, no waiting list, and an empty day
 * prints nothing (so `followup today --compact | wc -l` counts what is to do).
 */
import { formatDay } from '../core/calendar.js';
import type { PlanItem, TodayPlan } from '../core/types.js';
import { visibleWidth, type Styles } from './output.js';
import { terminalSafeDeep } from './terminal-safe.js';

/** A plain text cut to `width` columns, ending in an ellipsis when cut. */
function truncateToWidth(text: string, width: number): string {
  let out = '';
  for (const ch of text) {
    if (visibleWidth(out + ch) > width - 1) return `${out}…`;
    out += ch;
  }
  return out;
}

/** How: the channel, or the verb of an item without one. */
function how(item: PlanItem): string {
  if (item.channel === 'phone') return 'call';
  if (item.channel === 'email') return 'email';
  if (item.action === 'prepare-interview') return 'prep';
  if (item.action === 'decide-offer') return 'decide';
  return 'write';
}

/** Why, in a few words. */
function why(item: PlanItem): string {
  switch (item.action) {
    case 'send-thanks':
      return 'thank-you';
    case 'check-status':
      return item.attempt !== null ? `chase, attempt ${item.attempt}` : 'chase';
    case 'close-loop':
      return 'closing note';
    case 'ask-feedback':
      return 'ask for feedback';
    case 'thank-for-feedback':
      return 'thanks for feedback';
    case 'share-offer':
      return 'tell of your offer';
    case 'keep-in-touch':
      return 'keep in touch';
    case 'prepare-interview':
      return 'prepare the interview';
    case 'decide-offer':
      return 'answer the offer';
    case 'withdraw':
      return 'withdraw';
  }
}

/** The compact list: one line per item, cut to `width` (a terminal's); empty when there is nothing to do. */
export function renderCompact(rawPlan: TodayPlan, s: Styles, width = Infinity): string {
  const plan = terminalSafeDeep(rawPlan);
  const year = plan.date.slice(0, 4);
  const items = plan.workday ? plan.items : [];
  const whoWidth = Math.min(20, Math.max(0, ...items.map((i) => visibleWidth(i.contact?.name ?? 'the company'))));
  const numberWidth = String(items.length).length;
  return items
    .map((item, n) => {
      const number = `${item.overdue ? '!' : ' '}${String(n + 1).padStart(numberWidth)}`;
      const who = item.contact?.name ?? 'the company';
      const whoCell = visibleWidth(who) > whoWidth ? truncateToWidth(who, whoWidth) : who + ' '.repeat(whoWidth - visibleWidth(who));
      const when = item.overdue ? `overdue since ${formatDay(item.due, year)}` : `due ${formatDay(item.due, year)}`;
      const line = `${number} ${how(item).padEnd(6)} ${whoCell}  ${item.company} #${item.id}: ${why(item)}, ${when}`;
      const cut = visibleWidth(line) > width ? truncateToWidth(line, width) : line;
      return item.overdue ? s.overdue(cut) : cut;
    })
    .join('\n');
}
