/** What a letter template sees: the recorded facts, shaped for writing. Pure: no I/O, no clock. */
import {
  attemptsOf,
  chaseContact,
  chaseState,
  decisionOf,
  latestRound,
  letterContact,
  sortEvents,
  type ChaseState,
} from '../core/cadence.js';
import { formatDay, formatDayLong, maxDate } from '../core/calendar.js';
import type { Me, Salutation } from '../core/config.js';
import {
  DEFAULT_SETTINGS,
  ROLE_WORDS,
  type Application,
  type CalendarDate,
  type Contact,
  type EventType,
  type Outcome,
  type PlanEvent,
  type Round,
  type Settings,
  statusOf,
} from '../core/types.js';
import type { DraftKind } from '../core/actions.js';
import { outcomeKnownOn } from '../core/known.js';
import { UsageError } from '../errors.js';
import { elapsedText, triesText } from '../words/plan.js';

export { DRAFT_KINDS, type DraftKind } from '../core/actions.js';

/** What each kind is for, for help and `templates list`. */
export const DRAFT_PURPOSE: Record<DraftKind, string> = {
  thanks: 'thank-you note after an interview (one per interviewer with --to)',
  'check-in': 'polite, assertive email asking where the decision stands',
  call: 'call script for a status chase, with a voicemail version',
  feedback: 'after a rejection: thanks, and a request for feedback and advice',
  'thank-feedback': 'thanks for feedback received, and what you will do with it',
  'share-offer': 'tell them truthfully about a real offer and ask about their timeline',
  'close-loop': 'a gracious last note after unanswered chases',
  'keep-in-touch': 'a short note that keeps you in mind for the next opening',
  withdraw: 'once you accept an offer elsewhere: a gracious withdrawal that keeps the door open',
  decline: 'declines their offer kindly and keeps the relationship',
};

/** The event `--mark-sent` logs for each kind (none for a call script). */
export const MARK_SENT_EVENT: Record<DraftKind, EventType | null> = {
  thanks: 'thanks-sent',
  'check-in': 'emailed',
  call: null,
  feedback: 'feedback-asked',
  'thank-feedback': 'thanks-sent',
  'share-offer': 'offer-shared',
  'close-loop': 'loop-closed',
  'keep-in-touch': 'kept-in-touch',
  withdraw: null,
  decline: null,
};

/**
 * The outcome `--mark-sent` records instead of an event (after confirming on a terminal): the
 * withdrawal ends the application, the decline answers its offer.
 */
export const MARK_SENT_OUTCOME: Partial<Record<DraftKind, Outcome>> = {
  withdraw: 'withdrawn',
  decline: 'declined',
};

/** The note `--mark-sent` records with that outcome: which letter was sent, and to whom. */
export function markSentNote(kind: DraftKind, to: string): string {
  return `${kind === 'withdraw' ? 'withdrawal' : 'decline'} letter sent to ${to}`;
}

/** A person as templates see them. */
export interface PersonData {
  name: string;
  /** The first name, never an honorific ("Dana" for "Dr. Dana Reyes-Smith"). */
  firstName: string;
  /** The name a salutation uses: "Dr. Reyes-Smith" with an honorific, else "Dana" (or "Dana Reyes" when formal). */
  greeting: string;
  role: string;
  phone: string | null;
  email: string | null;
  /**
   * What this person talked about at the interview, as recorded (`--interviewer "Priya :: asked
   * about scaling"`), without closing marks; null when none is recorded.
   */
  topic: string | null;
  /**
   * The topic as words to follow "I especially enjoyed": "the part of our conversation where you
   * asked about scaling" (recorded as what they did) or "our conversation about scaling" (recorded
   * as a subject); null when no topic is recorded.
   */
  topicPhrase: string | null;
  /** They said calling them directly is fine (`log N spoke --ok-to-call`). */
  okToCall: boolean;
}

/** A need the company named, and (after ` :: ` in --need) how the user meets it. */
export interface NeedData {
  text: string;
  fit: string | null;
}

/** A date both raw and in words. */
export interface DayData {
  date: CalendarDate;
  day: string;
  short: string;
}

/** A date with "8 December" for inside a sentence (the year added when it is not this year's). */
export interface DayMonthData extends DayData {
  dayMonth: string;
}

/** The last unanswered try, as a later letter refers to it. */
export interface LastTryData extends DayMonthData {
  channel: 'email' | 'call';
  how: 'email' | 'voicemail' | 'no-answer';
  noAnswer: boolean;
  reference: string | null;
}

/** An interview held, as a letter cites it. */
export interface HeldInterviewData extends DayMonthData {
  round: number;
}

/** An offer accepted elsewhere, as a letter may speak of it: when, when it came, and its employer only when asked. */
export interface AcceptedData extends DayMonthData {
  /** The other employer, only with `--name-company`; else null. */
  company: string | null;
  /** When the offer came. */
  offer: DayMonthData;
}

/** An offer elsewhere, as already shared with this application. */
export interface OfferSharedData extends DayMonthData {
  offer: DayMonthData;
  preferred: boolean;
}

