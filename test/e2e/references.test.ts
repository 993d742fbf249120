/**
 * References (design/cli.md, Additions): `#3`; a company prefix matched against every application,
 * ignoring case, punctuation and accents; active ones preferred when that alone is ambiguous;
 * still ambiguous, exit 2 listing the candidates.
 */
import { describe, expect, test } from 'vitest';
import { STACK_LINE, sandboxes } from './helpers.js';

const sandbox = sandboxes();

const add = (company: string, role: string, date = '2026-12-01') => [
  'add', '--company', company, '--role', role, '--date', date,
];

describe('references', () => {
  test('#3 is accepted wherever a reference is, as list and today print numbers', async () => {
    const s = sandbox('2026-12-10');
    await s.ok(add('Acme', 'Backend Engineer'));
    await s.ok(add('Globex', 'Analyst'));
    expect((await s.json(['show', '#2'])).company).toBe('Globex');
    await s.ok(['log', '#2', 'thanks-sent', '--date', '2026-12-02']);
    expect((await s.json(['show', '2'])).events.map((e: { type: string }) => e.type)).toEqual(['thanks-sent']);
    const missing = await s.run(['show', '#9']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('There is no application 9');
    expect(missing.stderr).not.toContain(STACK_LINE);
  });

  test('a prefix finds a closed application: show initech after its rejection', async () => {
    const s = sandbox('2026-12-14');
    await s.ok(add('Acme', 'Backend Engineer'));
    await s.ok(add('Initech', 'QA Lead'));
    await s.ok(['outcome', '2', 'rejected', '--date', '2026-12-11']);
    const shown = await s.json(['show', 'initech']);
    expect([shown.id, shown.status]).toEqual([2, 'rejected']);
    expect((await s.ok(['show', 'ini'])).stdout).toMatch(/^#2 Initech, QA Lead/);
    // What today lists for it can be logged by name too.
    await s.ok(['log', 'initech', 'feedback-asked', '--date', '2026-12-14']);
    expect((await s.json(['show', '2'])).events.map((e: { type: string }) => e.type)).toEqual(['feedback-asked']);
  });

  test('prefixes ignore case, punctuation and accents', async () => {
    const s = sandbox('2026-12-10');
    await s.ok(add("O'Brien & Co", 'Engineer'));
    await s.ok(add('Zoë Systems', 'Analyst'));
    await s.ok(add('Ünter-Nehmen GmbH', 'Developer'));
    for (const [ref, id] of [
      ['obr', 1], ["O'Brien", 1], ['OBRIEN & CO', 1], ['obrienco', 1],
      ['zoe', 2], ['Zoë', 2], ['ZOE SYS', 2],
      ['unter', 3], ['unternehmen', 3], ['Ünter-N', 3],
    ] as const) {
      expect((await s.json(['show', ref])).id, ref).toBe(id);
    }
  });

  test('when several match, the active one is preferred', async () => {
    const s = sandbox('2026-12-20');
    await s.ok(add('Initech', 'QA Lead'));
    await s.ok(['outcome', '1', 'rejected', '--date', '2026-12-04']);
    // A new application at the same company, after the first one ended.
    await s.ok(add('Initech', 'Test Engineer', '2026-12-15'));
    expect((await s.json(['show', 'initech'])).id).toBe(2);
    expect((await s.json(['show', 'init'])).role).toBe('Test Engineer');
    // The closed one is still there by its number.
    expect((await s.json(['show', '1'])).status).toBe('rejected');
  });

  test('still ambiguous: exit 2 listing every candidate with its number (and status when ended)', async () => {
    const s = sandbox('2026-12-20');
    await s.ok(add('Globex', 'Analyst'));
    await s.ok(add('Global Corp', 'Analyst'));
    await s.ok(['outcome', '1', 'rejected', '--date', '2026-12-04']);
    await s.ok(['outcome', '2', 'withdrawn', '--date', '2026-12-05']);
    const r = await s.run(['show', 'glo']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('matches more than one application; use its number');
    expect(r.stderr).toMatch(/ 1 {2}Globex \(Analyst\) · rejected/);
    expect(r.stderr).toMatch(/ 2 {2}Global Corp \(Analyst\) · withdrawn/);
    expect(r.stderr).not.toContain(STACK_LINE);
    // Two active ones are listed as ambiguous too; the whole name still picks one out.
    await s.ok(add('Globex', 'Engineer', '2026-12-18'));
    await s.ok(add('Global Corp', 'Engineer', '2026-12-18'));
    expect((await s.run(['show', 'glob'])).status).toBe(2);
    expect((await s.json(['show', 'globex'])).id).toBe(3);
  });

  test('an unknown prefix, or one with no letters or digits, exits 2 saying what to type', async () => {
    const s = sandbox('2026-12-10');
    await s.ok(add('Acme', 'Backend Engineer'));
    for (const ref of ['umbrella', "'&'", '#']) {
      const r = await s.run(['show', ref]);
      expect(r.status, ref).toBe(2);
      expect(r.stderr, ref).toContain('followup list --all');
      expect(r.stderr, ref).not.toContain(STACK_LINE);
    }
  });
});
