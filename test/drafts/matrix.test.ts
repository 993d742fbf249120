/**
 * Issue 12, "Done when": every draft kind at every stage it can be drafted in (a rich record and a
 * minimal one, the first and a later attempt, before and after an offer), rendered and checked:
 * no sentence said twice, no doubled punctuation, no honorific as a first name, every date and
 * count equal to the records, no offer mentioned that is not recorded and shared. Each kind is
 * refused (exit 2) at the stages where its premise is not recorded. Every stage is also drafted
 * with honorifics on the names ("Dr. Dana Reyes-Smith", "Ms Sam Lee").
 */
import { describe, expect, test } from 'vitest';
import type { Application, Contact, FollowupEvent } from '../../src/core/types.js';
import { DRAFT_KINDS, PREFER_NOTE, type DraftKind } from '../../src/drafts/data.js';
import { UsageError } from '../../src/errors.js';
import { runCli } from '../support/in-process.js';
import {
  ADD_ACME,
  ADD_GLOBEX,
  bareApp,
  contact,
  DANA,
  draft,
  event,
  fullApp,
  GLOBEX_ACCEPTED,
  letterProblems,
  ME_BARE,
  ME_FULL,
  PRIYA,
  round,
  SAM,
  sandboxes,
  type Scene,
} from './helpers.js';
import { datesNamed, letterInvariants, premiseHolds } from './invariants.js';

const thanked = event('thanks-sent', '2026-12-01', { withName: 'Dana Reyes' });
const OFFER = { company: 'Globex', date: '2026-12-09' };
/** The same offer with a deadline: Fri 18 Dec. */
const OFFER_DUE = { ...OFFER, respondBy: '2026-12-18' };
/** Accepted on Fri 11 Dec (rule 16: the others withdraw). */
const ACCEPTED = GLOBEX_ACCEPTED;
/** Declined on Fri 11 Dec. */
const DECLINED = { ...OFFER_DUE, answer: { outcome: 'declined' as const, date: '2026-12-11' } };
/** This application's own offer of Thu 10 Dec, to be answered by Fri 18 Dec. */
const THEIR_OFFER = { outcome: 'offer' as const, outcomeDate: '2026-12-10', respondBy: '2026-12-18' };
const sharedOffer = (note: string | null = null) => event('offer-shared', '2026-12-10', { withName: 'Dana Reyes', note });
const REJECTED = { outcome: 'rejected' as const, outcomeDate: '2026-12-10' };
const ME_CALLER = { ...ME_BARE, phone: '+1 555 0199' };

/** A richer record than the golden one: topics, a second addition, a preference to cite. */
function rich(extra: Partial<Application> = {}): Application {
  return fullApp({
    contacts: [
      { ...DANA, topic: 'walked me through the ledger migration' },
      { ...PRIYA, topic: 'asked about scaling' },
      contact(4, 'Tom Li', 'interviewer'),
      SAM,
    ],
    expand: [...fullApp().expand, 'I also said two years on-call; it was closer to three.'],
    needs: [...fullApp().needs, 'code review'],
    ...extra,
  });
}

/** The minimal record: an HR contact with a phone, nothing optional. */
function minimal(extra: Partial<Application> = {}): Application {
  return bareApp(extra);
}

const tries4 = [event('no-answer', '2026-12-07'), event('voicemail', '2026-12-11'), event('voicemail', '2026-12-15'), event('emailed', '2026-12-18')];

/** The stages a kind can be drafted in; `refused` ones lack the kind's premise. */
interface Stage {
  name: string;
  scene: Scene;
  refused?: boolean;
}