/** Everything a template may name; every key is always present (null or empty when unknown). */
export interface DraftData {
  kind: DraftKind;
  /** The application's number (for the follow-up commands a script mentions). */
  id: number;
  company: string;
  role: string;
  round: number;
  /** `after`: words for after the interview that follow its kind ("after our call", "after visiting you"). */
  interview: DayData & { time: string | null; kind: string | null; after: string };
  /** The interview date raw (YYYY-MM-DD) and in words, as top-level shortcuts. */
  interviewDate: CalendarDate;
  interviewDay: string;
  recipient: PersonData;
  interviewers: PersonData[];
  hiringManager: PersonData | null;
  hr: PersonData | null;
  needs: NeedData[];
  /** The needs with a recorded fit (how the user meets them), in order. */
  needsMet: NeedData[];
  /** The needs without one: named once, never padded with a sentence of filler each. */
  needsOpen: NeedData[];
  why: string | null;
  expand: string[];
  notes: string | null;
  nextSteps: string | null;
  /** The decision date the company gave, and whether it has passed by today. */
  decision: (DayData & { passed: boolean }) | null;
  /**
   * The unanswered chases the plan counts (since the interview, or since the last conversation):
   * how many, and in words ("I called on 7 and 10 December and wrote on 14 December"; '' for none).
   */
  tries: { count: number; text: string };
  /**
   * The last of those tries (the same plan facts as `tries`), or null when there are none:
   * `dayMonth` "8 December" (with the year when not this year), `channel` "email" or "call",
   * `how` what was recorded ("email", "voicemail" or "no-answer"), `noAnswer` when it was a call
   * nobody picked up and no message was left (so they have nothing from it to follow up on), and
   * `reference` the try as something they did get ("my email of 8 December", "the message I left
   * on 11 December"; null after a no-answer).
   */
  lastTry: LastTryData | null;
  /** The latest conversation (`spoke`) since the latest interview, or null. */
  conversation: DayData | null;
  /**
   * The latest recorded contact of any kind (the interview, a logged event, the outcome), and the
   * time since it in words ("three months"), or `elapsed` null when it is under a week.
   */
  lastContact: (DayData & { elapsed: string | null }) | null;
  /**
   * The latest `feedback-received`: `takeaway` the user's own first-person words for what they take
   * from it (`--takeaway`), ready to end a sentence, or null; `note` the private note (the built-in
   * letters never use it); `fromRecipient` whether the letter's recipient is the one it was logged
   * with (else a letter says "the feedback I received", never "your feedback").
   */
  feedback: (DayData & { dayMonth: string; takeaway: string | null; note: string | null; fromRecipient: boolean }) | null;
  /**
   * The offer recorded on another application, once it has been shared with this one (an
   * `offer-shared` logged on or after the offer's date), or null: never before. `date`/`day`/
   * `dayMonth` when it was shared, `offer` when the offer came, `preferred` when the user said this
   * role is still the one they would most like (`draft share-offer --prefer --mark-sent`). The
   * note logged with it stays private, like every note.
   */
  offerShared: OfferSharedData | null;
  /**
   * The interviews held by today, oldest first, and their dates in words: "Monday 30 November"
   * for one, "30 November and 8 December" for several ('' for none); `several` when more than one.
   */
  interviews: { held: HeldInterviewData[]; text: string; several: boolean };
  /** The next interview recorded after today (one a withdrawal cancels), with its time; or null. */
  booked: (DayData & { round: number; time: string | null }) | null;
  /**
   * The offer accepted on another application (`followup outcome N accepted`), known by today:
   * when it was accepted, when it came, and the employer only with `--name-company`; or null.
   */
  accepted: AcceptedData | null;
  /**
   * The offer this application made (its outcome `offer`, or the offer before it was declined or accepted):
   * when it came, the deadline recorded with it (`--respond-by`), and when it was declined (null
   * while it is open); or null when it made none.
   */
  theirOffer: (DayMonthData & { respondBy: DayData | null; declined: DayData | null }) | null;
  /**
   * Keep-in-touch: the last thing logged is a letter of yours, with nothing heard since (no
   * conversation, no feedback, no decision after it), so a note may suggest connecting on
   * LinkedIn. No connection is ever recorded, so no letter claims one.
   */
  suggestLinkedIn: boolean;
  stillInterested: boolean;
  /** `--prefer`: this is still the role the user would most like (share-offer). */
  prefer: boolean;
  /** `--reason TEXT`: why the user is getting back in touch (keep-in-touch), or declining (decline). */
  reason: string | null;
  me: { name: string; firstName: string; greeting: string; email: string | null; phone: string | null };
  today: DayData;
  /**
   * Present only when an offer is recorded (share-offer); `isToday` when it came today;
   * `respondBy` the deadline recorded with it while it is still open and not past (else null);
   * `declined` when the user has since declined it (else null).
   */
  offer?: DayData & { company: string | null; isToday: boolean; respondBy: DayData | null; declined: DayData | null };
}

const HONORIFICS: Record<string, string> = { dr: 'Dr.', prof: 'Prof.', mr: 'Mr.', mrs: 'Mrs.', ms: 'Ms.', mx: 'Mx.' };

/** A name split into an honorific (as "Dr.", or null), the first name and the rest ("Reyes-Smith"). */
export function parseName(name: string): { honorific: string | null; first: string; rest: string } {
  const words = name.trim().split(/\s+/).filter((w) => w !== '');
  let honorific: string | null = null;
  // Every leading honorific ("Prof. Dr. Anna Schmidt"), the first one kept; a name that is only one stays a name.
  while (words.length > 1) {
    const found = HONORIFICS[words[0].toLowerCase().replace(/\.$/, '')];
    if (!found) break;
    honorific ??= found;
    words.shift();
  }
  return { honorific, first: words[0] ?? name.trim(), rest: words.slice(1).join(' ') };
}

function firstName(name: string): string {
  return parseName(name).first;
}

/** The name a salutation uses: "Dr. Reyes-Smith" with an honorific, else the first name (or the full name when formal). */
export function greetingName(name: string, salutation: Salutation = 'first-name'): string {
  const { honorific, first, rest } = parseName(name);
  if (honorific) return `${honorific} ${rest || first}`;
  return salutation === 'formal' && rest ? `${first} ${rest}` : first;
}

function person(c: Contact, salutation: Salutation = 'first-name'): PersonData {
  const topic = inSentence(c.topic ?? null);
  return {
    name: c.name,
    firstName: firstName(c.name),
    greeting: greetingName(c.name, salutation),
    role: ROLE_WORDS[c.role] ?? c.role,
    phone: c.phone,
    email: c.email,
    topic,
    topicPhrase: topic === null ? null : topicPhrase(topic),
    okToCall: c.okToCall === true,
  };
}

