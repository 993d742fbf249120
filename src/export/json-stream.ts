/**
 * A small incremental JSON reader for `import`: it reads a file in chunks and hands over the
 * members of the top-level object one by one, and the entries of one list among them (the
 * archive's `applications`) one entry at a time, so that a file of any size is read in the memory
 * of its largest entry. It accepts exactly what JSON.parse accepts (RFC 8259), gives the same
 * values (strings through JSON.parse itself when they hold escapes; numbers through Number(), as
 * JSON.parse does; a repeated key keeps its last value; `__proto__` is an own key), and names
 * the place of a syntax error as `line L, column C (position P)`.
 */
import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** A syntax error, with where it is. */
export class JsonSyntaxError extends Error {
  constructor(problem: string, readonly position: number, readonly line: number, readonly column: number) {
    super(`${problem} at line ${line}, column ${column} (position ${position})`);
    this.name = 'JsonSyntaxError';
  }
}

/** Deeper than this, a value is refused: no archive nests past five levels. */
export const MAX_JSON_DEPTH = 1000;

export interface JsonStreamHandlers {
  /** A member of the top-level object (all but the streamed list). */
  member(key: string, value: unknown): void;
  /** The streamed list begins (it may, in a hostile file, appear more than once: the last one counts). */
  listStart(): void;
  /** One entry of the streamed list, as JSON.parse would give it. */
  entry(value: unknown, index: number): void;
  /** The streamed list ended, with this many entries. */
  listEnd(count: number): void;
  /** The whole text is not an object: its value. */
  notObject(value: unknown): void;
}

interface Frame {
  /** An array, or an object. */
  array: boolean;
  value: Record<string, unknown> | unknown[] | null;
  key: string;
  /** The top-level object: members go to the handlers, not into a value. */
  top: boolean;
  /** The streamed list: entries go to the handlers. */
  stream: boolean;
  count: number;
}

/** Small enough that each chunk is collected young (a chunk of a megabyte would wait for a full collection). */
const CHUNK_BYTES = 64 * 1024;

/** Where the characters come from: a file descriptor read in chunks, or a string (tests). */
export type JsonSource = { fd: number } | { text: string; chunk?: number };


/** Read `source` whole, calling the handlers as it goes; throws JsonSyntaxError. */
export function readJsonStream(source: JsonSource, streamKey: string, handlers: JsonStreamHandlers): void {
  new StreamReader(source, streamKey, handlers).run();
}

class StreamReader {
  private buf = '';
  private pos = 0;
  /** Characters dropped from the front of buf. */
  private offset = 0;
  private line = 1;
  /** Position (absolute) where the current line starts. */
  private lineStart = 0;
  private eof = false;
  private readonly decoder = new StringDecoder('utf8');
  private readonly bytes: Buffer | null;
  private textAt = 0;
  /** The next byte of the file to read (from the start, whatever the descriptor's position). */
  private filePos = 0;

  constructor(
    private readonly source: JsonSource,
    private readonly streamKey: string,
    private readonly handlers: JsonStreamHandlers,
  ) {
    this.bytes = 'fd' in source ? Buffer.allocUnsafe(CHUNK_BYTES) : null;
  }

  /** Append the next chunk to buf, keeping from `keep` on; false at the end of the input. */
  private more(keep: number): boolean {
    if (this.eof) return false;
    let next: string;
    if ('fd' in this.source) {
      const n = fs.readSync(this.source.fd, this.bytes!, 0, CHUNK_BYTES, this.filePos);
      this.filePos += n;
      if (n === 0) {
        next = this.decoder.end();
        this.eof = true;
      } else {
        next = this.decoder.write(this.bytes!.subarray(0, n));
      }
    } else {
      const size = this.source.chunk ?? CHUNK_BYTES;
      next = this.source.text.slice(this.textAt, this.textAt + size);
      this.textAt += size;
      if (this.textAt >= this.source.text.length) this.eof = true;
    }
    this.offset += keep;
    this.buf = this.buf.slice(keep) + next;
    this.pos -= keep;
    return true;
  }

  private fail(problem: string, at = this.pos): never {
    const position = this.offset + at;
    throw new JsonSyntaxError(problem, position, this.line, position - this.lineStart + 1);
  }

  private unexpected(at = this.pos): never {
    if (at >= this.buf.length) this.fail('Unexpected end of JSON input', at);
    this.fail(`Unexpected ${JSON.stringify(this.buf[at])}`, at);
  }

  /** Skip whitespace; the code of the next character, or -1 at the end. */
  private peek(): number {
    for (;;) {
      while (this.pos < this.buf.length) {
        const c = this.buf.charCodeAt(this.pos);
        if (c === 0x20 || c === 0x09 || c === 0x0d) this.pos++;
        else if (c === 0x0a) {
          this.pos++;
          this.line++;
          this.lineStart = this.offset + this.pos;
        } else return c;
      }
      if (!this.more(this.pos)) return -1;
    }
  }

