/** The domain of followup: what is recorded about an interview and what the plan says. */

/** A calendar date, `YYYY-MM-DD`, with no time and no zone. */
export type CalendarDate = string;

export const INTERVIEW_KINDS = ['phone', 'video', 'onsite'] as const;
export type InterviewKind = (typeof INTERVIEW_KINDS)[number];

export const CONTACT_ROLES = ['hiring-manager', 'hr', 'interviewer', 'recruiter'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** How a contact's role reads in a sentence. */
export const ROLE_WORDS: Record<ContactRole, string> = {
  'hiring-manager': 'hiring manager',
  hr: 'HR',
  interviewer: 'interviewer',
  recruiter: 'recruiter',
};

export const OUTCOMES = ['offer', 'accepted', 'declined', 'rejected', 'withdrawn'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** The outcomes that answer an offer (they follow one; the offer stays in the history). */
export const OFFER_ANSWERS: readonly Outcome[] = ['accepted', 'declined'];

export type Status = 'active' | Outcome | 'no-response';

export const EVENT_TYPES = [
  'thanks-sent',
  'no-answer',
  'voicemail',
  'emailed',
  'spoke',
  'feedback-asked',
  'feedback-received',
  'offer-shared',
  'kept-in-touch',
  'loop-closed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Unanswered status chases (cadence rule 4). */
export const UNANSWERED_EVENTS: readonly EventType[] = ['no-answer', 'voicemail', 'emailed'];
/** Events that count as contact with the company (cadence rule 3's L). */
export const CONTACT_EVENTS: readonly EventType[] = ['no-answer', 'voicemail', 'emailed', 'spoke', 'offer-shared'];

/** One interview of an application. */
export interface Round {
  id: number;
  /** Stable identity across exports and imports (set by the store). */
  uuid?: string;
  number: number;
  date: CalendarDate;
  time: string | null;
  kind: InterviewKind | null;
  decisionBy: CalendarDate | null;
  nextSteps: string | null;
  notes: string | null;
  /** The day it was recorded (a round booked ahead is known from then); absent: its own date. */
  recordedOn?: CalendarDate | null;
}

/** A person at the company. */
export interface Contact {
  id: number;
  /** Stable identity across exports and imports (set by the store). */
  uuid?: string;
  name: string;
  role: ContactRole;
  phone: string | null;
  email: string | null;
  noCalls: boolean;
  /** They said calling them directly is fine (`log N spoke --ok-to-call`). */
  okToCall?: boolean;
  /** The day it was recorded; absent or null: known from the start. */
  recordedOn?: CalendarDate | null;
  /** The round they came with (an interviewer's round); null when not known. */
  round?: number | null;
  /** What this interviewer talked about (`--interviewer "Priya :: asked about scaling"`). */
  topic?: string | null;
}

/** Something that happened, as logged by the user. */
export interface FollowupEvent {
  id: number;
  /** Stable identity across exports and imports (set by the store). */
  uuid?: string;
  type: EventType;
  date: CalendarDate;
  withName: string | null;
  note: string | null;
  newDate: CalendarDate | null;
  /** The role of the person it was with, as known that day. */
  withRole?: ContactRole | null;
  /** For `feedback-received`: the user's own first-person takeaway (`--takeaway`). */
  takeaway?: string | null;
}

/** An outcome that a later one replaced (`outcome --replace`): kept as history. */
export interface PastOutcome {
  id: number;
  uuid?: string;
  outcome: Outcome;
  date: CalendarDate | null;
  note: string | null;
  notInterested: boolean;
  /** The day it was replaced (for an offer answered with accepted or declined: the answer's date). */
  replacedOn: CalendarDate;
  /** For an offer: the day the user had to answer by. */
  respondBy?: CalendarDate | null;
}

/** One company + role, with everything recorded about it. */
export interface Application {
  id: number;
  uuid: string;
  company: string;
  role: string;
  why: string | null;
  rounds: Round[];
  contacts: Contact[];
  needs: string[];
  expand: string[];
  events: FollowupEvent[];
  outcome: Outcome | null;
  outcomeDate: CalendarDate | null;
  outcomeNote: string | null;
  notInterested: boolean;
  /** Earlier outcomes, oldest first. */
  pastOutcomes?: PastOutcome[];
  /** For an offer: the day the user must answer by (`outcome N offer --respond-by`). */
  respondBy?: CalendarDate | null;
}

/**
 * What the cadence reads of an application, and all that `today` loads (store.listPlanned):
 * the rules never see notes, times, facts or who an event was with.
 */
export type PlanRound = Pick<Round, 'id' | 'number' | 'date' | 'decisionBy' | 'recordedOn'> &
  Partial<Pick<Round, 'time' | 'kind' | 'nextSteps'>>;
export type PlanEvent = Pick<FollowupEvent, 'id' | 'type' | 'date' | 'newDate'>;
export type PlanContact = Omit<Contact, 'uuid'>;
export interface PlanApplication {
  id: number;
  uuid?: string;
  company: string;
  role: string;
  rounds: PlanRound[];
  contacts: PlanContact[];
  events: PlanEvent[];
  outcome: Outcome | null;
  outcomeDate: CalendarDate | null;
  notInterested: boolean;
  /** Earlier outcomes (what was known on an earlier day), oldest first. */
  pastOutcomes?: Pick<PastOutcome, 'outcome' | 'date' | 'notInterested' | 'replacedOn' | 'respondBy'>[];
  /** For an offer: the day the user must answer by (rule 15). */
  respondBy?: CalendarDate | null;
  /** What the company said it needs and the answers to expand on (what a booked interview prepares). */
  needs?: string[];
  expand?: string[];
}

/** The cadence settings of cadence.md. */
export interface Settings {
  assumeDecisionWorkdays: number;
  minGapDays: number;
  maxGapDays: number;
  maxAttempts: number;
  maxVoicemails: number;
  keepInTouchDays: number;
  holidays: CalendarDate[];
}

export const DEFAULT_SETTINGS: Settings = {
  assumeDecisionWorkdays: 5,
  minGapDays: 3,
  maxGapDays: 4,
  maxAttempts: 4,
  maxVoicemails: 2,
  keepInTouchDays: 90,
  holidays: [],
};

export const ACTIONS = [
  'prepare-interview',
  'decide-offer',
  'withdraw',
  'send-thanks',
  'thank-for-feedback',
  'share-offer',
  'check-status',
  'close-loop',
  'ask-feedback',
  'keep-in-touch',
] as const;
/** What the user should do; the order is the list's tie-break order (rule 13). */
export type Action = (typeof ACTIONS)[number];

export type Channel = 'phone' | 'email';

/** The person an item names. */
export interface ItemContact {
  name: string;
  role: ContactRole;
  phone: string | null;
  email: string | null;
}

/** The decision date D of rule 2, and how it came about. */
export interface Decision {
  date: CalendarDate;
  source: 'given' | 'assumed' | 'spoke-new-date' | 'spoke-assumed';
  /** The conversation that set it (the spoke-* sources). */
  spokeOn: CalendarDate | null;
}

/** One unanswered status chase: when, and how. */
export interface ChaseAttempt {
  date: CalendarDate;
  channel: Channel;
}

/**
 * Why an item is listed, as facts (a code and what the records say); src/words turns it into
 * English, so that the list, the calendar and the letters cite the same facts.
 */
export type ItemReason =
  | { code: 'thanks'; round: number; date: CalendarDate; late: boolean }
  | { code: 'chase'; decision: Decision; attempts: ChaseAttempt[]; closing: boolean }
  | {
      code: 'share-offer';
      /** The offer elsewhere: its deadline and its answer only when recorded (and known that day). */
      offer: {
        company: string;
        date: CalendarDate;
        respondBy?: CalendarDate;
        answer?: { outcome: 'accepted' | 'declined'; date: CalendarDate };
      };
    }
  | { code: 'ask-feedback'; rejected: CalendarDate }
  | { code: 'thank-feedback'; feedback: CalendarDate }
  | { code: 'keep-in-touch'; lastContact: CalendarDate }
  | {
      code: 'prepare-interview';
      round: number;
      date: CalendarDate;
      time: string | null;
      kind: InterviewKind | null;
      /** The interviewers recorded for that round, by name. */
      interviewers: string[];
      /** What the company said it needs, the answers to expand on, and the next steps recorded at the round before. */
      needs: string[];
      expand: string[];
      nextSteps: string | null;
    }
  | { code: 'decide-offer'; offer: CalendarDate | null; respondBy: CalendarDate }
  | { code: 'withdraw'; accepted: { company: string; date: CalendarDate } };

/** Advice shown under an item (how to reach the person, what is missing). */
export type ItemNote =
  | { code: 'voicemails-write-instead'; voicemails: number }
  | { code: 'no-calls-write'; name: string }
  | { code: 'no-calls-no-email'; name: string }
  | { code: 'no-phone-or-email'; name: string }
  | { code: 'voicemails-no-email'; voicemails: number; name: string }
  | { code: 'ask-for-manager'; id: number }
  | { code: 'no-contact'; id: number };

/** One thing to do for one application. */
export interface PlanItem {
  id: number;
  company: string;
  role: string;
  action: Action;
  earliest: CalendarDate;
  due: CalendarDate;
  overdue: boolean;
  attempt: number | null;
  channel: Channel | null;
  contact: ItemContact | null;
  why: ItemReason;
  notes: ItemNote[];
}

/** Why an application waits: its decision date, or the tries made so far. */
export type WaitingReason =
  | { code: 'decision'; decision: Decision }
  | { code: 'attempts'; attempts: ChaseAttempt[]; earliest: CalendarDate };

/** An active application whose next chase lies in the future. */
export interface WaitingEntry {
  id: number;
  company: string;
  role: string;
  next: CalendarDate;
  action: 'check-status' | 'close-loop';
  why: WaitingReason | null;
  /** A booked round not yet held (rule 14): "interview on Tue 8 Dec at 15:00". */
  interview?: { round: number; date: CalendarDate; time: string | null; kind: InterviewKind | null } | null;
}

/** A chase recorded sooner than the rules allow, or on a day off (what `log` warns about). */
export type ChaseWarning =
  | { code: 'not-a-workday'; date: CalendarDate; nextWorkday: CalendarDate }
  | {
      code: 'too-soon';
      allowedFrom: CalendarDate;
      before: 'decision' | 'gap';
      decision: CalendarDate;
      lastContact: CalendarDate | null;
    };

/** What `followup today` shows. */
export interface TodayPlan {
  date: CalendarDate;
  workday: boolean;
  items: PlanItem[];
  waiting: WaitingEntry[];
  /** On a non-working day: the next working day and how many items are lined up for it. */
  nextWorkday: CalendarDate | null;
  linedUp: number;
}

/** Derive an application's status from its outcome and events. */
export function statusOf(app: { outcome: Outcome | null; events: readonly Pick<FollowupEvent, 'type'>[] }): Status {
  if (app.outcome) return app.outcome;
  if (app.events.some((e) => e.type === 'loop-closed')) return 'no-response';
  return 'active';
}