/** Verbs a topic recorded as what the interviewer did starts with ("asked about scaling"). */
const TOPIC_VERBS = new Set(
  (
    'asked talked walked explained described showed told shared discussed went gave took pushed challenged ' +
    'mentioned raised covered spent probed dug focused wanted questioned quizzed grilled introduced presented ' +
    'outlined reviewed drilled pressed led ran brought spoke demoed offered suggested wondered sketched ' +
    'whiteboarded dove dived kept'
  ).split(' '),
);
/** Words that follow a verb rather than a noun ("grilled me on SQL", "dug into the ledger"). */
const AFTER_VERB = new Set(
  'me us about on through into how why what whether my our the a an over up in for to with around out back at'.split(' '),
);

/**
 * A recorded topic as words that follow "I especially enjoyed": what the interviewer did ("asked
 * about scaling", "you asked...", "she walked me through...") becomes "the part of our conversation
 * where you asked about scaling"; a subject ("scaling", "about the ledger") becomes "our
 * conversation about scaling". The topic's own words are kept; only its subject is made "you".
 */
export function topicPhrase(topic: string): string {
  const words = topic.trim().split(/\s+/);
  const lower = words.map((w) => w.toLowerCase());
  let subject: string | null = null;
  let rest = words;
  if (['you', 'she', 'he', 'they'].includes(lower[0]) && words.length > 1) {
    subject = 'you';
    rest = words.slice(1);
  } else if (lower[0] === 'we' && words.length > 1) {
    subject = 'we';
    rest = words.slice(1);
  }
  const verb = rest[0].toLowerCase();
  const isVerb =
    subject !== null ||
    TOPIC_VERBS.has(verb) ||
    (/[^e]ed$/.test(verb) && verb.length > 4 && rest.length > 1 && AFTER_VERB.has(rest[1].toLowerCase()));
  if (isVerb) {
    const clause = [verb, ...rest.slice(1)].join(' ');
    return `the part of our conversation where ${subject ?? 'you'} ${clause}`;
  }
  const about = lower[0] === 'about' && words.length > 1 ? words.slice(1).join(' ') : words.join(' ');
  return `our conversation about ${about}`;
}

/** Words for "after the interview" that fit its kind; neutral when the kind is not recorded. */
function afterInterview(kind: string | null): string {
  switch (kind) {
    case 'phone':
      return 'after our call';
    case 'video':
      return 'after our video call';
    case 'onsite':
      return 'after visiting you';
    default:
      return 'after our interview';
  }
}

/**
 * User text made ready to end a sentence: trimmed, ending in exactly one terminal mark (its own
 * `!`, `?` or `...` kept, a full stop added when it has none, a run like "!!" or "?." cut to one),
 * and capitalised when `start` (the template starts a sentence with it). Null when empty.
 */
