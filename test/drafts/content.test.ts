/** What each kind of letter must say (issue 3), checked on the built-in templates with plain records. */
import { describe, expect, test } from 'vitest';
import { buildDraftData, DRAFT_KINDS, MARK_SENT_EVENT, type DraftKind } from '../../src/drafts/data.js';
import { UsageError } from '../../src/errors.js';
import {
  bareApp,
  bareScene,
  contact,
  DANA,
  draft,
  event,
  fullApp,
  fullScene,
  letterProblems,
  ME_FULL,
  request,
  round,
  SAM,
  type Scene,
  usageErrorOf,
} from './helpers.js';

describe('thanks', () => {
  test('gives the user\'s reason, meets each need, expands on an answer and offers more help', () => {
    const text = draft('thanks', fullScene('thanks'));
    expect(text).toContain('Thank you for talking with me on Monday 30 November');
    expect(text).toContain('the payments platform is exactly the kind of system I want to spend the next few years on.');
    expect(text).toContain('- someone to own Postgres on-call: I ran the on-call rotation for our payments database for two years.');
    // A need without a fit is named once, not padded with a filler sentence of its own.
    expect(text).toContain('You also mentioned mentoring for two junior engineers, and I would be glad to talk about how I could help there.');
    expect(text).not.toContain('- mentoring for two junior engineers');
    expect(text).toContain('we split the ledger by merchant and halved our p99 latency.');
    expect(text).toContain('references or a work sample');
  });

  test('--to addresses one interviewer, by full name or by a prefix of it', () => {
    expect(draft('thanks', { ...fullScene('thanks'), to: 'Priya Natarajan' })).toMatch(/^Dear Priya,$/m);
    expect(draft('thanks', { ...fullScene('thanks'), to: 'priya' })).toMatch(/^Dear Priya,$/m);
    expect(draft('thanks', { ...fullScene('thanks'), to: 'Priya' })).not.toContain('Dear Dana');
  });

  test('--to someone not recorded is refused with the command that records them', () => {
    const err = usageErrorOf(() => draft('thanks', { ...fullScene('thanks'), to: 'Jordan Blake' }));
    expect(err.message).toContain('followup edit 3 --interviewer "Jordan Blake"');
  });
});

describe('check-in', () => {
  test('names the interview and its date, says still keen, asks where the decision stands and when', () => {
    const text = draft('check-in', fullScene('check-in'));
    expect(text).toContain('Monday 30 November');
    expect(text).toContain('Friday 4 December');
    expect(text).toContain('still very interested');
    expect(text).toContain('where the decision stands');
    expect(text).toContain('when I can expect to hear');
    expect(text).toMatch(/anything else would help/);
  });

  test('to HR with no hiring manager recorded, asks who decides', () => {
    const text = draft('check-in', bareScene('check-in'));
    expect(text).toMatch(/^Dear Sam,$/m);
    expect(text).toContain('hiring manager');
  });
});

describe('call', () => {
  test('whom to ask for, what to say, what to ask, and a voicemail with the callback number', () => {
    const text = draft('call', fullScene('call'));
    expect(text).toContain('Call Dana Reyes (hiring manager) on +1 555 0100.');
    expect(text).toContain('Could I speak with Dana Reyes, please?');
    expect(text).toContain('Has a decision been made?');
    expect(text).toMatch(/voicemail[\s\S]*You can reach me on \+1 555 0199/);
    // With the hiring manager on the line there is nothing to ask about them.
    expect(text).not.toContain('Who is the hiring manager');
  });

  test('when the contact is HR: asks for the hiring manager\'s name, direct line, and whether to call them', () => {
    const text = draft('call', bareScene('call'));
    expect(text).toContain('Call Sam Lee (HR) on +1 555 0150.');
    expect(text).toContain('Who is the hiring manager for this role, and what is their direct line?');
    expect(text).toContain('all right for me to call them');
  });

  test('without my phone number there is no voicemail to leave: refused with the config command', () => {
    const err = usageErrorOf(() => draft('call', { ...fullScene('call'), me: { ...ME_FULL, phone: null } }));
    expect(err.message).toContain('followup config set phone');
  });

  test('without the contact\'s phone number: refused with the edit command', () => {
    const app = fullApp({ contacts: [{ ...DANA, phone: null }] });
    const err = usageErrorOf(() => draft('call', { ...fullScene('call'), app }));
    expect(err.message).toContain('followup edit 3 --phone');
  });
});

