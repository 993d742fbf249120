/**
 * Issue 14's letters ("The whole arc"): share-offer states the offer's deadline truthfully, the
 * withdrawal once an offer elsewhere is accepted, the decline of an offer, keep-in-touch's LinkedIn
 * suggestion, and the letters of an open decision refused once another offer is accepted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Application } from '../../src/core/types.js';
import { buildDraftData, sampleDraftData, type DraftKind, type OfferFact } from '../../src/drafts/data.js';
import {
  bareApp,
  DANA,
  draft,
  event,
  fullApp,
  fullScene,
  GLOBEX_ACCEPTED,
  ME_BARE,
  ME_FULL,
  request,
  ROOT,
  round,
  usageErrorOf,
  type Scene,
} from './helpers.js';
import { letterInvariants } from './invariants.js';

const thanked = event('thanks-sent', '2026-12-01', { withName: 'Dana Reyes' });
const OFFER: OfferFact = { company: 'Globex', date: '2026-12-09' };
const OFFER_DUE: OfferFact = { ...OFFER, respondBy: '2026-12-18' };
const DECLINED: OfferFact = { ...OFFER_DUE, answer: { outcome: 'declined', date: '2026-12-11' } };
const ACCEPTED = GLOBEX_ACCEPTED;

/** A letter rendered for a scene, checked against every invariant of the letters. */
function checked(kind: DraftKind, scene: Scene): string {
  const text = draft(kind, scene);
  expect(letterInvariants(kind, scene, text), text).toEqual([]);
  return text;
}

describe('share-offer states the deadline the offer was recorded with (rule 15), and never invents one', () => {
  const open = (offer: OfferFact, today: string): Scene => ({ app: fullApp({ events: [thanked] }), me: ME_FULL, today, offer });

  test('an open offer with a deadline ahead: when it must be answered', () => {
    const text = checked('share-offer', open(OFFER_DUE, '2026-12-10'));
    expect(text).toContain('I received a job offer on Wednesday 9 December, and I need to answer it by Friday 18 December.');
    expect(text).toContain('whether you expect to decide by then?');
  });

  test('the deadline is today: still stated', () => {
    expect(checked('share-offer', open(OFFER_DUE, '2026-12-18'))).toContain('I need to answer it by Friday 18 December.');
  });

  test('without a deadline: nothing about one', () => {
    const text = checked('share-offer', open(OFFER, '2026-12-10'));
    expect(text).not.toMatch(/answer it by|by then|deadline/);
    expect(buildDraftData(request('share-offer', open(OFFER, '2026-12-10'))).offer?.respondBy).toBeNull();
  });

  test('a deadline already passed is not stated', () => {
    const text = checked('share-offer', open(OFFER_DUE, '2026-12-21'));
    expect(text).not.toMatch(/answer it by|18 December/);
  });

  test('an offer declined since: it says so, and does not speak of answering it', () => {
    const text = checked('share-offer', open(DECLINED, '2026-12-14'));
    expect(text).toContain('I received a job offer on Wednesday 9 December, which I have since declined.');
    expect(text).not.toMatch(/answer it by|before I answer|fair answer/);
  });

  test('an offer declined after today is still open that day, with its deadline', () => {
    const text = checked('share-offer', open(DECLINED, '2026-12-10'));
    expect(text).toContain('I need to answer it by Friday 18 December.');
    expect(text).not.toContain('declined');
  });

  test('an offer already accepted is not shared as if open: refused, with the withdrawal to write', () => {
    const err = usageErrorOf(() => draft('share-offer', open(ACCEPTED, '2026-12-14')));
    expect(err.exitCode).toBe(2);
    expect(err.message).toContain('you accepted the offer from Globex on Fri 11 Dec');
    expect(err.message).toContain('followup draft withdraw 3');
  });

  test('the chases stop saying "I have an offer" once it is declined', () => {
    const scene: Scene = {
      app: fullApp({ events: [thanked, event('offer-shared', '2026-12-10', { withName: 'Dana Reyes' })] }),
      me: ME_FULL,
      today: '2026-12-14',
    };
    expect(checked('check-in', { ...scene, offer: OFFER_DUE })).toContain('I have an offer from another company');
    const after = checked('check-in', { ...scene, offer: DECLINED });
    expect(after).not.toMatch(/\boffers?\b/);
    expect(buildDraftData(request('check-in', { ...scene, offer: DECLINED })).offerShared).toBeNull();
  });
});

