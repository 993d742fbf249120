/**
 * Issue 12, part 1: a letter states only what was recorded. Each kind is refused without its
 * premise; tries, elapsed time, conversations, decision dates and offers come from the records
 * (the tries from the same plan facts `today` uses).
 */
import { describe, expect, test } from 'vitest';
import { attemptsOf, chaseState, scheduleApplication } from '../../src/core/cadence.js';
import { DEFAULT_SETTINGS, type Application, type ChaseAttempt } from '../../src/core/types.js';
import { DRAFT_KINDS, type DraftKind } from '../../src/drafts/data.js';
import { UsageError } from '../../src/errors.js';
import { elapsedText, triesText } from '../../src/words/plan.js';
import {
  ADD_ACME,
  ADD_GLOBEX,
  draft,
  event,
  fullApp,
  fullScene,
  letterProblems,
  round,
  sandboxes,
  type Scene,
} from './helpers.js';

function refusal(kind: DraftKind, scene: Scene): string {
  try {
    draft(kind, scene);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as UsageError).message;
  }
  throw new Error(`expected ${kind} to be refused, but it rendered`);
}

/** The full scene of a kind with another record (and, optionally, another day). */
function withApp(kind: DraftKind, app: Application, today?: string): Scene {
  const scene = fullScene(kind);
  return { ...scene, app, today: today ?? scene.today };
}

const REJECTED = { outcome: 'rejected' as const, outcomeDate: '2026-12-10' };
const WITHDRAWN = { outcome: 'withdrawn' as const, outcomeDate: '2026-12-10' };
const OFFER = { outcome: 'offer' as const, outcomeDate: '2026-12-10' };
const LOOP_CLOSED = { events: [event('emailed', '2026-12-07'), event('loop-closed', '2026-12-11')] };

// ---------------------------------------------------------------------------------------------
// Premises
// ---------------------------------------------------------------------------------------------

