/**
 * Golden files: each built-in template's output for a fixed, realistic record, and for the same
 * kind with every optional fact empty. Regenerate (after reading every letter!) with
 *   UPDATE_GOLDEN=1 npx vitest run test/drafts/golden.test.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DRAFT_KINDS, type DraftKind } from '../../src/drafts/data.js';
import { bareScene, draft, fullScene, GOLDEN_DIR, letterProblems } from './helpers.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';

function golden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (UPDATE) {
    fs.mkdirSync(GOLDEN_DIR, { recursive: true });
    fs.writeFileSync(file, actual);
  }
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run with UPDATE_GOLDEN=1 and read it`);
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

/** The optional facts of the full record, and words that only appear when they are there. */
const OPTIONAL_TRACES = [
  'payments platform', // why
  'Postgres on-call', // a need
  'on-call rotation', // its fit
  'mentoring', // a need without a fit
  'sharding', // expand
  'Friday 4 December', // decision date
  'alex.morgan@example.com', // my email
  'Priya', // an interviewer
  'Dana', // the hiring manager
  'CTO', // next steps
  'system design', // feedback note
  'distributed systems', // keep-in-touch reason
  'Globex', // the other employer, only with --name-company
  'draws me',
  'needs most',
  'one of my answers',
  'decision would come by',
  'decision was expected',
  'Your point about',
  'would still be glad to be considered',
  'I remain keen',
  'most like to take',
];

describe.each(DRAFT_KINDS.map((k) => [k] as [DraftKind]))('%s', (kind) => {
  test('matches its golden file for a fixed, realistic record', () => {
    const text = draft(kind, fullScene(kind));
    golden(`${kind}.txt`, text);
  });

  test('the realistic letter is clean: no dangling words, blank paragraphs or leftovers', () => {
    expect(letterProblems(draft(kind, fullScene(kind)))).toEqual([]);
  });

  test('matches its golden file with every optional fact empty', () => {
    golden(`${kind}.minimal.txt`, draft(kind, bareScene(kind)));
  });

  test('with every optional fact empty: no dangling words, blank paragraphs or leftovers', () => {
    const text = draft(kind, bareScene(kind));
    expect(letterProblems(text)).toEqual([]);
    for (const trace of OPTIONAL_TRACES) expect(text).not.toContain(trace);
    // The record's required facts are still there.
    expect(text).toContain('Data Analyst');
    expect(text).toContain('Sam');
    expect(text).toContain('Alex Morgan');
    if (kind !== 'call') {
      // A letter with no email or phone of mine ends with my name, not an empty line or a stray label.
      expect(text.trimEnd().split('\n').pop()).toBe('Alex Morgan');
    }
  });

  test('with every optional fact filled, the facts the letter is about appear', () => {
    const text = draft(kind, fullScene(kind));
    expect(text).toContain('Backend Engineer');
    expect(text).toContain('Alex Morgan');
    if (kind !== 'call') {
      expect(text).toContain('alex.morgan@example.com');
      expect(text).toContain('+1 555 0199');
      expect(text).toMatch(/^Subject: \S/);
    }
  });
});

describe('the letter checker itself catches what it looks for', () => {
  const clean = 'Subject: Hi\n\nDear Dana,\n\nThank you.\n\nBest regards,\nAlex Morgan\n';

  test('a clean letter passes', () => {
    expect(letterProblems(clean)).toEqual([]);
  });

  test.each([
    ['two blank lines in a row', clean.replace('Dear Dana,\n\n', 'Dear Dana,\n\n\n')],
    ['a whitespace-only line', clean.replace('Dear Dana,\n\n', 'Dear Dana,\n  \n')],
    ['a double space', clean.replace('Thank you.', 'Thank  you.')],
    ['a heading with nothing under it', clean.replace('Thank you.', 'What I can do:\n')],
    ['a dangling word', clean.replace('Thank you.', 'Thank you for the')],
    ['an empty greeting', clean.replace('Dear Dana,', 'Dear ,')],
    ['a leftover mustache', clean.replace('Thank you.', 'Thank you {{why}}.')],
    ['an empty value', clean.replace('Thank you.', 'Thank you, undefined.')],
    ['an HTML entity', clean.replace('Thank you.', 'O&#x27;Brien.')],
    ['an empty list item', clean.replace('Thank you.', 'Needs:\n- \n')],
    ['a doubled full stop', clean.replace('Thank you.', 'Thank you..')],
    ['no final newline', clean.trimEnd()],
  ])('%s', (_what, text) => {
    expect(letterProblems(text)).not.toEqual([]);
  });
});
