/**
 * A template cannot be a denial of service: blocks nested past a sane depth are refused before
 * Handlebars parses them, and only a regular file of at most 64 KB is read (a FIFO never blocks,
 * a link to /dev/zero is never read). Each refusal is a UsageError (exit 2) that names the file.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { sampleDraftData } from '../../src/drafts/data.js';
import { MAX_TEMPLATE_NESTING, renderTemplate, TemplateError } from '../../src/drafts/render.js';
import { MAX_TEMPLATE_BYTES, readTemplateFile } from '../../src/drafts/templates.js';
import { UsageError } from '../../src/errors.js';
import { ADD_ACME, sandboxes, STACK_LINE } from './helpers.js';

const FILE = '/home/someone/.config/followup/templates/thanks.hbs';
const DATA = sampleDraftData('thanks', true);

/** `{{#if why}}` nested n deep around one word. */
const nestedIfs = (n: number) => `${'{{#if why}}'.repeat(n)}x${'{{/if}}'.repeat(n)}`;

function templateError(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(TemplateError);
    expect(err).toBeInstanceOf(UsageError);
    return err as TemplateError;
  }
  throw new Error('expected a TemplateError');
}

function nestingError(source: string): TemplateError {
  const err = templateError(() => renderTemplate(source, FILE, DATA));
  expect(err.file).toBe(FILE);
  expect(err.message.startsWith(FILE)).toBe(true);
  expect(err.message).toContain(`nested more than ${MAX_TEMPLATE_NESTING} deep`);
  return err;
}

describe('nesting', () => {
  test('{{#if}} nested 20,000 deep is refused with the file, not parsed for minutes', () => {
    nestingError(nestedIfs(20_000));
  });

  test('the limit itself renders; one level more is refused', () => {
    expect(renderTemplate(nestedIfs(MAX_TEMPLATE_NESTING), FILE, DATA)).toBe('x\n');
    nestingError(nestedIfs(MAX_TEMPLATE_NESTING + 1));
  });

  test('is checked before Handlebars parses: blocks never closed get the nesting error, with its line', () => {
    const err = nestingError('{{#if why}}\n'.repeat(MAX_TEMPLATE_NESTING + 5));
    expect(err.line).toBe(MAX_TEMPLATE_NESTING + 1);
  });

  test('each {{else if}} of a chain, each inverse block and each subexpression counts as a level', () => {
    const deep = MAX_TEMPLATE_NESTING + 1;
    nestingError(`{{#if why}}a${'{{else if why}}b'.repeat(deep)}{{/if}}`);
    nestingError(`{{~#if why~}}a${'{{~else if why~}}b'.repeat(deep)}{{/if}}`);
    nestingError(`${'{{^why}}'.repeat(deep)}x${'{{/why}}'.repeat(deep)}`);
    nestingError(`{{join ${'(join '.repeat(deep)}needs${')'.repeat(deep)}}}`);
    nestingError(`{{#if why}}${'{{#with recipient}}'.repeat(deep - 4)}{{join ${'(join '.repeat(4)}x${')'.repeat(4)}}}${'{{/with}}'.repeat(deep - 4)}{{/if}}`);
  });

  test('a long else-if chain at the limit and a plain {{else}} are fine', () => {
    const chain = `{{#if why}}a${'{{else if why}}b'.repeat(MAX_TEMPLATE_NESTING - 1)}{{else}}c{{/if}}`;
    expect(renderTemplate(chain, FILE, DATA)).toBe('a\n');
    // Blocks one after another do not add up.
    expect(renderTemplate('{{#if why}}y{{/if}}'.repeat(1000), FILE, DATA)).toBe(`${'y'.repeat(1000)}\n`);
  });

  test('mustaches inside comments, and parentheses inside strings, are not counted', () => {
    const comment = `{{!-- ${'{{#if why}}'.repeat(100)} --}}{{~! ${'('.repeat(100)} ~}}Hello`;
    expect(renderTemplate(comment, FILE, DATA)).toBe('Hello\n');
    expect(renderTemplate(`{{join needs "${'('.repeat(100)}"}}.`, FILE, DATA)).toMatch(/\.\n$/);
  });
});

