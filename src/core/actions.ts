/**
 * Every action `today` can list, in one table: the letter or script that helps with it, the
 * events that record it done, how the list says it and how a calendar titles it. Everything
 * else (the list, `show`, `log`'s hints, the calendar, `draft --mark-sent`) reads it from here;
 * adding an action is one entry here plus its rule in cadence.ts.
 */
import type { Action, Channel, EventType, Outcome } from './types.js';

/** The letters and scripts `followup draft` writes. */
export const DRAFT_KINDS = [
  'thanks',
  'check-in',
  'call',
  'feedback',
  'thank-feedback',
  'share-offer',
  'close-loop',
  'keep-in-touch',
  'withdraw',
  'decline',
] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

/** What the registry knows of one action. `who` is the contact's name, or "the company". */
export interface ActionSpec {
  /** The draft that helps: a call script or an email for a chase, else one letter; null: none (see `help`). */
  draftKind(channel: Channel | null): DraftKind | null;
  /** The command that helps when there is no draft: `followup show 3`. */
  help?(id: number): string;
  /** Other letters that may help (`decide-offer`: the `decline` letter). */
  alsoDrafts?: readonly DraftKind[];
  /** The `followup log` events that record it done (none: an outcome does, or it passes with its day). */
  doneBy(channel: Channel | null): readonly EventType[];
  /** The outcomes that record it done (`followup outcome 3 accepted|declined`). */
  doneByOutcome?: readonly Outcome[];
  /** The imperative the list shows: "Call Dana Reyes about the decision". */
  phrase(who: string, channel: Channel | null): string;
  /** A calendar event's title, before " at Company (Role)": "Call Dana Reyes". */
  calendarTitle(who: string, channel: Channel | null): string;
}

/** A chase goes by phone unless the plan says email. */
const byEmail = (channel: Channel | null) => channel === 'email';

export const ACTION_SPECS: Readonly<Record<Action, ActionSpec>> = {
  'prepare-interview': {
    draftKind: () => null,
    help: (id) => `followup show ${id}`,
    doneBy: () => [],
    // The contact is whom letters go to, not necessarily who interviews: the reason names the interviewers.
    phrase: () => 'Prepare for the interview',
    calendarTitle: () => 'Prepare for the interview',
  },
  'decide-offer': {
    draftKind: () => null,
    help: (id) => `followup show ${id}`,
    alsoDrafts: ['decline'],
    doneBy: () => [],
    doneByOutcome: ['accepted', 'declined'],
    phrase: (who) => (who === 'the company' ? 'Answer the offer' : `Answer ${who} about the offer`),
    calendarTitle: (who) => (who === 'the company' ? 'Answer the offer' : `Answer ${who} about the offer`),
  },
  withdraw: {
    draftKind: () => 'withdraw',
    doneBy: () => [],
    doneByOutcome: ['withdrawn'],
    phrase: (who) => `Withdraw graciously: write to ${who}`,
    calendarTitle: (who) => `Withdraw: write to ${who}`,
  },
  'send-thanks': {
    draftKind: () => 'thanks',
    doneBy: () => ['thanks-sent'],
    phrase: (who) => `Send a thank-you to ${who}`,
    calendarTitle: (who) => `Send a thank-you to ${who}`,
  },
  'thank-for-feedback': {
    draftKind: () => 'thank-feedback',
    doneBy: () => ['thanks-sent'],
    phrase: (who) => `Thank ${who} for the feedback`,
    calendarTitle: (who) => `Thank ${who} for the feedback`,
  },
  'share-offer': {
    draftKind: () => 'share-offer',
    doneBy: () => ['offer-shared'],
    phrase: (who) => `Tell ${who} about your other offer`,
    calendarTitle: (who) => `Tell ${who} about your offer`,
  },
  'check-status': {
    draftKind: (channel) => (byEmail(channel) ? 'check-in' : 'call'),
    doneBy: (channel) => (byEmail(channel) ? ['emailed'] : ['no-answer', 'voicemail', 'spoke']),
    phrase: (who, channel) => (byEmail(channel) ? `Email ${who} about the decision` : `Call ${who} about the decision`),
    calendarTitle: (who, channel) => (byEmail(channel) ? `Email ${who}` : `Call ${who}`),
  },
  'close-loop': {
    draftKind: () => 'close-loop',
    doneBy: () => ['loop-closed'],
    phrase: (who) => `Send ${who} a gracious closing note`,
    calendarTitle: (who) => `Send a closing note to ${who}`,
  },
  'ask-feedback': {
    draftKind: () => 'feedback',
    doneBy: () => ['feedback-asked'],
    phrase: (who) => `Ask ${who} for feedback`,
    calendarTitle: (who) => `Ask ${who} for feedback`,
  },
  'keep-in-touch': {
    draftKind: () => 'keep-in-touch',
    doneBy: () => ['kept-in-touch'],
    phrase: (who) => `Keep in touch with ${who}`,
    calendarTitle: (who) => `Keep in touch with ${who}`,
  },
};

/** An item as the registry reads it. */
export interface ActionOf {
  id: number;
  action: Action;
  channel: Channel | null;
  contact: { name: string } | null;
}

/** "Call Dana Reyes about the decision" (or "... the company" when nobody is recorded). */
export function actionPhrase(item: Omit<ActionOf, 'id'>): string {
  return ACTION_SPECS[item.action].phrase(item.contact?.name ?? 'the company', item.channel);
}

/** The command that helps with an item: `followup draft call 3`, or `followup show 3` when no letter does. */
export function draftCommand(item: Omit<ActionOf, 'contact'>): string {
  const spec = ACTION_SPECS[item.action];
  const kind = spec.draftKind(item.channel);
  if (kind === null) return spec.help ? spec.help(item.id) : `followup show ${item.id}`;
  return `followup draft ${kind} ${item.id}`;
}

/**
 * The command that records an item done: `followup log 3 no-answer|voicemail|spoke`, or
 * `followup outcome 3 accepted|declined`; null when nothing does (a booked interview passes with its day).
 */
export function logCommand(item: Omit<ActionOf, 'contact'>): string | null {
  const spec = ACTION_SPECS[item.action];
  const events = spec.doneBy(item.channel);
  if (events.length > 0) return `followup log ${item.id} ${events.join('|')}`;
  if (spec.doneByOutcome?.length) return `followup outcome ${item.id} ${spec.doneByOutcome.join('|')}`;
  return null;
}
