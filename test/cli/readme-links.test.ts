/** Every file the README links to is in the project (a user reads them from a checkout). */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');

it('links only to files that exist', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const links = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]).filter((l) => !/^[a-z]+:/.test(l));
  expect(links).toContain('docs/rules.md');
  for (const link of links) expect(fs.existsSync(path.join(ROOT, link)), link).toBe(true);
  // Paths named in backquotes as the rules' home are the project's own too.
  expect(readme).not.toContain('design/cadence.md');
});