describe('feedback', () => {
  test('thanks regardless, asks about the main gap and one concrete step, and offers a short call', () => {
    const text = draft('feedback', fullScene('feedback'));
    expect(text).toContain('Thank you for letting me know your decision');
    expect(text).toContain('- What was the main gap between my experience and what you needed for this role?');
    expect(text).toMatch(/- What one step would make me a stronger candidate next time: \S/);
    expect(text).toContain('15-minute call');
  });

  test('asks to be considered or referred only while still interested', () => {
    const keen = draft('feedback', fullScene('feedback'));
    expect(keen).toMatch(/keep me in mind/);
    expect(keen).toMatch(/Would you be willing to refer me/);
    const scene = fullScene('feedback');
    const done = draft('feedback', { ...scene, app: { ...scene.app, notInterested: true } });
    expect(done).not.toMatch(/keep me in mind|refer/);
    expect(letterProblems(done)).toEqual([]);
  });

  test('one interview (with an interviewer recorded) never reads "the interviews"', () => {
    // The number of interviewers says nothing about how many interviews there were.
    const text = draft('feedback', fullScene('feedback'));
    expect(fullScene('feedback').app.rounds).toHaveLength(1);
    expect(text).toContain('for this role?');
    expect(text).not.toMatch(/interviews\b/);
  });
});

describe('thank-feedback', () => {
  test('goes to whoever gave the feedback, thanks them and says what I will do with it, in my own words', () => {
    const text = draft('thank-feedback', fullScene('thank-feedback'));
    expect(text).toMatch(/^Dear Priya,$/m);
    expect(text).toContain('Thank you for taking the time');
    // The takeaway, as I recorded it; never the private note spliced into a sentence.
    expect(text).toContain('Here is what I am taking from it: go deeper on system design trade-offs before I talk about scale.');
    expect(text).toContain('I will put that into practice before my next interviews');
    expect(text).not.toContain('the need for more depth');
  });

  test('with no feedback recorded: either a clean letter or exit 2 naming the command that records it', () => {
    const scene: Scene = { ...bareScene('thank-feedback'), app: bareApp({ outcome: 'rejected', outcomeDate: '2026-12-10' }) };
    let text: string | null = null;
    let error: unknown = null;
    try {
      text = draft('thank-feedback', scene);
    } catch (err) {
      error = err;
    }
    if (text !== null) {
      expect(letterProblems(text)).toEqual([]);
    } else {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toContain('followup log 4 feedback-received');
    }
  });
});

describe('share-offer', () => {
  test('is refused when no offer is recorded, with the reason and the command that records one', () => {
    const err = usageErrorOf(() => draft('share-offer', { ...fullScene('share-offer'), offer: null }));
    expect(err.message).toMatch(/no offer is recorded/i);
    expect(err.message).toContain('followup outcome');
  });

  test('says an offer is in hand and asks for their timeline; names the employer only when asked', () => {
    const named = draft('share-offer', fullScene('share-offer'));
    expect(named).toContain('I received a job offer from Globex today.');
    expect(named).toMatch(/timeline/);
    const unnamed = draft('share-offer', { ...fullScene('share-offer'), nameCompany: false });
    expect(unnamed).toContain('I received a job offer today.');
    expect(unnamed).not.toContain('Globex');
  });

  test('says this role is the one I prefer only with --prefer', () => {
    expect(draft('share-offer', fullScene('share-offer'))).toContain('still the one I would most like to take');
    const neutral = draft('share-offer', { ...fullScene('share-offer'), prefer: false });
    expect(neutral).not.toContain('most like');
    expect(neutral).toContain('still very interested');
  });
});

describe('close-loop and keep-in-touch', () => {
  test('close-loop understands they moved on, thanks them, and leaves the door open', () => {
    const text = draft('close-loop', fullScene('close-loop'));
    expect(text).toMatch(/moved ahead with another candidate/);
    expect(text).toMatch(/thank you for your time/);
    expect(text).toMatch(/glad to hear from you/);
  });

  test('keep-in-touch gives the reason to reconnect when one is given', () => {
    const text = draft('keep-in-touch', fullScene('keep-in-touch'));
    expect(text).toContain('I have just finished a course on distributed systems and thought of your ledger migration.');
  });
});