describe('every kind is refused (exit 2, UsageError) when its premise is not recorded', () => {
  // share-offer tells of an offer, withdraw may cancel the interview booked (issue 14), decline
  // answers an offer: none of them claims an interview that has not taken place.
  test.each(DRAFT_KINDS.filter((k) => !['share-offer', 'withdraw', 'decline'].includes(k)).map((k) => [k] as [DraftKind]))(
    '%s about an interview that has not taken place yet',
    (kind) => {
      const scene = fullScene(kind);
      const app = { ...scene.app, rounds: [round({ date: '2026-12-30' })] };
      const message = refusal(kind, { ...scene, app, today: '2026-12-15' });
      expect(message).toContain('Wed 30 Dec, after today');
    },
  );

  const OPEN_KINDS: DraftKind[] = ['thanks', 'check-in', 'call', 'share-offer', 'close-loop'];
  test.each(OPEN_KINDS.map((k) => [k] as [DraftKind]))('%s once an outcome is recorded (the decision is known)', (kind) => {
    const scene = fullScene(kind);
    const today = '2026-12-22';
    const rejected = refusal(kind, { ...scene, today, app: { ...scene.app, ...REJECTED } });
    expect(rejected).toContain('a rejection is recorded on Thu 10 Dec');
    expect(rejected).toContain('followup draft feedback 3');
    const withdrawn = refusal(kind, { ...scene, today, app: { ...scene.app, ...WITHDRAWN } });
    expect(withdrawn).toContain('you withdrew on Thu 10 Dec');
    expect(withdrawn).toContain('followup draft keep-in-touch 3');
    expect(refusal(kind, { ...scene, today, app: { ...scene.app, ...OFFER } })).toContain('an offer is recorded on Thu 10 Dec');
  });

  test.each([['feedback'], ['thank-feedback']] as [DraftKind][])(
    '%s without a recorded rejection names `followup outcome N rejected`',
    (kind) => {
      const scene = fullScene(kind);
      const variants: Partial<Application>[] = [{ outcome: null, outcomeDate: null }, WITHDRAWN, OFFER, { ...LOOP_CLOSED, outcome: null, outcomeDate: null }];
      for (const extra of variants) {
        const app = { ...scene.app, ...extra, events: [...scene.app.events, ...(extra.events ?? [])] };
        const message = refusal(kind, { ...scene, app, today: '2026-12-15' });
        expect(message).toMatch(/no rejection recorded/);
        expect(message).toContain('followup outcome 3 rejected');
      }
    },
  );

  test('feedback after the user withdrew says so, and points to keep-in-touch', () => {
    const message = refusal('feedback', withApp('feedback', fullApp(WITHDRAWN), '2026-12-15'));
    expect(message).toContain('you withdrew on Thu 10 Dec');
    expect(message).toContain('followup draft keep-in-touch 3');
  });

  test('a rejection dated after today is not known yet', () => {
    const message = refusal('feedback', withApp('feedback', fullApp({ outcome: 'rejected', outcomeDate: '2026-12-18' }), '2026-12-15'));
    expect(message).toContain('dated Fri 18 Dec, after today');
  });

  test('thank-feedback after a rejection but without feedback names `followup log N feedback-received`', () => {
    const message = refusal('thank-feedback', withApp('thank-feedback', fullApp(REJECTED), '2026-12-15'));
    expect(message).toContain('followup log 3 feedback-received');
  });

  test('keep-in-touch while the application is open, or after an offer, names how to record the end', () => {
    const open = refusal('keep-in-touch', withApp('keep-in-touch', fullApp(), '2026-12-15'));
    expect(open).toContain('no outcome is recorded yet');
    expect(open).toContain('followup outcome 3 rejected');
    expect(open).toContain('followup log 3 loop-closed');
    expect(refusal('keep-in-touch', withApp('keep-in-touch', fullApp(OFFER), '2026-12-15'))).toContain('an offer is recorded');
  });

  test.each([
    ['rejected', fullApp(REJECTED)],
    ['withdrawn', fullApp(WITHDRAWN)],
    ['closed as no response', fullApp(LOOP_CLOSED)],
  ])('keep-in-touch is written once the application is %s', (_what, app) => {
    expect(letterProblems(draft('keep-in-touch', withApp('keep-in-touch', app, '2027-03-15')))).toEqual([]);
  });

  test('close-loop with no tries recorded is refused, naming the rule and the chase to make first', () => {
    const message = refusal('close-loop', withApp('close-loop', fullApp({ events: [] }), '2026-12-22'));
    expect(message).toContain('no unanswered call or email is recorded for #3 Acme Robotics since the interview on Mon 30 Nov');
    expect(message).toContain('after 4 unanswered tries');
    expect(message).toContain('followup draft check-in 3 --mark-sent');
  });

  test('close-loop with no tries since a conversation is refused: the conversation restarts the count', () => {
    const app = fullApp({ events: [event('no-answer', '2026-12-07'), event('spoke', '2026-12-10', { note: 'still deciding' })] });
    const message = refusal('close-loop', withApp('close-loop', app, '2026-12-22'));
    expect(message).toContain('since you spoke on Thu 10 Dec');
  });

  test('close-loop while a later round is booked is refused', () => {
    const app = fullApp({
      rounds: [round(), round({ id: 2, number: 2, date: '2027-01-12' })],
      events: [event('no-answer', '2026-12-07')],
    });
    expect(refusal('close-loop', withApp('close-loop', app, '2026-12-22'))).toContain('round 2 of #3 Acme Robotics is still to come');
  });

  test('share-offer with an offer dated after today is refused like one never recorded', () => {
    const message = refusal('share-offer', { ...fullScene('share-offer'), offer: { company: 'Globex', date: '2026-12-20' } });
    expect(message).toMatch(/no offer is recorded/i);
  });
});

// ---------------------------------------------------------------------------------------------
// close-loop: the tries the plan counts, with their dates
// ---------------------------------------------------------------------------------------------

/** The tries of the plan's close-loop (or check-status) item for this record, as `today` sees them. */
function planAttempts(app: Application, today: string): ChaseAttempt[] {
  const items = scheduleApplication(app, { settings: DEFAULT_SETTINGS, offers: [], today });
  const chase = items.find((i) => i.why.code === 'chase');
  if (!chase || chase.why.code !== 'chase') throw new Error('no chase item');
  return chase.why.attempts;
}

