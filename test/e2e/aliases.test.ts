/** Flags named alike mean alike: backup --out (--to kept), and --help shows the real default store. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADD_ACME, runRaw, sandboxes } from './helpers.js';

const sandbox = sandboxes();

describe('backup --out', () => {
  it('writes the copy where --out says, and --to still does the same', async () => {
    const s = sandbox();
    await s.ok(ADD_ACME);
    const out = path.join(s.dir, 'copy-out.db');
    const to = path.join(s.dir, 'copy-to.db');
    expect((await s.ok(['backup', '--out', out])).stdout).toBe(`${out}\n`);
    expect((await s.ok(['backup', '--to', to])).stdout).toBe(`${to}\n`);
    expect(fs.statSync(out).size).toBeGreaterThan(0);
    expect(fs.statSync(to).size).toBeGreaterThan(0);
  });

  it('refuses --out and --to naming two places, writing nothing', async () => {
    const s = sandbox();
    await s.ok(ADD_ACME);
    const r = await s.run(['backup', '--out', path.join(s.dir, 'a.db'), '--to', path.join(s.dir, 'b.db')]);
    expect(r.status).toBe(2);
    expect(fs.existsSync(path.join(s.dir, 'a.db'))).toBe(false);
    expect(fs.existsSync(path.join(s.dir, 'b.db'))).toBe(false);
  });

  it('shows --out in its help, not --to', async () => {
    const s = sandbox();
    const help = (await runRaw(['backup', '--help'], { env: s.env() })).stdout;
    expect(help).toContain('--out <file>');
    expect(help).not.toMatch(/--to </);
  });
});

describe('--help', () => {
  it('shows the default store where XDG_DATA_HOME puts it', async () => {
    const s = sandbox();
    const data = path.join(s.dir, 'data');
    const help = (await runRaw(['--help'], { env: s.env({ XDG_DATA_HOME: data }) })).stdout.replace(/\s+/g, ' ');
    expect(help).toContain(path.join(data, 'followup', 'followup.db'));
    const plain = (await runRaw(['--help'], { env: s.env() })).stdout.replace(/\s+/g, ' ');
    // Under the home folder, shown with ~.
    expect(plain).toContain('~/xdg-data/followup/followup.db');
  });
});
