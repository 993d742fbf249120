/**
 * Later chases (issue 12, section 3, "Chases"): once a try is recorded, the check-in and the
 * call script's voicemail are shorter, refer to the last try by its channel and date exactly as
 * the plan counts it, and never repeat the first one's paragraphs.
 */
import { describe, expect, test } from 'vitest';
import { attemptsOf, chaseState } from '../../src/core/cadence.js';
import { DEFAULT_SETTINGS } from '../../src/core/types.js';
import { buildDraftData } from '../../src/drafts/data.js';
import { bareApp, bareScene, contact, DANA, draft, event, fullApp, fullScene, letterProblems, PRIYA, request, SAM, type Scene } from './helpers.js';

const thanked = event('thanks-sent', '2026-12-01', { withName: 'Dana Reyes' });

/** The body paragraphs of a letter: without the subject, the salutation and the sign-off block. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '' && !p.startsWith('Subject:') && !p.startsWith('Dear ') && !/^(Kind regards|Thank you),\n/.test(p));
}

/** The sentences of a text, for "shares no sentence" checks. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.?!])\s+/)
    .map((s) => s.replace(/^["\s]+|["\s]+$/g, ''))
    .filter((s) => s !== '');
}

/** The voicemail line of a call script (the quoted message after the "If you get ... voicemail" heading). */
function voicemail(text: string): string {
  const m = /voicemail \([^)]*\):\n\s+("[^\n]*")/.exec(text);
  if (!m) throw new Error(`no voicemail in:\n${text}`);
  return m[1];
}

function checkInScene(events: Scene['app']['events'], today: string): Scene {
  return { ...fullScene('check-in'), app: fullApp({ events: [thanked, ...events] }), today };
}

function callScene(events: Scene['app']['events'], today: string): Scene {
  return { ...fullScene('call'), app: fullApp({ events: [thanked, ...events] }), today };
}

describe('lastTry: the last of the tries the plan counts', () => {
  test('is the last of chaseState\'s attempts, with its channel and date', () => {
    const scene = checkInScene([event('voicemail', '2026-12-07'), event('emailed', '2026-12-10'), event('no-answer', '2026-12-14')], '2026-12-16');
    const data = buildDraftData(request('check-in', scene));
    const attempts = attemptsOf(chaseState(scene.app, DEFAULT_SETTINGS)!.attempts);
    expect(data.tries.count).toBe(attempts.length);
    expect(attempts[attempts.length - 1]).toEqual({ date: '2026-12-14', channel: 'phone' });
    // A call nobody answered: recorded as such, and nothing of it reached them to refer to.
    expect(data.lastTry).toEqual({
      date: '2026-12-14', day: 'Monday 14 December', short: 'Mon 14 Dec', dayMonth: '14 December', channel: 'call',
      how: 'no-answer', noAnswer: true, reference: null,
    });
  });

  test('is null with no tries, and after a conversation that restarted the count', () => {
    expect(buildDraftData(request('check-in', fullScene('check-in'))).lastTry).toBeNull();
    const spoke = checkInScene([event('emailed', '2026-12-07'), event('spoke', '2026-12-09')], '2026-12-10');
    expect(buildDraftData(request('check-in', spoke)).lastTry).toBeNull();
  });
});