describe('close-loop says how many tries were made, and when, from the plan\'s facts', () => {
  test('four tries, as `today` counted them: calls and then an email', () => {
    const scene = fullScene('close-loop');
    const text = draft('close-loop', scene);
    const sentence = 'I called on 7, 11 and 15 December and wrote on 18 December';
    expect(text).toContain(`After my interview for the Backend Engineer role on Monday 30 November, ${sentence} to ask where things stand`);
    expect(triesText(planAttempts(scene.app, scene.today), scene.today)).toBe(sentence);
    expect(text).not.toContain('a few times');
  });

  test.each([
    ['one email', [event('emailed', '2026-12-08')], 'I wrote on 8 December'],
    ['two calls on one day', [event('no-answer', '2026-12-07'), event('voicemail', '2026-12-07')], 'I called twice, on 7 December'],
    [
      'calls over two months',
      [event('no-answer', '2026-11-30'), event('no-answer', '2026-12-03'), event('voicemail', '2026-12-07')],
      'I called on 30 November, 3 December and 7 December',
    ],
    ['an email first, then a call', [event('emailed', '2026-12-07'), event('no-answer', '2026-12-10')], 'I wrote on 7 December and called on 10 December'],
  ])('%s', (_what, events, sentence) => {
    const app = fullApp({ events });
    const text = draft('close-loop', withApp('close-loop', app, '2026-12-22'));
    expect(text).toContain(`, ${sentence} to ask where things stand`);
    expect(triesText(planAttempts(app, '2026-12-22'), '2026-12-22')).toBe(sentence);
    expect(letterProblems(text)).toEqual([]);
  });

  test('tries across the new year give the year of the one not in this year', () => {
    const app = fullApp({ rounds: [round({ date: '2026-12-21' })], events: [event('no-answer', '2026-12-30'), event('emailed', '2027-01-04')] });
    const text = draft('close-loop', withApp('close-loop', app, '2027-01-11'));
    expect(text).toContain('on Monday 21 December 2026, I called on 30 December 2026 and wrote on 4 January to ask');
  });

  test('after a conversation: only the tries since, and no guess at a reason the records do not give', () => {
    const app = fullApp({
      events: [
        event('no-answer', '2026-12-07'),
        event('spoke', '2026-12-10', { withName: 'Dana Reyes', note: 'they are weighing an internal candidate' }),
        event('voicemail', '2026-12-14'),
        event('emailed', '2026-12-17'),
      ],
    });
    const text = draft('close-loop', withApp('close-loop', app, '2026-12-22'));
    expect(text).toContain(
      'After we spoke on Thursday 10 December about the Backend Engineer role, I called on 14 December and wrote on 17 December to ask where things stand, and I have not heard back, so I will not keep following up.',
    );
    expect(text).not.toMatch(/\b7 December/);
    expect(text).not.toMatch(/another candidate|priorities/);
    expect(text).not.toContain('internal');
    expect(triesText(planAttempts(app, '2026-12-22'), '2026-12-22')).toBe('I called on 14 December and wrote on 17 December');
    expect(letterProblems(text)).toEqual([]);
  });

  test('tries are counted as the plan counts them: chaseState.attempts, nothing else', () => {
    const scene = fullScene('close-loop');
    const state = chaseState(scene.app, DEFAULT_SETTINGS)!;
    expect(draft('close-loop', scene)).toContain(triesText(attemptsOf(state.attempts), scene.today));
  });
});

// ---------------------------------------------------------------------------------------------
// keep-in-touch: the real time since the last contact
// ---------------------------------------------------------------------------------------------

