/**
 * The follow-up cadence of design/cadence.md as one pure function family:
 * records, settings and today's date in; the plan out. No clock, no I/O.
 */
import { addDays, addWorkdays, isWorkday, maxDate, nextWorkday, toDayNumber } from './calendar.js';
import { allKnownOn, knownOn } from './known.js';
import {
  ACTIONS,
  CONTACT_EVENTS,
  UNANSWERED_EVENTS,
  statusOf,
  type Action,
  type CalendarDate,
  type Channel,
  type ChaseAttempt,
  type ChaseWarning,
  type Decision,
  type ItemContact,
  type ItemNote,
  type ItemReason,
  type PlanApplication,
  type PlanContact,
  type PlanEvent,
  type PlanItem,
  type PlanRound,
  type Settings,
  type TodayPlan,
  type WaitingEntry,
  type WaitingReason,
} from './types.js';

/**
 * An offer recorded for some application, as seen by the others (rules 9 and 16): its date, its
 * deadline when one was recorded, and its answer when it was accepted or declined (an answered
 * offer still counts as an offer for rule 9; an accepted one starts rule 16). `respondBy` and
 * `answer` are present only when known.
 */
export interface RecordedOffer {
  id: number;
  company: string;
  /** The offer's date (for an accepted outcome with no offer recorded before it: the acceptance's). */
  date: CalendarDate;
  respondBy?: CalendarDate;
  answer?: { outcome: 'accepted' | 'declined'; date: CalendarDate };
}

/** An item before today decides whether it is listed: no `overdue` yet. */
export type ScheduledItem = Omit<PlanItem, 'overdue'>;

/** Everything the rules need besides the application itself. */
export interface CadenceContext {
  settings: Settings;
  /**
   * The offers recorded by `today` (Store.listLatestOffers(today), or recordedOffers of the known
   * applications): at least the two latest, and every accepted one.
   */
  offers: readonly RecordedOffer[];
  /**
   * The day the plan is for (a late thank-you is one whose due date has passed by then); the
   * plan uses only what was known on it (knownOn).
   */
  today: CalendarDate;
  /**
   * The chase states worked out so far in this plan, by application, so that a waiting entry
   * does not work its state out again (planKnown sets it; absent, nothing is remembered).
   */
  chaseStates?: Map<PlanApplication, ChaseState | null>;
}

/** Where an application stands in its status chase (rules 2-6). */
export interface ChaseState {
  round: PlanRound;
  /** The decision date D. */
  decision: CalendarDate;
  /** How D was set: given by the company, assumed, or set by a conversation. */
  decisionSource: 'given' | 'assumed' | 'spoke-new-date' | 'spoke-assumed';
  spokeOn: CalendarDate | null;
  /** Unanswered attempts since the last reset. */
  attempts: PlanEvent[];
  voicemails: number;
  lastContact: PlanEvent | null;
  /** The first calendar day a chase is allowed, before rounding up to a working day. */
  notBefore: CalendarDate;
  earliest: CalendarDate;
  due: CalendarDate;
  action: 'check-status' | 'close-loop';
  attempt: number;
}

const ACTION_RANK = new Map<Action, number>(ACTIONS.map((a, i) => [a, i]));

/** Events in the order they happened: by date, then by the order they were logged. */
export function sortEvents<E extends PlanEvent>(events: readonly E[]): E[] {
  return [...events].sort((a, b) => (a.date === b.date ? a.id - b.id : a.date < b.date ? -1 : 1));
}

/** The events in the order they happened: the list itself when it is in that order already (as read). */
function inEventOrder<E extends PlanEvent>(events: readonly E[]): readonly E[] {
  for (let i = 1; i < events.length; i++) {
    const a = events[i - 1];
    const b = events[i];
    if (a.date > b.date || (a.date === b.date && a.id > b.id)) return sortEvents(events);
  }
  return events;
}

