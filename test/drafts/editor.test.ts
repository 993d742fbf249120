/**
 * $EDITOR runs as git runs it, `sh -c '<editor> "$@"' <editor> <path>`: the editor may hold
 * arguments, and the path is an argument, never part of the command, so `$(...)` in TMPDIR or
 * XDG_CONFIG_HOME is only a name.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { editorCommand, editorInvocation, openInEditor } from '../../src/ui/editor.js';
import { ADD_ACME, sandboxes } from './helpers.js';

/** A folder name that runs `touch pwned` if a shell ever reads it as part of a command. */
const HOSTILE = '$(touch pwned) `touch pwned2` "q" \'s\' ; touch pwned3';
const MARKERS = ['pwned', 'pwned2', 'pwned3'];

describe('the editor helper', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-editor-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('runs sh -c with the editor and "$@", the path as a separate argument', () => {
    expect(editorInvocation('code --wait', '/tmp/$(x)/a b.txt', 'linux')).toEqual({
      command: '/bin/sh',
      args: ['-c', 'code --wait "$@"', 'code --wait', '/tmp/$(x)/a b.txt'],
    });
    expect(editorInvocation('notepad', 'C:\\a b.txt', 'win32')).toEqual({ command: 'notepad', args: ['C:\\a b.txt'] });
  });

  test('a path full of shell syntax reaches the editor as it is, and runs nothing', () => {
    const folder = path.join(dir, HOSTILE);
    fs.mkdirSync(folder);
    const file = path.join(folder, 'draft.txt');
    fs.writeFileSync(file, 'Dear Dana,\n');
    // The editor's own words may be shell: arguments and quotes.
    const env = { PATH: process.env.PATH, EDITOR: "sed -i 's/Dear/Hello/'" };
    const cwd = process.cwd();
    process.chdir(dir);
    let failed: unknown = null;
    try {
      openInEditor({ env, interactive: false }, file);
    } catch (err) {
      failed = err;
    } finally {
      process.chdir(cwd);
    }
    for (const m of MARKERS) expect(fs.existsSync(path.join(dir, m)), m).toBe(false);
    expect(failed).toBeNull();
    expect(fs.readFileSync(file, 'utf8')).toBe('Hello Dana,\n');
  });

  test('an editor that fails is a UsageError with its exit code', () => {
    expect(() => openInEditor({ env: { EDITOR: 'exit 3' }, interactive: false }, path.join(dir, 'x'))).toThrow(/exit 3/);
  });

  test('$VISUAL before $EDITOR; vi on a terminal; otherwise a UsageError', () => {
    expect(editorCommand({ env: { VISUAL: ' code --wait ', EDITOR: 'nano' }, interactive: false })).toBe('code --wait');
    expect(editorCommand({ env: { VISUAL: '  ', EDITOR: 'nano' }, interactive: false })).toBe('nano');
    expect(editorCommand({ env: {}, interactive: true })).toBe('vi');
    expect(() => editorCommand({ env: {}, interactive: false })).toThrow(UsageError);
  });
});

describe('through the command', () => {
  const sandbox = sandboxes();

  test('`draft --edit` with `$(touch pwned)` in TMPDIR edits the letter and runs nothing', async () => {
    const s = sandbox('2026-12-01');
    await s.ok(['config', 'set', 'name', 'Alex Morgan']);
    await s.ok(ADD_ACME);
    const tmp = path.join(s.dir, HOSTILE);
    fs.mkdirSync(tmp);
    // A process of its own: `draft` puts its temporary letter in the process's TMPDIR (os.tmpdir()).
    const r = s.spawn(['draft', 'thanks', '1', '--edit'], { env: { TMPDIR: tmp, EDITOR: "sed -i 's/Dear/Hello/'" } });
    for (const m of MARKERS) expect(fs.existsSync(path.join(s.dir, m)), m).toBe(false);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Hello Dana,$/m);
    // The temporary letter is gone.
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  test('`templates edit` with `$(touch pwned)` in XDG_CONFIG_HOME opens the template and runs nothing', async () => {
    const s = sandbox();
    const config = path.join(s.dir, HOSTILE);
    fs.mkdirSync(config);
    const r = await s.run(['templates', 'edit', 'thanks'], {
      env: { XDG_CONFIG_HOME: config, EDITOR: "sed -i 's/^Dear /Hello /'" },
    });
    for (const m of MARKERS) expect(fs.existsSync(path.join(s.dir, m)), m).toBe(false);
    expect(r.status, r.stderr).toBe(0);
    const own = path.join(config, 'followup', 'templates', 'thanks.hbs');
    expect(fs.readFileSync(own, 'utf8')).toMatch(/^Hello /m);
  });
});