describe('keep-in-touch states the time since the last recorded contact, and none under a week', () => {
  const rejected = fullApp({ ...REJECTED, events: [event('thanks-sent', '2026-12-01')] });

  test.each([
    ['the same day', '2026-12-10', null],
    ['three days later', '2026-12-13', null],
    ['a week later', '2026-12-17', 'a week'],
    ['ten days later', '2026-12-20', 'more than a week'],
    ['two weeks later', '2026-12-24', 'two weeks'],
    ['exactly three months later', '2027-03-10', 'three months'],
    ['three months and five days later', '2027-03-15', 'more than three months'],
    ['thirteen months later', '2028-01-12', 'more than a year'],
  ])('%s', (_what, today, elapsed) => {
    const text = draft('keep-in-touch', withApp('keep-in-touch', rejected, today));
    expect(text).not.toContain('a while');
    if (elapsed === null) {
      expect(text).not.toMatch(/It has been/);
      expect(text).toContain('Thank you for the time you gave me when I interviewed for the Backend Engineer role at Acme Robotics.');
    } else {
      expect(text).toContain(`It has been ${elapsed} since we were last in touch about the Backend Engineer role at Acme Robotics`);
    }
    expect(letterProblems(text)).toEqual([]);
    // The same last contact the plan's keep-in-touch item counts from.
    const item = scheduleApplication(rejected, { settings: DEFAULT_SETTINGS, offers: [], today }).find(
      (i) => i.why.code === 'keep-in-touch',
    );
    expect(item?.why).toEqual({ code: 'keep-in-touch', lastContact: '2026-12-10' });
    expect(elapsedText('2026-12-10', today)).toBe(elapsed);
  });

  test('a later event restarts the count, as it restarts the plan\'s timer', () => {
    const app = fullApp({ ...REJECTED, events: [event('kept-in-touch', '2027-01-15')] });
    const text = draft('keep-in-touch', withApp('keep-in-touch', app, '2027-03-15'));
    expect(text).toContain('It has been two months since we were last in touch');
  });

  test('after a closed loop, the count starts at the closing note', () => {
    const text = draft('keep-in-touch', withApp('keep-in-touch', fullApp(LOOP_CLOSED), '2027-03-11'));
    expect(text).toContain('It has been three months since we were last in touch');
  });
});

describe('elapsedText never claims more time than passed', () => {
  test.each([
    ['2026-12-10', '2026-12-16', null],
    ['2026-12-10', '2026-12-17', 'a week'],
    ['2026-01-31', '2026-02-28', 'four weeks'],
    ['2026-01-31', '2026-03-01', 'more than a month'],
    ['2026-11-30', '2027-02-28', 'more than two months'],
    ['2026-12-10', '2027-12-10', 'a year'],
    ['2026-12-10', '2028-12-11', 'more than two years'],
  ])('%s to %s', (from, to, text) => {
    expect(elapsedText(from, to)).toBe(text);
  });
});

// ---------------------------------------------------------------------------------------------
// check-in and call before the decision date; share-offer weeks after the offer
// ---------------------------------------------------------------------------------------------

describe('a chase before the promised decision date does not pretend it has passed', () => {
  test.each([
    ['2026-12-03', false],
    ['2026-12-04', false],
    ['2026-12-07', true],
  ])('check-in on %s', (today, passed) => {
    const text = draft('check-in', { ...fullScene('check-in'), today });
    if (passed) {
      expect(text).toContain('I understood a decision would come by Friday 4 December.');
      expect(text).toContain('Could you tell me where the decision stands');
    } else {
      expect(text).toContain('I understand a decision is expected by Friday 4 December.');
      expect(text).toContain('could you tell me whether that timeline still holds?');
      expect(text).not.toMatch(/understood|where the decision stands/);
    }
    expect(letterProblems(text)).toEqual([]);
  });

  test('call script on the day before', () => {
    const text = draft('call', { ...fullScene('call'), today: '2026-12-03' });
    expect(text).toContain('I understand a decision is expected by Friday 4 December. I am still very interested, and I wanted to check that the timeline still holds.');
    expect(text).toContain('- Is the decision still expected by Friday 4 December?');
    expect(text).not.toMatch(/was expected|Has a decision been made/);
  });
});

describe('share-offer says when the offer came', () => {
  test('the same day: today', () => {
    expect(draft('share-offer', fullScene('share-offer'))).toContain('I received a job offer from Globex today.');
  });

  test('seven weeks later: its date, not news', () => {
    const text = draft('share-offer', { ...fullScene('share-offer'), today: '2027-01-27' });
    expect(text).toContain('I received a job offer from Globex on Wednesday 9 December 2026.');
    expect(text).not.toContain('today');
  });
});