  run(): void {
    const stack: Frame[] = [];
    let value: unknown;
    // Each turn reads one value (a scalar, or the start of a container) and then what follows it.
    for (;;) {
      const c = this.peek();
      let done = true;
      if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
        if (stack.length >= MAX_JSON_DEPTH) this.fail('Too deeply nested');
        const array = c === 0x5b;
        const parent = stack[stack.length - 1];
        const top = !array && stack.length === 0;
        const stream = array && parent !== undefined && parent.top && parent.key === this.streamKey;
        this.pos++;
        stack.push({ array, value: top || stream ? null : array ? [] : {}, key: '', top, stream, count: 0 });
        if (stream) this.handlers.listStart();
        const close = this.peek();
        if (close === (array ? 0x5d : 0x7d)) {
          this.pos++;
          value = this.close(stack.pop()!);
        } else if (array) {
          continue;
        } else {
          stack[stack.length - 1].key = this.key();
          continue;
        }
      } else if (c === 0x22 /* " */) {
        value = this.string();
      } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
        value = this.number();
      } else if (c === 0x74) {
        value = this.literal('true', true);
      } else if (c === 0x66) {
        value = this.literal('false', false);
      } else if (c === 0x6e) {
        value = this.literal('null', null);
      } else {
        this.unexpected();
      }
      // A value is complete: put it in its container, then close every container that ends here.
      while (done) {
        const frame = stack[stack.length - 1];
        if (frame === undefined) {
          if (this.peek() !== -1) this.fail('Unexpected non-whitespace character after JSON');
          if (value !== STREAMED) this.handlers.notObject(value);
          return;
        }
        this.add(frame, value);
        const next = this.peek();
        if (next === 0x2c /* , */) {
          this.pos++;
          if (!frame.array) {
            if (this.peek() !== 0x22) this.unexpected();
            frame.key = this.key();
          }
          done = false;
        } else if (next === (frame.array ? 0x5d : 0x7d)) {
          this.pos++;
          stack.pop();
          value = this.close(frame);
        } else {
          this.unexpected();
        }
      }
    }
  }

  private add(frame: Frame, value: unknown): void {
    if (frame.stream) {
      this.handlers.entry(value, frame.count++);
    } else if (frame.top) {
      if (value !== STREAMED) this.handlers.member(frame.key, value);
    } else if (frame.array) {
      (frame.value as unknown[]).push(value);
    } else if (frame.key === '__proto__') {
      Object.defineProperty(frame.value, '__proto__', { value, writable: true, enumerable: true, configurable: true });
    } else {
      (frame.value as Record<string, unknown>)[frame.key] = value;
    }
  }

  /** What a closed container gives its parent. */
  private close(frame: Frame): unknown {
    if (frame.stream) {
      this.handlers.listEnd(frame.count);
      return STREAMED;
    }
    if (frame.top) return STREAMED;
    return frame.value;
  }

  /** A key and its colon. */
  private key(): string {
    if (this.peek() !== 0x22) this.unexpected();
    const key = this.string();
    if (this.peek() !== 0x3a /* : */) this.unexpected();
    this.pos++;
    return key;
  }

  private string(): string {
    // pos stays on the opening quote until the string is read whole.
    let scanned = 1;
    let escaped = false;
    for (;;) {
      const buf = this.buf;
      const start = this.pos;
      let i = start + scanned;
      for (; i < buf.length; i++) {
        const c = buf.charCodeAt(i);
        if (c === 0x22) break;
        if (c === 0x5c) {
          // An escape cut off by the chunk's end is read again with the next chunk.
          if (i + 1 >= buf.length) break;
          escaped = true;
          i++;
        } else if (c < 0x20) {
          this.fail('Bad control character in string literal', i);
        }
      }
      if (i < buf.length && buf.charCodeAt(i) === 0x22) {
        this.pos = i + 1;
        if (!escaped) return buf.slice(start + 1, i);
        try {
          return JSON.parse(buf.slice(start, i + 1)) as string;
        } catch {
          this.fail('Bad escaped character in string literal', start);
        }
      }
      scanned = i - start;
      if (!this.more(start)) this.fail('Unterminated string in JSON', this.buf.length);
    }
  }

  private number(): number {
    let start = this.pos;
    for (;;) {
      let i = start;
      const buf = this.buf;
      while (i < buf.length) {
        const c = buf.charCodeAt(i);
        if ((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x65 || c === 0x45) i++;
        else break;
      }
      if (i === buf.length && this.more(start)) {
        start = this.pos;
        continue;
      }
      const text = this.buf.slice(start, i);
      if (!/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(text)) this.fail(`Bad number ${JSON.stringify(text.slice(0, 20))}`, start);
      this.pos = i;
      return Number(text);
    }
  }

  private literal<T>(word: string, value: T): T {
    while (this.buf.length - this.pos < word.length && this.more(this.pos)) {
      // Read on until the word fits.
    }
    for (let k = 0; k < word.length; k++) {
      if (this.buf.charCodeAt(this.pos + k) !== word.charCodeAt(k)) this.unexpected(this.pos + k);
    }
    this.pos += word.length;
    return value;
  }
}

/** What a streamed list or the top-level object leaves in its parent (nothing). */
const STREAMED = Symbol('streamed');
