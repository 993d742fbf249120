/** Plain-data factories for the cadence tests: applications, rounds, contacts, events, settings. */
import { draftCommand } from '../../src/core/actions.js';
import { chaseWarnings, planToday } from '../../src/core/cadence.js';
import { noteText, reasonText, waitingText, warningText } from '../../src/words/plan.js';
import {
  DEFAULT_SETTINGS,
  type Action,
  type Application,
  type CalendarDate,
  type Contact,
  type ContactRole,
  type EventType,
  type FollowupEvent,
  type Outcome,
  type PlanItem,
  type Round,
  type Settings,
  type TodayPlan,
  type WaitingEntry,
} from '../../src/core/types.js';

let nextId = 1000;
const freshId = (): number => nextId++;

export function settings(over: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, holidays: [], ...over };
}

export function round(date: CalendarDate, over: Partial<Round> = {}): Round {
  return {
    id: freshId(),
    number: 1,
    date,
    time: null,
    kind: null,
    decisionBy: null,
    nextSteps: null,
    notes: null,
    ...over,
  };
}

export function ev(type: EventType, date: CalendarDate, over: Partial<FollowupEvent> = {}): FollowupEvent {
  return { id: freshId(), type, date, withName: null, note: null, newDate: null, ...over };
}

export function contact(role: ContactRole, name: string, over: Partial<Contact> = {}): Contact {
  return { id: freshId(), name, role, phone: null, email: null, noCalls: false, ...over };
}

/** Dana, the hiring manager of the worked examples, with a phone. */
export function dana(over: Partial<Contact> = {}): Contact {
  return contact('hiring-manager', 'Dana Reyes', { phone: '+1 555 0100', ...over });
}

export interface AppSpec {
  id?: number;
  company?: string;
  role?: string;
  /** Round dates (numbered 1, 2, ... in this order) or full rounds. */
  rounds?: (CalendarDate | Round)[];
  decisionBy?: CalendarDate | null;
  contacts?: Contact[];
  events?: FollowupEvent[];
  outcome?: Outcome | null;
  outcomeDate?: CalendarDate | null;
  notInterested?: boolean;
}

/**
 * An application. `decisionBy` goes on the latest round listed. Defaults: one round on
 * Mon 30 Nov 2026, Dana the hiring manager with a phone, no events, no outcome.
 */
export function app(spec: AppSpec = {}): Application {
  const id = spec.id ?? 1;
  const roundsIn = spec.rounds ?? ['2026-11-30'];
  const rounds = roundsIn.map((r, i) => (typeof r === 'string' ? round(r, { number: i + 1 }) : r));
  if (spec.decisionBy !== undefined && rounds.length > 0) {
    rounds[rounds.length - 1] = { ...rounds[rounds.length - 1], decisionBy: spec.decisionBy };
  }
  return {
    id,
    uuid: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    company: spec.company ?? `Company ${id}`,
    role: spec.role ?? 'Engineer',
    why: null,
    rounds,
    contacts: spec.contacts ?? [dana()],
    needs: [],
    expand: [],
    events: spec.events ?? [],
    outcome: spec.outcome ?? null,
    outcomeDate: spec.outcomeDate ?? null,
    outcomeNote: null,
    notInterested: spec.notInterested ?? false,
  };
}

/** An item with its reason, hints and command in words, as `today --json` shows them. */
export type WordedItem = PlanItem & { reason: string; hints: string[]; command: string };
/** A plan whose items and waiting entries carry their words. */
export type WordedPlan = Omit<TodayPlan, 'items' | 'waiting'> & {
  items: WordedItem[];
  waiting: (WaitingEntry & { reason: string })[];
};

/** The plan's facts with the words src/words makes of them (the tests read both). */
export function worded(p: TodayPlan): WordedPlan {
  return {
    ...p,
    items: p.items.map((i) => ({ ...i, reason: reasonText(i.why, p.date), hints: i.notes.map(noteText), command: draftCommand(i) })),
    waiting: p.waiting.map((w) => ({ ...w, reason: waitingText(w.why, p.date, w.interview) })),
  };
}

export function plan(apps: Application | Application[], today: CalendarDate, s: Settings = settings()): WordedPlan {
  return worded(planToday(Array.isArray(apps) ? apps : [apps], s, today));
}

/** `log`'s warning for a chase, in words, or null. */
export function chaseWarning(
  a: Application,
  event: { type: EventType; date: CalendarDate },
  s: Settings = settings(),
): string | null {
  const warnings = chaseWarnings(a, event, s).map((w) => warningText(w, s));
  return warnings.length > 0 ? warnings.join('\n') : null;
}

/** The items of one action (optionally of one application) on a plan. */
export function itemsOf(p: WordedPlan, action: Action, id?: number): WordedItem[] {
  return p.items.filter((i) => i.action === action && (id === undefined || i.id === id));
}

/** The one item of an action on a plan, or undefined; fails when there are several. */
export function itemOf(p: WordedPlan, action: Action, id?: number): WordedItem | undefined {
  const found = itemsOf(p, action, id);
  if (found.length > 1) throw new Error(`${found.length} ${action} items`);
  return found[0];
}

export function waitingOf(p: WordedPlan, id: number): WordedPlan['waiting'][number] | undefined {
  return p.waiting.find((w) => w.id === id);
}

/** The status item (check-status or close-loop) of an application on a plan, if listed. */
export function statusItem(p: WordedPlan, id = 1): WordedItem | undefined {
  return p.items.find((i) => i.id === id && (i.action === 'check-status' || i.action === 'close-loop'));
}
