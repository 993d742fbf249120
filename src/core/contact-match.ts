/**
 * Which recorded person a typed name means (`log --with Bill`, as `draft --to` matches), and
 * whom an event was with when no name was typed. Pure.
 */
import { chaseContact } from './cadence.js';
import { CONTACT_EVENTS, type CalendarDate, type EventType, type PlanContact } from './types.js';

/** What a typed name matched among the recorded contacts. */
export type ContactMatch<C> =
  | { kind: 'one'; contact: C }
  | { kind: 'none' }
  | { kind: 'many'; names: string[] };

/**
 * The contact a typed name means: the full name (ignoring case), else the one name it begins
 * (`Bill` for "Bill Lumbergh"); several people sharing the name count as one name.
 */
export function matchContact<C extends { name: string }>(contacts: readonly C[], typed: string): ContactMatch<C> {
  const lower = typed.trim().toLowerCase();
  if (lower === '') return { kind: 'none' };
  const exact = contacts.filter((c) => c.name.toLowerCase() === lower);
  const found = exact.length > 0 ? exact : contacts.filter((c) => c.name.toLowerCase().startsWith(lower));
  if (found.length === 0) return { kind: 'none' };
  const names = [...new Set(found.map((c) => c.name))];
  if (new Set(names.map((n) => n.toLowerCase())).size === 1) return { kind: 'one', contact: found[0] };
  return { kind: 'many', names };
}

/** Events that reach the person a chase names (cadence rule 7), and so are with them by default. */
export const CHASE_CONTACT_EVENTS: readonly EventType[] = [...CONTACT_EVENTS, 'loop-closed'];

/** The contacts recorded by `date` (one recorded on no known day counts as known from the start). */
export function contactsKnownOn<C extends PlanContact>(contacts: readonly C[], date: CalendarDate): C[] {
  return contacts.filter((c) => !c.recordedOn || c.recordedOn <= date);
}

/**
 * Whom an event on `date`, logged on `today`, was with when no name was typed: for a chase, an
 * offer shared or a closing note, the person the plan named for it (rule 7: the hiring manager,
 * else HR). Among the contacts known on that date when one of them fits (a call logged late is
 * not put on someone learned of since), else among those known on the day it is logged (an
 * interview recorded after the fact brings its people with it). Null for other events (a letter
 * may have gone to any of them, feedback come from anyone) and when nobody fits: a guess would
 * be recorded as a fact.
 */
export function defaultEventContact<C extends PlanContact>(
  contacts: readonly C[],
  type: EventType,
  date: CalendarDate,
  today: CalendarDate,
): C | null {
  if (!CHASE_CONTACT_EVENTS.includes(type)) return null;
  return chaseContact({ contacts: contactsKnownOn(contacts, date) }) ?? chaseContact({ contacts: contactsKnownOn(contacts, today) });
}
