/**
 * The manual page: made by the build from the same definitions as --help (src/manual.ts), with
 * every command, flag, the exit codes, the environment and the files; it renders with groff.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli.js';
import { manPage } from '../../src/manual.js';
import { ensureBuilt, ROOT } from '../e2e/helpers.js';

const hasGroff = spawnSync('groff', ['--version'], { encoding: 'utf8' }).status === 0;

/** The page as groff prints it for an 80-column terminal, warnings on stderr. */
function render(page: string): { text: string; warnings: string } {
  const r = spawnSync('groff', ['-ww', '-man', '-Tutf8', '-rLL=78n'], { input: page, encoding: 'utf8' });
  expect(r.status).toBe(0);
  // groff's own overstriking for bold and underline, removed.
  return { text: r.stdout.replace(/.\u0008/g, ''), warnings: r.stderr };
}

describe('the manual page', () => {
  it('names every command, with its usage, and every flag of a command', async () => {
    const page = await manPage('0.1.0');
    for (const name of Object.keys(COMMANDS)) expect(page).toContain(`.SS "followup ${name}`);
    for (const flag of ['\\-\\-date', '\\-\\-with', '\\-\\-note', '\\-\\-new\\-date']) expect(page).toContain(`\\fB${flag}\\fR`);
    for (const section of ['EXIT STATUS', 'ENVIRONMENT', 'FILES', 'EXAMPLES']) expect(page).toContain(`.SH ${section}`);
    expect(page).toContain('FOLLOWUP_DB');
  });

  it('is written by the build, and listed in package.json for npm to install', () => {
    ensureBuilt();
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.man).toEqual(['./man/followup.1']);
    expect(pkg.files).toContain('man');
    expect(fs.readFileSync(path.join(ROOT, 'man', 'followup.1'), 'utf8')).toMatch(/^\.TH FOLLOWUP 1 /);
  });

  it.skipIf(!hasGroff)('renders with groff without a warning, the examples kept as written', async () => {
    const { text, warnings } = render(await manPage('0.1.0'));
    expect(warnings).toBe('');
    expect(text).toContain('followup log 3 thanks-sent');
    expect(text).toMatch(/EXIT STATUS\n\s+0\s+done/);
  });
});
