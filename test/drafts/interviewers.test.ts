/**
 * One thank-you per interviewer, each different (issue 12, section 3, "Thank-yous"): `--to NAME`
 * uses that interviewer's own recorded topic; `draft thanks N` without `--to` names on stderr the
 * other interviewers and the command for each one's note; needs without a fit are named once,
 * never padded with one filler sentence each; counts agree with what follows.
 */
import { describe, expect, test } from 'vitest';
import { buildDraftData, topicPhrase } from '../../src/drafts/data.js';
import { contact, DANA, draft, fullApp, fullScene, letterProblems, PRIYA, request, SAM, sandboxes, type Scene } from './helpers.js';

const TOM = contact(4, 'Tom Li', 'interviewer');

function thanksTo(to: string | null, contacts = [DANA, { ...PRIYA, topic: 'asked about scaling' }, { ...TOM, topic: 'the ledger migration' }, SAM]): string {
  return draft('thanks', { ...fullScene('thanks'), app: fullApp({ contacts }), to });
}

/** The sentences of a letter's body (the subject, greeting and signature left out). */
function bodySentences(text: string): string[] {
  const body = text.slice(text.indexOf('\n\n', text.indexOf('Dear ')) + 2, text.indexOf('\n\nBest regards,'));
  return body.split(/(?<=[.?!])\s+/).map((s) => s.trim()).filter((s) => s !== '');
}

describe('topicPhrase: a recorded topic as words after "I especially enjoyed"', () => {
  test.each([
    ['asked about scaling', 'the part of our conversation where you asked about scaling'],
    ['Asked about scaling', 'the part of our conversation where you asked about scaling'],
    ['walked me through the ledger', 'the part of our conversation where you walked me through the ledger'],
    ['grilled me on SQL', 'the part of our conversation where you grilled me on SQL'],
    ['she explained the on-call rota', 'the part of our conversation where you explained the on-call rota'],
    ['we talked about Kafka', 'the part of our conversation where we talked about Kafka'],
    ['scaling', 'our conversation about scaling'],
    ['about the ledger migration', 'our conversation about the ledger migration'],
    ['Kubernetes upgrades', 'our conversation about Kubernetes upgrades'],
    ['embedded systems', 'our conversation about embedded systems'],
    ['speed of deploys', 'our conversation about speed of deploys'],
    ['Hammered me on SQL', 'the part of our conversation where you hammered me on SQL'],
    ['set theory', 'our conversation about set theory'],
  ])('%s', (topic, phrase) => {
    expect(topicPhrase(topic)).toBe(phrase);
  });
});

describe('thanks --to an interviewer', () => {
  test('uses that interviewer\'s own topic, and each interviewer\'s letter is different', () => {
    const priya = thanksTo('Priya Natarajan');
    const tom = thanksTo('Tom Li');
    const dana = thanksTo(null);
    expect(priya).toContain('Dear Priya,');
    expect(priya).toContain('I especially enjoyed the part of our conversation where you asked about scaling, and I am even more interested');
    expect(tom).toContain('I especially enjoyed our conversation about the ledger migration, and');
    expect(priya).not.toContain('ledger migration');
    expect(tom).not.toContain('where you asked about scaling');
    // Dana has no topic recorded: the plain sentence, no one else's topic.
    expect(dana).toContain('I enjoyed the conversation, and I am even more interested');
    expect(dana).not.toMatch(/where you asked about scaling|ledger migration/);
    expect(new Set([priya, tom, dana]).size).toBe(3);
    for (const text of [priya, tom, dana]) expect(letterProblems(text)).toEqual([]);
  });

  test('the topic is recorded text: never reaches another kind of letter', () => {
    const app = fullApp({ contacts: [{ ...DANA, topic: 'asked about scaling' }, PRIYA, SAM], events: [] });
    const check = draft('check-in', { ...fullScene('check-in'), app });
    expect(check).not.toContain('asked about scaling');
  });
});

