/** Exit codes, refused stores, no stack traces, no colour when piped, and --help everywhere. */
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { FOLLOWUP_APPLICATION_ID, SCHEMA_VERSION } from '../../src/store/schema.js';
import { spawnSync } from 'node:child_process';
import { ADD_ACME, ANSI, BIN, ROOT, STACK_LINE, runRaw, sandboxes, sha256, type Sandbox } from './helpers.js';

const sandbox = sandboxes();

function expectClean(r: { stderr: string }, what: string): void {
  expect(r.stderr, what).not.toContain(STACK_LINE);
  expect(r.stderr.trim(), `${what}: says something`).not.toBe('');
}

/** Every command that opens the store, with the arguments it needs. */
const STORE_COMMANDS: string[][] = [
  ['today'],
  ['today', '--json'],
  ['list'],
  ['list', '--all', '--json'],
  ['show', '1'],
  ['log', '1', 'no-answer'],
  ['outcome', '1', 'rejected'],
  ['edit', '1', '--decision-by', '2026-12-09'],
  ['add', '--company', 'Acme', '--role', 'Backend Engineer'],
  ['config', 'list'],
  ['config', 'get', 'minGapDays'],
  ['config', 'set', 'minGapDays', '2'],
];

describe('input errors exit 2', () => {
  test.each([
    [['frobnicate']],
    [['todya']],
    [['today', '--bogus']],
    [['--bogus', 'today']],
    [['log', '1']],
    [['show']],
    [['config', 'frob']],
  ])('%j exits 2 without a stack trace', async (args) => {
    const s = sandbox();
    const r = await s.run(args);
    expect(r.status).toBe(2);
    expectClean(r, args.join(' '));
    expect(r.stdout).toBe('');
  });

  test('an unknown command names itself in the message', async () => {
    const s = sandbox();
    const r = await s.run(['frobnicate']);
    expect(r.stderr).toContain('frobnicate');
  });

  test.each([['show'], ['log', 'no-answer'], ['outcome', 'offer'], ['edit', '--notes', 'x']])(
    'an unknown reference exits 2 for %j',
    async (command, ...rest) => {
      const s = sandbox('2026-12-07');
      await s.ok(ADD_ACME);
      for (const ref of ['42', 'umbrella']) {
        const r = await s.run([command, ref, ...rest]);
        expect(r.status, `${command} ${ref}`).toBe(2);
        expectClean(r, `${command} ${ref}`);
      }
    },
  );

  test('the date given to --today must exist', async () => {
    const s = sandbox();
    for (const bad of ['2026-02-30', '2026-02-29', 'not-a-date']) {
      const r = await s.run(['today'], { today: bad });
      expect(r.status, bad).toBe(2);
      expectClean(r, bad);
    }
  });
});

describe('--db in a folder that does not exist', () => {
  test.each(STORE_COMMANDS)('%s ... exits 2 and creates nothing', async (...args) => {
    const s = sandbox('2026-12-07');
    const missing = path.join(s.dir, 'no-such-folder');
    const r = await runRaw(['--db', path.join(missing, 'followup.db'), '--today', '2026-12-07', ...args], { env: s.env() });
    expect(r.status).toBe(2);
    expectClean(r, args.join(' '));
    expect(r.stderr).toContain('no-such-folder');
    expect(fs.existsSync(missing)).toBe(false);
    expect(fs.readdirSync(s.dir)).toEqual(['home']);
    expect(fs.readdirSync(s.home)).toEqual([]);
  });

  test('FOLLOWUP_DB is held to the same rule', async () => {
    const s = sandbox('2026-12-07');
    const missing = path.join(s.dir, 'nowhere');
    const r = await runRaw(['--today', '2026-12-07', 'list'], { env: s.env({ FOLLOWUP_DB: path.join(missing, 'f.db') }) });
    expect(r.status).toBe(2);
    expect(fs.existsSync(missing)).toBe(false);
    expect(fs.readdirSync(s.home)).toEqual([]);
  });

  test('FOLLOWUP_DB names the store when --db is not given', async () => {
    const s = sandbox('2026-12-07');
    const file = path.join(s.dir, 'from-env.db');
    const r = await runRaw(['--today', '2026-11-30', ...ADD_ACME], { env: s.env({ FOLLOWUP_DB: file }) });
    expect(r.status).toBe(0);
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.readdirSync(s.home)).toEqual([]);
  });
});

