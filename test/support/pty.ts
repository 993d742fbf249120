/**
 * followup on a real pseudo-terminal, for the tests of what only a terminal shows (prompts, keys,
 * Ctrl-C): the built binary runs under Python's pty module (every machine that builds
 * better-sqlite3 has Python), and the test waits for text, then types, as a person would.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterEach } from 'vitest';
import { BIN, type Sandbox } from '../e2e/helpers.js';

/** Every terminal still open is killed after each test. */
const running = new Set<Terminal>();
afterEach(() => {
  for (const t of running) t.kill();
  running.clear();
});

/**
 * Runs argv[1:] on a new pseudo-terminal (200 columns, so no message wraps), relays this
 * process's stdin to it and its output to stdout, and exits with the program's exit code
 * (128 + N for a signal N).
 */
const DRIVER = `
import fcntl, os, pty, select, struct, sys, termios
argv = sys.argv[1:]
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack('HHHH', 50, 200, 0, 0))
    os.execv(argv[0], argv)
watched = [fd, 0]
while True:
    ready, _, _ = select.select(watched, [], [])
    if fd in ready:
        try:
            data = os.read(fd, 65536)
        except OSError:
            data = b''
        if not data:
            break
        os.write(1, data)
    if 0 in ready:
        data = os.read(0, 65536)
        if data:
            os.write(fd, data)
        else:
            watched.remove(0)
_, status = os.waitpid(pid, 0)
code = os.waitstatus_to_exitcode(status)
sys.exit(128 - code if code < 0 else code)
`;

/** Terminal output without its escape sequences (colours, cursor moves, line clearing) and carriage returns. */
export function plain(raw: string): string {
  return (
    raw
      // eslint-disable-next-line no-control-regex
      .replace(/\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)/g, '')
      // eslint-disable-next-line no-control-regex
      .replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '')
      // eslint-disable-next-line no-control-regex
      .replace(/\u001b[@-Z\\-_]/g, '')
      .replace(/\r/g, '')
  );
}

export const ENTER = '\r';
export const CTRL_C = '\u0003';
export const BACKSPACES = '\u007f'.repeat(20);

/** followup on a pseudo-terminal: wait for text to appear, then type. */
export class Terminal {
  private raw = '';
  /** Where the next wait starts looking: each question is answered once. */
  private mark = 0;
  private waiter: (() => void) | null = null;
  private done = false;
  readonly exited: Promise<number>;
  private readonly child: ChildProcessWithoutNullStreams;

  /** `followup` with exactly these arguments, in the sandbox's folder and environment. */
  constructor(s: Sandbox, args: string[]) {
    this.child = spawn('python3', ['-c', DRIVER, process.execPath, BIN, ...args], { env: s.env(), stdio: 'pipe', cwd: s.dir });
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.raw += chunk.toString('utf8');
      this.waiter?.();
    });
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.raw += chunk.toString('utf8');
    });
    this.exited = new Promise((resolve) => this.child.on('close', (code) => {
      this.done = true;
      this.waiter?.();
      resolve(code ?? -1);
    }));
    running.add(this);
  }

  /** Everything the terminal showed, as text. */
  get transcript(): string {
    return plain(this.raw);
  }

  /** Wait until `text` shows after what was last waited for; fails with the transcript when it never does. */
  async waitFor(text: string | RegExp, timeoutMs = 15_000): Promise<void> {
    const found = () => {
      const rest = this.transcript.slice(this.mark);
      const at = typeof text === 'string' ? rest.indexOf(text) : rest.search(text);
      if (at < 0) return false;
      const length = typeof text === 'string' ? text.length : rest.slice(at).match(text)![0].length;
      this.mark += at + length;
      return true;
    };
    if (found()) return;
    await new Promise<void>((resolve, reject) => {
      const fail = () => {
        this.waiter = null;
        reject(new Error(`"${String(text)}" never showed. The terminal showed:\n${this.transcript}`));
      };
      const timer = setTimeout(fail, timeoutMs);
      this.waiter = () => {
        if (!found() && !this.done) return;
        clearTimeout(timer);
        this.waiter = null;
        if (this.done && !found()) fail();
        else resolve();
      };
      if (this.done) this.waiter();
    });
  }

  /** Wait for a question, then type the answer and Enter. */
  async answer(question: string | RegExp, text = ''): Promise<void> {
    await this.waitFor(question);
    this.type(text + ENTER);
  }

  /** Wait for text, then press keys. */
  async press(after: string | RegExp, keys: string): Promise<void> {
    await this.waitFor(after);
    this.type(keys);
  }

  type(keys: string): void {
    this.child.stdin.write(keys);
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}


