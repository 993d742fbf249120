/**
 * The incremental JSON reader of `import` (issue 16) reads what JSON.parse reads, gives the same
 * values, refuses what JSON.parse refuses, whatever the chunk size (a token cut anywhere).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, MAX_JSON_DEPTH, readJsonStream, type JsonSource } from '../../src/export/json-stream.js';

/** Read a text back into one value as JSON.parse would give it, with what the stream reported. */
function reread(source: JsonSource, key = 'list'): { value: unknown; lists: number; entries: number } {
  let value: unknown;
  let scalar = false;
  let top: Record<string, unknown> | null = null;
  let list: unknown[] | null = null;
  let lists = 0;
  let entries = 0;
  readJsonStream(source, key, {
    member(k, v) {
      top ??= {};
      Object.defineProperty(top, k, { value: v, writable: true, enumerable: true, configurable: true });
    },
    listStart() {
      top ??= {};
      list = [];
      lists++;
      Object.defineProperty(top, key, { value: list, writable: true, enumerable: true, configurable: true });
    },
    entry(v, i) {
      expect(i).toBe(list!.length);
      list!.push(v);
      entries++;
    },
    listEnd(count) {
      expect(count).toBe(list!.length);
    },
    notObject(v) {
      scalar = true;
      value = v;
    },
  });
  return { value: scalar ? value : (top ?? {}), lists, entries };
}

const anyJson = fc.jsonValue();
const chunk = fc.integer({ min: 1, max: 40 });

describe('readJsonStream', () => {
  it('gives what JSON.parse gives, for any JSON text and chunk size', () => {
    fc.assert(
      fc.property(anyJson, chunk, fc.boolean(), (value, size, pretty) => {
        const text = pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
        expect(reread({ text, chunk: size }).value).toEqual(JSON.parse(text));
      }),
      { numRuns: 400 },
    );
  });

  it('hands over the entries of the streamed list one by one, the rest as members', () => {
    fc.assert(
      fc.property(fc.array(anyJson, { maxLength: 8 }), fc.dictionary(fc.string(), anyJson), chunk, (list, rest, size) => {
        const obj = { ...rest, list };
        const text = JSON.stringify(obj, null, 2);
        const got = reread({ text, chunk: size });
        expect(got.value).toEqual(JSON.parse(text));
        expect(got.lists).toBe(1);
        expect(got.entries).toBe(list.length);
      }),
      { numRuns: 200 },
    );
  });

  it('strings with escapes and characters outside the BMP, cut at every place', () => {
    const text = JSON.stringify({ a: 'x\\"\n\t\u0001é😀\u2028', list: ['\ud83d', 'plain', '"q"'] });
    for (let size = 1; size <= text.length; size++) expect(reread({ text, chunk: size }).value).toEqual(JSON.parse(text));
  });

  it('a repeated key keeps its last value; __proto__ is an own key', () => {
    const got = reread({ text: '{"a":1,"a":2,"__proto__":{"x":1},"o":{"__proto__":3}}', chunk: 3 }).value as Record<string, unknown>;
    expect(got.a).toBe(2);
    expect(Object.prototype.hasOwnProperty.call(got, '__proto__')).toBe(true);
    expect(Object.prototype.hasOwnProperty.call(got.o, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('refuses what JSON.parse refuses, with the line, column and position', () => {
    const bad = [
      '', ' ', '{', '{"a":1,}', '[1,]', '{"a" 1}', '{a:1}', "{'a':1}", '[01]', '[1.]', '[-]', '[.5]', '[1e]', '[+1]',
      '"abc', '"a\u0001"', '"\\x"', '"\\u12"', 'tru', 'nul', '[true false]', '{} {}', '[1] x', 'NaN', '[Infinity]',
      '\ufeff{}', '{"a":1}}', '[[1]', '{"list":[1,2}',
    ];
    for (const text of bad) {
      expect(() => JSON.parse(text), text).toThrow();
      for (const size of [1, 2, 5, 1000]) {
        let err: unknown;
        try {
          reread({ text, chunk: size });
        } catch (e) {
          err = e;
        }
        expect(err, `${JSON.stringify(text)} in chunks of ${size}`).toBeInstanceOf(JsonSyntaxError);
        expect((err as Error).message).toMatch(/line \d+, column \d+ \(position \d+\)/);
      }
    }
  });

  it('names the line of the problem', () => {
    try {
      reread({ text: '{\n  "a": 1,\n  "b": oops\n}' });
      expect.unreachable();
    } catch (err) {
      expect((err as JsonSyntaxError).line).toBe(3);
      expect((err as JsonSyntaxError).column).toBe(8);
      expect((err as JsonSyntaxError).position).toBe(19);
    }
  });

  it('refuses nesting past MAX_JSON_DEPTH, and reads up to it', () => {
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    expect(() => reread({ text: deep(MAX_JSON_DEPTH + 1) })).toThrow(/nested/);
    expect(() => reread({ text: deep(100_000) })).toThrow(/nested/);
    expect(reread({ text: deep(MAX_JSON_DEPTH) }).value).toEqual(JSON.parse(deep(MAX_JSON_DEPTH)));
  });

  it('reads a file in chunks, a character of several bytes cut between two of them', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-json-stream-'));
    try {
      const file = path.join(dir, 'a.json');
      // Long enough for several 1 MB chunks; multi-byte characters everywhere.
      const list = Array.from({ length: 30_000 }, (_, i) => ({ i, name: `Ångström 😀 ${'é'.repeat(i % 50)}` }));
      const text = JSON.stringify({ format: 'x', list }, null, 2);
      fs.writeFileSync(file, text);
      const fd = fs.openSync(file, 'r');
      try {
        expect(reread({ fd }).value).toEqual(JSON.parse(text));
      } finally {
        fs.closeSync(fd);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
