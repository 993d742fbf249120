/** `followup` alone, `help` for a command that does not exist, and Ctrl-C's exit code. */
import { describe, expect, it } from 'vitest';
import { reportError, SHORT_USAGE } from '../../src/cli.js';
import { EXIT_INTERRUPTED } from '../../src/errors.js';
import { runRaw, sandboxes } from '../e2e/helpers.js';

const sandbox = sandboxes();

describe('followup alone', () => {
  it('prints a short usage with the first steps on stdout and exits 0', async () => {
    const s = sandbox();
    for (const args of [[], ['--no-color'], ['--db', s.db]]) {
      const r = await runRaw(args, { env: s.env() });
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(SHORT_USAGE);
      expect(r.stderr).toBe('');
    }
    expect(SHORT_USAGE).toContain('followup demo');
  });

  it('still prints the whole help for --help', async () => {
    const s = sandbox();
    const r = await runRaw(['--help'], { env: s.env() });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Commands:');
  });
});

describe('help for a command that does not exist', () => {
  it('says so and suggests the nearest, exit 2', async () => {
    const s = sandbox();
    const r = await runRaw(['help', 'tody'], { env: s.env() });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('unknown command tody; did you mean today?');
    const far = await runRaw(['help', 'zzzz'], { env: s.env() });
    expect(far.status).toBe(2);
    expect(far.stderr).toContain('unknown command zzzz.');
  });

  it('help for a real command still works', async () => {
    const s = sandbox();
    const r = await runRaw(['help', 'today'], { env: s.env() });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: followup today');
  });
});

describe('Ctrl-C at a prompt', () => {
  it('exits 130, as shells expect, and says nothing was changed', () => {
    const written: string[] = [];
    const err = Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' });
    expect(reportError(err, { write: (t: string) => written.push(t) }, {})).toBe(EXIT_INTERRUPTED);
    expect(EXIT_INTERRUPTED).toBe(130);
    expect(written.join('')).toBe('followup: cancelled; nothing was changed.\n');
  });
});