describe('needs and additions: named once, counts that agree', () => {
  const scene = (needs: string[], expand: string[]): Scene => ({ ...fullScene('thanks'), app: fullApp({ needs, expand }) });

  test('two needs without a fit: one sentence naming both, no filler repeated per need', () => {
    const text = draft('thanks', scene(['Postgres on-call', 'mentoring'], []));
    expect(text).toContain('You mentioned what the team needs most: Postgres on-call and mentoring. I would be glad to talk about how I could help there.');
    expect(text).not.toContain('- Postgres on-call');
    const sentences = bodySentences(text);
    expect(new Set(sentences).size).toBe(sentences.length);
  });

  test('needs with a fit are listed; those without are named after them', () => {
    const text = draft('thanks', scene(['Postgres on-call :: I carried the pager for two years', 'mentoring', 'code review'], []));
    expect(text).toContain('here is briefly how I can help:\n- Postgres on-call: I carried the pager for two years.\n\nYou also mentioned mentoring and code review, and');
  });

  test.each([
    [['The sharding work.'], 'I would like to add one thing.'],
    [['The sharding work.', 'The on-call rota.'], 'I would like to add two things.'],
    [['A.', 'B.', 'C.'], 'I would like to add three things.'],
  ])('%j additions: "%s", then as many paragraphs', (expand, intro) => {
    const text = draft('thanks', scene([], expand));
    expect(text).toContain(`Thinking back on our conversation, ${intro}`);
    const after = text.slice(text.indexOf(intro) + intro.length, text.indexOf('If it would help'));
    expect(after.trim().split(/\n\n/)).toHaveLength(expand.length);
    expect(text).not.toContain('there is something');
  });
});

describe('`followup draft thanks N` with several interviewers', () => {
  const sandbox = sandboxes();

  async function acme() {
    const s = sandbox('2026-12-01');
    await s.ok(['config', 'set', 'name', 'Alex Morgan']);
    await s.ok([
      'add', '--company', 'Acme Robotics', '--role', 'Backend Engineer', '--date', '2026-11-30',
      '--hiring-manager', 'Dana Reyes', '--email', 'dana@acme.example',
      '--interviewer', 'Priya Shah :: asked about scaling', '--interviewer', 'Tom Li',
      '--why', 'the payments platform is the system I want to work on',
    ]);
    return s;
  }

  test('without --to: the letter to the hiring manager, and on stderr each other interviewer with the exact command', async () => {
    const s = await acme();
    const r = await s.ok(['draft', 'thanks', '1']);
    expect(r.stdout).toContain('Dear Dana,');
    expect(r.stderr).toContain('this one is to Dana Reyes. Priya Shah and Tom Li interviewed you; each needs a note of their own:');
    expect(r.stderr).toContain('  followup draft thanks 1 --to "Priya Shah"');
    expect(r.stderr).toContain('  followup draft thanks 1 --to "Tom Li"');
    expect(r.stdout).not.toContain('followup draft');
  });

  test('with --to: that interviewer\'s letter, their topic, and no list of the others', async () => {
    const s = await acme();
    const priya = await s.ok(['draft', 'thanks', '1', '--to', 'Priya Shah']);
    expect(priya.stdout).toContain('Dear Priya,');
    expect(priya.stdout).toContain('where you asked about scaling');
    expect(priya.stderr).not.toContain('Tom Li interviewed you');
    expect(priya.stderr).not.toContain('no topic');
  });

  test('with --to an interviewer with no topic recorded: says the note reads like the others, and how to record one', async () => {
    const s = await acme();
    const tom = await s.ok(['draft', 'thanks', '1', '--to', 'Tom Li']);
    expect(tom.stdout).toContain('Dear Tom,');
    expect(tom.stderr).toContain('no topic is recorded for Tom Li');
    expect(tom.stderr).toContain('followup edit 1 --interviewer "Tom Li :: what you talked about"');
  });

  test('a single interviewer and no one else: no note about others', async () => {
    const s = sandbox('2026-12-01');
    await s.ok(['config', 'set', 'name', 'Alex Morgan']);
    await s.ok(['add', '--company', 'Acme', '--role', 'Analyst', '--date', '2026-11-30', '--interviewer', 'Priya Shah', '--why', 'data']);
    const r = await s.ok(['draft', 'thanks', '1']);
    expect(r.stdout).toContain('Dear Priya,');
    expect(r.stderr).not.toMatch(/also interviewed|no topic/);
  });
});

test('the recipient\'s topic and permission to call are template fields', () => {
  const data = buildDraftData(request('thanks', { ...fullScene('thanks'), app: fullApp({ contacts: [{ ...DANA, topic: 'scaling.', okToCall: true }] }) }));
  expect(data.recipient).toMatchObject({ topic: 'scaling', topicPhrase: 'our conversation about scaling', okToCall: true });
});
