/** "What comes next" for one application, as `add`, `log`, `outcome` and `show` say it. */
import { scheduleApplication, type ScheduledItem } from '../core/cadence.js';
import { formatDay } from '../core/calendar.js';
import type { Config } from '../core/config.js';
import type { Application, CalendarDate } from '../core/types.js';
import type { Store } from '../store/store.js';
import { terminalSafeDeep } from '../ui/terminal-safe.js';
import { actionPhrase, draftCommand } from '../core/actions.js';

/** The pending items of one application, soonest first, from what was known on `today`. */
export function pendingItems(store: Store, app: Application, config: Config, today: CalendarDate): ScheduledItem[] {
  return scheduleApplication(app, { settings: config, offers: store.listLatestOffers(today), today }).sort((a, b) =>
    a.earliest === b.earliest ? 0 : a.earliest < b.earliest ? -1 : 1,
  );
}

/** One sentence per pending item for the terminal (stored text escaped): what, from when, by when, and the command. */
export function describeNext(items: readonly ScheduledItem[], today: CalendarDate): string[] {
  const year = today.slice(0, 4);
  return terminalSafeDeep(items).map((item) => {
    const what = actionPhrase(item);
    const when =
      item.earliest > today
        ? `From ${formatDay(item.earliest, year)}`
        : item.due < today
          ? `Now (it was due ${formatDay(item.due, year)})`
          : item.due === today
            ? 'Today'
            : `By ${formatDay(item.due, year)}`;
    return `${when}: ${what.charAt(0).toLowerCase()}${what.slice(1)} (${draftCommand(item)})`;
  });
}
