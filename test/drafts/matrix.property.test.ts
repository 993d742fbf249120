/**
 * The matrix's invariants over random records (issue 12, "Done when"): rounds of any kind, names
 * with and without honorifics, topics, permission to call, any events (tries, conversations,
 * feedback with and without a takeaway, a shared offer with and without a preference), any
 * outcome (an offer with or without a deadline, accepted or declined later), an offer elsewhere or
 * none (with or without a deadline, declined or accepted), an acceptance elsewhere, interviews
 * booked ahead with a time, any number of additions and needs, any day. Every kind is
 * either refused without its premise (exit 2), or rendered with no sentence twice, no doubled
 * punctuation, no honorific as a name, every date and count equal to the records, and no offer
 * that is not recorded and shared.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addDays } from '../../src/core/calendar.js';
import { EVENT_TYPES, type Application, type Contact, type FollowupEvent, type Round } from '../../src/core/types.js';
import { DRAFT_KINDS, PREFER_NOTE, type DraftKind } from '../../src/drafts/data.js';
import { UsageError } from '../../src/errors.js';
import { contact, draft, fullApp, letterProblems, ME_BARE, ME_FULL, type Scene } from './helpers.js';
import { letterInvariants, premiseHolds } from './invariants.js';

const DAY0 = '2026-11-02';
const SECRET = 'PRIVATE-NOTE';
const offset = (max: number) => fc.integer({ min: 0, max });

/** Free text as a user types it, numbers and closing marks included. */
const textArb = fc
  .tuple(
    fc.constantFrom(
      'the ledger work',
      'I carried the pager for two years',
      'we cut p99 latency by 60%',
      'keep answers under two minutes',
      'scaling',
      'asked about scaling',
      'walked me through the on-call rota',
      'I will practise short answers. I talk too long',
    ),
    fc.constantFrom('', '.', '!', '?', '...', '!!'),
  )
  .map(([t, end]) => t + end);

const nameArb = (first: string, last: string) =>
  fc.constantFrom(`${first} ${last}`, `Dr. ${first} ${last}`, `ms ${first} ${last}`, `${first} ${last} Jr.`, first);

