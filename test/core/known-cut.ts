/**
 * The store cut down to what was known on day T (design/cadence.md, top), written out here
 * independently of src/core/known.ts, as plain filters over the records: the property tests
 * plan over this cut and compare with what the core plans over the whole store with `today` T.
 */
import type { Application, CalendarDate } from '../../src/core/types.js';

/**
 * One application as known on T, or null when none of its rounds had been recorded by then.
 * Events and outcomes dated after T are dropped; so are rounds recorded after T (a round without
 * a recording day was recorded on its own date) and contacts recorded after T (a contact without
 * one was known from the start). An outcome dated after T gives way to the latest earlier one of
 * the history that was dated by T and still stood on T (with its deadline, for an offer: an offer
 * accepted after T was still open on T); history keeps what was replaced by T.
 */
export function cutApplication(app: Application, day: CalendarDate): Application | null {
  const rounds = app.rounds.filter((r) => (r.recordedOn ?? r.date) <= day);
  if (app.rounds.length > 0 && rounds.length === 0) return null;
  const past = app.pastOutcomes ?? [];
  let outcome = {
    outcome: app.outcome, outcomeDate: app.outcomeDate, outcomeNote: app.outcomeNote, notInterested: app.notInterested,
    respondBy: app.respondBy ?? null,
  };
  if (app.outcomeDate !== null && app.outcomeDate > day) {
    const standing = past.filter((p) => p.date !== null && p.date <= day && p.replacedOn > day);
    const last = standing[standing.length - 1];
    outcome = last
      ? { outcome: last.outcome, outcomeDate: last.date, outcomeNote: last.note, notInterested: last.notInterested, respondBy: last.respondBy ?? null }
      : { outcome: null, outcomeDate: null, outcomeNote: null, notInterested: false, respondBy: null };
  }
  return {
    ...app,
    rounds,
    contacts: app.contacts.filter((c) => !c.recordedOn || c.recordedOn <= day),
    events: app.events.filter((e) => e.date <= day),
    ...outcome,
    pastOutcomes: past.filter((p) => p.replacedOn <= day),
  };
}

/** Every application as known on T, without those not recorded yet. */
export function cutStore(apps: readonly Application[], day: CalendarDate): Application[] {
  return apps.map((a) => cutApplication(a, day)).filter((a): a is Application => a !== null);
}