describe('a thank-you speaks of the interview that took place, not one booked ahead', () => {
  test('round 2 booked: the thank-you is for round 1', () => {
    const app = fullApp({ rounds: [round(), round({ id: 2, number: 2, date: '2026-12-09' })] });
    const text = draft('thanks', withApp('thanks', app, '2026-12-01'));
    expect(text).toContain('Monday 30 November');
    expect(text).not.toContain('9 December');
  });
});

// ---------------------------------------------------------------------------------------------
// Through the command
// ---------------------------------------------------------------------------------------------

describe('followup draft', () => {
  const sandbox = sandboxes();

  async function acme(today: string) {
    const s = sandbox(today);
    await s.ok(['config', 'set', 'name', 'Alex Morgan']);
    await s.ok(ADD_ACME);
    return s;
  }

  /** The warning lines a run printed on stderr. */
  function warnings(stderr: string): string[] {
    return stderr.split('\n').filter((line) => line.startsWith('warning: '));
  }

  test('check-in --mark-sent before the decision date logs the email and warns exactly as `log` does', async () => {
    const drafted = await acme('2026-12-02');
    const r = await drafted.ok(['draft', 'check-in', '1', '--mark-sent']);
    expect(r.stdout).toContain('I understand a decision is expected by Friday 4 December.');
    expect(r.stderr).toContain('Logged emailed for #1');
    expect(r.stderr).toContain('warning: Recorded, but the next contact was only allowed from Mon 7 Dec');
    const events = (await drafted.json(['show', '1'])).events as { type: string; date: string }[];
    expect(events).toEqual([expect.objectContaining({ type: 'emailed', date: '2026-12-02' })]);

    const logged = await acme('2026-12-02');
    const l = await logged.ok(['log', '1', 'emailed']);
    expect(warnings(l.stderr)).toHaveLength(1);
    expect(warnings(r.stderr)).toEqual(warnings(l.stderr));
  });

  test('check-in --mark-sent after the decision date: no warning', async () => {
    const s = await acme('2026-12-07');
    const r = await s.ok(['draft', 'check-in', '1', '--mark-sent']);
    expect(r.stderr).not.toContain('warning');
  });

  test('feedback on an open application: exit 2, naming `followup outcome 1 rejected`, nothing logged', async () => {
    const s = await acme('2026-12-07');
    const r = await s.run(['draft', 'feedback', '1', '--mark-sent']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('followup outcome 1 rejected');
    expect((await s.json(['show', '1'])).events).toEqual([]);
  });

  test('close-loop with no tries: exit 2; after the tries are logged, the letter names them', async () => {
    const s = await acme('2026-12-07');
    const refused = await s.run(['draft', 'close-loop', '1']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('after 4 unanswered tries');
    await s.ok(['log', '1', 'no-answer', '--date', '2026-12-07']);
    // An event is logged on or after its day (a later date is refused).
    await s.ok(['log', '1', 'emailed', '--date', '2026-12-10'], { today: '2026-12-14' });
    const r = await s.ok(['draft', 'close-loop', '1'], { today: '2026-12-14' });
    expect(r.stdout).toContain('I called on 7 December and wrote on 10 December to ask where things stand');
  });

  test('the kinds after a rejection, once it is recorded, and share-offer with the offer\'s date', async () => {
    const s = await acme('2026-12-07');
    await s.ok(ADD_GLOBEX);
    await s.ok(['outcome', '2', 'offer', '--date', '2026-12-04']);
    expect((await s.ok(['draft', 'share-offer', '1'])).stdout).toContain('I received a job offer on Friday 4 December.');
    await s.ok(['outcome', '1', 'rejected', '--date', '2026-12-07']);
    expect((await s.ok(['draft', 'feedback', '1'])).stdout).toContain('Thank you for letting me know your decision');
    const kit = await s.ok(['draft', 'keep-in-touch', '1']);
    expect(kit.stdout).toContain('Thank you for the time you gave me when I interviewed');
    expect(kit.stdout).not.toContain('a while');
  });
});