/*
 * The functions below run for each of the thousand or so applications `today` plans, once, at
 * start-up, before V8 optimises anything. Their loops are indexed rather than for...of (which
 * allocates an iterator result at every step there) and take no callbacks (a closure per call):
 * that halves what a plan allocates, and with it the garbage collector's share of the run.
 */

/** The latest round (by date, then number), or null when none is recorded. */
export function latestRound<R extends PlanRound>(app: { rounds: readonly R[] }): R | null {
  return latestRoundBy(app.rounds, null);
}

/** The latest round (by date, then number) dated on or before `day` (any date when null), or null. */
function latestRoundBy<R extends PlanRound>(rounds: readonly R[], day: CalendarDate | null): R | null {
  let latest: R | null = null;
  for (let i = 0; i < rounds.length; i++) {
    const r = rounds[i];
    if (day !== null && r.date > day) continue;
    if (!latest || r.date > latest.date || (r.date === latest.date && r.number > latest.number)) latest = r;
  }
  return latest;
}

/** Whether an event of `type` is dated on or after `from`. */
function hasEventSince(events: readonly PlanEvent[], type: PlanEvent['type'], from: CalendarDate): boolean {
  for (let i = 0; i < events.length; i++) if (events[i].type === type && events[i].date >= from) return true;
  return false;
}

/** The state of the status chase of an active application (rules 2-6). */
export function chaseState(app: PlanApplication, settings: Settings): ChaseState | null {
  const round = latestRound(app);
  if (!round) return null;
  const { holidays } = settings;
  // One pass over the events since the round, in order: the last conversation, the unanswered
  // attempts after it (a conversation starts the count again) and the last contact of any kind.
  let lastSpoke: PlanEvent | null = null;
  let attempts: PlanEvent[] = [];
  let voicemails = 0;
  let latestContact: PlanEvent | null = null;
  const events = inEventOrder(app.events);
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e.date < round.date) continue;
    if (e.type === 'spoke') {
      lastSpoke = e;
      attempts = [];
      voicemails = 0;
    } else if (UNANSWERED_EVENTS.includes(e.type)) {
      attempts.push(e);
      if (e.type === 'voicemail') voicemails++;
    }
    if (CONTACT_EVENTS.includes(e.type)) latestContact = e;
  }
  const lastContact = latestContact;

  let decision: CalendarDate;
  let decisionSource: ChaseState['decisionSource'];
  if (lastSpoke) {
    decision = lastSpoke.newDate ?? addWorkdays(lastSpoke.date, settings.assumeDecisionWorkdays, holidays);
    decisionSource = lastSpoke.newDate ? 'spoke-new-date' : 'spoke-assumed';
  } else if (round.decisionBy) {
    decision = round.decisionBy;
    decisionSource = 'given';
  } else {
    decision = addWorkdays(round.date, settings.assumeDecisionWorkdays, holidays);
    decisionSource = 'assumed';
  }

  const afterDecision = addDays(decision, 1);
  const notBefore = lastContact
    ? maxDate(afterDecision, addDays(lastContact.date, settings.minGapDays))
    : afterDecision;
  const earliest = nextWorkday(notBefore, holidays);
  const unanswered = lastContact !== null && UNANSWERED_EVENTS.includes(lastContact.type);
  const due = unanswered
    ? maxDate(earliest, nextWorkday(addDays(lastContact.date, settings.maxGapDays), holidays))
    : addWorkdays(earliest, 1, holidays);

  const closing = attempts.length >= settings.maxAttempts;
  return {
    round,
    decision,
    decisionSource,
    spokeOn: lastSpoke?.date ?? null,
    attempts,
    voicemails,
    lastContact,
    notBefore,
    earliest,
    due,
    action: closing ? 'close-loop' : 'check-status',
    attempt: closing ? settings.maxAttempts + 1 : attempts.length + 1,
  };
}

function toItemContact(c: PlanContact): ItemContact {
  return { name: c.name, role: c.role, phone: c.phone, email: c.email };
}