describe('reading a template file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-template-read-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  const fresh = (name = 'thanks.hbs') => path.join(fs.mkdtempSync(path.join(dir, `${n++}-`)), name);

  function refusal(file: string): TemplateError {
    const err = templateError(() => readTemplateFile(file));
    expect(err.file).toBe(file);
    expect(err.message.startsWith(file)).toBe(true);
    expect(err.message).toMatch(/remove it to use the built-in template/);
    return err;
  }

  test('a regular file, and a link to one, are read as they are', () => {
    const file = fresh();
    fs.writeFileSync(file, 'Dear {{recipient.firstName}},\nZoë\n');
    expect(readTemplateFile(file)).toBe('Dear {{recipient.firstName}},\nZoë\n');
    const link = fresh();
    fs.symlinkSync(file, link);
    expect(readTemplateFile(link)).toBe('Dear {{recipient.firstName}},\nZoë\n');
  });

  test('exactly 64 KB is read; one byte more is refused, saying the limit', () => {
    const file = fresh();
    fs.writeFileSync(file, 'a'.repeat(MAX_TEMPLATE_BYTES));
    expect(readTemplateFile(file)).toHaveLength(MAX_TEMPLATE_BYTES);
    fs.appendFileSync(file, 'a');
    expect(refusal(file).message).toMatch(/at most 64 KB/);
  });

  test('a link to /dev/zero is refused as a device, without reading it', () => {
    const link = fresh();
    fs.symlinkSync('/dev/zero', link);
    const err = refusal(link);
    expect(err.message).toContain('/dev/zero');
    expect(err.message).toMatch(/character device/);
  });

  test('a FIFO is refused at once, never waiting for a writer', () => {
    const fifo = fresh();
    const made = spawnSync('mkfifo', [fifo]);
    expect(made.status, String(made.stderr)).toBe(0);
    expect(refusal(fifo).message).toMatch(/named pipe \(FIFO\)/);
  });

  test('a folder is refused', () => {
    const folder = fresh();
    fs.mkdirSync(folder);
    expect(refusal(folder).message).toMatch(/a folder/);
  });
});

describe('through the command', () => {
  const sandbox = sandboxes();

  async function acme() {
    const s = sandbox('2026-12-01');
    await s.ok(['config', 'set', 'name', 'Alex Morgan']);
    await s.ok(ADD_ACME);
    return s;
  }

  function expectRefused(r: { status: number | null; stdout: string; stderr: string }, file: string): void {
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain(file);
    expect(r.stderr).not.toContain(STACK_LINE);
  }

  test('`templates check` on a FIFO template exits 2 at once, naming it', async () => {
    const s = sandbox();
    fs.mkdirSync(s.templateDir, { recursive: true });
    const fifo = path.join(s.templateDir, 'thanks.hbs');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const good = s.writeTemplate('check-in.hbs', 'Dear {{recipient.firstName}},\n\n{{me.name}}\n');
    const r = await s.run(['templates', 'check']);
    expectRefused(r, fifo);
    expect(r.stderr).toMatch(/FIFO/);
    expect(r.stdout).toMatch(new RegExp(`^error\\s+${fifo.replace(/[.]/g, '\\.')}$`, 'm'));
    expect(r.stdout).toMatch(new RegExp(`^ok\\s+${good.replace(/[.]/g, '\\.')}$`, 'm'));
  });

  test('`draft` with a template linked to /dev/zero exits 2, naming it', async () => {
    const s = await acme();
    fs.mkdirSync(s.templateDir, { recursive: true });
    const link = path.join(s.templateDir, 'thanks.hbs');
    fs.symlinkSync('/dev/zero', link);
    const r = await s.run(['draft', 'thanks', '1']);
    expectRefused(r, link);
    expect(r.stdout).toBe('');
  });

  test('`draft` with {{#if}} nested 20,000 deep exits 2, naming the file', async () => {
    const s = await acme();
    const file = s.writeTemplate('thanks.hbs', nestedIfs(20_000));
    const r = await s.run(['draft', 'thanks', '1']);
    expectRefused(r, file);
    expect(r.stdout).toBe('');
  });

  test('`draft` with blocks nested 5,000 deep within 64 KB exits 2 with the nesting limit', async () => {
    const s = await acme();
    const source = `${'{{#a}}'.repeat(5000)}x${'{{/a}}'.repeat(5000)}`;
    expect(source.length).toBeLessThanOrEqual(MAX_TEMPLATE_BYTES);
    const file = s.writeTemplate('thanks.hbs', source);
    const r = await s.run(['draft', 'thanks', '1']);
    expectRefused(r, file);
    expect(r.stderr).toContain(`nested more than ${MAX_TEMPLATE_NESTING} deep`);
  });

  test('`templates edit` on a FIFO exits 2 and never opens the editor', async () => {
    const s = sandbox();
    fs.mkdirSync(s.templateDir, { recursive: true });
    const fifo = path.join(s.templateDir, 'thanks.hbs');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = await s.run(['templates', 'edit', 'thanks'], { env: { EDITOR: 'touch editor-was-opened' } });
    expectRefused(r, fifo);
    expect(fs.existsSync(path.join(s.dir, 'editor-was-opened'))).toBe(false);
  });
});