const recordArb = fc.record({
  rounds: fc.array(
    fc.record({
      at: offset(40),
      decideIn: fc.option(offset(15), { nil: null }),
      kind: fc.constantFrom('phone', 'video', 'onsite', null),
      // Booked this many days ahead (recorded before its date), with a time; or recorded on the day.
      bookedAhead: fc.option(fc.integer({ min: 1, max: 14 }), { nil: null }),
      time: fc.constantFrom(null, '09:30', '15:00'),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  manager: fc.option(
    fc.record({ name: nameArb('Dana', 'Reyes'), phone: fc.boolean(), okToCall: fc.boolean(), topic: fc.option(textArb, { nil: null }) }),
    { nil: null },
  ),
  interviewers: fc.array(fc.record({ topic: fc.option(textArb, { nil: null }) }), { maxLength: 2 }),
  hr: fc.record({ name: nameArb('Sam', 'Lee'), phone: fc.boolean() }),
  events: fc.array(
    fc.record({
      type: fc.oneof(fc.constantFrom('no-answer', 'voicemail', 'emailed', 'offer-shared' as const), fc.constantFrom(...EVENT_TYPES)),
      at: offset(80),
      newDateIn: fc.option(offset(10), { nil: null }),
      prefer: fc.boolean(),
      takeaway: fc.option(textArb, { nil: null }),
      withManager: fc.boolean(),
    }),
    { maxLength: 8 },
  ),
  why: fc.option(textArb, { nil: null }),
  needs: fc.array(fc.tuple(textArb, fc.option(textArb, { nil: null })), { maxLength: 3 }),
  expand: fc.array(textArb, { maxLength: 3 }),
  outcome: fc.option(
    fc.record({
      type: fc.constantFrom('offer', 'rejected', 'withdrawn', 'accepted', 'declined' as const),
      at: offset(90),
      // An offer's deadline; and for accepted or declined, how long after the offer the answer came.
      respondIn: fc.option(offset(14), { nil: null }),
      answeredIn: offset(10),
    }),
    { nil: null },
  ),
  notInterested: fc.boolean(),
  offerAt: fc.option(offset(90), { nil: null }),
  offerDeadlineIn: fc.option(offset(14), { nil: null }),
  offerAnswer: fc.option(fc.record({ outcome: fc.constantFrom('accepted', 'declined' as const), in: offset(10) }), { nil: null }),
  // Another offer, accepted (when the offer elsewhere is not the accepted one).
  acceptedAt: fc.option(offset(100), { nil: null }),
  nameCompany: fc.boolean(),
  richMe: fc.boolean(),
  toInterviewer: fc.boolean(),
  reason: fc.option(textArb, { nil: null }),
  today: offset(200),
});

type Drawn = typeof recordArb extends fc.Arbitrary<infer T> ? T : never;

function sceneOf(r: Drawn): Scene {
  const rounds: Round[] = [...r.rounds]
    .sort((a, b) => a.at - b.at)
    .map((x, i) => ({
      id: i + 1,
      number: i + 1,
      date: addDays(DAY0, x.at),
      time: x.time,
      kind: x.kind,
      decisionBy: x.decideIn === null ? null : addDays(DAY0, x.at + x.decideIn),
      nextSteps: null,
      notes: `${SECRET}: notes`,
      recordedOn: x.bookedAhead === null ? null : addDays(DAY0, x.at - x.bookedAhead),
    }));
  const contacts: Contact[] = [];
  if (r.manager) {
    contacts.push(
      contact(1, r.manager.name, 'hiring-manager', {
        phone: r.manager.phone ? '+1 555 0100' : null,
        email: 'dana@acme.example',
        okToCall: r.manager.okToCall,
        topic: r.manager.topic,
      }),
    );
  }
  r.interviewers.forEach((x, i) => contacts.push(contact(10 + i, ['Priya Natarajan', 'Tom Li'][i], 'interviewer', { topic: x.topic })));
  contacts.push(contact(3, r.hr.name, 'hr', { phone: r.hr.phone || !r.manager ? '+1 555 0150' : null, email: 'sam@acme.example' }));
  const managerName = r.manager?.name ?? null;
  const events: FollowupEvent[] = r.events.map((e, i) => ({
    id: i + 1,
    type: e.type,
    date: addDays(DAY0, e.at),
    withName: e.withManager ? managerName : null,
    note: e.type === 'offer-shared' && e.prefer ? PREFER_NOTE : `${SECRET}: what was said`,
    newDate: e.type === 'spoke' && e.newDateIn !== null ? addDays(DAY0, e.at + e.newDateIn) : null,
    takeaway: e.type === 'feedback-received' ? e.takeaway : null,
  }));
  // An offer answered (accepted or declined) keeps the offer in its history, with its deadline.
  const o = r.outcome;
  const answered = o !== null && (o.type === 'accepted' || o.type === 'declined');
  const offerDay = o ? addDays(DAY0, o.at) : null;
  const outcome: Partial<Application> = o === null
    ? { outcome: null, outcomeDate: null, outcomeNote: null }
    : answered
      ? {
          outcome: o.type,
          outcomeDate: addDays(DAY0, o.at + o.answeredIn),
          outcomeNote: `${SECRET}: why`,
          pastOutcomes: [{
            id: 1, outcome: 'offer', date: offerDay, note: `${SECRET}: offer`, notInterested: false,
            replacedOn: addDays(DAY0, o.at + o.answeredIn),
            respondBy: o.respondIn === null ? null : addDays(DAY0, o.at + o.respondIn),
          }],
        }
      : {
          outcome: o.type,
          outcomeDate: offerDay,
          outcomeNote: `${SECRET}: why`,
          respondBy: o.type === 'offer' && o.respondIn !== null ? addDays(DAY0, o.at + o.respondIn) : null,
        };
  const app = fullApp({
    rounds,
    contacts,
    events,
    why: r.why,
    needs: r.needs.map(([n, fit]) => (fit === null ? n : `${n} :: ${fit}`)),
    expand: r.expand,
    ...outcome,
    notInterested: r.notInterested,
  });
  const interviewer = contacts.find((c) => c.role === 'interviewer');
  return {
    app,
    me: r.richMe ? ME_FULL : { ...ME_BARE, phone: '+1 555 0199' },
    today: addDays(DAY0, r.today),
    offer:
      r.offerAt === null
        ? null
        : {
            company: 'Globex',
            date: addDays(DAY0, r.offerAt),
            respondBy: r.offerDeadlineIn === null ? null : addDays(DAY0, r.offerAt + r.offerDeadlineIn),
            answer: r.offerAnswer === null ? null : { outcome: r.offerAnswer.outcome, date: addDays(DAY0, r.offerAt + r.offerAnswer.in) },
          },
    accepted:
      r.acceptedAt === null
        ? null
        : { company: 'Hooli', date: addDays(DAY0, r.acceptedAt), answer: { outcome: 'accepted', date: addDays(DAY0, r.acceptedAt + 2) } },
    nameCompany: r.nameCompany,
    to: r.toInterviewer && interviewer ? interviewer.name : null,
    reason: r.reason,
  };
}

describe('random records: refused without the premise, else every invariant holds', () => {
  test.each(DRAFT_KINDS.map((k) => [k] as [DraftKind]))('%s', (kind) => {
    fc.assert(
      fc.property(recordArb, (r) => {
        // What the user typed twice would be said twice: the texts are drawn distinct.
        const takeaways = r.events.filter((e) => e.type === 'feedback-received').map((e) => e.takeaway);
        const typed = [r.why, r.reason, ...r.needs.flat(), ...r.expand, r.manager?.topic, ...r.interviewers.map((i) => i.topic), ...takeaways]
          .filter((t): t is string => t != null)
          .map((t) => t.replace(/[.!?]+$/, '').toLowerCase());
        fc.pre(new Set(typed).size === typed.length);
        const scene = sceneOf(r);
        // --to is for the thank-you; a call needs a number to call, which is refused on its own terms.
        if (kind !== 'thanks') scene.to = null;
        // --name-company goes with the letters that may name another employer (the command refuses it elsewhere).
        if (!['share-offer', 'withdraw', 'decline'].includes(kind)) scene.nameCompany = false;
        // --reason goes with keep-in-touch and decline.
        if (!['keep-in-touch', 'decline'].includes(kind)) scene.reason = null;
        let text: string;
        try {
          text = draft(kind, scene);
        } catch (err) {
          if (!(err instanceof UsageError)) throw err;
          expect(err.exitCode).toBe(2);
          const missingNumber = kind === 'call' && /phone number/.test(err.message);
          expect(premiseHolds(kind, scene) && !missingNumber, `refused although its premise is recorded: ${err.message}`).toBe(false);
          return;
        }
        expect(premiseHolds(kind, scene), `rendered without its premise:\n${text}`).toBe(true);
        expect(letterInvariants(kind, scene, text), text).toEqual([]);
        expect(letterProblems(text), text).toEqual([]);
        expect(text).not.toContain(SECRET);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  });
});
