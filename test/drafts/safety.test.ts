/** Plain text, verbatim: what the user typed comes out as typed, and nothing else leaks into a letter. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Application } from '../../src/core/types.js';
import { DRAFT_KINDS, type DraftKind } from '../../src/drafts/data.js';
import { renderTemplate } from '../../src/drafts/render.js';
import { contact, draft, event, fullApp, fullScene, ME_FULL, round, type Scene } from './helpers.js';

const COMPANY = "O'Brien & Co";
const ZOE = '<Zoë "Z" Ünal>';
const SIOBHAN = "Siobhán O'Brien-Ünal";
const ROLE = 'R&D Engineer <Backend> "Platform"';

function hostileScene(kind: DraftKind): Scene {
  const base = fullScene(kind);
  const app: Application = {
    ...base.app,
    company: COMPANY,
    role: ROLE,
    why: `you build tools for people like "us" & I'd love <that>`,
    needs: ['C++ & Rust <core> :: I wrote the "fast path" in O\'Brien\'s codebase'],
    expand: ['The answer about `a < b && b > c`: I\'d add one thing.'],
    contacts: [
      contact(1, SIOBHAN, 'hiring-manager', { phone: '+353 1 555 0100', email: 'siobhan@obrien.example' }),
      contact(2, 'Zoë Ünal', 'interviewer'),
    ],
    rounds: [round({ decisionBy: '2026-12-04', notes: 'Zoë & Siobhán <panel>' })],
  };
  return { ...base, app, me: { name: ZOE, email: 'zoe+jobs@example.com', phone: '+49 30 555 0199' } };
}

describe('names and text come out verbatim, never HTML-escaped', () => {
  test.each(DRAFT_KINDS.map((k) => [k] as [DraftKind]))('%s', (kind) => {
    const text = draft(kind, hostileScene(kind));
    expect(text).toContain(ROLE);
    expect(text).toContain('Siobhán');
    expect(text).toContain(ZOE);
    if (kind === 'call') {
      expect(text).toContain(`Could I speak with ${SIOBHAN}, please?`);
    } else {
      expect(text).toMatch(/^Dear Siobhán,$/m);
      // The signature is my name exactly as typed.
      expect(text.split('\n')).toContain(ZOE);
    }
    expect(text).not.toMatch(/&(amp|lt|gt|quot|#x?[0-9a-f]+);/i);
  });

  test('the company, the user\'s reason, needs and answers keep their quotes, ampersands and angle brackets', () => {
    const text = draft('thanks', hostileScene('thanks'));
    expect(text).toContain(`at ${COMPANY}.`);
    expect(text).toContain(`you build tools for people like "us" & I'd love <that>.`);
    expect(text).toContain(`- C++ & Rust <core>: I wrote the "fast path" in O'Brien's codebase.`);
    expect(text).toContain("The answer about `a < b && b > c`: I'd add one thing.");
  });

  test('triple-stash and double-stash render the same: no escaping either way', () => {
    const data = { company: COMPANY, who: ZOE };
    expect(renderTemplate('{{company}} / {{who}}', 'x.hbs', data)).toBe(`${COMPANY} / ${ZOE}\n`);
    expect(renderTemplate('{{{company}}} / {{{who}}}', 'x.hbs', data)).toBe(`${COMPANY} / ${ZOE}\n`);
  });
});

// ---------------------------------------------------------------------------------------------
// The property: whatever the user typed, no letter contains template syntax, JS leftovers or entities.
// ---------------------------------------------------------------------------------------------

const FORBIDDEN_IN_INPUT = ['{{', 'undefined', 'null', '[object Object]', '&'];

/** Characters HTML escaping would touch, plus a spread of ordinary and non-ASCII ones. */
const tricky = fc.constantFrom(
  "'", '"', '<', '>', '`', '=', '/', '\\', '{', '}', ':', '.', ',', ' ', ' ', '\n', '\t',
  'a', 'Z', 'é', 'Ü', 'ø', 'ß', '中', '文', '😀', '-', '#', '0', '9', 'x', '(', ')',
);

