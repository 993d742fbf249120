/**
 * One closing mark where a value meets the template's own (issue 12, text hygiene): a user's
 * template `{{why}}.` does not give "..", a name ending in "." before the template's "." does not
 * double it, and the values themselves still come out exactly as typed.
 */
import { describe, expect, test } from 'vitest';
import { DRAFT_KINDS, sampleDraftData } from '../../src/drafts/data.js';
import { renderTemplate } from '../../src/drafts/render.js';
import { ADD_ACME, bareApp, draft, fullScene, sandboxes } from './helpers.js';
import { doubledPunctuation } from './invariants.js';

const render = (source: string, data: object) => renderTemplate(source, 'mine.hbs', data);
const sample = sampleDraftData('thanks', true);

describe('a value that ends in a mark, before the template\'s full stop', () => {
  test.each([
    ['the ledger work.', 'Why: the ledger work.\n'],
    ['the ledger work!', 'Why: the ledger work!\n'],
    ['is it the ledger?', 'Why: is it the ledger?\n'],
    ['the ledger\u2026', 'Why: the ledger\u2026\n'],
    ['the ledger...', 'Why: the ledger...\n'],
    ['the ledger', 'Why: the ledger.\n'],
  ])('{{why}}. with %j', (why, expected) => {
    expect(render('Why: {{why}}.', { ...sample, why })).toBe(expected);
  });

  test('a name ending in "." before the template\'s "."', () => {
    expect(render('I met {{recipient.name}}.', { ...sample, recipient: { ...sample.recipient, name: 'Dana Reyes Jr.' } })).toBe(
      'I met Dana Reyes Jr.\n',
    );
  });

  test('inside a list and a join: the last value\'s mark is the one kept', () => {
    const data = { ...sample, interviewers: [{ ...sample.interviewers[0], name: 'Priya' }, { ...sample.interviewers[0], name: 'Tom Li Sr.' }] };
    expect(render('With {{join interviewers "name"}}.', data)).toBe('With Priya and Tom Li Sr.\n');
  });

  test('the values themselves are kept exactly as typed, ".." and all', () => {
    expect(render('Role: {{role}}; why: {{why}}', { ...sample, role: 'C.. developer', why: 'so... yes..' })).toBe('Role: C.. developer; why: so... yes..\n');
  });

  test('the template\'s own text is never changed', () => {
    expect(render('Wait... Really?! {{company}} — done.. ok', sample)).toBe('Wait... Really?! Acme — done.. ok\n');
  });

  test('values holding the private-use marks themselves come out unchanged', () => {
    expect(render('{{company}}.', { ...sample, company: 'A\uE001.' })).toBe('A\uE001..\n');
  });
});

describe('the built-in letters with a company whose name ends in "."', () => {
  test.each(DRAFT_KINDS.map((k) => [k]))('%s', (kind) => {
    const scene = fullScene(kind);
    const text = draft(kind, { ...scene, app: { ...scene.app, company: 'Acme Robotics Inc.' } });
    expect(doubledPunctuation(text)).toEqual([]);
    if (text.includes('Acme Robotics Inc')) expect(text).toContain('Acme Robotics Inc.');
  });

  test('a minimal record too', () => {
    const text = draft('check-in', { ...fullScene('check-in'), app: bareApp({ company: 'Initech Inc.' }) });
    expect(text).toContain('the Data Analyst role at Initech Inc. on Monday 30 November.');
    expect(doubledPunctuation(text)).toEqual([]);
  });
});

describe('through the command: a template of my own', () => {
  const sandbox = sandboxes();

  test('`{{why}}.` with a why that ends in "!" gives one "!"', async () => {
    const s = sandbox('2026-12-01');
    await s.ok(['config', 'set', 'name', 'Alex Morgan']);
    await s.ok([...ADD_ACME.filter((a, i, all) => a !== '--why' && all[i - 1] !== '--why'), '--why', 'I love payments!']);
    s.writeTemplate('thanks.hbs', 'Dear {{recipient.greeting}},\n\nWhy: {{why}}.\n\n{{me.name}}\n');
    const r = await s.ok(['draft', 'thanks', '1']);
    expect(r.stdout).toContain('Why: I love payments!\n');
    expect(r.stdout).not.toContain('!.');
  });
});