function stages(kind: DraftKind): Stage[] {
  const s = (name: string, scene: Scene, refused = false): Stage => ({ name, scene, refused });
  const rejected = (events: FollowupEvent[] = []) => ({ ...REJECTED, events: [thanked, ...events] });
  switch (kind) {
    case 'thanks':
      return [
        s('rich', { app: rich(), me: ME_FULL, today: '2026-12-01' }),
        s('rich, to an interviewer with a topic', { app: rich(), me: ME_FULL, today: '2026-12-01', to: 'Priya Natarajan' }),
        s('rich, to an interviewer without one', { app: rich(), me: ME_FULL, today: '2026-12-01', to: 'Tom Li' }),
        s('minimal', { app: minimal(), me: ME_BARE, today: '2026-12-01' }),
        s('minimal, one addition, one need, a company name ending in "."', { app: minimal({ company: 'Initech Inc.', expand: ['I left out the migration'], needs: ['SQL'] }), me: ME_BARE, today: '2026-12-01' }),
        s('after round 2', { app: rich({ rounds: [round(), round({ id: 2, number: 2, date: '2026-12-08', kind: 'onsite' })] }), me: ME_FULL, today: '2026-12-08' }),
        s('after an offer elsewhere, shared', { app: rich({ events: [thanked, sharedOffer()] }), me: ME_FULL, today: '2026-12-11', offer: OFFER }),
        s('before the interview', { app: rich({ rounds: [round({ date: '2026-12-03' })] }), me: ME_FULL, today: '2026-12-01' }, true),
        s('after a rejection', { app: rich(REJECTED), me: ME_FULL, today: '2026-12-11' }, true),
        s('after accepting an offer elsewhere', { app: rich({ rounds: [round({ date: '2026-12-11' })] }), me: ME_FULL, today: '2026-12-11', offer: ACCEPTED }, true),
      ];
    case 'check-in':
    case 'call': {
      const me = kind === 'call' ? ME_CALLER : ME_BARE;
      return [
        s('rich, first', { app: rich({ events: [thanked] }), me: ME_FULL, today: '2026-12-07' }),
        s('rich, first, before the decision date', { app: rich({ events: [thanked] }), me: ME_FULL, today: '2026-12-03' }),
        s('minimal, first', { app: minimal(), me, today: '2026-12-08' }),
        s('rich, after an email', { app: rich({ events: [thanked, event('emailed', '2026-12-08')] }), me: ME_FULL, today: '2026-12-14' }),
        s('rich, after a voicemail', { app: rich({ events: [thanked, event('emailed', '2026-12-08'), event('voicemail', '2026-12-11')] }), me: ME_FULL, today: '2026-12-15' }),
        s('rich, after a call nobody answered', { app: rich({ events: [thanked, event('no-answer', '2026-12-07'), event('no-answer', '2026-12-10')] }), me: ME_FULL, today: '2026-12-14' }),
        s('minimal, later', { app: minimal({ events: [event('voicemail', '2026-12-08')] }), me, today: '2026-12-14' }),
        s('rich, later, a try before the decision date', { app: rich({ events: [thanked, event('emailed', '2026-12-02')] }), me: ME_FULL, today: '2026-12-03' }),
        s('rich, after a conversation', { app: rich({ events: [thanked, event('no-answer', '2026-12-07'), event('spoke', '2026-12-09', { newDate: '2026-12-11', note: 'PRIVATE' })] }), me: ME_FULL, today: '2026-12-14' }),
        s('rich, ok to call', { app: rich({ contacts: [{ ...DANA, okToCall: true }, PRIYA, SAM], events: [thanked] }), me: ME_FULL, today: '2026-12-07' }),
        s('through HR', { app: rich({ contacts: [{ ...DANA, phone: null }, PRIYA, SAM], events: [thanked, event('voicemail', '2026-12-08')] }), me: ME_FULL, today: '2026-12-11' }),
        s('rich, an offer elsewhere, not yet shared', { app: rich({ events: [thanked] }), me: ME_FULL, today: '2026-12-10', offer: OFFER }),
        s('rich, first, after sharing an offer', { app: rich({ events: [thanked, sharedOffer()] }), me: ME_FULL, today: '2026-12-14', offer: OFFER }),
        s('rich, later, after sharing an offer with a preference', { app: rich({ events: [thanked, sharedOffer(PREFER_NOTE), event('no-answer', '2026-12-14')] }), me: ME_FULL, today: '2026-12-17', offer: OFFER }),
        s('minimal, after sharing an offer', { app: minimal({ events: [event('offer-shared', '2026-12-10')] }), me, today: '2026-12-14', offer: OFFER }),
        s('before the interview', { app: rich({ rounds: [round({ date: '2026-12-10' })] }), me: ME_FULL, today: '2026-12-07' }, true),
        s('after a rejection', { app: rich(REJECTED), me: ME_FULL, today: '2026-12-11' }, true),
        s('rich, after sharing an offer since declined', { app: rich({ events: [thanked, sharedOffer()] }), me: ME_FULL, today: '2026-12-14', offer: DECLINED }),
        s('rich, after sharing an offer with a deadline', { app: rich({ events: [thanked, sharedOffer()] }), me: ME_FULL, today: '2026-12-14', offer: OFFER_DUE }),
        s('after an offer of their own', { app: rich({ outcome: 'offer', outcomeDate: '2026-12-10' }), me: ME_FULL, today: '2026-12-11' }, true),
        s('after accepting an offer elsewhere', { app: rich({ events: [thanked, sharedOffer()] }), me: ME_FULL, today: '2026-12-14', offer: ACCEPTED }, true),
        s('after accepting an offer elsewhere, with another offer later', { app: rich({ events: [thanked] }), me: ME_FULL, today: '2026-12-14', offer: { company: 'Hooli', date: '2026-12-12' }, accepted: ACCEPTED }, true),
      ];
    }
    case 'feedback':
      return [
        s('rich', { app: rich(rejected()), me: ME_FULL, today: '2026-12-10' }),
        s('rich, not interested', { app: rich({ ...rejected(), notInterested: true }), me: ME_FULL, today: '2026-12-11' }),
        s('minimal', { app: minimal(REJECTED), me: ME_BARE, today: '2026-12-10' }),
        s('after tries and an offer elsewhere', { app: rich({ ...REJECTED, events: [thanked, event('no-answer', '2026-12-07')] }), me: ME_FULL, today: '2026-12-11', offer: OFFER }),
        s('still open', { app: rich({ events: [thanked] }), me: ME_FULL, today: '2026-12-10' }, true),
        s('withdrawn', { app: rich({ outcome: 'withdrawn', outcomeDate: '2026-12-10' }), me: ME_FULL, today: '2026-12-11' }, true),
      ];
    case 'thank-feedback': {
      const fb = (extra: Partial<FollowupEvent>) => event('feedback-received', '2026-12-14', extra);
      return [
        s('rich, with a takeaway', { app: rich(rejected([fb({ withName: 'Dana Reyes', note: 'PRIVATE', takeaway: 'keep answers under two minutes' })])), me: ME_FULL, today: '2026-12-14' }),
        s('rich, from an interviewer, a takeaway of two sentences', { app: rich(rejected([fb({ withName: 'Priya Natarajan', takeaway: 'I talk too long. I will practise short answers!' })])), me: ME_FULL, today: '2026-12-15' }),
        s('minimal, no takeaway', { app: minimal({ ...REJECTED, events: [fb({})] }), me: ME_BARE, today: '2026-12-14' }),
        s('rich, an offer elsewhere recorded', { app: rich(rejected([fb({ withName: 'Dana Reyes', takeaway: 'slow down' })])), me: ME_FULL, today: '2026-12-15', offer: OFFER }),
        s('rejected, no feedback yet', { app: rich(rejected()), me: ME_FULL, today: '2026-12-14' }, true),
        s('no rejection', { app: rich({ events: [thanked, fb({})] }), me: ME_FULL, today: '2026-12-14' }, true),
      ];
    }
    case 'share-offer':
      return [
        s('rich, the day it came', { app: rich({ events: [thanked] }), me: ME_FULL, today: '2026-12-09', offer: OFFER, nameCompany: true, prefer: true }),
        s('minimal', { app: minimal(), me: ME_BARE, today: '2026-12-09', offer: OFFER }),
        s('seven weeks later', { app: rich({ events: [thanked] }), me: ME_FULL, today: '2027-01-27', offer: OFFER }),
        s('after tries, already shared once', { app: rich({ events: [thanked, event('no-answer', '2026-12-07'), sharedOffer()] }), me: ME_FULL, today: '2026-12-11', offer: OFFER }),
        s('rich, an offer with a deadline', { app: rich({ events: [thanked] }), me: ME_FULL, today: '2026-12-10', offer: OFFER_DUE, prefer: true }),
        s('minimal, an offer with a deadline, named', { app: minimal(), me: ME_BARE, today: '2026-12-09', offer: OFFER_DUE, nameCompany: true }),
        s('an offer whose deadline is today', { app: rich({ events: [thanked] }), me: ME_FULL, today: '2026-12-18', offer: OFFER_DUE }),
        s('an offer whose deadline has passed', { app: rich({ events: [thanked] }), me: ME_FULL, today: '2026-12-21', offer: OFFER_DUE }),
        s('rich, an offer since declined', { app: rich({ events: [thanked] }), me: ME_FULL, today: '2026-12-14', offer: DECLINED, prefer: true }),
        s('minimal, an offer since declined', { app: minimal(), me: ME_BARE, today: '2026-12-14', offer: DECLINED }),
        s('an offer declined after today: still open, with its deadline', { app: rich({ events: [thanked] }), me: ME_FULL, today: '2026-12-10', offer: DECLINED }),
        s('no offer recorded', { app: rich({ events: [thanked] }), me: ME_FULL, today: '2026-12-09' }, true),
        s('an offer dated after today', { app: rich({ events: [thanked] }), me: ME_FULL, today: '2026-12-08', offer: OFFER }, true),
        s('the offer accepted', { app: rich({ events: [thanked] }), me: ME_FULL, today: '2026-12-14', offer: ACCEPTED }, true),
      ];
    case 'close-loop':
      return [
        s('rich, four tries', { app: rich({ events: [thanked, ...tries4] }), me: ME_FULL, today: '2026-12-22' }),
        s('minimal, one try', { app: minimal({ events: [event('emailed', '2026-12-08')] }), me: ME_BARE, today: '2026-12-14' }),
        s('after a conversation', { app: rich({ events: [thanked, event('no-answer', '2026-12-07'), event('spoke', '2026-12-10', { note: 'PRIVATE' }), event('voicemail', '2026-12-14'), event('emailed', '2026-12-17')] }), me: ME_FULL, today: '2026-12-22' }),
        s('two tries on one day', { app: rich({ events: [thanked, event('no-answer', '2026-12-07'), event('voicemail', '2026-12-07')] }), me: ME_FULL, today: '2026-12-14' }),
        s('after sharing an offer', { app: rich({ events: [thanked, sharedOffer(PREFER_NOTE), ...tries4] }), me: ME_FULL, today: '2026-12-22', offer: OFFER }),
        s('no tries', { app: rich({ events: [thanked] }), me: ME_FULL, today: '2026-12-22' }, true),
        s('no tries since a conversation', { app: rich({ events: [thanked, event('emailed', '2026-12-07'), event('spoke', '2026-12-10')] }), me: ME_FULL, today: '2026-12-22' }, true),
        s('after accepting an offer elsewhere', { app: rich({ events: [thanked, ...tries4] }), me: ME_FULL, today: '2026-12-22', offer: ACCEPTED }, true),
      ];
    case 'keep-in-touch':
      return [
        s('rich, with a reason and a takeaway', {
          app: rich(rejected([event('feedback-received', '2026-12-14', { withName: 'Dana Reyes', takeaway: 'keep answers under two minutes' })])),
          me: ME_FULL,
          today: '2027-03-15',
          reason: 'I have just finished a course on distributed systems',
        }),
        s('minimal', { app: minimal(REJECTED), me: ME_BARE, today: '2027-03-10' }),
        s('the same week', { app: rich(rejected()), me: ME_FULL, today: '2026-12-11' }),
        s('after a closed loop', { app: rich({ events: [thanked, event('emailed', '2026-12-07'), event('loop-closed', '2026-12-11')] }), me: ME_FULL, today: '2027-03-11' }),
        s('withdrawn', { app: rich({ outcome: 'withdrawn', outcomeDate: '2026-12-10', events: [thanked] }), me: ME_FULL, today: '2027-01-20' }),
        s('rejected after sharing an offer', { app: rich({ ...REJECTED, events: [thanked, event('offer-shared', '2026-12-09')] }), me: ME_FULL, today: '2027-03-10', offer: OFFER }),
        s('rich, feedback asked and nothing heard since', { app: rich(rejected([event('feedback-asked', '2026-12-11', { withName: 'Dana Reyes' })])), me: ME_FULL, today: '2027-03-12', reason: 'I have just finished a course on distributed systems' }),
        s('minimal, a keep-in-touch note unanswered', { app: minimal({ ...REJECTED, events: [event('kept-in-touch', '2027-03-10')] }), me: ME_BARE, today: '2027-06-10' }),
        s('a closed loop, then a call nobody answered', { app: rich({ events: [thanked, event('emailed', '2026-12-07'), event('loop-closed', '2026-12-11'), event('no-answer', '2027-01-11')] }), me: ME_FULL, today: '2027-04-12' }),
        s('rejected after the last letter', { app: rich({ outcome: 'rejected', outcomeDate: '2026-12-14', events: [thanked, event('emailed', '2026-12-08')] }), me: ME_FULL, today: '2027-03-15' }),
        s('still open', { app: rich({ events: [thanked] }), me: ME_FULL, today: '2027-03-10' }, true),
        s('after an offer', { app: rich({ outcome: 'offer', outcomeDate: '2026-12-10' }), me: ME_FULL, today: '2027-03-10' }, true),
      ];
    case 'withdraw': {
      const booked = round({ id: 3, number: 3, date: '2026-12-16', time: '15:00', kind: 'video', recordedOn: '2026-12-10' });
      const twoHeld = [round({ kind: 'video' }), round({ id: 2, number: 2, date: '2026-12-08', kind: 'onsite' })];
      return [
        s('rich, two rounds held and one booked', { app: rich({ rounds: [...twoHeld, booked], events: [thanked] }), me: ME_FULL, today: '2026-12-14', offer: ACCEPTED }),
        s('rich, one round, the employer named', { app: rich({ events: [thanked] }), me: ME_FULL, today: '2026-12-11', offer: ACCEPTED, nameCompany: true }),
        s('rich, two rounds on one day', { app: rich({ rounds: [round(), round({ id: 2, number: 2 })], events: [thanked] }), me: ME_FULL, today: '2026-12-14', offer: ACCEPTED }),
        s('rich, after sharing the offer, a later offer elsewhere', { app: rich({ events: [thanked, sharedOffer(PREFER_NOTE)] }), me: ME_FULL, today: '2026-12-14', offer: { company: 'Hooli', date: '2026-12-12' }, accepted: ACCEPTED }),
        s('minimal', { app: minimal(), me: ME_BARE, today: '2026-12-14', offer: ACCEPTED }),
        s('minimal, before any interview is held', { app: minimal({ rounds: [round({ date: '2026-12-16', time: '09:30', recordedOn: '2026-12-07' })] }), me: ME_BARE, today: '2026-12-14', offer: ACCEPTED }),
        s('an offer elsewhere, not accepted', { app: rich({ events: [thanked] }), me: ME_FULL, today: '2026-12-14', offer: OFFER_DUE }, true),
        s('accepted after today', { app: rich({ events: [thanked] }), me: ME_FULL, today: '2026-12-10', offer: ACCEPTED }, true),
        s('no offer at all', { app: rich({ events: [thanked] }), me: ME_FULL, today: '2026-12-14' }, true),
        s('already rejected', { app: rich(REJECTED), me: ME_FULL, today: '2026-12-14', offer: ACCEPTED }, true),
        s('an offer of their own', { app: rich(THEIR_OFFER), me: ME_FULL, today: '2026-12-14', offer: ACCEPTED }, true),
        s('the loop closed', { app: rich({ events: [thanked, event('emailed', '2026-12-07'), event('loop-closed', '2026-12-10')] }), me: ME_FULL, today: '2026-12-14', offer: ACCEPTED }, true),
      ];
    }
    case 'decline': {
      const declined = { outcome: 'declined' as const, outcomeDate: '2026-12-14', pastOutcomes: [{ id: 1, outcome: 'offer' as const, date: '2026-12-10', note: null, notInterested: false, replacedOn: '2026-12-14', respondBy: '2026-12-18' }] };
      return [
        s('rich, an offer with a deadline, a reason', { app: rich({ ...THEIR_OFFER, events: [thanked] }), me: ME_FULL, today: '2026-12-14', reason: 'the role would mean moving to Berlin, which I cannot do this year' }),
        s('rich, another offer accepted and named', { app: rich({ ...THEIR_OFFER, events: [thanked] }), me: ME_FULL, today: '2026-12-14', offer: ACCEPTED, nameCompany: true }),
        s('rich, another offer accepted, unnamed', { app: rich({ ...THEIR_OFFER, events: [thanked] }), me: ME_FULL, today: '2026-12-14', offer: ACCEPTED }),
        s('rich, already declined', { app: rich({ ...declined, events: [thanked] }), me: ME_FULL, today: '2026-12-15' }),
        s('rich, declined after today: still their offer', { app: rich({ ...declined, events: [thanked] }), me: ME_FULL, today: '2026-12-11' }),
        s('minimal', { app: minimal({ outcome: 'offer', outcomeDate: '2026-12-09' }), me: ME_BARE, today: '2026-12-10' }),
        s('minimal, an offer elsewhere still open', { app: minimal({ outcome: 'offer', outcomeDate: '2026-12-09' }), me: ME_BARE, today: '2026-12-10', offer: { company: 'Hooli', date: '2026-12-08' } }),
        s('still open', { app: rich({ events: [thanked] }), me: ME_FULL, today: '2026-12-14' }, true),
        s('rejected', { app: rich(REJECTED), me: ME_FULL, today: '2026-12-14', offer: OFFER }, true),
        s('their offer accepted', { app: rich({ outcome: 'accepted', outcomeDate: '2026-12-14', pastOutcomes: [{ ...declined.pastOutcomes[0] }] }), me: ME_FULL, today: '2026-12-15' }, true),
        s('their offer dated after today', { app: rich(THEIR_OFFER), me: ME_FULL, today: '2026-12-09' }, true),
      ];
    }
  }
}