function findContact<C extends PlanContact>(app: { contacts: readonly C[] }, roles: readonly C['role'][]): C | null {
  const { contacts } = app;
  for (let r = 0; r < roles.length; r++) {
    for (let i = 0; i < contacts.length; i++) if (contacts[i].role === roles[r]) return contacts[i];
  }
  return null;
}

/** Whom a chase, share-offer or close-loop names: the decision maker first (rule 7). */
export function chaseContact<C extends PlanContact>(app: { contacts: readonly C[] }): C | null {
  return findContact(app, ['hiring-manager', 'hr', 'recruiter']);
}

/** Whom a letter names: the hiring manager, else the first interviewer, else HR (rule 7). */
export function letterContact<C extends PlanContact>(app: { contacts: readonly C[] }): C | null {
  return findContact(app, ['hiring-manager', 'interviewer', 'hr', 'recruiter']);
}

/** Phone or email for a chase to this person, with what the user should know (rule 7). */
export function chaseChannel(
  contact: PlanContact | null,
  voicemails: number,
  settings: Settings,
): { channel: Channel; notes: ItemNote[] } {
  if (!contact) return { channel: 'phone', notes: [] };
  const notes: ItemNote[] = [];
  const canCall = contact.phone !== null && !contact.noCalls;
  if (canCall && voicemails < settings.maxVoicemails) return { channel: 'phone', notes };
  if (contact.email) {
    if (canCall) notes.push({ code: 'voicemails-write-instead', voicemails });
    else if (contact.noCalls) notes.push({ code: 'no-calls-write', name: contact.name });
    return { channel: 'email', notes };
  }
  if (contact.noCalls) notes.push({ code: 'no-calls-no-email', name: contact.name });
  else if (!contact.phone) notes.push({ code: 'no-phone-or-email', name: contact.name });
  else notes.push({ code: 'voicemails-no-email', voicemails, name: contact.name });
  return { channel: 'phone', notes };
}

/** The decision date of a chase state, as the words module reads it. */
export function decisionOf(s: ChaseState): Decision {
  return { date: s.decision, source: s.decisionSource, spokeOn: s.spokeOn };
}

/** Unanswered chases as facts: when, and whether by phone or email. */
export function attemptsOf(events: readonly PlanEvent[]): ChaseAttempt[] {
  return events.map((e) => ({ date: e.date, channel: e.type === 'emailed' ? 'email' : 'phone' }));
}

function chaseItem(app: PlanApplication, s: ChaseState, ctx: CadenceContext): ScheduledItem {
  const contact = chaseContact(app);
  const { channel, notes } = chaseChannel(contact, s.voicemails, ctx.settings);
  if (!contact) notes.push({ code: 'no-contact', id: app.id });
  else if (contact.role !== 'hiring-manager') notes.push({ code: 'ask-for-manager', id: app.id });
  return {
    id: app.id,
    company: app.company,
    role: app.role,
    action: s.action,
    earliest: s.earliest,
    due: s.due,
    attempt: s.attempt,
    channel,
    contact: contact ? toItemContact(contact) : null,
    why: { code: 'chase', decision: decisionOf(s), attempts: attemptsOf(s.attempts), closing: s.action === 'close-loop' },
    notes,
  };
}

function letterItem(
  app: PlanApplication,
  action: Action,
  earliest: CalendarDate,
  due: CalendarDate,
  why: ItemReason,
): ScheduledItem {
  const contact = letterContact(app);
  return {
    id: app.id,
    company: app.company,
    role: app.role,
    action,
    earliest,
    due,
    attempt: null,
    channel: null,
    contact: contact ? toItemContact(contact) : null,
    why,
    notes: contact ? [] : [{ code: 'no-contact', id: app.id }],
  };
}

function thanksItem(app: PlanApplication, round: PlanRound, ctx: CadenceContext): ScheduledItem | null {
  if (hasEventSince(app.events, 'thanks-sent', round.date)) return null;
  const { holidays } = ctx.settings;
  const earliest = nextWorkday(round.date, holidays);
  const due = nextWorkday(addDays(round.date, 1), holidays);
  const why: ItemReason = { code: 'thanks', round: round.number, date: round.date, late: ctx.today > due };
  return letterItem(app, 'send-thanks', earliest, due, why);
}