describe('a later check-in', () => {
  const first = draft('check-in', fullScene('check-in'));

  test.each([
    ['an email', [event('emailed', '2026-12-08')], '2026-12-14', 'following up on my email of 8 December'],
    // A voicemail left a message to follow up on; a call nobody answered did not (issue 12, part 5).
    ['a voicemail', [event('emailed', '2026-12-08'), event('voicemail', '2026-12-11')], '2026-12-15', 'following up on the message I left on 11 December'],
    ['a call nobody answered in the year before', [event('no-answer', '2026-12-30')], '2027-01-05', 'I called you on 30 December 2026 about the Backend Engineer role, but we did not connect.'],
  ])('after %s: shorter, names the last try as recorded, shares no paragraph or sentence with the first', (_what, events, today, phrase) => {
    const later = draft('check-in', checkInScene(events, today));
    expect(later).toContain(phrase);
    expect(later.length).toBeLessThan(first.length * 0.7);
    expect(later).not.toBe(first);
    const firstParagraphs = new Set(paragraphs(first));
    for (const p of paragraphs(later)) expect(firstParagraphs.has(p)).toBe(false);
    const firstSentences = new Set(paragraphs(first).flatMap(sentences));
    for (const s of paragraphs(later).flatMap(sentences)) expect(firstSentences.has(s)).toBe(false);
    expect(later).not.toContain('I interviewed for');
    expect(letterProblems(later)).toEqual([]);
  });

  test('after the decision date: asks where the decision stands; before it: whether the date still holds', () => {
    const after = draft('check-in', checkInScene([event('emailed', '2026-12-08')], '2026-12-14'));
    expect(after).toContain('a short note on where the decision stands');
    const before = draft('check-in', checkInScene([event('emailed', '2026-12-02')], '2026-12-03'));
    expect(before).toContain('following up on my email of 2 December');
    expect(before).toContain('is a decision expected by Friday 4 December, as planned?');
    expect(before).not.toMatch(/understood|where the decision stands|decision was expected/);
    expect(letterProblems(before)).toEqual([]);
  });

  test('with no hiring manager recorded, asks briefly who decides; with one, does not', () => {
    const bare = { ...bareScene('check-in'), app: bareApp({ events: [event('emailed', '2026-12-09')] }), today: '2026-12-15' };
    const text = draft('check-in', bare);
    expect(text).toContain('following up on my email of 9 December about the Data Analyst role');
    expect(text).toContain('If someone else now makes the decision, could you point me to them?');
    expect(text.trimEnd().split('\n').pop()).toBe('Alex Morgan');
    expect(letterProblems(text)).toEqual([]);
    expect(draft('check-in', checkInScene([event('emailed', '2026-12-08')], '2026-12-14'))).not.toContain('someone else');
  });

  test('the first check-in mentions the recorded next steps; without them it does not', () => {
    expect(first).toContain('At the interview you described the next step: a final round with the CTO.');
    const none = { ...fullScene('check-in'), app: fullApp({ events: [thanked], rounds: [{ ...fullApp().rounds[0], nextSteps: null }] }) };
    const text = draft('check-in', none);
    expect(text).not.toContain('next step');
    expect(letterProblems(text)).toEqual([]);
  });
});

describe('a later voicemail', () => {
  const firstScript = draft('call', fullScene('call'));
  const first = voicemail(firstScript);

  test.each([
    ['a call nobody answered', [event('no-answer', '2026-12-07')], '2026-12-10', 'this is Alex Morgan about the Backend Engineer role; I also called on 7 December.'],
    ['a voicemail', [event('no-answer', '2026-12-04'), event('voicemail', '2026-12-07')], '2026-12-10', 'Alex Morgan again, following up on the message I left on 7 December'],
    ['an email', [event('voicemail', '2026-12-07'), event('emailed', '2026-12-10')], '2026-12-14', 'following up on my email of 10 December'],
  ])('after %s: shorter, names the last try as recorded, shares no sentence with the first', (_what, events, today, phrase) => {
    const script = draft('call', callScene(events, today));
    const later = voicemail(script);
    expect(later).toContain(phrase);
    expect(later.length).toBeLessThan(first.length * 0.7);
    const firstSentences = new Set(sentences(first));
    for (const s of sentences(later)) expect(firstSentences.has(s)).toBe(false);
    expect(later).toContain('+1 555 0199');
    expect(letterProblems(script)).toEqual([]);
  });

  test('through HR: shorter, names the last try, still asks for the manager\'s direct line', () => {
    const app = fullApp({ contacts: [{ ...DANA, phone: null }, PRIYA, SAM], events: [thanked, event('voicemail', '2026-12-08')] });
    const firstHr = voicemail(draft('call', { ...fullScene('call'), app: { ...app, events: [thanked] } }));
    const script = draft('call', { ...fullScene('call'), app, today: '2026-12-11' });
    const later = voicemail(script);
    expect(script).toContain("If you get Sam's voicemail");
    expect(later).toContain('following up on the message I left on 8 December');
    expect(later).toContain("Dana's direct line");
    expect(later.length).toBeLessThan(firstHr.length * 0.7);
    expect(letterProblems(script)).toEqual([]);
  });

  test('the first voicemail is unchanged when no try is recorded', () => {
    expect(first).toContain('about the Backend Engineer role I interviewed for on Monday 30 November');
    expect(draft('call', { ...bareScene('call'), app: bareApp({ contacts: [contact(1, 'Sam Lee', 'hr', { phone: '+1 555 0150' })] }) })).not.toContain('again');
  });
});
