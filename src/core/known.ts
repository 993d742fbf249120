/**
 * What was known on day T (design/cadence.md, top): the records cut down to what the user had
 * recorded by then, so that `--today` with a past date replays what the list said that day. Pure.
 */
import type { CalendarDate, PlanApplication } from './types.js';

/** The fields of an outcome that the cut moves from history back to the application. */
interface OutcomeFields {
  outcome: PlanApplication['outcome'];
  outcomeDate: CalendarDate | null;
  notInterested: boolean;
  outcomeNote?: string | null;
  /** An offer's deadline (rule 15). */
  respondBy: CalendarDate | null;
}

/** The day a round became known: the day it was recorded (a round booked ahead), else its own date. */
export function roundKnownFrom(round: { date: CalendarDate; recordedOn?: CalendarDate | null }): CalendarDate {
  return round.recordedOn ?? round.date;
}

/**
 * The outcome known on T: the application's own when it is dated on or before T (or undated);
 * when it is dated after T, the latest earlier outcome of its history dated on or before T and
 * replaced after T (an undated one cannot be said to have stood on T); else none. An offer
 * accepted or declined after T is such an earlier outcome: on T it was an offer, with its deadline.
 */
export function outcomeKnownOn(app: PlanApplication & { outcomeNote?: string | null }, day: CalendarDate): OutcomeFields {
  if (app.outcome === null || app.outcomeDate === null || app.outcomeDate <= day) {
    return {
      outcome: app.outcome, outcomeDate: app.outcomeDate, notInterested: app.notInterested, outcomeNote: app.outcomeNote,
      respondBy: app.respondBy ?? null,
    };
  }
  const past = app.pastOutcomes ?? [];
  for (let i = past.length - 1; i >= 0; i--) {
    const p = past[i] as (typeof past)[number] & { note?: string | null };
    if (p.date !== null && p.date <= day && p.replacedOn > day) {
      return {
        outcome: p.outcome, outcomeDate: p.date, notInterested: p.notInterested, outcomeNote: p.note ?? null,
        respondBy: p.respondBy ?? null,
      };
    }
  }
  return { outcome: null, outcomeDate: null, notInterested: false, outcomeNote: null, respondBy: null };
}

/**
 * Whether anything of the application was recorded or dated after T (else the cut is the
 * application itself). Indexed loops: this runs for every application `today` reads, before V8
 * optimises anything, where for...of allocates an iterator result at every step.
 */
function changedAfter(app: PlanApplication, day: CalendarDate): boolean {
  if (app.outcomeDate !== null && app.outcomeDate > day) return true;
  const { events, rounds, contacts, pastOutcomes } = app;
  for (let i = 0; i < events.length; i++) if (events[i].date > day) return true;
  for (let i = 0; i < rounds.length; i++) if (roundKnownFrom(rounds[i]) > day) return true;
  for (let i = 0; i < contacts.length; i++) {
    const recorded = contacts[i].recordedOn;
    if (recorded != null && recorded > day) return true;
  }
  if (pastOutcomes) for (let i = 0; i < pastOutcomes.length; i++) if (pastOutcomes[i].replacedOn > day) return true;
  return false;
}

/**
 * The application as it was known on T, or null when it was not recorded yet (none of its rounds
 * was recorded by then). Events and outcomes dated after T are left out, and so are rounds and
 * contacts recorded after T (a contact with no recording day was known from the start); the
 * outcome falls back as `outcomeKnownOn` says, and only outcomes replaced by T stay as history.
 * Works on the whole record (Application) as on what the rules read (PlanApplication), and
 * returns the very same object when nothing was added after T.
 */
export function knownOn<A extends PlanApplication>(app: A, day: CalendarDate): A | null {
  if (!changedAfter(app, day)) return app;
  const rounds = app.rounds.filter((r) => roundKnownFrom(r) <= day);
  if (rounds.length === 0 && app.rounds.length > 0) return null;
  const outcome = outcomeKnownOn(app, day);
  const cut: A = {
    ...app,
    rounds,
    contacts: app.contacts.filter((c) => c.recordedOn == null || c.recordedOn <= day),
    events: app.events.filter((e) => e.date <= day),
    outcome: outcome.outcome,
    outcomeDate: outcome.outcomeDate,
    notInterested: outcome.notInterested,
  };
  cut.respondBy = outcome.respondBy;
  if ('outcomeNote' in app) (cut as A & { outcomeNote: string | null }).outcomeNote = outcome.outcomeNote ?? null;
  if (app.pastOutcomes) cut.pastOutcomes = app.pastOutcomes.filter((p) => p.replacedOn <= day) as A['pastOutcomes'];
  return cut;
}

/** Every application as known on T, leaving out those not recorded yet. */
export function allKnownOn<A extends PlanApplication>(apps: readonly A[], day: CalendarDate): A[] {
  const out: A[] = [];
  for (let i = 0; i < apps.length; i++) {
    const known = knownOn(apps[i], day);
    if (known) out.push(known);
  }
  return out;
}
