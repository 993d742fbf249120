/**
 * Text bound for a terminal, made harmless: the one place that escapes control characters.
 *
 * A company, a name or a note may come from someone else's archive. Printed as it is, an ESC in
 * it could clear the screen, set the window title or fill the clipboard (OSC 52), and a bidi
 * override could make a line read differently from what it holds. Views escape the data they
 * show (before styling it, so that our own colours still work); JSON keeps the exact text.
 */

// Every character escaped: C0, DEL, C1 and the bidi controls (ALM, LRM, RLM, LRE..RLO, LRI..PDI).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const UNSAFE_ALL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// The same, but a newline and a tab are left alone: for messages whose lines are our own layout.
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_MESSAGE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_MESSAGE_ALL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Whether JSON text (JSON.stringify's, or SQLite's) may hold a character terminalSafe escapes:
 * in JSON a control character below U+0020 is written as an escape (`\n`, `\u001b`), DEL, the
 * C1 controls and the bidi controls as they are. One pass of native code over a whole document
 * rather than a look at each of its strings; an escaped backslash before one of those letters
 * may say yes when the answer is no, never the other way.
 */
export function jsonMayNeedEscaping(json: string): boolean {
  return UNSAFE_IN_JSON.test(json);
}

const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\\[bfnrtu]/;

/** The escapes people know from C and shells; every other character is shown as <U+XXXX>. */
const NAMED: Record<string, string> = {
  '\u0007': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\u000b': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '\u001b': '\\e',
};

function visible(ch: string): string {
  return NAMED[ch] ?? `<U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`;
}

/**
 * Text with every control and bidi-control character replaced by a visible escape (`\e`, `\a`,
 * `<U+202E>`). Stored text is one field: its newlines and tabs are escaped too, so that it cannot
 * forge a line of the layout. With `keepLines`, newlines and tabs stay (a message whose line
 * breaks are ours, such as an error that lists candidates).
 */
export function terminalSafe(text: string, opts: { keepLines?: boolean } = {}): string {
  // The common case, nothing to escape, costs one regex test.
  if (opts.keepLines) {
    return UNSAFE_IN_MESSAGE.test(text) ? text.replace(UNSAFE_IN_MESSAGE_ALL, visible) : text;
  }
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, visible) : text;
}

/**
 * A view model with terminalSafe applied to every string in it, however deep, so that a view
 * cannot forget a field. Arrays and plain objects are copied only where something changed;
 * anything else (numbers, null, a Set, a Date) is kept as it is.
 */
export function terminalSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return terminalSafe(value) as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const safe = terminalSafeDeep(value[i]);
      if (safe !== value[i]) {
        copy ??= value.slice();
        copy[i] = safe;
      }
    }
    return (copy ?? value) as T;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  let copy: Record<string, unknown> | null = null;
  const fields = value as Record<string, unknown>;
  // for...in rather than Object.entries: no array of pairs per object (today walks every item).
  for (const key in fields) {
    if (!Object.prototype.hasOwnProperty.call(fields, key)) continue;
    const field = fields[key];
    const safe = terminalSafeDeep(field);
    if (safe !== field) {
      copy ??= { ...(value as Record<string, unknown>) };
      copy[key] = safe;
    }
  }
  return (copy ?? value) as T;
}
