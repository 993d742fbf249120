/** The asker shows messages, defaults, choices and validation errors escaped, and answers with the real text. */
import { PassThrough } from 'node:stream';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAsker } from '../../src/ui/prompts.js';

/** Streams for the asker; the mocked library never reads or writes them. */
const streams = () => ({ input: new PassThrough(), output: new PassThrough() });

interface Seen {
  message: string;
  default?: string | boolean;
  choices?: { value: string; name: string }[];
  validate?: (v: string) => string | true;
}
const seen: Seen[] = [];
let reply: (config: Seen) => unknown = () => '';

// Hoisted above the import of prompts.js by vitest.
vi.mock('@inquirer/prompts', () => {
  const ask = async (config: Seen) => {
    seen.push(config);
    return reply(config);
  };
  return { input: ask, select: ask, confirm: ask };
});


// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('createAsker', () => {
  beforeEach(() => {
    seen.length = 0;
  });

  it('escapes the message and the default, and taking the default gives back the stored text', async () => {
    const ask = await createAsker(streams());
    const stored = 'Dana\u001b]0;owned\u0007\u202e';
    reply = (config) => config.default; // Enter: the prompt answers with the default it was given.
    const answer = await ask.text(`${stored}'s phone`, { default: stored });
    expect(seen[0].message).toBe("Dana\\e]0;owned\\a<U+202E>'s phone");
    expect(seen[0].default).toBe('Dana\\e]0;owned\\a<U+202E>');
    expect(answer).toBe(stored);
    expect(seen[0].validate!(seen[0].default as string)).toBe(true);
  });

  it('escapes validation errors, choices and confirmations; typed answers come back as typed', async () => {
    const ask = await createAsker(streams());
    reply = () => 'typed';
    await ask.text('Date', { validate: (v) => `"${v}" is not a date` });
    expect(seen[0].validate!('x\u009b')).toBe('"x<U+009B>" is not a date');
    expect(await ask.text('Plain')).toBe('typed');
    reply = (config) => config.choices?.[0].value;
    expect(await ask.choose('Pick\u001b[2J', [{ value: 'a', name: 'A\u0007' }])).toBe('a');
    reply = () => true;
    await ask.confirm('Sure\u202e?');
    reply = () => '';
    expect(await ask.list('Who\u0085')).toEqual([]);
    for (const s of seen) {
      expect(s.message).not.toMatch(RAW);
      for (const c of s.choices ?? []) expect(c.name).not.toMatch(RAW);
    }
    expect(seen.find((s) => s.choices)!.choices![0].name).toBe('A\\a');
  });
});
