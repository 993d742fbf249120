/** What a letter template sees: the recorded facts, shaped for writing. Pure: no I/O, no clock. */
import { chaseContact, chaseState, latestRound, letterContact, sortEvents } from '../core/cadence.js';
import { formatDay, formatDayLong } from '../core/calendar.js';
import type { Me } from '../core/config.js';
import {
  DEFAULT_SETTINGS,
  ROLE_WORDS,
  type Application,
  type CalendarDate,
  type Contact,
  type EventType,
  type Settings,
} from '../core/types.js';
import type { DraftKind } from '../core/actions.js';
import { UsageError } from '../errors.js';

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
};

/** A person as templates see them. */
export interface PersonData {
  name: string;
  firstName: string;
  role: string;
  phone: string | null;
  email: string | null;
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

/** Everything a template may name; every key is always present (null or empty when unknown). */
export interface DraftData {
  kind: DraftKind;
  /** The application's number (for the follow-up commands a script mentions). */
  id: number;
  company: string;
  role: string;
  round: number;
  interview: DayData & { time: string | null; kind: string | null };
  /** The interview date raw (YYYY-MM-DD) and in words, as top-level shortcuts. */
  interviewDate: CalendarDate;
  interviewDay: string;
  recipient: PersonData;
  interviewers: PersonData[];
  hiringManager: PersonData | null;
  hr: PersonData | null;
  needs: NeedData[];
  why: string | null;
  expand: string[];
  notes: string | null;
  nextSteps: string | null;
  decision: DayData | null;
  feedback: (DayData & { note: string | null }) | null;
  stillInterested: boolean;
  /** `--prefer`: this is still the role the user would most like (share-offer). */
  prefer: boolean;
  /** `--reason TEXT`: why the user is getting back in touch (keep-in-touch). */
  reason: string | null;
  me: { name: string; firstName: string; email: string | null; phone: string | null };
  today: DayData;
  /** Present only when an offer is recorded (share-offer). */
  offer?: DayData & { company: string | null };
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

function person(c: Contact): PersonData {
  return { name: c.name, firstName: firstName(c.name), role: ROLE_WORDS[c.role] ?? c.role, phone: c.phone, email: c.email };
}

function day(date: CalendarDate, year: string): DayData {
  return { date, day: formatDayLong(date, year), short: formatDay(date, year) };
}

/** Split `need :: how I meet it`. */
export function parseNeed(text: string): NeedData {
  const at = text.indexOf('::');
  if (at < 0) return { text: inSentence(text) ?? '', fit: null };
  return { text: inSentence(text.slice(0, at)) ?? '', fit: inSentence(text.slice(at + 2)) };
}

/** Free text as it reads inside a sentence: trimmed, without a closing full stop. */
function inSentence(text: string | null): string | null {
  if (text === null) return null;
  const t = text.trim().replace(/[.\s]+$/, '');
  return t === '' ? null : t;
}

/** The recorded offer the share-offer letter may speak of, or null when there is none. */
export interface OfferFact {
  company: string;
  date: CalendarDate;
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
  /** `--name-company`: name the other employer in the share-offer letter. */
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

/** Build the template data for one draft, or say exactly what is missing and how to supply it. */
export function buildDraftData(req: DraftRequest): DraftData {
  const { app, me, today, kind } = req;
  const year = today.slice(0, 4);
  if (!me.name) {
    throw new UsageError('Letters are signed with your name, and none is set. Set it once:\n  followup config set name "Your Name"');
  }
  const round = latestRound(app);
  if (!round) throw new UsageError(`#${app.id} has no interview recorded: followup add --company "${app.company}" ...`);
  if (kind === 'share-offer' && !req.offer) {
    throw new UsageError(
      'No offer is recorded, so there is nothing true to share: followup never helps claim an offer that does not ' +
        'exist. When you do have one, record it first: followup outcome <ref> offer',
    );
  }
  const recipient = pickRecipient(req);
  if (kind === 'call' && !(recipient.phone)) {
    throw new UsageError(
      `No phone number is recorded for ${recipient.name}. Add it: followup edit ${app.id} ` +
        (recipient.role === 'hr' ? `--hr-phone "..."` : `--phone "..."`) +
        (recipient.email ? ` (or write instead: followup draft check-in ${app.id})` : ''),
    );
  }
  const feedbackGiven = app.events.some((e) => e.type === 'feedback-received');
  if (kind === 'thank-feedback' && !feedbackGiven) {
    throw new UsageError(
      `No feedback is recorded for #${app.id} yet. When it comes, record it first:\n` +
        `  followup log ${app.id} feedback-received --with "NAME" --note "what they pointed out"`,
    );
  }
  if (kind === 'call' && !me.phone) {
    throw new UsageError('A voicemail needs your callback number, and none is set:\n  followup config set phone "+1 555 0000"');
  }
  const hm = app.contacts.find((c) => c.role === 'hiring-manager') ?? null;
  const hr = app.contacts.find((c) => c.role === 'hr') ?? app.contacts.find((c) => c.role === 'recruiter') ?? null;
  // The date the company gave: at the interview, or later in a conversation (never an assumed one).
  const state = chaseState(app, req.settings ?? DEFAULT_SETTINGS);
  const decisionDate =
    state && (state.decisionSource === 'given' || state.decisionSource === 'spoke-new-date') ? state.decision : null;
  const feedbackEvents = sortEvents(app.events).filter((e) => e.type === 'feedback-received');
  const lastFeedback = feedbackEvents.length > 0 ? feedbackEvents[feedbackEvents.length - 1] : null;
  const interviewDay = day(round.date, year);
  const data: DraftData = {
    kind,
    id: app.id,
    company: app.company,
    role: app.role,
    round: round.number,
    interview: { ...interviewDay, time: round.time, kind: round.kind },
    interviewDate: round.date,
    interviewDay: interviewDay.day,
    recipient: person(recipient),
    interviewers: app.contacts.filter((c) => c.role === 'interviewer').map(person),
    hiringManager: hm ? person(hm) : null,
    hr: hr ? person(hr) : null,
    needs: app.needs.map(parseNeed).filter((n) => n.text !== ''),
    why: inSentence(app.why),
    expand: app.expand.map((e) => e.trim()).filter((e) => e !== ''),
    notes: app.rounds.length > 0 ? inSentence(round.notes) : null,
    nextSteps: inSentence(round.nextSteps),
    decision: decisionDate ? day(decisionDate, year) : null,
    feedback: lastFeedback ? { ...day(lastFeedback.date, year), note: inSentence(lastFeedback.note) } : null,
    stillInterested: !app.notInterested,
    prefer: req.prefer,
    reason: inSentence(req.reason),
    me: { name: me.name, firstName: firstName(me.name), email: me.email, phone: me.phone },
    today: day(today, year),
  };
  if (kind === 'share-offer' && req.offer) {
    data.offer = { ...day(req.offer.date, year), company: req.nameCompany ? req.offer.company : null };
  }
  return data;
}

/** A complete sample, every optional field filled, for checking templates. */
export function sampleDraftData(kind: DraftKind, withOptional: boolean): DraftData {
  const dana: PersonData = { name: 'Dana Reyes', firstName: 'Dana', role: 'hiring manager', phone: '+1 555 0100', email: 'dana@example.com' };
  const d = (date: string) => day(date, '2026');
  const data: DraftData = {
    kind,
    id: 3,
    company: 'Acme',
    role: 'Backend Engineer',
    round: 1,
    interview: { ...d('2026-12-02'), time: withOptional ? '10:00' : null, kind: withOptional ? 'video' : null },
    interviewDate: '2026-12-02',
    interviewDay: d('2026-12-02').day,
    recipient: dana,
    interviewers: withOptional ? [{ ...dana, name: 'Priya Natarajan', firstName: 'Priya', role: 'interviewer' }] : [],
    hiringManager: withOptional ? dana : null,
    hr: withOptional ? { name: 'Sam Lee', firstName: 'Sam', role: 'HR', phone: null, email: 'sam@example.com' } : null,
    needs: withOptional ? [{ text: 'Postgres on-call', fit: 'I ran the on-call rotation for two years' }, { text: 'mentoring', fit: null }] : [],
    why: withOptional ? 'the payments platform is the system I want to work on' : null,
    expand: withOptional ? ['When you asked about scaling, I left out the sharding work.'] : [],
    notes: withOptional ? 'team of six' : null,
    nextSteps: withOptional ? 'a final round with the CTO' : null,
    decision: withOptional ? d('2026-12-04') : null,
    feedback: withOptional ? { ...d('2026-12-10'), note: 'more system design depth' } : null,
    stillInterested: withOptional,
    prefer: withOptional,
    reason: withOptional ? 'I just finished a course on distributed systems' : null,
    me: { name: 'Alex Morgan', firstName: 'Alex', email: withOptional ? 'alex@example.com' : null, phone: withOptional ? '+1 555 0199' : null },
    today: d('2026-12-07'),
  };
  if (kind === 'share-offer') data.offer = { ...d('2026-12-09'), company: withOptional ? 'Initech' : null };
  return data;
}
