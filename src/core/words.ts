/** How logged events read in a timeline or a report. */
import type { EventType } from './types.js';

/** Each event as a short past-tense phrase, its kind for counting, and the channel it used. */
export const EVENT_WORDS: Record<
  EventType,
  { activity: string; kind: 'contact' | 'letter' | 'received'; channel: 'phone' | 'email' | 'letter' | null }
> = {
  'thanks-sent': { activity: 'Thank-you letter sent', kind: 'letter', channel: 'letter' },
  'no-answer': { activity: 'Called about the decision, no answer', kind: 'contact', channel: 'phone' },
  voicemail: { activity: 'Called about the decision, left a voicemail', kind: 'contact', channel: 'phone' },
  emailed: { activity: 'Wrote about the decision', kind: 'contact', channel: 'email' },
  spoke: { activity: 'Spoke about the decision', kind: 'contact', channel: 'phone' },
  'feedback-asked': { activity: 'Asked for feedback', kind: 'letter', channel: 'letter' },
  'feedback-received': { activity: 'Feedback received', kind: 'received', channel: null },
  'offer-shared': { activity: 'Told them about an offer', kind: 'contact', channel: 'letter' },
  'kept-in-touch': { activity: 'Keep-in-touch note sent', kind: 'letter', channel: 'letter' },
  'loop-closed': { activity: 'Closing note sent', kind: 'letter', channel: 'letter' },
};