const latestOffers = new WeakMap<readonly RecordedOffer[], RecordedOffer | null>();

/** The offer with the latest date (the first such in the list), remembered per list. */
function latestOffer(offers: readonly RecordedOffer[]): RecordedOffer | null {
  let latest = latestOffers.get(offers);
  if (latest === undefined) {
    latest = null;
    for (const o of offers) if (!latest || o.date > latest.date) latest = o;
    latestOffers.set(offers, latest);
  }
  return latest;
}

/**
 * The latest offer recorded for another application than `appId` (rule 9; the share-offer
 * letter tells of the same one), among those dated on or before `asOf` when it is given (an offer
 * dated later was not known yet). The latest of all is found once per list of offers; it is the
 * one unless it is this application's own or dated after `asOf`.
 */
export function offerElsewhere(
  appId: number,
  offers: readonly RecordedOffer[],
  asOf?: CalendarDate,
): RecordedOffer | null {
  const latest = latestOffer(offers);
  if (!latest || (latest.id !== appId && (asOf === undefined || latest.date <= asOf))) return latest;
  let offer: RecordedOffer | null = null;
  for (const o of offers) {
    if (o.id !== appId && (asOf === undefined || o.date <= asOf) && (!offer || o.date > offer.date)) offer = o;
  }
  return offer;
}

/** The date of an application's first round, or null. */
function firstRoundDate(app: { rounds: readonly PlanRound[] }): CalendarDate | null {
  let first: CalendarDate | null = null;
  for (let i = 0; i < app.rounds.length; i++) if (first === null || app.rounds[i].date < first) first = app.rounds[i].date;
  return first;
}

function shareOfferItem(app: PlanApplication, ctx: CadenceContext, voicemails: number): ScheduledItem | null {
  const first = firstRoundDate(app);
  if (first === null) return null;
  // The latest offer recorded elsewhere, if it came after this search began.
  const offer = offerElsewhere(app.id, ctx.offers, ctx.today);
  if (!offer || offer.date < first) return null;
  const o = offer;
  if (hasEventSince(app.events, 'offer-shared', o.date)) return null;
  const { holidays } = ctx.settings;
  const contact = chaseContact(app);
  const { channel, notes } = chaseChannel(contact, voicemails, ctx.settings);
  if (!contact) notes.push({ code: 'no-contact', id: app.id });
  return {
    id: app.id,
    company: app.company,
    role: app.role,
    action: 'share-offer',
    earliest: nextWorkday(o.date, holidays),
    due: nextWorkday(addDays(o.date, 1), holidays),
    attempt: null,
    channel,
    contact: contact ? toItemContact(contact) : null,
    why: { code: 'share-offer', offer: offerFacts(o) },
    notes,
  };
}

/** What an item may say of an offer elsewhere: its company and date, its deadline and its answer when known. */
function offerFacts(o: RecordedOffer): Extract<ItemReason, { code: 'share-offer' }>['offer'] {
  const facts: Extract<ItemReason, { code: 'share-offer' }>['offer'] = { company: o.company, date: o.date };
  if (o.respondBy) facts.respondBy = o.respondBy;
  if (o.answer) facts.answer = o.answer;
  return facts;
}

/** The last working day on or before a date. */
function workdayOnOrBefore(date: CalendarDate, holidays: readonly CalendarDate[]): CalendarDate {
  return isWorkday(date, holidays) ? date : addWorkdays(date, -1, holidays);
}

/** A round recorded before its date (rule 14). */
export function isBooked(round: Pick<PlanRound, 'date' | 'recordedOn'>): boolean {
  return round.recordedOn != null && round.recordedOn < round.date;
}

