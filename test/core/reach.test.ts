/** Whether a typed email or phone can be one (a warning, never a refusal). */
import { describe, expect, it } from 'vitest';
import { flagReachWarnings, looksLikeEmail, looksLikePhone } from '../../src/core/reach.js';

describe('looksLikeEmail / looksLikePhone', () => {
  it('takes what people type', () => {
    for (const e of ['dana@acme.example', 'Zoë.Ünal+jobs@angstrom.se', ' sam@x.io ']) expect(looksLikeEmail(e), e).toBe(true);
    for (const p of ['+1 555 0100', '+44 (0)20 7946 0958', '555-0100', '030/1234567', '+1 555 0100 ext. 12', '+1.555.010.0200 x3']) {
      expect(looksLikePhone(p), p).toBe(true);
    }
  });

  it('refuses what cannot be one', () => {
    for (const e of ['dana at acme', 'dana@acme', '@acme.example', 'dana@@acme.example', '+1 555 0100']) expect(looksLikeEmail(e), e).toBe(false);
    for (const p of ['dana@acme.example', 'call reception', '123', 'tbd', '+1 555 CALL']) expect(looksLikePhone(p), p).toBe(false);
  });
});

describe('flagReachWarnings', () => {
  it('one warning per doubtful flag, naming it; none for absent or empty ones', () => {
    expect(flagReachWarnings({ phone: 'n/a', email: 'dana@acme.example', hrEmail: '', hrPhone: undefined })).toEqual([
      '--phone "n/a" does not look like a phone number (digits, such as +1 555 0100); it was kept as typed.',
    ]);
    expect(flagReachWarnings({ hrEmail: 'sam' })).toHaveLength(1);
    expect(flagReachWarnings({})).toEqual([]);
  });
});