describe('withdraw: a gracious withdrawal once an offer elsewhere is accepted (rule 16)', () => {
  test('thanks them for the interviews as recorded, names the role, says another offer was accepted, leaves the door open', () => {
    const text = checked('withdraw', fullScene('withdraw'));
    expect(text).toMatch(/^Subject: Withdrawing my application for the Backend Engineer role$/m);
    expect(text).toContain('Thank you for the interviews for the Backend Engineer role at Acme Robotics on 30 November and 8 December');
    expect(text).toContain('I have accepted an offer from another company, so I am withdrawing my application.');
    expect(text).toContain('I would be glad to stay in touch');
    expect(text).toContain('a role comes up in the future where I could help');
  });

  test('one interview: "the interview", with its day', () => {
    const text = checked('withdraw', { app: fullApp({ events: [thanked] }), me: ME_FULL, today: '2026-12-14', offer: ACCEPTED });
    expect(text).toContain('Thank you for the interview for the Backend Engineer role at Acme Robotics on Monday 30 November,');
  });

  test('the interview booked after today is cancelled by its day and time', () => {
    const text = checked('withdraw', fullScene('withdraw'));
    expect(text).toContain('This means cancelling the interview we arranged for Wednesday 16 December at 15:00;');
    const past = checked('withdraw', { ...fullScene('withdraw'), today: '2026-12-17' });
    expect(past).not.toContain('cancelling');
  });

  test('before any interview is held: thanks for the invitation, and no interview date claimed as held', () => {
    const app = bareApp({ rounds: [round({ date: '2026-12-16', time: '09:30', recordedOn: '2026-12-07' })] });
    const text = checked('withdraw', { app, me: ME_BARE, today: '2026-12-14', offer: ACCEPTED });
    expect(text).toContain('Thank you for inviting me to interview for the Data Analyst role at Initech');
    expect(text).not.toMatch(/Thank you for the interviews? /);
    expect(text).toContain('cancelling the interview we arranged for Wednesday 16 December at 09:30');
  });

  test('the other employer is named only with --name-company', () => {
    expect(checked('withdraw', fullScene('withdraw'))).not.toContain('Globex');
    const named = checked('withdraw', { ...fullScene('withdraw'), nameCompany: true });
    expect(named).toContain('I have accepted an offer from Globex, so I am withdrawing my application.');
  });

  test('without an acceptance recorded: refused, saying what to record', () => {
    for (const offer of [null, OFFER_DUE, DECLINED]) {
      const err = usageErrorOf(() => draft('withdraw', { ...fullScene('withdraw'), offer, accepted: null }));
      expect(err.exitCode).toBe(2);
      expect(err.message).toContain('no accepted offer is recorded');
      expect(err.message).toContain('followup outcome <ref> accepted');
      expect(err.message).toContain('followup outcome 3 withdrawn');
    }
  });

  test('an acceptance dated after today is not known yet: refused', () => {
    usageErrorOf(() => draft('withdraw', { ...fullScene('withdraw'), today: '2026-12-10' }));
  });

  test('an application no longer open is refused, with what fits instead', () => {
    const rejected = fullApp({ outcome: 'rejected', outcomeDate: '2026-12-10' });
    expect(usageErrorOf(() => draft('withdraw', { ...fullScene('withdraw'), app: rejected })).message).toContain(
      'followup draft keep-in-touch 3',
    );
    const offered = fullApp({ outcome: 'offer', outcomeDate: '2026-12-10' });
    expect(usageErrorOf(() => draft('withdraw', { ...fullScene('withdraw'), app: offered })).message).toContain(
      'followup draft decline 3',
    );
  });
});