/** The next booked round on or after `today` (the earliest such), or null. */
export function nextBookedRound<R extends PlanRound>(app: { rounds: readonly R[] }, today: CalendarDate): R | null {
  let next: R | null = null;
  for (let i = 0; i < app.rounds.length; i++) {
    const r = app.rounds[i];
    if (isBooked(r) && r.date >= today && (!next || r.date < next.date || (r.date === next.date && r.number < next.number))) next = r;
  }
  return next;
}

/**
 * Rule 14: a booked round, listed from the later of (the last working day before it) and (the
 * next working day of the day it was recorded) through its own date; due on the next working day
 * of its date. `today` is on or before the round's date (nextBookedRound).
 */
function prepareItem(app: PlanApplication, round: PlanRound, ctx: CadenceContext): ScheduledItem {
  const { holidays } = ctx.settings;
  const earliest = maxDate(addWorkdays(round.date, -1, holidays), nextWorkday(round.recordedOn!, holidays));
  const due = nextWorkday(round.date, holidays);
  const before = latestRound({ rounds: app.rounds.filter((r) => r.date < round.date) });
  const interviewers = app.contacts.filter((c) => c.role === 'interviewer' && c.round === round.number).map((c) => c.name);
  return letterItem(app, 'prepare-interview', earliest, due, {
    code: 'prepare-interview',
    round: round.number,
    date: round.date,
    time: round.time ?? null,
    kind: round.kind ?? null,
    interviewers,
    needs: app.needs ?? [],
    expand: app.expand ?? [],
    nextSteps: round.nextSteps ?? before?.nextSteps ?? null,
  });
}

/**
 * Rule 15: an offer with a deadline X. Due on the last working day on or before X; from two
 * working days before that, but not before the next working day of the offer's date, and never
 * after due. Listed until the offer is accepted or declined.
 */
function decideItem(app: PlanApplication, ctx: CadenceContext): ScheduledItem | null {
  const respondBy = app.respondBy;
  if (!respondBy) return null;
  const { holidays } = ctx.settings;
  const due = workdayOnOrBefore(respondBy, holidays);
  let earliest = addWorkdays(due, -2, holidays);
  if (app.outcomeDate) earliest = maxDate(earliest, nextWorkday(app.outcomeDate, holidays));
  if (earliest > due) earliest = due;
  return letterItem(app, 'decide-offer', earliest, due, { code: 'decide-offer', offer: app.outcomeDate, respondBy });
}

/**
 * The accepted offer that ends this search (rule 16): one accepted by `ctx.today` for another
 * application, on or after this one's first round (the earliest such acceptance); else null.
 */
export function acceptedElsewhere(
  appId: number,
  firstRound: CalendarDate,
  offers: readonly RecordedOffer[],
  today: CalendarDate,
): (RecordedOffer & { answer: NonNullable<RecordedOffer['answer']> }) | null {
  let found: (RecordedOffer & { answer: NonNullable<RecordedOffer['answer']> }) | null = null;
  for (let i = 0; i < offers.length; i++) {
    const o = offers[i];
    const a = o.answer;
    if (!a || a.outcome !== 'accepted' || o.id === appId || a.date > today || a.date < firstRound) continue;
    if (!found || a.date < found.answer.date || (a.date === found.answer.date && o.id < found.id)) found = { ...o, answer: a };
  }
  return found;
}

/** Rule 16: withdraw, from the next working day of the acceptance, due two working days after that. */
function withdrawItem(app: PlanApplication, accepted: { company: string; date: CalendarDate }, ctx: CadenceContext): ScheduledItem {
  const { holidays } = ctx.settings;
  const earliest = nextWorkday(accepted.date, holidays);
  return letterItem(app, 'withdraw', earliest, addWorkdays(earliest, 2, holidays), {
    code: 'withdraw',
    accepted: { company: accepted.company, date: accepted.date },
  });
}

