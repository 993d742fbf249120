/**
 * Letters say what was recorded, in words that follow it (issue 12): the feedback takeaway (never
 * the private note), a shared offer and the preference that went with it, permission to call
 * directly, and a voicemail (a message was left) told apart from a call nobody answered.
 */
import { describe, expect, test } from 'vitest';
import { buildDraftData, PREFER_NOTE } from '../../src/drafts/data.js';
import {
  ADD_ACME,
  ADD_GLOBEX,
  DANA,
  draft,
  event,
  fullApp,
  fullScene,
  letterProblems,
  PRIYA,
  request,
  SAM,
  sandboxes,
  type Scene,
} from './helpers.js';

const thanked = event('thanks-sent', '2026-12-01', { withName: 'Dana Reyes' });
const REJECTED = { outcome: 'rejected' as const, outcomeDate: '2026-12-10' };
const PRIVATE = 'PRIVATE: she thought my answers rambled';

// ---------------------------------------------------------------------------------------------
// The feedback takeaway
// ---------------------------------------------------------------------------------------------

function feedbackScene(kind: 'thank-feedback' | 'keep-in-touch', extra: { withName?: string | null; takeaway?: string | null }, today = '2026-12-15'): Scene {
  const app = fullApp({
    ...REJECTED,
    events: [thanked, event('feedback-received', '2026-12-14', { withName: 'Dana Reyes', note: PRIVATE, ...extra })],
  });
  return { ...fullScene(kind), app, today, reason: null };
}

describe('thank-feedback: the takeaway in my own words, never the private note', () => {
  test('with a takeaway: quoted after a colon, as recorded, with one closing mark', () => {
    const text = draft('thank-feedback', feedbackScene('thank-feedback', { takeaway: 'keep answers under two minutes' }));
    expect(text).toContain('Here is what I am taking from it: keep answers under two minutes. I will put that into practice');
    expect(text).not.toContain('PRIVATE');
    expect(text).not.toContain('rambled');
    expect(letterProblems(text)).toEqual([]);
  });

  test('a takeaway that is a whole sentence of its own keeps its own mark', () => {
    const text = draft('thank-feedback', feedbackScene('thank-feedback', { takeaway: 'I will run a cluster at home!' }));
    expect(text).toContain('Here is what I am taking from it: I will run a cluster at home! I will put that into practice');
  });

  test('without a takeaway: a truthful letter that quotes nothing', () => {
    const text = draft('thank-feedback', feedbackScene('thank-feedback', { takeaway: null }));
    expect(text).toContain('I am going to put what I learned to work before my next interviews');
    expect(text).not.toMatch(/Your point about|taking from it|PRIVATE|rambled/);
    expect(letterProblems(text)).toEqual([]);
  });

  test('feedback logged with nobody named: thanks for "the feedback", not "your candour"', () => {
    const text = draft('thank-feedback', feedbackScene('thank-feedback', { withName: null, takeaway: null }));
    expect(text).toContain('Thank you for the feedback on my interview for the Backend Engineer role.');
    expect(text).not.toContain('your candour');
  });
});

describe('keep-in-touch brings progress on the feedback, as recorded', () => {
  test('from the recipient: "Since your feedback on <its date>", then the takeaway', () => {
    const text = draft('keep-in-touch', feedbackScene('keep-in-touch', { takeaway: 'keep answers under two minutes' }, '2027-03-15'));
    expect(text).toContain('Since your feedback on 14 December 2026, I have been working on what I took from it: keep answers under two minutes.');
    expect(text).not.toMatch(/course|PRIVATE|rambled/);
    expect(letterProblems(text)).toEqual([]);
  });

  test('from someone else: "the feedback I received", never "your feedback"', () => {
    const scene = feedbackScene('keep-in-touch', { withName: 'Priya Natarajan', takeaway: 'keep answers under two minutes' }, '2027-03-15');
    const text = draft('keep-in-touch', scene);
    expect(text).toMatch(/^Dear Dana,$/m);
    expect(text).toContain('Since the feedback I received on 14 December 2026, I have been working');
    expect(text).not.toContain('your feedback');
  });

  test('without a takeaway: no claim of progress', () => {
    const text = draft('keep-in-touch', feedbackScene('keep-in-touch', { takeaway: null }, '2027-03-15'));
    expect(text).not.toMatch(/working on|Since your feedback|course/);
    expect(text).toContain('I enjoyed learning about Acme Robotics, and I would be glad to stay in contact.');
  });
});

// ---------------------------------------------------------------------------------------------
// A voicemail and a call nobody answered
// ---------------------------------------------------------------------------------------------

