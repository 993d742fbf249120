/**
 * A letter as an unsent mail draft: an RFC 5322 message (`draft --eml`) that mail clients open as
 * a draft and `mutt -H`, aerc and `sendmail -t` read, or a `mailto:` URL (RFC 6068, `--mailto`).
 * Headers are 7-bit: a name or subject with other characters is an RFC 2047 encoded-word. Pure.
 */
import { UsageError } from '../errors.js';

/** Someone a message is from or to. */
export interface Mailbox {
  name: string | null;
  email: string;
}

export interface MailDraft {
  from: Mailbox | null;
  to: Mailbox;
  subject: string;
  body: string;
}

/** The longest mailto: URL followup prints: mail clients and browsers drop longer ones silently. */
export const MAX_MAILTO_LENGTH = 2000;

/** A plain address (local@domain), nothing a header could be bent with. */
const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** Whether an email address can go in a header as it is. */
export function isPlainAddress(email: string): boolean {
  return ADDRESS.test(email) && email.length <= 254;
}

/** Characters that make a display name a quoted string (RFC 5322 "specials"). */
const SPECIALS = /[()<>[\]:;@\\,."]/;

/** Split a UTF-8 text into RFC 2047 encoded-words of at most 75 characters each. */
function encodedWords(text: string): string[] {
  const words: string[] = [];
  let chunk = '';
  const flush = () => {
    if (chunk) words.push(`=?UTF-8?B?${Buffer.from(chunk, 'utf8').toString('base64')}?=`);
    chunk = '';
  };
  // 39 bytes of UTF-8 become 52 characters of base64: with "=?UTF-8?B?" and "?=", 64, which
  // leaves room for the header's name on its first line within 78.
  for (const ch of text) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > 39) flush();
    chunk += ch;
  }
  flush();
  return words;
}

/** A header's text with no line breaks or other control characters (nothing can start a new header). */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

const isAscii = (text: string) => /^[\x20-\x7e]*$/.test(text);

/** A display name as a header holds it: as is, quoted, or encoded. */
function displayName(name: string): string {
  const clean = oneLine(name);
  if (!isAscii(clean)) return encodedWords(clean).join(' ');
  return SPECIALS.test(clean) ? `"${clean.replace(/(["\\])/g, '\\$1')}"` : clean;
}

function mailbox(m: Mailbox): string {
  if (!isPlainAddress(m.email)) {
    throw new UsageError(`"${m.email}" is not an email address a mail client can take. Correct it with followup edit.`);
  }
  return m.name && oneLine(m.name) ? `${displayName(m.name)} <${m.email}>` : m.email;
}

/** A header line folded at 78 characters where it has spaces (RFC 5322 2.2.3). */
function header(name: string, value: string): string {
  const words = value.split(' ');
  const lines: string[] = [];
  let line = `${name}:`;
  for (const w of words) {
    if (line.length + 1 + w.length > 78 && line !== `${name}:`) {
      lines.push(line);
      line = ` ${w}`;
    } else {
      line += ` ${w}`;
    }
  }
  lines.push(line);
  return lines.join('\r\n');
}

/** The message: headers, a blank line, the body, every line ending in CRLF. */
export function emlMessage(draft: MailDraft): string {
  const subject = oneLine(draft.subject);
  const headers = [
    ...(draft.from ? [header('From', mailbox(draft.from))] : []),
    header('To', mailbox(draft.to)),
    header('Subject', isAscii(subject) ? subject : encodedWords(subject).join(' ')),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    'X-Unsent: 1',
  ];
  const body = draft.body.replace(/\r\n?/g, '\n').replace(/\n*$/, '\n').split('\n').join('\r\n');
  return `${headers.join('\r\n')}\r\n\r\n${body}`;
}

/** Percent-encoding for a mailto: part (RFC 6068 2: everything but unreserved characters). */
function percent(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A mailto: URL with the subject and body; refused when longer than mail clients take. */
export function mailtoUrl(draft: MailDraft): string {
  if (!isPlainAddress(draft.to.email)) {
    throw new UsageError(`"${draft.to.email}" is not an email address a mail client can take. Correct it with followup edit.`);
  }
  const [local, domain] = [draft.to.email.slice(0, draft.to.email.lastIndexOf('@')), draft.to.email.slice(draft.to.email.lastIndexOf('@') + 1)];
  const body = draft.body.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n').join('\r\n');
  const url = `mailto:${percent(local)}@${domain}?subject=${percent(oneLine(draft.subject))}&body=${percent(body)}`;
  if (url.length > MAX_MAILTO_LENGTH) {
    throw new UsageError(
      `The mailto: link would be ${url.length} characters long; mail clients silently drop links over about ` +
        `${MAX_MAILTO_LENGTH}. Use --eml for a draft file instead, or print the letter and paste it.`,
    );
  }
  return url;
}

/** A rendered letter's subject (its first line, `Subject: ...`) and the body after it. */
export function splitLetter(letter: string): { subject: string | null; body: string } {
  const match = /^Subject:[ \t]*(.*)\r?\n(?:\r?\n)?/.exec(letter);
  if (!match) return { subject: null, body: letter };
  return { subject: match[1].trim(), body: letter.slice(match[0].length) };
}