export function sentence(text: string | null, start = false): string | null {
  if (text === null) return null;
  let t = text.trim();
  const tail = /[.!?\u2026]+(?=["'\u201d\u2019)\]]*$)/.exec(t);
  if (tail) {
    const run = tail[0];
    const mark = run === '...' || run === '\u2026' ? run : /[!?]/.test(run) ? run.replace(/[^!?]/g, '').slice(-1) : '.';
    t = t.slice(0, tail.index) + mark + t.slice(tail.index + run.length);
  } else {
    t = t.replace(/\s+$/, '');
    if (t !== '') t += '.';
  }
  if (t === '' || /^[.!?\u2026]+$/.test(t)) return null;
  return start ? t.charAt(0).toUpperCase() + t.slice(1) : t;
}

function day(date: CalendarDate, year: string): DayData {
  return { date, day: formatDayLong(date, year), short: formatDay(date, year) };
}

/** A date with its "8 December" form. */
function dayMonth(date: CalendarDate, year: string): DayMonthData {
  const d = day(date, year);
  return { ...d, dayMonth: d.day.replace(/^\S+ /, '') };
}

/**
 * The last try the plan counts, as what was recorded: an email, a voicemail (a message was left)
 * or a call nobody picked up (no message: nothing of it reached them); null for none.
 */
function lastTryOf(attempts: readonly PlanEvent[], year: string): LastTryData | null {
  const last = attempts.length > 0 ? attempts[attempts.length - 1] : null;
  if (!last) return null;
  const d = dayMonth(last.date, year);
  const how = last.type === 'emailed' ? 'email' : last.type === 'voicemail' ? 'voicemail' : 'no-answer';
  const reference =
    how === 'email' ? `my email of ${d.dayMonth}` : how === 'voicemail' ? `the message I left on ${d.dayMonth}` : null;
  return { ...d, channel: how === 'email' ? 'email' : 'call', how, noAnswer: how === 'no-answer', reference };
}

/** The note `draft share-offer --prefer --mark-sent` logs: the user said this role is still their first choice. */
export const PREFER_NOTE = 'said this is still the role I would most like';

/**
 * The recorded offer elsewhere as shared with this application: the latest `offer-shared` logged
 * on or after the offer's date (an earlier one shared some other offer). Null when no offer is
 * recorded, or it has not been shared here: then no letter may speak of it (cadence rule 9).
 */
function offerSharedOf(app: Application, offer: OfferFact | null, today: CalendarDate, year: string): OfferSharedData | null {
  // An offer answered since (declined, or accepted) is no longer one the user "has".
  if (!offer || answeredBy(offer, today)) return null;
  const shared = sortEvents(app.events).filter((e) => e.type === 'offer-shared' && e.date >= offer.date);
  const last = shared.length > 0 ? shared[shared.length - 1] : null;
  if (!last) return null;
  return {
    ...dayMonth(last.date, year),
    offer: dayMonth(offer.date, year),
    preferred: shared.some((e) => e.note !== null && e.note.trim().toLowerCase() === PREFER_NOTE.toLowerCase()),
  };
}

/** Split `need :: how I meet it`: the need as a label (a colon follows it), the fit as the end of a sentence. */
export function parseNeed(text: string): NeedData {
  const at = text.indexOf('::');
  const label = (t: string) => t.trim().replace(/[.!?\u2026\s]+$/, '');
  if (at < 0) return { text: label(text), fit: null };
  return { text: label(text.slice(0, at)), fit: sentence(text.slice(at + 2)) };
}

/** Free text as it reads inside a sentence: trimmed, without closing marks (the template ends the sentence). */
function inSentence(text: string | null): string | null {
  if (text === null) return null;
  const t = text.trim().replace(/[.!?\s]+$/, '');
  return t === '' ? null : t;
}

/** The recorded offer the share-offer letter may speak of, or null when there is none. */
export interface OfferFact {
  company: string;
  date: CalendarDate;
  /** The deadline recorded with it (`outcome N offer --respond-by`). */
  respondBy?: CalendarDate | null;
  /** How and when the user answered it, when they have. */
  answer?: { outcome: 'accepted' | 'declined'; date: CalendarDate } | null;
}

/** The answer to an offer known by today, or null while it is open. */
function answeredBy(offer: OfferFact, today: CalendarDate): NonNullable<OfferFact['answer']> | null {
  return offer.answer && offer.answer.date <= today ? offer.answer : null;
}

export interface DraftRequest {
  kind: DraftKind;
  app: Application;
  me: Me;
  today: CalendarDate;
  /** `--to NAME`: the recipient, among the recorded contacts. */
  to: string | null;
  /** The latest offer recorded on another application (share-offer only). */
  offer: OfferFact | null;
  /**
   * An offer accepted on another application (its `answer` the acceptance), or null: what a
   * withdrawal says, and what keeps the letters of an open decision from pretending otherwise.
   */
  accepted?: OfferFact | null;
  /** `--name-company`: name the other employer in the share-offer, withdraw or decline letter. */
  nameCompany: boolean;
  prefer: boolean;
  reason: string | null;
  /** The cadence settings (for the decision date after a conversation); defaults when absent. */
  settings?: Settings;
}

function pickRecipient(req: DraftRequest): Contact {
  const { app, kind, to } = req;
  if (to !== null) {
    const lower = to.trim().toLowerCase();
    const exact = app.contacts.filter((c) => c.name.toLowerCase() === lower);
    const found = exact.length > 0 ? exact : app.contacts.filter((c) => c.name.toLowerCase().startsWith(lower));
    if (found.length >= 1 && new Set(found.map((c) => c.name.toLowerCase())).size === 1) return found[0];
    const known = app.contacts.map((c) => `"${c.name}"`).join(', ') || 'none yet';
    throw new UsageError(
      found.length === 0
        ? `No contact named "${to}" on #${app.id} (recorded: ${known}). ` +
            `Add them first: followup edit ${app.id} --interviewer "${to.trim()}"`
        : `"${to}" matches ${found.map((c) => c.name).join(' and ')}; type the full name.`,
    );
  }
  let recipient: Contact | null = null;
  if (kind === 'check-in' || kind === 'call' || kind === 'share-offer' || kind === 'close-loop') {
    recipient = chaseContact(app);
  } else if (kind === 'thank-feedback') {
    const received = sortEvents(app.events).filter((e) => e.type === 'feedback-received' && e.withName);
    const giver = received.length > 0 ? received[received.length - 1].withName!.toLowerCase() : null;
    recipient = (giver && app.contacts.find((c) => c.name.toLowerCase() === giver)) || letterContact(app);
  } else {
    recipient = letterContact(app);
  }
  if (!recipient) {
    throw new UsageError(
      `Nobody to address this ${kind} to: #${app.id} has no contact recorded. Add one, for example:\n` +
        `  followup edit ${app.id} --hiring-manager "NAME" --email "..."`,
    );
  }
  return recipient;
}

/** Each kind as a noun, for refusals. */
const KIND_WORDS: Record<DraftKind, string> = {
  thanks: 'a thank-you note',
  'check-in': 'a check-in',
  call: 'a call script',
  feedback: 'a feedback request',
  'thank-feedback': 'a thank-you for feedback',
  'share-offer': 'a share-offer letter',
  'close-loop': 'a closing note',
  'keep-in-touch': 'a keep-in-touch note',
  withdraw: 'a withdrawal letter',
  decline: 'a letter declining an offer',
};

/** Kinds written while the decision is still open: once an outcome is recorded they would pretend it is not. */
const OPEN_DECISION_KINDS: readonly DraftKind[] = ['thanks', 'check-in', 'call', 'share-offer', 'close-loop'];

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The application as it was known on `today` (cadence: "what was known on day T"): events and an
 * outcome dated after it are left out, so a letter never cites what had not happened yet.
 */
function knownOn(app: Application, today: CalendarDate): Application {
  // An outcome dated after today gives way to the one that stood then (an offer later declined).
  const known = outcomeKnownOn(app, today);
  return {
    ...app,
    events: app.events.filter((e) => e.date <= today),
    outcome: known.outcome,
    outcomeDate: known.outcomeDate,
    outcomeNote: known.outcomeNote ?? null,
    notInterested: known.outcome === null ? app.notInterested : known.notInterested,
    respondBy: known.respondBy,
    pastOutcomes: app.pastOutcomes?.filter((p) => p.replacedOn <= today),
  };
}

/** "on Fri 11 Dec", or nothing when the date is unknown. */
function onDay(date: CalendarDate | null, year: string): string {
  return date ? ` on ${formatDay(date, year)}` : '';
}

/** Where an application stands, as a clause: "no outcome is recorded yet", "you withdrew on Fri 11 Dec", ... */
function standing(app: Application, year: string): string {
  switch (statusOf(app)) {
    case 'active':
      return 'no outcome is recorded yet';
    case 'no-response': {
      const closed = sortEvents(app.events).filter((e) => e.type === 'loop-closed');
      return `you closed the loop${onDay(closed[closed.length - 1]?.date ?? null, year)}`;
    }
    case 'offer':
      return `an offer is recorded${onDay(app.outcomeDate, year)}`;
    case 'rejected':
      return `a rejection is recorded${onDay(app.outcomeDate, year)}`;
    case 'withdrawn':
      return `you withdrew${onDay(app.outcomeDate, year)}`;
    case 'accepted':
      return `you accepted their offer${onDay(app.outcomeDate, year)}`;
    case 'declined':
      return `you declined their offer${onDay(app.outcomeDate, year)}`;
  }
}

/** Refuse a letter about an interview that has not taken place yet. */
function requireHeldRound(kind: DraftKind, app: Application, latest: Round, held: Round | null, year: string): void {
  // A withdrawal may come before any interview is held, and cancels the one booked.
  if (held || kind === 'share-offer' || kind === 'withdraw' || kind === 'decline') return;
  throw new UsageError(
    `${capitalized(KIND_WORDS[kind])} is about an interview that has taken place, and the interview recorded for ` +
      `#${app.id} ${app.company} is on ${formatDay(latest.date, year)}, after today. Draft it after the interview.`,
  );
}

/**
 * Refuse a kind written while the decision is open, once an outcome is recorded, or once an offer
 * elsewhere is accepted (it would say the user is still waiting to hear; rule 16: withdraw instead).
 */
function requireOpenDecision(kind: DraftKind, known: Application, accepted: OfferFact | null, year: string): void {
  if (!OPEN_DECISION_KINDS.includes(kind)) return;
  if (known.outcome === null && accepted) {
    throw new UsageError(
      `${capitalized(KIND_WORDS[kind])} tells them you are still waiting on their decision, and you accepted the ` +
        `offer from ${accepted.company} on ${formatDay(accepted.answer!.date, year)}. What fits now is a gracious withdrawal:\n` +
        `  followup draft withdraw ${known.id}`,
    );
  }
  if (known.outcome === null) return;
  const next =
    known.outcome === 'rejected'
      ? `\nWhat fits now: followup draft feedback ${known.id}   (thanks, and a request for feedback)`
      : known.outcome === 'withdrawn'
        ? `\nTo stay in touch instead: followup draft keep-in-touch ${known.id}`
        : known.outcome === 'offer' || known.outcome === 'declined'
          ? `\nTo decline their offer: followup draft decline ${known.id}`
          : '';
  throw new UsageError(
    `${capitalized(KIND_WORDS[kind])} is written while the decision is still open, and #${known.id} ${known.company} ` +
      `has an outcome: ${standing(known, year)}.${next}`,
  );
}

/** Refuse a letter that thanks them for a decision when no rejection is recorded (feedback, thank-feedback). */
function requireRejection(kind: DraftKind, app: Application, known: Application, year: string): void {
  if (known.outcome === 'rejected') return;
  const premise = kind === 'feedback' ? 'thanks them for their decision' : 'follows a rejection';
  if (app.outcome === 'rejected' && known.outcome === null) {
    throw new UsageError(
      `${capitalized(KIND_WORDS[kind])} ${premise}, and the rejection recorded for #${known.id} ${known.company} is ` +
        `dated ${formatDay(app.outcomeDate!, year)}, after today. Draft it from that day, or correct the date:\n` +
        `  followup outcome ${known.id} rejected --date YYYY-MM-DD`,
    );
  }
  const instead = known.outcome === 'withdrawn' ? `\nTo stay in touch instead: followup draft keep-in-touch ${known.id}` : '';
  throw new UsageError(
    `${capitalized(KIND_WORDS[kind])} ${premise}, and #${known.id} ${known.company} has no rejection recorded ` +
      `(${standing(known, year)}). If they have turned you down, record it first:\n` +
      `  followup outcome ${known.id} rejected${instead}`,
  );
}

/**
 * Refuse a withdrawal unless the application is still open and an offer elsewhere is accepted
 * (rule 16): it says you have accepted another offer, and withdraws from a process under way.
 */
function requireWithdrawable(known: Application, accepted: OfferFact | null, year: string): void {
  const id = known.id;
  const status = statusOf(known);
  if (status !== 'active') {
    const instead =
      status === 'offer' || status === 'declined'
        ? `\nTo turn down their offer instead: followup draft decline ${id}`
        : status === 'rejected' || status === 'withdrawn' || status === 'no-response'
          ? `\nTo stay in touch instead: followup draft keep-in-touch ${id}`
          : '';
    throw new UsageError(
      `A withdrawal letter withdraws from a process still under way, and for #${id} ${known.company} ` +
        `${standing(known, year)}.${instead}`,
    );
  }
  if (accepted) return;
  throw new UsageError(
    `A withdrawal letter says you have accepted another offer, and no accepted offer is recorded. ` +
      `When you accept one, record it first:\n` +
      `  followup outcome <ref> accepted   (for the application whose offer you took)\n` +
      `To withdraw #${id} for another reason, record it: followup outcome ${id} withdrawn`,
  );
}

/** Refuse a decline letter unless this application has an offer recorded, still open or declined. */
function requireOwnOffer(known: Application, year: string): void {
  const status = statusOf(known);
  if (status === 'offer' || status === 'declined') return;
  const id = known.id;
  const accepted = status === 'accepted' ? ' A letter declining it would contradict that.' : '';
  throw new UsageError(
    `A decline letter turns down an offer from them, and for #${id} ${known.company} ${standing(known, year)}.${accepted}` +
      (status === 'active' || status === 'no-response'
        ? ` When they make you an offer, record it first:\n  followup outcome ${id} offer --respond-by DATE`
        : ''),
  );
}

/** Refuse a keep-in-touch note while the application has not ended without an offer. */
function requireClosed(known: Application, year: string): void {
  const status = statusOf(known);
  if (status === 'rejected' || status === 'withdrawn' || status === 'no-response') return;
  throw new UsageError(
    `A keep-in-touch note is for after an application has ended (rejected, withdrawn, or closed after unanswered ` +
      `tries), and for #${known.id} ${known.company} ${standing(known, year)}. When it ends, record how:\n` +
      `  followup outcome ${known.id} rejected   (or withdrawn)\n` +
      `  followup log ${known.id} loop-closed     (after a closing note went unanswered)`,
  );
}

/** Refuse a closing note that would claim tries never made (cadence rule 6: it follows unanswered tries). */
function requireTries(known: Application, state: ChaseState, today: CalendarDate, settings: Settings, year: string): void {
  const id = known.id;
  const head = `A closing note says your tries went unanswered, and `;
  if (state.round.date > today) {
    throw new UsageError(
      `${head}round ${state.round.number} of #${id} ${known.company} is still to come ` +
        `(${formatDay(state.round.date, year)}). Close the loop only if they go quiet after it.`,
    );
  }
  if (state.attempts.length > 0) return;
  const since = state.spokeOn
    ? `you spoke on ${formatDay(state.spokeOn, year)} (a conversation starts the count again)`
    : `the interview on ${formatDay(state.round.date, year)}`;
  throw new UsageError(
    `${head}no unanswered call or email is recorded for #${id} ${known.company} since ${since}. ` +
      `The plan suggests a closing note after ${settings.maxAttempts} unanswered tries; until then, chase and log each try:\n` +
      `  followup draft check-in ${id} --mark-sent\n` +
      `  followup log ${id} no-answer   (or voicemail, after a call)\n` +
      `If they have told you no, record that instead: followup outcome ${id} rejected`,
  );
}

/** The HR contact a call goes through when the hiring manager has no number recorded, or null. */
function callViaHr(recipient: Contact, app: Application): Contact | null {
  if (recipient.phone || recipient.role !== 'hiring-manager') return null;
  const hr = app.contacts.find((c) => c.role === 'hr') ?? app.contacts.find((c) => c.role === 'recruiter') ?? null;
  return hr && hr.phone ? hr : null;
}

/** Two recorded names for the same person (ignoring case and spacing). */
function sameName(a: string, b: string): boolean {
  const norm = (n: string) => n.trim().replace(/\s+/g, ' ').toLowerCase();
  return norm(a) === norm(b);
}

/** The latest recorded contact of any kind: the interview, a logged event, the outcome. */
function lastContactDate(known: Application, held: Round | null): CalendarDate | null {
  let last: CalendarDate | null = held?.date ?? null;
  for (const e of known.events) last = last === null ? e.date : maxDate(last, e.date);
  if (known.outcomeDate) last = last === null ? known.outcomeDate : maxDate(last, known.outcomeDate);
  return last;
}

/** Build the template data for one draft, or say exactly what is missing and how to supply it. */
export function buildDraftData(req: DraftRequest): DraftData {
  const { me, today, kind } = req;
  const settings = req.settings ?? DEFAULT_SETTINGS;
  const salutation: Salutation = me.salutation ?? 'first-name';
  const app = knownOn(req.app, today);
  const year = today.slice(0, 4);
  if (!me.name) {
    throw new UsageError('Letters are signed with your name, and none is set. Set it once:\n  followup config set name "Your Name"');
  }
  const latest = latestRound(app);
  if (!latest) throw new UsageError(`#${app.id} has no interview recorded: followup add --company "${app.company}" ...`);
  // The interview a letter speaks of: the latest one held by today (a round booked ahead has not happened).
  const held = latestRound({ rounds: app.rounds.filter((r) => r.date <= today) });
  const round = held ?? latest;
  // An offer accepted elsewhere by today: the request's, else the offer elsewhere when that is the one accepted.
  const acceptedOffer = [req.accepted ?? null, req.offer].find(
    (o): o is OfferFact => !!o && answeredBy(o, today)?.outcome === 'accepted',
  ) ?? null;
  requireHeldRound(kind, app, latest, held, year);
  requireOpenDecision(kind, app, acceptedOffer, year);
  if (kind === 'feedback' || kind === 'thank-feedback') requireRejection(kind, req.app, app, year);
  if (kind === 'keep-in-touch') requireClosed(app, year);
  if (kind === 'withdraw') requireWithdrawable(app, acceptedOffer, year);
  if (kind === 'decline') requireOwnOffer(app, year);
  // The plan's own facts: the decision date, the tries it counts, the conversation that reset them.
  const state = chaseState(app, settings);
  if (kind === 'close-loop' && state) requireTries(app, state, today, settings, year);
  const offer = req.offer && req.offer.date <= today ? req.offer : null;
  if (kind === 'share-offer' && !offer) {
    throw new UsageError(
      'No offer is recorded, so there is nothing true to share: followup never helps claim an offer that does not ' +
        'exist. When you do have one, record it first: followup outcome <ref> offer',
    );
  }
  const recipient = pickRecipient({ ...req, app });
  if (kind === 'call' && !recipient.phone && !callViaHr(recipient, app)) {
    // No number at all: not the recipient's, and (for a hiring manager) not HR's either.
    const hrContact = app.contacts.find((c) => c.role === 'hr');
    const add =
      recipient.role === 'hiring-manager'
        ? `--phone "..." (theirs), or ` + (hrContact ? `--hr-phone "..." (${hrContact.name}'s, to ask HR for their direct line)` : `--hr "NAME" --hr-phone "..." (HR's, to ask for their direct line)`)
        : recipient.role === 'hr'
          ? `--hr-phone "..."`
          : `--phone "..."`;
    throw new UsageError(
      `No phone number is recorded for ${recipient.name}${recipient.role === 'hiring-manager' ? ' or HR' : ''}. ` +
        `Add one: followup edit ${app.id} ${add}` +
        (recipient.email ? `\nOr write instead: followup draft check-in ${app.id}` : ''),
    );
  }
  const feedbackGiven = app.events.some((e) => e.type === 'feedback-received');
  if (kind === 'thank-feedback' && !feedbackGiven) {
    throw new UsageError(
      `No feedback is recorded for #${app.id} yet. When it comes, record it first:\n` +
        `  followup log ${app.id} feedback-received --with "NAME" --takeaway "what you take from it, in your own words"`,
    );
  }
  if (kind === 'call' && !me.phone) {
    throw new UsageError('A voicemail needs your callback number, and none is set:\n  followup config set phone "+1 555 0000"');
  }
  const hm = app.contacts.find((c) => c.role === 'hiring-manager') ?? null;
  const hr = app.contacts.find((c) => c.role === 'hr') ?? app.contacts.find((c) => c.role === 'recruiter') ?? null;
  // The date the company gave: at the interview, or later in a conversation (never an assumed one).
  const decision = state ? decisionOf(state) : null;
  const decisionDate = decision && (decision.source === 'given' || decision.source === 'spoke-new-date') ? decision.date : null;
  const attempts = state ? attemptsOf(state.attempts) : [];
  const needs = app.needs.map(parseNeed).filter((n) => n.text !== '');
  const contactDate = lastContactDate(app, held);
  const feedbackEvents = sortEvents(app.events).filter((e) => e.type === 'feedback-received');
  const lastFeedback = feedbackEvents.length > 0 ? feedbackEvents[feedbackEvents.length - 1] : null;
  const interviewDay = day(round.date, year);
  const data: DraftData = {
    kind,
    id: app.id,
    company: app.company,
    role: app.role,
    round: round.number,
    interview: { ...interviewDay, time: round.time, kind: round.kind, after: afterInterview(round.kind) },
    interviewDate: round.date,
    interviewDay: interviewDay.day,
    recipient: person(recipient, salutation),
    interviewers: app.contacts.filter((c) => c.role === 'interviewer').map((c) => person(c, salutation)),
    hiringManager: hm ? person(hm, salutation) : null,
    hr: hr ? person(hr, salutation) : null,
    needs,
    needsMet: needs.filter((n) => n.fit !== null),
    needsOpen: needs.filter((n) => n.fit === null),
    why: sentence(app.why),
    expand: app.expand.map((e) => sentence(e, true)).filter((e): e is string => e !== null),
    notes: inSentence(round.notes),
    nextSteps: inSentence(round.nextSteps),
    decision: decisionDate ? { ...day(decisionDate, year), passed: today > decisionDate } : null,
    tries: { count: attempts.length, text: triesText(attempts, today) },
    lastTry: lastTryOf(state?.attempts ?? [], year),
    conversation: decision?.spokeOn ? day(decision.spokeOn, year) : null,
    lastContact: contactDate ? { ...day(contactDate, year), elapsed: elapsedText(contactDate, today) } : null,
    feedback: lastFeedback
      ? {
          ...dayMonth(lastFeedback.date, year),
          takeaway: sentence(lastFeedback.takeaway ?? null),
          note: inSentence(lastFeedback.note),
          fromRecipient: lastFeedback.withName !== null && sameName(lastFeedback.withName, recipient.name),
        }
      : null,
    offerShared: offerSharedOf(app, offer, today, year),
    interviews: interviewsOf(app, today, year),
    booked: bookedOf(app, today, year),
    accepted: acceptedOffer
      ? {
          ...dayMonth(acceptedOffer.answer!.date, year),
          company: req.nameCompany ? acceptedOffer.company : null,
          offer: dayMonth(acceptedOffer.date, year),
        }
      : null,
    theirOffer: theirOfferOf(app, today, year),
    suggestLinkedIn: kind === 'keep-in-touch' && lastLoggedIsLetter(app),
    stillInterested: !app.notInterested,
    prefer: req.prefer,
    reason: sentence(req.reason, true),
    me: { name: me.name, firstName: firstName(me.name), greeting: greetingName(me.name, salutation), email: me.email, phone: me.phone },
    today: day(today, year),
  };
  if (kind === 'share-offer' && offer) {
    const answer = answeredBy(offer, today);
    // A deadline is stated only while it is ahead (or today) and the offer still open: never one passed or answered.
    const respondBy = !answer && offer.respondBy && offer.respondBy >= today ? offer.respondBy : null;
    data.offer = {
      ...day(offer.date, year),
      company: req.nameCompany ? offer.company : null,
      isToday: offer.date === today,
      respondBy: respondBy ? day(respondBy, year) : null,
      declined: answer?.outcome === 'declined' ? day(answer.date, year) : null,
    };
  }
  return data;
}

/** The interviews held by today, and their dates in words ("Monday 30 November"; "30 November and 8 December"). */
function interviewsOf(app: Application, today: CalendarDate, year: string): DraftData['interviews'] {
  const held = [...app.rounds]
    .filter((r) => r.date <= today)
    .sort((a, b) => (a.date === b.date ? a.number - b.number : a.date < b.date ? -1 : 1));
  const dates = [...new Set(held.map((r) => r.date))];
  const days = dates.map((d) => dayMonth(d, year));
  const text =
    days.length === 1
      ? days[0].day
      : days.length === 0
        ? ''
        : `${days.slice(0, -1).map((d) => d.dayMonth).join(', ')} and ${days[days.length - 1].dayMonth}`;
  return { held: held.map((r) => ({ ...dayMonth(r.date, year), round: r.number })), text, several: dates.length > 1 };
}

/** The next interview recorded after today, or null. */
function bookedOf(app: Application, today: CalendarDate, year: string): DraftData['booked'] {
  const next = [...app.rounds].filter((r) => r.date > today).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.number - b.number))[0];
  return next ? { ...day(next.date, year), round: next.number, time: next.time } : null;
}

