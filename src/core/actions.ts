/**
 * Every action `today` can list, in one table: the letter or script that helps with it, the
 * events that record it done, how the list says it and how a calendar titles it. Everything
 * else (the list, `show`, `log`'s hints, the calendar, `draft --mark-sent`) reads it from here;
 * adding an action is one entry here plus its rule in cadence.ts.
 */
import type { Action, Channel, EventType } from './types.js';

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
] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

/** What the registry knows of one action. `who` is the contact's name, or "the company". */
export interface ActionSpec {
  /** The draft that helps: a call script or an email for a chase, else one letter. */
  draftKind(channel: Channel | null): DraftKind;
  /** The `followup log` events that record it done. */
  doneBy(channel: Channel | null): readonly EventType[];
  /** The imperative the list shows: "Call Dana Reyes about the decision". */
  phrase(who: string, channel: Channel | null): string;
  /** A calendar event's title, before " at Company (Role)": "Call Dana Reyes". */
  calendarTitle(who: string, channel: Channel | null): string;
}

/** A chase goes by phone unless the plan says email. */
const byEmail = (channel: Channel | null) => channel === 'email';

export const ACTION_SPECS: Readonly<Record<Action, ActionSpec>> = {
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

/** The draft command that helps with an item: `followup draft call 3`. */
export function draftCommand(item: Omit<ActionOf, 'contact'>): string {
  return `followup draft ${ACTION_SPECS[item.action].draftKind(item.channel)} ${item.id}`;
}

/** The `followup log` command that records an item done: `followup log 3 no-answer|voicemail|spoke`. */
export function logCommand(item: Omit<ActionOf, 'contact'>): string {
  return `followup log ${item.id} ${ACTION_SPECS[item.action].doneBy(item.channel).join('|')}`;
}