describe('a store the program cannot use exits 1 and is left untouched', () => {
  function newerStore(s: Sandbox): void {
    const db = new Sqlite(s.db);
    db.exec("CREATE TABLE applications (id INTEGER PRIMARY KEY, company TEXT); INSERT INTO applications VALUES (1, 'Future Corp');");
    // A newer followup marks its stores as schema 5 on does.
    db.pragma(`application_id = ${FOLLOWUP_APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
  }

  function textFile(s: Sandbox): void {
    fs.writeFileSync(s.db, 'These are my notes, not a database.\n'.repeat(40));
  }

  for (const [name, make] of [
    ['a store from a newer schema', newerStore],
    ['a text file', textFile],
  ] as const) {
    test.each(STORE_COMMANDS)(`${name}: %s ... exits 1`, async (...args) => {
      const s = sandbox('2026-12-07');
      make(s);
      const before = sha256(s.db);
      const files = fs.readdirSync(s.dir).sort();
      const r = await s.run(args);
      expect(r.status).toBe(1);
      expectClean(r, args.join(' '));
      // The message says what happened to the data and what to do.
      expect(r.stderr).toContain(s.db);
      expect(r.stderr).toMatch(/untouched|nothing was changed|not changed/i);
      expect(sha256(s.db)).toBe(before);
      expect(fs.readdirSync(s.dir).sort()).toEqual(files);
      expect(r.stdout).toBe('');
    });
  }

  test('a newer store names the reason (a newer followup)', async () => {
    const s = sandbox();
    newerStore(s);
    const r = await s.run(['list']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/newer/i);
  });

  test('FOLLOWUP_DEBUG=1 may add a stack trace, but still exits 1 and changes nothing', async () => {
    const s = sandbox();
    textFile(s);
    const before = sha256(s.db);
    const r = await s.run(['list'], { env: { FOLLOWUP_DEBUG: '1' } });
    expect(r.status).toBe(1);
    expect(sha256(s.db)).toBe(before);
  });
});

describe('a store in use by another followup', () => {
  test('a write waits, then exits 1 saying nothing was changed', async () => {
    const s = sandbox('2026-12-07');
    await s.ok(ADD_ACME);
    const holder = new Sqlite(s.db);
    try {
      holder.exec('BEGIN EXCLUSIVE');
      const r = await s.run(['log', '1', 'no-answer'], { env: { FOLLOWUP_BUSY_TIMEOUT_MS: '200' } });
      expect(r.status).toBe(1);
      expectClean(r, 'log while locked');
      expect(r.stderr).toMatch(/nothing was changed/i);
      holder.exec('ROLLBACK');
    } finally {
      holder.close();
    }
    expect((await s.json(['show', '1'])).events).toEqual([]);
  });
});

describe('colour', () => {
  async function withItems(): Promise<Sandbox> {
    const s = sandbox('2026-12-07');
    await s.ok(ADD_ACME);
    return s;
  }

  const outputs = async (s: Sandbox, env: Record<string, string | undefined>, extra: string[] = []) => {
    const all: { args: string[]; text: string }[] = [];
    for (const args of [['today'], ['list', '--all'], ['show', '1'], ['frobnicate']]) {
      const r = await s.run([...extra, ...args], { env });
      all.push({ args, text: r.stdout + r.stderr });
    }
    return all;
  };

  test('no ANSI escapes when piped (no NO_COLOR)', async () => {
    const s = await withItems();
    for (const { args, text } of await outputs(s, { NO_COLOR: undefined })) {
      expect(text, args.join(' ')).not.toMatch(ANSI);
      expect(text.length, args.join(' ')).toBeGreaterThan(0);
    }
  });

  test('no ANSI escapes with NO_COLOR, --no-color or TERM=dumb, even when colour is forced', async () => {
    const s = await withItems();
    const cases: [Record<string, string | undefined>, string[]][] = [
      [{ NO_COLOR: '1', FORCE_COLOR: '1' }, []],
      [{ NO_COLOR: undefined, FORCE_COLOR: '1' }, ['--no-color']],
      [{ NO_COLOR: undefined, FORCE_COLOR: '1', TERM: 'dumb' }, []],
    ];
    for (const [env, extra] of cases) {
      for (const { args, text } of await outputs(s, env, extra)) {
        expect(text, `${JSON.stringify(env)} ${extra.join(' ')} ${args.join(' ')}`).not.toMatch(ANSI);
      }
    }
  });

  test('control: the check above would see colour if it were there', async () => {
    const s = await withItems();
    const r = await s.run(['today'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(ANSI);
  });
});

describe('--help', () => {
  test.each([
    [[]],
    [['add']],
    [['today']],
    [['log']],
    [['outcome']],
    [['list']],
    [['show']],
    [['edit']],
    [['config']],
    [['config', 'list']],
    [['config', 'get']],
    [['config', 'set']],
    [['demo']],
  ])('%j --help exits 0 with a usage on stdout', async (args) => {
    const s = sandbox();
    const r = await s.run([...args, '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage:/);
    if (args.length > 0) expect(r.stdout).toContain(args[args.length - 1]);
    expect(r.stderr).not.toContain(STACK_LINE);
    // Asking for help touches no store.
    expect(fs.existsSync(s.db)).toBe(false);
  });

  test('the main help names every command', async () => {
    const s = sandbox();
    const out = (await s.ok(['--help'])).stdout;
    for (const command of ['add', 'today', 'log', 'outcome', 'list', 'show', 'edit', 'config', 'demo']) {
      expect(out).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    }
  });
});

describe('a reader that stops early', () => {
  test('`... | head` ends followup quietly with exit 0, and what it wrote to the store stays', async () => {
    const s = sandbox();
    // Enough history that the export is far larger than a pipe holds.
    const seeded = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'bench-seed.cjs'), '--db', s.db, '--applications', '150'], {
      encoding: 'utf8',
    });
    expect(seeded.status, seeded.stderr).toBe(0);
    const followup = (args: string) => `"${process.execPath}" "${BIN}" --db "${s.db}" --today 2026-12-07 ${args}`;
    const r = spawnSync(
      'bash',
      ['-c', `${followup('export --format json')} | head -c 100 >/dev/null; echo "exit \${PIPESTATUS[0]}"`],
      { encoding: 'utf8', env: s.env() },
    );
    expect(r.stdout.trim()).toBe('exit 0');
    expect(r.stderr).toBe('');
    // A change whose confirmation nobody reads is made all the same.
    const logged = spawnSync(
      'bash',
      ['-c', `${followup('log 150 no-answer')} 2>&1 | head -c 0; echo "exit \${PIPESTATUS[0]}"`],
      { encoding: 'utf8', env: s.env() },
    );
    expect(logged.stdout.trim()).toBe('exit 0');
    const shown = await s.json<{ events: { type: string; date: string }[] }>(['show', '150'], { today: '2026-12-07' });
    expect(shown.events.some((e) => e.type === 'no-answer' && e.date === '2026-12-07')).toBe(true);
  });

  test('a wrong command still exits 2 when nobody reads its message', () => {
    const s = sandbox();
    const r = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${BIN}" --db "${s.db}" frobnicate 2>&1 | head -c 0; echo "exit \${PIPESTATUS[0]}"`],
      { encoding: 'utf8', env: s.env() },
    );
    expect(r.stdout.trim()).toBe('exit 2');
  });
});