describe('decline: thanks them, declines clearly and kindly, keeps the relationship', () => {
  const offered = (extra: Partial<Application> = {}) =>
    fullApp({ events: [thanked], outcome: 'offer', outcomeDate: '2026-12-10', respondBy: '2026-12-18', ...extra });

  test('their offer, nothing accepted elsewhere', () => {
    const text = checked('decline', { app: offered(), me: ME_FULL, today: '2026-12-14' });
    expect(text).toMatch(/^Subject: Your offer for the Backend Engineer role$/m);
    expect(text).toContain('Thank you for offering me the Backend Engineer role at Acme Robotics');
    expect(text).toContain('After careful thought, I have decided to decline the offer.');
    expect(text).toContain('I would very much like to stay in touch');
    expect(text).not.toContain('accepted');
  });

  test('another offer accepted: says so, the employer named only with --name-company', () => {
    const scene: Scene = { app: offered(), me: ME_FULL, today: '2026-12-14', offer: ACCEPTED };
    const text = checked('decline', scene);
    expect(text).toContain('I have accepted an offer from another company, and so I must regretfully decline yours.');
    expect(text).not.toContain('Globex');
    expect(checked('decline', { ...scene, nameCompany: true })).toContain('I have accepted an offer from Globex,');
  });

  test('the reason the user gives, as a sentence of its own', () => {
    const text = checked('decline', { app: offered(), me: ME_FULL, today: '2026-12-14', reason: 'the commute would be too long' });
    expect(text).toContain('I have decided to decline the offer. The commute would be too long.');
  });

  test('an offer already declined can still be written to (the letter that confirms it)', () => {
    const app = fullApp({
      events: [thanked],
      outcome: 'declined',
      outcomeDate: '2026-12-14',
      pastOutcomes: [{ id: 1, outcome: 'offer', date: '2026-12-10', note: null, notInterested: false, replacedOn: '2026-12-14', respondBy: '2026-12-18' }],
    });
    checked('decline', { app, me: ME_FULL, today: '2026-12-15' });
    const data = buildDraftData(request('decline', { app, me: ME_FULL, today: '2026-12-15' }));
    expect(data.theirOffer).toMatchObject({ date: '2026-12-10', respondBy: { date: '2026-12-18' }, declined: { date: '2026-12-14' } });
  });

  test('no offer of theirs: refused, saying what to record', () => {
    const err = usageErrorOf(() => draft('decline', { app: fullApp({ events: [thanked] }), me: ME_FULL, today: '2026-12-14' }));
    expect(err.exitCode).toBe(2);
    expect(err.message).toContain('no outcome is recorded yet');
    expect(err.message).toContain('followup outcome 3 offer');
  });

  test('their offer accepted, or the offer dated after today: refused', () => {
    const accepted = fullApp({
      outcome: 'accepted',
      outcomeDate: '2026-12-14',
      pastOutcomes: [{ id: 1, outcome: 'offer', date: '2026-12-10', note: null, notInterested: false, replacedOn: '2026-12-14' }],
    });
    expect(usageErrorOf(() => draft('decline', { app: accepted, me: ME_FULL, today: '2026-12-15' })).message).toContain(
      'you accepted their offer on Mon 14 Dec',
    );
    usageErrorOf(() => draft('decline', { app: offered(), me: ME_FULL, today: '2026-12-09' }));
  });
});

describe('the letters of an open decision, once an offer elsewhere is accepted', () => {
  test.each(['thanks', 'check-in', 'call', 'share-offer', 'close-loop'] as DraftKind[])(
    '%s is refused and names the withdrawal',
    (kind) => {
      const scene = fullScene(kind);
      const err = usageErrorOf(() => draft(kind, { ...scene, today: '2026-12-22', offer: null, accepted: ACCEPTED }));
      expect(err.exitCode).toBe(2);
      expect(err.message).toContain('followup draft withdraw 3');
    },
  );

  test('an acceptance after today does not count yet', () => {
    const scene = fullScene('check-in');
    expect(() => draft('check-in', { ...scene, today: '2026-12-10', accepted: ACCEPTED })).not.toThrow();
  });
});

