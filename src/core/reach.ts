/** Whether a typed email address or phone number can be one (to warn, never to refuse). Pure. */

/** Something@domain.tld, with no spaces: the shape every email address has. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;

/** Digits with the separators people type (+, spaces, dots, dashes, brackets, / and an extension). */
const PHONE = /^\+?[\d\s().\-/]+((x|ext\.?)\s*\d+)?$/i;

/** Whether the text can be an email address. */
export function looksLikeEmail(text: string): boolean {
  return EMAIL.test(text.trim());
}

/** Whether the text can be a phone number: digits (at least five) and separators only. */
export function looksLikePhone(text: string): boolean {
  const t = text.trim();
  return PHONE.test(t) && (t.match(/\d/g) ?? []).length >= 5;
}

/** A warning for each value that cannot be what its flag says; empty when all can. */
export function reachWarnings(values: { flag: string; kind: 'email' | 'phone'; value: string | undefined }[]): string[] {
  const out: string[] = [];
  for (const { flag, kind, value } of values) {
    const v = value?.trim();
    if (!v) continue;
    if (kind === 'email' && !looksLikeEmail(v)) {
      out.push(`${flag} "${v}" does not look like an email address (name@example.com); it was kept as typed.`);
    } else if (kind === 'phone' && !looksLikePhone(v)) {
      out.push(`${flag} "${v}" does not look like a phone number (digits, such as +1 555 0100); it was kept as typed.`);
    }
  }
  return out;
}

/** Warnings for the phone and email flags of `add` and `edit` (the hiring manager's and HR's). */
export function flagReachWarnings(flags: { phone?: string; email?: string; hrPhone?: string; hrEmail?: string }): string[] {
  return reachWarnings([
    { flag: '--phone', kind: 'phone', value: flags.phone },
    { flag: '--email', kind: 'email', value: flags.email },
    { flag: '--hr-phone', kind: 'phone', value: flags.hrPhone },
    { flag: '--hr-email', kind: 'email', value: flags.hrEmail },
  ]);
}
