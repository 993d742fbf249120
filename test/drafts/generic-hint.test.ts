/** A thank-you with nothing recorded about why or what they need says so on stderr (issue 12, section 3). */
import { describe, expect, test } from 'vitest';
import { sandboxes } from './helpers.js';

const sandbox = sandboxes();

async function store(extra: string[]) {
  const s = sandbox('2026-11-30');
  await s.ok(['config', 'set', 'name', 'Alex Morgan']);
  await s.ok(['add', '--company', 'Acme Robotics', '--role', 'Backend Engineer', '--date', '2026-11-30',
    '--hiring-manager', 'Dana Reyes', '--email', 'dana@acme.example', ...extra]);
  return s;
}

describe('the generic thank-you hint', () => {
  test('with neither --why nor --need: the letter, and a note naming the edit that makes it specific', async () => {
    const s = await store([]);
    const r = await s.ok(['draft', 'thanks', '1']);
    expect(r.stdout).toContain('Dear Dana');
    expect(r.stderr).toContain('this thank-you is generic');
    expect(r.stderr).toContain('followup edit 1 --why "..." --need');
  });

  test('with a why or a need recorded: no note', async () => {
    for (const extra of [['--why', 'I want to build payments systems'], ['--need', 'Postgres tuning']]) {
      const s = await store(extra);
      const r = await s.ok(['draft', 'thanks', '1']);
      expect(r.stderr).not.toContain('generic');
    }
  });

  test('other kinds: no note', async () => {
    const s = await store([]);
    const r = await s.ok(['--today', '2026-12-08', 'draft', 'check-in', '1']);
    expect(r.stderr).not.toContain('generic');
  });
});