function rejectionItems(app: PlanApplication, ctx: CadenceContext): ScheduledItem[] {
  const rejected = app.outcomeDate!;
  const { holidays } = ctx.settings;
  const items: ScheduledItem[] = [];
  const events = inEventOrder(app.events);

  const asked = hasEventSince(events, 'feedback-asked', rejected) || hasEventSince(events, 'feedback-received', rejected);
  if (!asked) {
    items.push(
      letterItem(
        app,
        'ask-feedback',
        nextWorkday(rejected, holidays),
        addWorkdays(rejected, 2, holidays),
        { code: 'ask-feedback', rejected },
      ),
    );
  }

  let lastFeedback: PlanEvent | null = null;
  for (let i = 0; i < events.length; i++) if (events[i].type === 'feedback-received') lastFeedback = events[i];
  if (lastFeedback && !hasEventSince(events, 'thanks-sent', lastFeedback.date)) {
    items.push(
      letterItem(
        app,
        'thank-for-feedback',
        nextWorkday(lastFeedback.date, holidays),
        nextWorkday(addDays(lastFeedback.date, 1), holidays),
        { code: 'thank-feedback', feedback: lastFeedback.date },
      ),
    );
  }

  if (!app.notInterested) {
    const lastEvent = events.length > 0 ? events[events.length - 1].date : rejected;
    items.push(keepInTouchItem(app, maxDate(rejected, lastEvent), ctx));
  }
  return items;
}

/**
 * `keep-in-touch` (rules 6 and 8): earliest = next working day of (base + keepInTouchDays), due =
 * earliest plus 5 working days; the base is the last logged event (after a rejection, not before
 * the rejection), so every logged event restarts the timer.
 */
function keepInTouchItem(app: PlanApplication, base: CalendarDate, ctx: CadenceContext): ScheduledItem {
  const { holidays } = ctx.settings;
  const earliest = nextWorkday(addDays(base, ctx.settings.keepInTouchDays), holidays);
  return letterItem(app, 'keep-in-touch', earliest, addWorkdays(earliest, 5, holidays), {
    code: 'keep-in-touch',
    lastContact: base,
  });
}

/**
 * After the loop was closed without an answer (rule 6): the closing note left the door open, so
 * keep-in-touch follows the last logged event (loop-closed at the latest), until an outcome
 * (withdrawn) ends it.
 */
function noResponseItems(app: PlanApplication, ctx: CadenceContext): ScheduledItem[] {
  let last: CalendarDate | null = null;
  for (let i = 0; i < app.events.length; i++) if (last === null || app.events[i].date > last) last = app.events[i].date;
  return last === null ? [] : [keepInTouchItem(app, last, ctx)];
}

/**
 * Every pending item of one application, whatever today is (rules 1-16), from what was known on
 * `ctx.today` (knownOn).
 */
export function scheduleApplication(app: PlanApplication, ctx: CadenceContext): ScheduledItem[] {
  const known = knownOn(app, ctx.today);
  return known ? scheduleKnown(known, ctx) : [];
}

/** scheduleApplication for an application already cut down to what was known on `ctx.today`. */
function scheduleKnown(app: PlanApplication, ctx: CadenceContext): ScheduledItem[] {
  const status = statusOf(app);
  if (status === 'rejected') return rejectionItems(app, ctx);
  if (status === 'no-response') return noResponseItems(app, ctx);
  if (status === 'offer') {
    const decide = decideItem(app, ctx);
    return decide ? [decide] : [];
  }
  // Withdrawn, accepted and declined list nothing for themselves (rule 10).
  if (status !== 'active') return [];
  const items: ScheduledItem[] = [];
  const round = latestRound(app);
  if (!round) return items;
  const first = firstRoundDate(app)!;
  const accepted = acceptedElsewhere(app.id, first, ctx.offers, ctx.today);
  if (accepted) return [withdrawItem(app, { company: accepted.company, date: accepted.answer.date }, ctx)];
  const booked = nextBookedRound(app, ctx.today);
  if (booked) items.push(prepareItem(app, booked, ctx));
  // The thank-you is for the latest round already held; a round booked ahead does not hide it.
  const held = latestRoundBy(app.rounds, ctx.today) ?? round;
  const thanks = thanksItem(app, held, ctx);
  if (thanks) items.push(thanks);
  const state = chaseStateIn(app, ctx);
  const offer = shareOfferItem(app, ctx, state?.voicemails ?? 0);
  if (offer) items.push(offer);
  if (state) items.push(chaseItem(app, state, ctx));
  return items;
}

