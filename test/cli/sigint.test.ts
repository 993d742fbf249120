/**
 * A real SIGINT (as a terminal's Ctrl-C sends to the process, or `kill -INT`) ends followup with
 * exit 130, as shells expect, with no stack trace and nothing written. The built binary runs on a
 * pseudo-terminal (Python's pty module) and is signalled while it waits at its first question.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BIN, STACK_LINE, sandboxes } from '../e2e/helpers.js';

const sandbox = sandboxes();

/** Run argv on a pty; once `wait_for` has been printed, send SIGINT; print the exit code last. */
const DRIVER = `
import os, pty, select, signal, sys, time
wait_for = sys.argv[1].encode()
argv = sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execv(argv[0], argv)
seen = b''
signalled = False
deadline = time.time() + 20
while time.time() < deadline:
    ready, _, _ = select.select([fd], [], [], 0.2)
    if fd in ready:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        seen += data
    if not signalled and wait_for in seen:
        os.kill(pid, signal.SIGINT)
        signalled = True
_, status = os.waitpid(pid, 0)
code = os.waitstatus_to_exitcode(status)
sys.stdout.write(seen.decode('utf-8', 'replace'))
sys.stdout.write('\\nEXIT %d\\n' % (128 - code if code < 0 else code))
`;

describe('SIGINT', () => {
  it('exits 130 with no stack trace, and writes nothing', () => {
    const s = sandbox();
    const r = spawnSync('python3', ['-c', DRIVER, 'Company', process.execPath, BIN, '--db', s.db, 'add'], {
      env: s.env(),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Company');
    expect(r.stdout).toMatch(/EXIT 130\n$/);
    expect(r.stdout).not.toContain(STACK_LINE);
    expect(r.stdout).toMatch(/followup: (interrupted\.|cancelled; nothing was changed\.)/);
    expect(fs.existsSync(s.db)).toBe(false);
  });
});