/** The offer this application made: its outcome, or the last offer of its history before a decline. */
function theirOfferOf(app: Application, today: CalendarDate, year: string): DraftData['theirOffer'] {
  let offerDate: CalendarDate | null = null;
  let respondBy: CalendarDate | null = null;
  let declined: CalendarDate | null = null;
  if (app.outcome === 'offer') {
    offerDate = app.outcomeDate;
    respondBy = app.respondBy ?? null;
  } else if (app.outcome === 'declined' || app.outcome === 'accepted') {
    const offers = (app.pastOutcomes ?? []).filter((p) => p.outcome === 'offer' && p.date !== null);
    const last = offers[offers.length - 1];
    if (!last) return null;
    offerDate = last.date;
    respondBy = last.respondBy ?? null;
    declined = app.outcome === 'declined' ? app.outcomeDate : null;
  }
  if (offerDate === null || offerDate > today) return null;
  return {
    ...dayMonth(offerDate, year),
    respondBy: respondBy ? day(respondBy, year) : null,
    declined: declined ? day(declined, year) : null,
  };
}

/** Events that record a letter of the user's, sent: what they have heard from the user last. */
const LETTER_EVENTS: readonly EventType[] = ['thanks-sent', 'emailed', 'feedback-asked', 'offer-shared', 'loop-closed', 'kept-in-touch'];

