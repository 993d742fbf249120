/** Scripts a coach would hand you (issue 12, section 4): the call script and the feedback request. */
import { describe, expect, test } from 'vitest';
import { bareApp, bareScene, contact, DANA, draft, event, fullApp, fullScene, letterProblems, ME_FULL, PRIYA, SAM, type Scene, usageErrorOf } from './helpers.js';

/** The sentences of a text, trimmed, without list markers or quotes. */
function sentences(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => line.replace(/^\s*-\s*/, '').split(/(?<=[.?!])\s+/))
    .map((s) => s.replace(/^["(]+|["):]+$/g, '').trim())
    .filter((s) => s.length > 0 && !s.startsWith('followup '));
}

function repeated(text: string): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const s of sentences(text)) {
    if (seen.has(s)) twice.push(s);
    seen.add(s);
  }
  return twice;
}

/** Dana, the hiring manager, with no phone; Sam in HR with one. */
function viaHrScene(): Scene {
  return { ...fullScene('call'), app: fullApp({ contacts: [{ ...DANA, phone: null }, PRIYA, SAM] }) };
}

describe('call script through HR when the hiring manager has no number', () => {
  test('dials HR, asks for the manager\'s direct line and whether calling them directly is all right', () => {
    const text = draft('call', viaHrScene());
    expect(text).toContain('No number is recorded for Dana Reyes (hiring manager): call Sam Lee (HR) on +1 555 0150');
    expect(text).toContain('Could you put me through to Dana?');
    expect(text).toContain("could you give me Dana's direct line, and is it all right for me to call Dana directly?");
    expect(text).toMatch(/Sam's voicemail[\s\S]*Could you send me Dana's direct line/);
    expect(text).toContain('followup edit 3 --phone NUMBER');
    expect(text).not.toContain('Is this the best number');
    expect(letterProblems(text)).toEqual([]);
    expect(repeated(text)).toEqual([]);
  });

  test('refused (exit 2) only when no phone at all is recorded, naming --phone and --hr-phone', () => {
    const app = fullApp({ contacts: [{ ...DANA, phone: null }, PRIYA, { ...SAM, phone: null }] });
    const err = usageErrorOf(() => draft('call', { ...fullScene('call'), app }));
    expect(err.exitCode).toBe(2);
    expect(err.message).toContain('No phone number is recorded for Dana Reyes or HR');
    expect(err.message).toContain('followup edit 3 --phone "..."');
    expect(err.message).toContain('--hr-phone "..."');
  });

  test('with no HR recorded, the refusal says how to add them', () => {
    const app = fullApp({ contacts: [{ ...DANA, phone: null }] });
    const err = usageErrorOf(() => draft('call', { ...fullScene('call'), app }));
    expect(err.message).toContain('--hr "NAME" --hr-phone "..."');
  });

  test('HR as the only contact, without a phone: refused with --hr-phone', () => {
    const app = bareApp({ contacts: [contact(1, 'Sam Lee', 'hr')] });
    const err = usageErrorOf(() => draft('call', { ...bareScene('call'), app }));
    expect(err.message).toContain('followup edit 4 --hr-phone "..."');
  });
});

describe('call script: gatekeeper, the manager, the close', () => {
  const scenes: [string, () => Scene][] = [
    ['the hiring manager\'s own number', () => fullScene('call')],
    ['HR only', () => bareScene('call')],
    ['through HR', viaHrScene],
  ];

  test.each(scenes)('%s: the gatekeeper lines are there', (_name, scene) => {
    const text = draft('call', scene());
    expect(text).toContain('Asked "What is it regarding?": "I am following up on my interview for the');
    expect(text).toMatch(/Told \S+ is out: "When is the best time to reach \S+, and is there a direct line I could use\?"/);
    expect(text).toContain('say you will call back');
    expect(text).toContain('leave your name, the role and +1 555 0199');
  });

  test.each(scenes)('%s: ends the conversation by asking when to check back', (_name, scene) => {
    const text = draft('call', scene());
    const check = text.indexOf('When would be a good time for me to check back?');
    expect(check).toBeGreaterThan(text.indexOf('Ask:'));
    expect(check).toBeGreaterThan(text.lastIndexOf('  - '));
    expect(check).toBeLessThan(text.indexOf('voicemail'));
    expect(repeated(text)).toEqual([]);
    expect(letterProblems(text)).toEqual([]);
  });

  test('with the manager on their own number: asks whether it is the best number and whether calling directly is all right', () => {
    expect(draft('call', fullScene('call'))).toContain(
      '- Is this the best number to reach you on, and is it all right if I call you directly?',
    );
  });

  test('states only recorded facts: the tries and the last conversation, when there are any', () => {
    const plain = draft('call', fullScene('call'));
    expect(plain).not.toMatch(/Unanswered so far|Last conversation/);
    const scene = fullScene('call');
    const app = fullApp({
      events: [...scene.app.events, event('no-answer', '2026-12-07'), event('voicemail', '2026-12-10')],
    });
    const text = draft('call', { ...scene, app, today: '2026-12-14' });
    expect(text).toContain('Unanswered so far: I called on 7 and 10 December.');
    const spoke = fullApp({ events: [...scene.app.events, event('spoke', '2026-12-07', { withName: 'Dana Reyes', newDate: '2026-12-16' })] });
    expect(draft('call', { ...scene, app: spoke, today: '2026-12-17' })).toContain('Last conversation: Monday 7 December.');
  });

  test('a short phone version of the feedback request, with two questions', () => {
    const text = draft('call', fullScene('call'));
    const part = text.slice(text.indexOf('If they tell you it is a no'), text.indexOf('Afterwards'));
    expect(part.match(/\?/g)).toHaveLength(2);
    expect(text).toContain('followup outcome 3 rejected');
  });

  test('a call script is still refused without my own number', () => {
    const err = usageErrorOf(() => draft('call', { ...viaHrScene(), me: { ...ME_FULL, phone: null } }));
    expect(err.message).toContain('followup config set phone');
  });
});

describe('feedback request', () => {
  const keen = () => draft('feedback', fullScene('feedback'));
  const done = () => {
    const scene = fullScene('feedback');
    return draft('feedback', { ...scene, app: { ...scene.app, notInterested: true } });
  };

  test.each([['still interested', keen], ['not interested', done], ['minimal', () => draft('feedback', bareScene('feedback'))]])(
    '%s: at most three questions, a 15-minute call, thanks regardless, nothing repeated',
    (_name, render) => {
      const text = render();
      expect((text.match(/\?/g) ?? []).length).toBeLessThanOrEqual(3);
      expect((text.match(/\?/g) ?? []).length).toBeGreaterThanOrEqual(2);
      expect(text).toContain('15-minute call');
      expect(text).toContain('Thank you for letting me know your decision');
      expect(text).toContain('Whether or not you have time to reply, thank you again');
      expect(repeated(text)).toEqual([]);
      expect(letterProblems(text)).toEqual([]);
      // No five-part list in one sentence.
      for (const s of sentences(text)) expect(s.split(',').length).toBeLessThanOrEqual(4);
    },
  );

  test('asks for a referral directly, as a question, only while still interested', () => {
    expect(keen()).toMatch(/Would you be willing to refer me to a colleague who is hiring[^.?]*\?/);
    expect(done()).not.toMatch(/refer|keep me in mind/);
    expect(draft('feedback', bareScene('feedback'))).not.toMatch(/refer/);
  });
});