const text = fc
  .oneof(
    fc.string({ unit: tricky, maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constantFrom("O'Brien & Co".replace('&', 'and'), '<Zoë "Z" Ünal>', 'Nul', 'undefine', 'Objekt', '{ }', '}}'),
  )
  .filter((s) => FORBIDDEN_IN_INPUT.every((bad) => !s.includes(bad)));

const name = text.filter((s) => s.trim() !== '');

const optional = fc.option(text, { nil: null });

const record = fc.record({
  company: name,
  role: name,
  hm: name,
  interviewer: name,
  hr: name,
  me: name,
  why: optional,
  needs: fc.array(fc.oneof(text, fc.tuple(text, text).map(([a, b]) => `${a} :: ${b}`)), { maxLength: 4 }),
  expand: fc.array(text, { maxLength: 3 }),
  notes: optional,
  nextSteps: optional,
  feedbackNote: optional,
  reason: optional,
  offerCompany: name,
  nameCompany: fc.boolean(),
  prefer: fc.boolean(),
  notInterested: fc.boolean(),
  hasHiringManager: fc.boolean(),
  decided: fc.boolean(),
  myEmail: fc.option(name, { nil: null }),
});

type Typed = typeof record extends fc.Arbitrary<infer T> ? T : never;

const AFTER_REJECTION: DraftKind[] = ['feedback', 'thank-feedback', 'keep-in-touch'];

function sceneFrom(kind: DraftKind, r: Typed): Scene {
  const contacts = [
    ...(r.hasHiringManager ? [contact(1, r.hm, 'hiring-manager', { phone: '+1 555 0100', email: 'hm@example.com' })] : []),
    contact(2, r.interviewer, 'interviewer'),
    contact(3, r.hr, 'hr', { phone: '+1 555 0150' }),
  ];
  const app = fullApp({
    company: r.company,
    role: r.role,
    why: r.why,
    needs: r.needs,
    expand: r.expand,
    notInterested: r.notInterested,
    contacts,
    rounds: [round({ decisionBy: r.decided ? '2026-12-04' : null, notes: r.notes, nextSteps: r.nextSteps })],
    // Each kind's premise recorded: tries for a closing note, a rejection for the letters after one.
    events: [
      event('no-answer', '2026-12-07'),
      event('emailed', '2026-12-10'),
      event('feedback-received', '2026-12-14', { note: r.feedbackNote }),
    ],
    ...(AFTER_REJECTION.includes(kind) ? { outcome: 'rejected' as const, outcomeDate: '2026-12-11' } : {}),
    // A decline turns down their offer.
    ...(kind === 'decline' ? { outcome: 'offer' as const, outcomeDate: '2026-12-11', respondBy: '2026-12-18' } : {}),
  });
  // A withdrawal follows an offer accepted elsewhere (a decline may say so too).
  const accepted =
    kind === 'withdraw' || kind === 'decline'
      ? { company: r.offerCompany, date: '2026-12-09', answer: { outcome: 'accepted' as const, date: '2026-12-11' } }
      : null;
  return {
    app,
    me: { ...ME_FULL, name: r.me, email: r.myEmail },
    today: '2026-12-15',
    offer: kind === 'share-offer' ? { company: r.offerCompany, date: '2026-12-09', respondBy: '2026-12-18' } : null,
    accepted,
    nameCompany: ['share-offer', 'withdraw', 'decline'].includes(kind) && r.nameCompany,
    prefer: kind === 'share-offer' && r.prefer,
    reason: r.reason,
  };
}

describe('no output ever contains "{{", "undefined", "null", "[object Object]" or an HTML entity', () => {
  test.each(DRAFT_KINDS.map((k) => [k] as [DraftKind]))('%s, for random field values', (kind) => {
    fc.assert(
      fc.property(record, (r) => {
        const out = draft(kind, sceneFrom(kind, r));
        expect(out).not.toContain('{{');
        expect(out).not.toContain('undefined');
        expect(out).not.toContain('null');
        expect(out).not.toContain('[object Object]');
        // Inputs never contain "&", so any "&" would be an escape such as &amp; &#x27; &lt; &quot;.
        expect(out).not.toContain('&');
        // The role as the user typed it is there, untouched (up to trailing whitespace at a line's end).
        expect(out).toContain(r.role.trim() === '' ? '' : r.role.split('\n')[0].trimEnd());
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 150) },
    );
  });
});