describe('keep-in-touch suggests LinkedIn only when nothing was heard since the last letter', () => {
  const rejected = (events: Application['events']) => fullApp({ outcome: 'rejected', outcomeDate: '2026-12-10', events });
  const LINKEDIN = 'If you are open to it, I would also like to connect on LinkedIn.';

  test('the feedback request went unanswered: it suggests connecting', () => {
    const app = rejected([thanked, event('feedback-asked', '2026-12-11', { withName: 'Dana Reyes' })]);
    expect(checked('keep-in-touch', { app, me: ME_FULL, today: '2027-03-12' })).toContain(LINKEDIN);
  });

  test('after a closing note: it suggests connecting', () => {
    const app = fullApp({ events: [thanked, event('emailed', '2026-12-07'), event('loop-closed', '2026-12-11')] });
    expect(checked('keep-in-touch', { app, me: ME_FULL, today: '2027-03-12' })).toContain(LINKEDIN);
  });

  test('they answered since (feedback, a conversation), or decided after the last letter: no suggestion', () => {
    const scenes: Application[] = [
      rejected([thanked, event('feedback-asked', '2026-12-11'), event('feedback-received', '2026-12-14', { withName: 'Dana Reyes' })]),
      fullApp({ events: [thanked, event('loop-closed', '2026-12-11'), event('spoke', '2027-01-05')] }),
      // The rejection came after the last letter: that is theirs, heard since.
      fullApp({ outcome: 'rejected', outcomeDate: '2026-12-14', events: [thanked] }),
      // Nothing of the user's logged at all.
      rejected([]),
    ];
    for (const app of scenes) {
      const text = checked('keep-in-touch', { app, me: ME_FULL, today: '2027-03-20' });
      expect(text).not.toContain('LinkedIn');
    }
  });

  test('no letter claims a connection, and no other kind mentions LinkedIn', () => {
    const app = rejected([thanked, event('feedback-asked', '2026-12-11')]);
    const text = draft('keep-in-touch', { app, me: ME_FULL, today: '2027-03-12' });
    expect(text).not.toMatch(/connected|our connection/i);
    expect(letterInvariants('keep-in-touch', { app, me: ME_FULL, today: '2027-03-12' }, text.replace('I would also like to connect', 'as we are connected'))).not.toEqual([]);
  });
});

describe('the new checks catch what they look for', () => {
  test('a deadline invented, or left out', () => {
    const scene: Scene = { app: fullApp({ events: [thanked] }), me: ME_FULL, today: '2026-12-10', offer: OFFER_DUE };
    const good = draft('share-offer', scene);
    expect(letterInvariants('share-offer', scene, good)).toEqual([]);
    expect(letterInvariants('share-offer', scene, good.replace(', and I need to answer it by Friday 18 December', ''))).not.toEqual([]);
    expect(letterInvariants('share-offer', scene, good.replace('Friday 18 December', 'Monday 14 December'))).not.toEqual([]);
    const none: Scene = { ...scene, offer: OFFER };
    expect(letterInvariants('share-offer', none, good)).not.toEqual([]);
  });

  test('a withdrawal that names the employer unasked, or claims an acceptance not recorded', () => {
    const scene = fullScene('withdraw');
    const good = draft('withdraw', scene);
    expect(letterInvariants('withdraw', scene, good.replace('from another company', 'from Globex'))).not.toEqual([]);
    expect(letterInvariants('decline', { app: fullApp({ outcome: 'offer', outcomeDate: '2026-12-10' }), me: ME_FULL, today: '2026-12-14' }, good)).not.toEqual([]);
  });

  test('"the interviews" for a single interview day', () => {
    const scene: Scene = { app: fullApp({ events: [thanked], contacts: [DANA] }), me: ME_FULL, today: '2026-12-14', offer: ACCEPTED };
    const good = draft('withdraw', scene);
    expect(letterInvariants('withdraw', scene, good.replace('the interview for', 'the interviews for'))).not.toEqual([]);
  });
});

test('every field a template may name is in the README\'s fields table', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('The fields (every one is always present'), readme.indexOf('## Shell and mail'));
  const rows = table.split('\n').filter((l) => l.startsWith('| `'));
  for (const key of Object.keys(sampleDraftData('share-offer', true))) {
    expect(rows.some((row) => row.split('|')[1].includes(`\`${key}\``) || row.split('|')[1].includes(`\`${key}.`)), key).toBe(true);
  }
});