/**
 * The offers recorded across all applications (the input of rules 9 and 16): each current offer,
 * and each offer answered with accepted or declined (the last offer of its history, replaced by
 * the answer; an accepted outcome with no offer before it counts from its own date).
 */
export function recordedOffers(apps: readonly PlanApplication[]): RecordedOffer[] {
  const out: RecordedOffer[] = [];
  for (const a of apps) {
    if (!a.outcomeDate) continue;
    if (a.outcome === 'offer') {
      out.push(a.respondBy ? { id: a.id, company: a.company, date: a.outcomeDate, respondBy: a.respondBy } : { id: a.id, company: a.company, date: a.outcomeDate });
    } else if (a.outcome === 'accepted' || a.outcome === 'declined') {
      const answer = { outcome: a.outcome, date: a.outcomeDate };
      const past = a.pastOutcomes ?? [];
      let offer: (typeof past)[number] | null = null;
      for (const p of past) if (p.outcome === 'offer' && p.date !== null) offer = p;
      if (offer) {
        const o: RecordedOffer = { id: a.id, company: a.company, date: offer.date! };
        if (offer.respondBy) o.respondBy = offer.respondBy;
        o.answer = answer;
        out.push(o);
      } else if (a.outcome === 'accepted') {
        out.push({ id: a.id, company: a.company, date: a.outcomeDate, answer });
      }
    }
  }
  return out;
}

/** Rule 13: overdue first, then due date, then action, then application. */
export function compareItems(a: PlanItem, b: PlanItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.due !== b.due) return a.due < b.due ? -1 : 1;
  const ra = ACTION_RANK.get(a.action)!;
  const rb = ACTION_RANK.get(b.action)!;
  if (ra !== rb) return ra - rb;
  return a.id - b.id;
}

/**
 * compareItems' order as one number per item: overdue first (0), the due day, the action's rank,
 * the application (below 2^31). 1 + 16 + 4 + 31 bits fit a double's 53 exactly, for due days
 * from 1970 to 2149 (followup records dates up to 2100).
 */
function orderKey(item: PlanItem): number {
  return ((((item.overdue ? 0 : 1) * 65536 + toDayNumber(item.due)) * 16 + ACTION_RANK.get(item.action)!) * 2147483648) + item.id;
}

/** The items listed on `day`, in compareItems' order (sorted by orderKey: one key per item, not two per comparison). */
function itemsOn(scheduled: readonly ScheduledItem[], day: CalendarDate): PlanItem[] {
  const items: PlanItem[] = [];
  for (let i = 0; i < scheduled.length; i++) {
    const s = scheduled[i];
    if (s.earliest <= day) items.push({ ...s, overdue: s.due < day });
  }
  // The keys sorted as numbers, natively (no comparison function called per pair); each key
  // names one item, as an application lists at most one item of each action.
  const keys = new Float64Array(items.length);
  const byKey = new Map<number, PlanItem>();
  for (let i = 0; i < items.length; i++) {
    keys[i] = orderKey(items[i]);
    byKey.set(keys[i], items[i]);
  }
  // Two items of one action for one application, due the same day: compareItems itself.
  if (byKey.size !== items.length) return items.sort(compareItems);
  keys.sort();
  const sorted: PlanItem[] = [];
  for (let i = 0; i < keys.length; i++) sorted.push(byKey.get(keys[i])!);
  return sorted;
}

/** chaseState, remembered in the context's chaseStates when it has them. */
function chaseStateIn(app: PlanApplication, ctx: CadenceContext): ChaseState | null {
  const states = ctx.chaseStates;
  if (!states) return chaseState(app, ctx.settings);
  let state = states.get(app);
  if (state === undefined) {
    state = chaseState(app, ctx.settings);
    states.set(app, state);
  }
  return state;
}