describe('a later letter follows what the last try was', () => {
  const checkIn = (type: 'voicemail' | 'no-answer' | 'emailed') =>
    draft('check-in', { ...fullScene('check-in'), app: fullApp({ events: [thanked, event(type, '2026-12-07')] }), today: '2026-12-11' });

  test('a voicemail: the message I left; a call nobody answered: a call that did not connect; never the same words', () => {
    const voicemail = checkIn('voicemail');
    const noAnswer = checkIn('no-answer');
    expect(voicemail).toContain('I am following up on the message I left on 7 December about the Backend Engineer role.');
    expect(noAnswer).toContain('I called you on 7 December about the Backend Engineer role, but we did not connect.');
    expect(noAnswer).not.toMatch(/following up on|message I left|my call of/);
    expect(voicemail).not.toContain('did not connect');
    expect(checkIn('emailed')).toContain('I am following up on my email of 7 December');
    for (const text of [voicemail, noAnswer]) expect(text).not.toContain('my call of');
  });

  test('the call script\'s voicemail too', () => {
    const script = (type: 'voicemail' | 'no-answer') =>
      draft('call', { ...fullScene('call'), app: fullApp({ events: [thanked, event(type, '2026-12-07')] }), today: '2026-12-10' });
    expect(script('voicemail')).toContain('"Hi Dana, Alex Morgan again, following up on the message I left on 7 December about the Backend Engineer role.');
    expect(script('no-answer')).toContain('"Hi Dana, this is Alex Morgan about the Backend Engineer role; I also called on 7 December.');
    expect(script('no-answer')).not.toContain('again');
  });
});

// ---------------------------------------------------------------------------------------------
// Permission to call directly
// ---------------------------------------------------------------------------------------------