/** The same scene with honorifics on the names: "Dr. Dana Reyes-Smith", "Ms Sam Lee". */
function withHonorifics(scene: Scene): Scene {
  const names = new Map([['Dana Reyes', 'Dr. Dana Reyes-Smith'], ['Sam Lee', 'Ms Sam Lee'], ['Priya Natarajan', 'prof Priya Natarajan']]);
  const rename = (n: string | null) => (n === null ? null : names.get(n) ?? n);
  const contacts: Contact[] = scene.app.contacts.map((c) => ({ ...c, name: rename(c.name)! }));
  const events = scene.app.events.map((e) => ({ ...e, withName: rename(e.withName) }));
  return { ...scene, app: { ...scene.app, contacts, events }, to: scene.to ? rename(scene.to) : scene.to };
}

const cases = DRAFT_KINDS.flatMap((kind) => stages(kind).map((stage) => [kind, stage.name, stage] as [DraftKind, string, Stage]));

describe('every kind at every stage', () => {
  test('the matrix covers every kind, rich and minimal, first and later tries, before and after an offer, and refusals', () => {
    for (const kind of DRAFT_KINDS) {
      const names = stages(kind).map((s) => s.name);
      expect(names.some((n) => n.includes('rich')), kind).toBe(true);
      expect(names.some((n) => n.includes('minimal')), kind).toBe(true);
      expect(stages(kind).some((s) => s.refused), kind).toBe(true);
      expect(stages(kind).some((s) => s.scene.offer), kind).toBe(true);
    }
    for (const kind of ['check-in', 'call'] as const) {
      expect(stages(kind).some((s) => s.name.includes('first'))).toBe(true);
      expect(stages(kind).some((s) => s.name.includes('later'))).toBe(true);
    }
  });

  test.each(cases)('%s, %s', (kind, _name, stage) => {
    for (const scene of [stage.scene, withHonorifics(stage.scene)]) {
      expect(premiseHolds(kind, scene)).toBe(!stage.refused);
      if (stage.refused) {
        let error: unknown = null;
        try {
          draft(kind, scene);
        } catch (err) {
          error = err;
        }
        expect(error, `${kind} rendered without its premise`).toBeInstanceOf(UsageError);
        expect((error as UsageError).exitCode).toBe(2);
        continue;
      }
      const text = draft(kind, scene);
      expect(letterInvariants(kind, scene, text), text).toEqual([]);
      expect(letterProblems(text), text).toEqual([]);
      expect(text).not.toContain('PRIVATE');
    }
  });
});