function waitingReason(item: ScheduledItem, app: PlanApplication, ctx: CadenceContext): WaitingReason | null {
  const state = chaseStateIn(app, ctx);
  if (!state) return null;
  if (state.attempts.length === 0) return { code: 'decision', decision: decisionOf(state) };
  return { code: 'attempts', attempts: attemptsOf(state.attempts), earliest: item.earliest };
}

/**
 * The morning list for `today` (rules 11-13), from what was known on `today` (knownOn): a past
 * date replays what the list said that day. `offers` defaults to the offers among `apps`; pass
 * them (those recorded by `today`) when `apps` holds only the applications that may list something.
 */
export function planToday(
  apps: readonly PlanApplication[],
  settings: Settings,
  today: CalendarDate,
  offers?: readonly RecordedOffer[],
): TodayPlan {
  const known = allKnownOn(apps, today);
  const knownOffers = offers ?? recordedOffers(known);
  const plan = planKnown(known, settings, today, knownOffers);
  if (plan.workday) return plan;
  const next = nextWorkday(today, settings.holidays);
  // What is lined up is exactly what the next working day's list will hold, as known today.
  const linedUp = planKnown(known, settings, next, knownOffers).items.length;
  return { ...plan, nextWorkday: next, linedUp };
}

/** planToday over applications already cut down to what was known (on or before `today`). */
function planKnown(
  apps: readonly PlanApplication[],
  settings: Settings,
  today: CalendarDate,
  offers: readonly RecordedOffer[],
): TodayPlan {
  const ctx: CadenceContext = { settings, offers, today, chaseStates: new Map() };
  const scheduled: ScheduledItem[] = [];
  const waiting: WaitingEntry[] = [];
  for (let a = 0; a < apps.length; a++) {
    const app = apps[a];
    const items = scheduleKnown(app, ctx);
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      scheduled.push(item);
      if ((item.action === 'check-status' || item.action === 'close-loop') && item.earliest > today) {
        const entry: WaitingEntry = {
          id: app.id,
          company: app.company,
          role: app.role,
          next: item.earliest,
          action: item.action,
          why: waitingReason(item, app, ctx),
        };
        // A booked round not yet held holds the chase back (rule 14): the entry names it.
        const booked = nextBookedRound(app, today);
        if (booked) {
          entry.interview = { round: booked.number, date: booked.date, time: booked.time ?? null, kind: booked.kind ?? null };
        }
        waiting.push(entry);
      }
    }
  }
  waiting.sort((a, b) => (a.next === b.next ? a.id - b.id : a.next < b.next ? -1 : 1));
  const workday = isWorkday(today, settings.holidays);
  return { date: today, workday, items: workday ? itemsOn(scheduled, today) : [], waiting, nextWorkday: null, linedUp: 0 };
}

/** What is wrong with a chase logged sooner than the rules allow, or on a non-working day; empty when fine. */
export function chaseWarnings(
  app: PlanApplication,
  event: Pick<PlanEvent, 'type' | 'date'>,
  settings: Settings,
): ChaseWarning[] {
  const warnings: ChaseWarning[] = [];
  const isContact = CONTACT_EVENTS.includes(event.type);
  if (isContact && !isWorkday(event.date, settings.holidays)) {
    warnings.push({ code: 'not-a-workday', date: event.date, nextWorkday: nextWorkday(event.date, settings.holidays) });
  }
  if (UNANSWERED_EVENTS.includes(event.type) && statusOf(app) === 'active') {
    const before: PlanApplication = { ...app, events: app.events.filter((e) => e.date <= event.date) };
    const state = chaseState(before, settings);
    if (state && event.date < state.notBefore) {
      warnings.push({
        code: 'too-soon',
        allowedFrom: state.earliest,
        before: event.date <= state.decision ? 'decision' : 'gap',
        decision: state.decision,
        lastContact: state.lastContact?.date ?? null,
      });
    }
  }
  return warnings;
}