describe('call script with okToCall recorded', () => {
  const withOk = (okToCall: boolean) =>
    draft('call', { ...fullScene('call'), app: fullApp({ contacts: [{ ...DANA, okToCall }, PRIYA, SAM], events: [thanked] }) });

  test('without it: asks whether this is the best number and whether calling directly is all right', () => {
    const text = withOk(false);
    expect(text).toContain('- Is this the best number to reach you on, and is it all right if I call you directly?');
    expect(text).toContain('Asked "What is it regarding?"');
    expect(text).toContain('is there a direct line I could use?');
    expect(text).toContain('add --ok-to-call if they said calling them directly is fine');
  });

  test('with it: does not ask again, and the gatekeeper part is shorter and says what was agreed', () => {
    const text = withOk(true);
    const without = withOk(false);
    expect(text).not.toContain('is it all right if I call you directly');
    expect(text).not.toContain('--ok-to-call');
    expect(text).toContain('Call Dana Reyes (hiring manager) on +1 555 0100: Dana said calling directly is fine.');
    expect(text).toContain('"Hello, this is Alex Morgan. Could I speak with Dana Reyes, please? Dana said I could call directly about the Backend Engineer role."');
    expect(text).toContain('- Told Dana is out: "When is the best time to reach Dana?"');
    expect(text).not.toContain('is there a direct line');
    const gatekeeper = (t: string) => t.slice(t.indexOf('If someone else answers'), t.indexOf('When you reach'));
    expect(gatekeeper(text).length).toBeLessThan(gatekeeper(without).length);
    expect(letterProblems(text)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// A shared offer
// ---------------------------------------------------------------------------------------------

const OFFER = { company: 'Globex', date: '2026-12-09' };

function offerScene(kind: 'check-in' | 'call' | 'close-loop', events: Scene['app']['events'], today: string, offer: Scene['offer'] = OFFER): Scene {
  return { ...fullScene(kind), app: fullApp({ events: [thanked, ...events] }), today, offer };
}

describe('after an offer is shared, the chases mention it truthfully', () => {
  const shared = (note: string | null = null) => event('offer-shared', '2026-12-10', { withName: 'Dana Reyes', note });
  const tries = [event('no-answer', '2026-12-07'), event('voicemail', '2026-12-11'), event('voicemail', '2026-12-15'), event('emailed', '2026-12-18')];

  test('the first check-in: when it was shared, no employer named, and the recorded why as the preference', () => {
    const text = draft('check-in', offerScene('check-in', [shared()], '2026-12-14'));
    expect(text).toContain('As I mentioned on 10 December, I have an offer from another company. What draws me to this role has not changed: the payments platform');
    expect(text).not.toContain('Globex');
    expect(text).not.toContain('most like');
    expect(letterProblems(text)).toEqual([]);
  });

  test('with the preference recorded by share-offer --prefer --mark-sent: says it is still the role I would most like', () => {
    const text = draft('check-in', offerScene('check-in', [shared(PREFER_NOTE)], '2026-12-14'));
    expect(text).toContain('This role is still the one I would most like, so knowing your timeline would help me answer the offer fairly.');
    const later = draft('check-in', offerScene('check-in', [shared(PREFER_NOTE), event('emailed', '2026-12-14')], '2026-12-18'));
    expect(later).toContain('I am following up on my email of 14 December about the Backend Engineer role. As I mentioned on 10 December, I have an offer from another company, and this role is still the one I would most like, so a short note');
  });

  test('without a why or a preference: no preference is invented', () => {
    const scene = offerScene('check-in', [shared()], '2026-12-14');
    const text = draft('check-in', { ...scene, app: { ...scene.app, why: null } });
    expect(text).toContain('As I mentioned on 10 December, I have an offer from another company. Knowing your timeline would help me answer it fairly.');
    expect(text).not.toMatch(/most like|draws me|prefer/);
  });

  test('the call script: said to the manager and in the voicemail; the header reminds me when (the note stays private)', () => {
    const text = draft('call', offerScene('call', [shared('PRIVATE: told Dana the offer is from Globex'), event('no-answer', '2026-12-11')], '2026-12-15'));
    expect(text).toContain('Offer shared: on Thursday 10 December you told them about the offer you received on Wednesday 9 December.');
    expect(text).not.toContain('PRIVATE');
    expect(text).toContain('As I mentioned on 10 December, I have an offer from another company, so I wanted to ask where things stand."');
    expect(text).toMatch(/voicemail \(keep it to a few seconds\):\n.*As I mentioned on 10 December, I have another offer, so could you let me know where things stand\?/);
    expect(letterProblems(text)).toEqual([]);
  });

  test('the closing note', () => {
    const text = draft('close-loop', offerScene('close-loop', [shared(), ...tries], '2026-12-22'));
    expect(text).toContain('As I mentioned on 10 December, I have an offer from another company. I will not keep following up, but if your decision comes soon, please let me know.');
    expect(text.match(/I will not keep following up/g)).toHaveLength(1);
    expect(letterProblems(text)).toEqual([]);
  });

  test('an offer recorded but not yet shared with them: nothing mentions it', () => {
    for (const kind of ['check-in', 'call', 'close-loop'] as const) {
      const events = kind === 'close-loop' ? tries : [];
      const text = draft(kind, offerScene(kind, events, '2026-12-22'));
      expect(text, kind).not.toMatch(/\boffers?\b/i);
    }
  });

  test('no offer recorded at all (an offer-shared logged, but no offer anywhere): nothing mentions one', () => {
    for (const kind of ['check-in', 'call', 'close-loop'] as const) {
      const events = [shared(PREFER_NOTE), ...(kind === 'close-loop' ? tries : [])];
      const text = draft(kind, offerScene(kind, events, '2026-12-22', null));
      expect(text, kind).not.toMatch(/\boffers?\b/i);
      expect(buildDraftData(request(kind, offerScene(kind, events, '2026-12-22', null))).offerShared).toBeNull();
    }
  });

  test('an offer-shared logged before this offer came was about another one: not this offer', () => {
    const early = event('offer-shared', '2026-12-02', { withName: 'Dana Reyes' });
    const text = draft('check-in', offerScene('check-in', [early], '2026-12-14'));
    expect(text).not.toMatch(/\boffers?\b/i);
  });
});

describe('through the command: share-offer --prefer --mark-sent, then the next check-in', () => {
  const sandbox = sandboxes();

  test('records the preference with the shared offer, and the later letters say it', async () => {
    const s = sandbox('2026-12-09');
    await s.ok(['config', 'set', 'name', 'Alex Morgan']);
    await s.ok(ADD_ACME);
    await s.ok(ADD_GLOBEX);
    // Before any offer is recorded: nothing mentions one.
    expect((await s.ok(['draft', 'check-in', '1'])).stdout).not.toMatch(/\boffers?\b/i);
    await s.ok(['outcome', '2', 'offer', '--date', '2026-12-08']);
    // Recorded, but not yet shared with Acme: still nothing.
    expect((await s.ok(['draft', 'check-in', '1'])).stdout).not.toMatch(/\boffers?\b/i);
    const shared = await s.ok(['draft', 'share-offer', '1', '--prefer', '--mark-sent']);
    expect(shared.stderr).toContain('Logged offer-shared for #1');
    const events = (await s.json(['show', '1'])).events as { type: string; note: string | null }[];
    expect(events).toEqual([expect.objectContaining({ type: 'offer-shared', note: PREFER_NOTE })]);
    const later = await s.ok(['draft', 'check-in', '1'], { today: '2026-12-14' });
    expect(later.stdout).toContain('As I mentioned on 9 December, I have an offer from another company. This role is still the one I would most like');
    expect(later.stdout).not.toContain('Globex');
  });
});