/**
 * Whether the last thing logged is a letter of the user's, with nothing heard from them since:
 * no later event of any kind, and no decision of theirs (a rejection, an offer) dated after it.
 */
function lastLoggedIsLetter(app: Application): boolean {
  const events = sortEvents(app.events);
  const last = events[events.length - 1];
  if (!last || !LETTER_EVENTS.includes(last.type)) return false;
  const theirs = app.outcome === 'rejected' || app.outcome === 'offer';
  return !(theirs && app.outcomeDate !== null && app.outcomeDate > last.date);
}

/** A complete sample, every optional field filled, for checking templates. */
export function sampleDraftData(kind: DraftKind, withOptional: boolean): DraftData {
  const d = (date: string) => day(date, '2026');
  const dm = (date: string) => dayMonth(date, '2026');
  const nobody = { topic: null, topicPhrase: null, okToCall: false };
  const dana: PersonData = {
    name: 'Dana Reyes', firstName: 'Dana', greeting: 'Dana', role: 'hiring manager', phone: '+1 555 0100', email: 'dana@example.com',
    ...(withOptional
      ? { topic: 'asked about scaling', topicPhrase: topicPhrase('asked about scaling'), okToCall: true }
      : nobody),
  };
  const needs: NeedData[] = withOptional
    ? [{ text: 'Postgres on-call', fit: 'I ran the on-call rotation for two years.' }, { text: 'mentoring', fit: null }]
    : [];
  const data: DraftData = {
    kind,
    id: 3,
    company: 'Acme',
    role: 'Backend Engineer',
    round: 1,
    interview: {
      ...d('2026-12-02'),
      time: withOptional ? '10:00' : null,
      kind: withOptional ? 'video' : null,
      after: afterInterview(withOptional ? 'video' : null),
    },
    interviewDate: '2026-12-02',
    interviewDay: d('2026-12-02').day,
    recipient: dana,
    interviewers: withOptional
      ? [{ ...dana, name: 'Priya Natarajan', firstName: 'Priya', greeting: 'Priya', role: 'interviewer', topic: 'the ledger', topicPhrase: topicPhrase('the ledger'), okToCall: false }]
      : [],
    hiringManager: withOptional ? dana : null,
    hr: withOptional ? { name: 'Sam Lee', firstName: 'Sam', greeting: 'Sam', role: 'HR', phone: null, email: 'sam@example.com', ...nobody } : null,
    needs,
    needsMet: needs.filter((n) => n.fit !== null),
    needsOpen: needs.filter((n) => n.fit === null),
    why: withOptional ? 'the payments platform is the system I want to work on.' : null,
    expand: withOptional ? ['When you asked about scaling, I left out the sharding work.'] : [],
    notes: withOptional ? 'team of six' : null,
    nextSteps: withOptional ? 'a final round with the CTO' : null,
    decision: withOptional ? { ...d('2026-12-04'), passed: true } : null,
    tries: withOptional ? { count: 2, text: 'I called on 7 and 10 December' } : { count: 0, text: '' },
    lastTry: withOptional
      ? { ...dm('2026-12-10'), channel: 'call', how: 'voicemail', noAnswer: false, reference: 'the message I left on 10 December' }
      : null,
    conversation: withOptional ? d('2026-12-03') : null,
    lastContact: withOptional ? { ...d('2026-12-03'), elapsed: null } : null,
    feedback: withOptional
      ? { ...dm('2026-12-10'), takeaway: 'keep my answers under two minutes.', note: 'more system design depth', fromRecipient: true }
      : null,
    offerShared: withOptional ? { ...dm('2026-12-08'), offer: dm('2026-12-07'), preferred: true } : null,
    interviews: { held: [{ ...dm('2026-12-02'), round: 1 }], text: d('2026-12-02').day, several: false },
    booked: withOptional ? { ...d('2026-12-15'), round: 2, time: '15:00' } : null,
    // A withdrawal always has the acceptance it reports, and a decline the offer it turns down.
    accepted:
      withOptional || kind === 'withdraw'
        ? { ...dm('2026-12-11'), company: withOptional ? 'Initech' : null, offer: dm('2026-12-07') }
        : null,
    theirOffer:
      withOptional || kind === 'decline'
        ? { ...dm('2026-12-09'), respondBy: withOptional ? d('2026-12-18') : null, declined: null }
        : null,
    suggestLinkedIn: withOptional,
    stillInterested: withOptional,
    prefer: withOptional,
    reason: withOptional ? 'I just finished a course on distributed systems.' : null,
    me: { name: 'Alex Morgan', firstName: 'Alex', greeting: 'Alex', email: withOptional ? 'alex@example.com' : null, phone: withOptional ? '+1 555 0199' : null },
    today: d('2026-12-07'),
  };
  if (kind === 'share-offer') {
    data.offer = {
      ...d(withOptional ? '2026-12-07' : '2026-12-04'),
      company: withOptional ? 'Initech' : null,
      isToday: withOptional,
      respondBy: withOptional ? d('2026-12-18') : null,
      declined: null,
    };
  }
  return data;
}