describe('the checks themselves catch what they look for', () => {
  const scene: Scene = { app: rich({ events: [thanked, event('emailed', '2026-12-08')] }), me: ME_FULL, today: '2026-12-14' };
  const good = draft('check-in', scene);

  test('a clean letter passes', () => {
    expect(letterInvariants('check-in', scene, good)).toEqual([]);
  });

  test.each([
    ['a sentence said twice', good.replace('Thank you,', 'I am still very keen on it. I am still very keen on it.\n\nThank you,')],
    ['a doubled full stop', good.replace('about the Backend Engineer role.', 'about the Backend Engineer role..')],
    ['"?."', good.replace('great deal.', 'great deal?.')],
    ['" ,"', good.replace('Dear Dana,', 'Dear Dana ,')],
    ['an honorific as a first name', good.replace('Dear Dana,', 'Dear Dr.,')],
    ['a date not recorded', good.replace('8 December', '9 December')],
    ['a wrong weekday', good.replace('Thank you,', 'We met on Tuesday 30 November.\n\nThank you,')],
    ['an email cited on a day with no email', good.replace('my email of 8 December', 'my email of 1 December')],
    ['a count that is not the records\'', good.replace('Thank you,', 'I have written three times.\n\nThank you,')],
    ['tries other than the plan\'s', good.replace('Thank you,', 'Unanswered so far: I wrote on 1 December.\n\nThank you,')],
    ['an offer never recorded', good.replace('Thank you,', 'I have another offer.\n\nThank you,')],
  ])('%s', (_what, bad) => {
    expect(letterInvariants('check-in', scene, bad)).not.toEqual([]);
  });

  test('dates are read in every form the letters write', () => {
    expect(datesNamed('on Monday 30 November, 7, 11 and 15 December 2026 and Mon 4 Jan', '2027').map((d) => d.date)).toEqual([
      '2027-11-30', '2026-12-07', '2026-12-11', '2026-12-15', '2027-01-04',
    ]);
  });
});

describe('refused through the command with exit 2, nothing on stdout', () => {
  const sandbox = sandboxes();

  test.each(DRAFT_KINDS.map((k) => [k] as [DraftKind]))('%s without its premise', async (kind) => {
    const s = sandbox('2026-11-30');
    await s.ok(['config', 'set', 'name', 'Alex Morgan']);
    await s.ok(['config', 'set', 'phone', '+1 555 0199']);
    await s.ok(ADD_ACME);
    await s.ok(ADD_GLOBEX);
    // On the interview day with nothing else recorded, only the thank-you and the chases have
    // their premise; refuse those after a rejection instead.
    if (['thanks', 'check-in', 'call'].includes(kind)) await s.ok(['outcome', '1', 'rejected']);
    const r = await runCli(['--db', s.db, '--today', '2026-11-30', 'draft', kind, '1'], { env: s.env(), cwd: s.dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toContain('    at ');
    expect(r.stderr).toMatch(/followup (outcome|log|draft|add|edit) /);
  });
});
