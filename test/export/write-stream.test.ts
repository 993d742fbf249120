/**
 * `export --out` writes as it reads (issue 16) with writePrivate's rules: a private (0600) file
 * that replaces the target whole or not at all, and the output guard.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePrivateStream } from '../../src/commands/write-file.js';
import { UsageError } from '../../src/errors.js';
import { tempDir } from './helpers.js';

describe('writePrivateStream', () => {
  it('writes every piece, privately, in place of the old file', () => {
    const dir = tempDir();
    const out = path.join(dir, 'out.json');
    fs.writeFileSync(out, 'old', { mode: 0o644 });
    const pieces = Array.from({ length: 5000 }, (_, i) => `piece ${i} Ångström 😀\n`);
    writePrivateStream(out, path.join(dir, 'store.db'), (write) => pieces.forEach(write));
    expect(fs.readFileSync(out, 'utf8')).toBe(pieces.join(''));
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['out.json']);
  });

  it('a failure half-way leaves the old file as it was and no temporary file', () => {
    const dir = tempDir();
    const out = path.join(dir, 'out.json');
    fs.writeFileSync(out, 'old');
    const fail = () =>
      writePrivateStream(out, path.join(dir, 'store.db'), (write) => {
        for (let i = 0; i < 100_000; i++) write('x'.repeat(10));
        throw new UsageError('stopped half-way');
      });
    expect(fail).toThrow(/stopped half-way/);
    expect(fs.readFileSync(out, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['out.json']);
  });

  it('refuses the store itself (exit 2), writing nothing', () => {
    const dir = tempDir();
    const store = path.join(dir, 'store.db');
    fs.writeFileSync(store, 'db');
    let produced = false;
    expect(() => writePrivateStream(store, store, () => (produced = true))).toThrow(UsageError);
    expect(produced).toBe(false);
    expect(fs.readFileSync(store, 'utf8')).toBe('db');
  });
});