describe('no draft but share-offer mentions an offer', () => {
  // withdraw and decline are about an offer by their premise (one accepted elsewhere, theirs): arc-letters.test.ts.
  test.each(DRAFT_KINDS.filter((k) => !['share-offer', 'withdraw', 'decline'].includes(k)).map((k) => [k] as [DraftKind]))(
    '%s, even when an offer is recorded',
    (kind) => {
      const scene: Scene = { ...fullScene(kind), offer: { company: 'Globex', date: '2026-12-09' }, nameCompany: false };
      const data = buildDraftData(request(kind, scene));
      expect('offer' in data).toBe(false);
      const text = draft(kind, scene);
      expect(text).not.toMatch(/\boffers?\b/i);
      expect(text).not.toContain('Globex');
    },
  );
});

describe('missing data is refused with the command that supplies it, never a placeholder', () => {
  test.each(DRAFT_KINDS.map((k) => [k] as [DraftKind]))('%s without my name names `followup config set name`', (kind) => {
    const err = usageErrorOf(() => draft(kind, { ...fullScene(kind), me: { ...ME_FULL, name: null } }));
    expect(err.message).toContain('followup config set name');
  });

  test.each(DRAFT_KINDS.map((k) => [k] as [DraftKind]))('%s with no contact names `followup edit`', (kind) => {
    const scene = fullScene(kind);
    const err = usageErrorOf(() => draft(kind, { ...scene, app: { ...scene.app, contacts: [] } }));
    expect(err.message).toContain('followup edit 3');
  });

  test('a chase with only an interviewer recorded names `followup edit` to add the decision maker', () => {
    const app = fullApp({ contacts: [contact(2, 'Priya Natarajan', 'interviewer')] });
    const err = usageErrorOf(() => draft('check-in', { ...fullScene('check-in'), app }));
    expect(err.message).toContain('followup edit 3');
  });

  test('no interview recorded is refused', () => {
    usageErrorOf(() => draft('thanks', { ...fullScene('thanks'), app: fullApp({ rounds: [] }) }));
  });
});

describe('letters built from what the user typed', () => {
  test('a need\'s fit typed with a closing full stop does not end in ".."', () => {
    const app = fullApp({ needs: ['Postgres on-call :: I ran the on-call rotation for two years.'] });
    const text = draft('thanks', { ...fullScene('thanks'), app });
    expect(text).toContain('- Postgres on-call: I ran the on-call rotation for two years.');
    expect(text).not.toContain('..');
  });

  test('the user\'s reason typed with a closing full stop is not doubled either', () => {
    const text = draft('thanks', fullScene('thanks'));
    expect(text).toContain('next few years on.\n');
    expect(text).not.toContain('..');
  });

  test.each([['check-in'], ['call']] as [DraftKind][])(
    '%s: after `spoke --new-date`, gives the new decision date, not the stale one',
    (kind) => {
      const scene = fullScene(kind);
      const app = fullApp({
        events: [
          ...scene.app.events,
          event('spoke', '2026-12-07', { withName: 'Dana Reyes', newDate: '2026-12-16' }),
        ],
      });
      const text = draft(kind, { ...scene, app, today: '2026-12-17' });
      expect(text).not.toContain('Friday 4 December');
      expect(text).toContain('Wednesday 16 December');
    },
  );

  test('the HR contact takes the call when there is no hiring manager, and the letter names them', () => {
    const app = fullApp({ contacts: [SAM], rounds: [round({ decisionBy: '2026-12-04' })] });
    expect(draft('check-in', { ...fullScene('check-in'), app })).toMatch(/^Dear Sam,$/m);
  });
});

test('--mark-sent logs the event the issue names for each kind, and nothing for a call', () => {
  expect(MARK_SENT_EVENT).toMatchObject({
    thanks: 'thanks-sent',
    'check-in': 'emailed',
    call: null,
    feedback: 'feedback-asked',
    'share-offer': 'offer-shared',
    'close-loop': 'loop-closed',
    'keep-in-touch': 'kept-in-touch',
  });
});
