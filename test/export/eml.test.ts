/**
 * Unsent mail drafts: the message parsed by a real parser (Python's email package, which node-gyp
 * needs, so it is on every machine that can build followup) and checked byte by byte.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emlMessage, mailtoUrl, MAX_MAILTO_LENGTH, splitLetter, type MailDraft } from '../../src/export/eml.js';

const PARSE = `
import email, email.policy, json, sys
data = sys.stdin.buffer.read()
msg = email.message_from_bytes(data, policy=email.policy.default)
print(json.dumps({
  "from": str(msg["From"]) if msg["From"] else None,
  "fromAddress": msg["From"].addresses[0].addr_spec if msg["From"] else None,
  "fromName": msg["From"].addresses[0].display_name if msg["From"] else None,
  "to": str(msg["To"]),
  "toAddress": msg["To"].addresses[0].addr_spec,
  "toName": msg["To"].addresses[0].display_name,
  "subject": str(msg["Subject"]),
  "unsent": msg["X-Unsent"],
  "type": msg.get_content_type(),
  "charset": msg.get_content_charset(),
  "body": msg.get_content(),
  "defects": [str(d) for d in msg.defects] + [str(d) for h in msg.values() for d in getattr(h, "defects", [])],
}))
`;

function parse(message: string) {
  const r = spawnSync('python3', ['-c', PARSE], { input: Buffer.from(message, 'utf8'), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

const draft: MailDraft = {
  from: { name: 'Alex Morgan', email: 'alex@example.com' },
  to: { name: 'Zoë Núñez-Ødegård', email: 'zoe@acme.example' },
  subject: 'Thank you for the Backend Engineer interview — Zoë',
  body: 'Dear Zoë,\n\nThank you for talking with me.\n\nBest regards,\nAlex Morgan\n',
};

describe('draft --eml', () => {
  it('is read by a real parser as an unsent plain-text draft with the names and subject intact', () => {
    const m = parse(emlMessage(draft));
    expect(m.fromAddress).toBe('alex@example.com');
    expect(m.fromName).toBe('Alex Morgan');
    expect(m.toAddress).toBe('zoe@acme.example');
    expect(m.toName).toBe('Zoë Núñez-Ødegård');
    expect(m.subject).toBe(draft.subject);
    expect(m.unsent).toBe('1');
    expect(m.type).toBe('text/plain');
    expect(m.charset).toBe('utf-8');
    expect(m.body.replace(/\r\n/g, '\n')).toBe(draft.body);
    expect(m.defects).toEqual([]);
  });

  it('has CRLF line ends everywhere and no 8-bit byte in its headers', () => {
    const text = emlMessage(draft);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const headers = text.slice(0, text.indexOf('\r\n\r\n'));
    expect(Buffer.from(headers, 'utf8').every((b) => b < 0x80)).toBe(true);
    for (const line of headers.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
  });

  it('quotes a name with a full stop or comma, and leaves out From when there is none', () => {
    const m = parse(emlMessage({ ...draft, from: null, to: { name: 'Dr. Dana Reyes, PhD', email: 'dana@acme.example' } }));
    expect(m.from).toBeNull();
    expect(m.toName).toBe('Dr. Dana Reyes, PhD');
  });

  it('cannot be given a second header through a name or subject', () => {
    const m = parse(
      emlMessage({ ...draft, subject: 'Hi\r\nBcc: evil@example.com', to: { name: 'Dana\nBcc: x@y.z', email: 'dana@acme.example' } }),
    );
    expect(emlMessage({ ...draft, subject: 'Hi\r\nBcc: evil@example.com' })).not.toMatch(/\r\nBcc:/);
    expect(m.toAddress).toBe('dana@acme.example');
  });

  it('refuses an address a mail client cannot take', () => {
    expect(() => emlMessage({ ...draft, to: { name: 'Dana', email: 'dana at acme' } })).toThrow(/not an email address/);
    expect(() => emlMessage({ ...draft, to: { name: 'Dana', email: 'dana@acme.example>\r\nBcc: x@y.z' } })).toThrow();
  });

  it('survives any names and subjects (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 200 }), fc.string({ maxLength: 300 }), (name, subject, body) => {
        const text = emlMessage({ ...draft, to: { name, email: 'dana@acme.example' }, subject, body });
        const headers = text.slice(0, text.indexOf('\r\n\r\n'));
        expect(Buffer.from(headers, 'utf8').every((b) => b < 0x80)).toBe(true);
        expect(headers.split('\r\n').filter((l) => /^[A-Za-z-]+:/.test(l)).map((l) => l.split(':')[0])).toEqual([
          'From', 'To', 'Subject', 'MIME-Version', 'Content-Type', 'Content-Transfer-Encoding', 'X-Unsent',
        ]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('draft --mailto', () => {
  it('percent-encodes the subject and body, with CRLF line breaks', () => {
    const url = mailtoUrl({ ...draft, body: 'Dear Zoë,\n\nThanks & regards?\n' });
    expect(url.startsWith('mailto:zoe@acme.example?subject=')).toBe(true);
    const params = new URLSearchParams(url.slice(url.indexOf('?') + 1));
    expect(params.get('subject')).toBe(draft.subject);
    expect(params.get('body')).toBe('Dear Zoë,\r\n\r\nThanks & regards?');
    expect(url).not.toMatch(/[ \n]/);
  });

  it(`refuses one longer than ${MAX_MAILTO_LENGTH} characters, saying what to use instead`, () => {
    expect(() => mailtoUrl({ ...draft, body: 'x'.repeat(2500) })).toThrow(/--eml/);
  });
});

describe('a letter split into subject and body', () => {
  it('takes the first line as the subject', () => {
    expect(splitLetter('Subject: Thanks\n\nDear Dana,\n')).toEqual({ subject: 'Thanks', body: 'Dear Dana,\n' });
    expect(splitLetter('Dear Dana,\n')).toEqual({ subject: null, body: 'Dear Dana,\n' });
  });
});
