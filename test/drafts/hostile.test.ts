/**
 * Strict and closed: a template naming a field that does not exist fails with the field, the file
 * and the line; a hostile template (prototype access, unknown helpers, lookup/log, partials,
 * decorators) runs nothing and fails cleanly, both in the renderer and through the command.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { sampleDraftData } from '../../src/drafts/data.js';
import { compileTemplate, renderTemplate, TemplateError } from '../../src/drafts/render.js';
import { UsageError } from '../../src/errors.js';
import { ADD_ACME, sandboxes, STACK_LINE } from './helpers.js';

const FILE = '/home/someone/.config/followup/templates/thanks.hbs';

function templateErrorOf(source: string, data: object = sampleDraftData('thanks', true)): TemplateError {
  let rendered: string | undefined;
  try {
    rendered = renderTemplate(source, FILE, data);
  } catch (err) {
    expect(err).toBeInstanceOf(TemplateError);
    expect(err).toBeInstanceOf(UsageError);
    const te = err as TemplateError;
    expect(te.file).toBe(FILE);
    expect(te.message.startsWith(FILE)).toBe(true);
    return te;
  }
  throw new Error(`expected a TemplateError, but it rendered: ${JSON.stringify(rendered)}`);
}

describe('a field that does not exist', () => {
  test('fails with a TemplateError naming the field, the file and the line', () => {
    const err = templateErrorOf('Dear {{recipient.firstName}},\n\nThank you.\n{{recipient.nickname}}\n');
    expect(err.line).toBe(4);
    expect(err.message).toContain('nickname');
    expect(err.message).toContain(`${FILE}, line 4`);
  });

  test('a misspelt top-level field, inside a block, still names field and line', () => {
    const err = templateErrorOf('Hello\n{{#if why}}\n{{#each needs}}\n- {{txt}}\n{{/each}}\n{{/if}}\n');
    expect(err.line).toBe(4);
    expect(err.message).toContain('"txt"');
    expect(err.message).toContain('line 4');
  });

  test('compileTemplate accepts a good template and the compiled function is strict too', () => {
    const fn = compileTemplate('{{company}} / {{me.name}}', FILE);
    expect(fn(sampleDraftData('thanks', true))).toBe('Acme / Alex Morgan');
    expect(() => compileTemplate('{{companyName}}', FILE)(sampleDraftData('thanks', true))).toThrow(/companyName/);
  });

  test('a template that does not parse fails with the file and line', () => {
    const err = templateErrorOf('line one\nline two {{#if why}}\nno close\n');
    expect(err.line).not.toBeNull();
    expect(err.message).toMatch(/line \d+/);
  });
});

/** Templates that try to reach outside the data; each must fail, and run nothing. */
const HOSTILE: [string, string][] = [
  ['constructor.constructor', 'Hi {{constructor.constructor}}'],
  ['constructor.constructor call', '{{#with (constructor.constructor "return process")}}{{this}}{{/with}}'],
  ['__proto__', 'Hi {{__proto__}}'],
  ['with this / constructor', '{{#with this}}{{constructor}}{{/with}}'],
  ['this.constructor', '{{this.constructor}}'],
  ['@root.__proto__', '{{@root.__proto__.polluted}}'],
  ['parent constructor', '{{#with recipient}}{{../constructor}}{{/with}}'],
  ['toString', '{{company.toString}}'],
  ['__defineGetter__', '{{__defineGetter__}}'],
  ['unknown helper exec', '{{exec "rm"}}'],
  ['unknown helper exec, as a block', '{{#exec "rm -rf /"}}x{{/exec}}'],
  ['unknown helper, as a subexpression', '{{#if (exec "rm")}}x{{/if}}'],
  ['lookup', '{{lookup this "constructor"}}'],
  ['lookup in a subexpression', '{{#with (lookup recipient "constructor")}}{{name}}{{/with}}'],
  ['log', '{{log "hello" level="error"}}'],
  ['partial', '{{> letter}}'],
  ['recursive partial', '{{> self}}'],
  ['inline recursive partial', '{{#*inline "self"}}again {{> self}}{{/inline}}{{> self}}'],
  ['partial block', '{{#> layout}}body{{/layout}}'],
  ['decorator', '{{* activate}}'],
  ['decorator block', '{{#* inline "x"}}y{{/inline}}'],
];

describe('a hostile template fails cleanly in the renderer', () => {
  test.each(HOSTILE)('%s', (_name, source) => {
    const err = templateErrorOf(`Dear {{recipient.firstName}},\n\n${source}\n`);
    expect(err.message.length).toBeGreaterThan(FILE.length + 2);
    expect(err.message).not.toContain(STACK_LINE);
    // Nothing leaked onto Object.prototype.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('the problem names what was refused and where', () => {
    expect(templateErrorOf('a\n{{constructor.constructor}}').message).toMatch(/line 2.*constructor/);
    expect(templateErrorOf('a\nb\n{{exec "rm"}}').message).toMatch(/line 3.*"exec"/);
    expect(templateErrorOf('{{> self}}').message).toMatch(/line 1.*partial/);
    expect(templateErrorOf('{{lookup this "x"}}').message).toContain('lookup');
    expect(templateErrorOf('{{log "x"}}').message).toContain('log');
  });

  test('compileTemplate itself refuses partials, decorators and prototype paths before anything runs', () => {
    for (const source of ['{{> self}}', '{{* dec}}', '{{__proto__}}', '{{constructor.constructor}}']) {
      expect(() => compileTemplate(source, FILE)).toThrow(TemplateError);
    }
  });
});

describe('through the command, with the template in the user\'s folder', () => {
  const sandbox = sandboxes();

  async function acme(): Promise<ReturnType<typeof sandbox>> {
    const s = sandbox('2026-12-01');
    await s.ok(['config', 'set', 'name', 'Alex Morgan']);
    await s.ok(ADD_ACME);
    return s;
  }

  test('a missing field: exit 2 naming the field, the file and the line; nothing on stdout', async () => {
    const s = await acme();
    const file = s.writeTemplate('thanks.hbs', 'Dear {{recipient.firstName}},\n\n{{recipient.nickname}}\n');
    const r = await s.run(['draft', 'thanks', '1']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${file}, line 3`);
    expect(r.stderr).toContain('nickname');
    expect(r.stderr).not.toContain(STACK_LINE);
  });

  test('the user\'s own template replaces the built-in one', async () => {
    const s = await acme();
    s.writeTemplate('thanks.hbs', 'Cheers {{recipient.firstName}}, from {{me.name}} & co.\n');
    const r = await s.ok(['draft', 'thanks', '1']);
    expect(r.stdout.trim()).toBe('Cheers Dana, from Alex Morgan & co.');
  });

  test.each(HOSTILE)('%s: exit 2, no stack trace, nothing on stdout', async (_name, source) => {
    const s = await acme();
    const marker = path.join(s.dir, 'pwned');
    const file = s.writeTemplate('thanks.hbs', `Dear {{recipient.firstName}},\n\n${source.replace('rm', `touch ${marker}`)}\n`);
    const r = await s.run(['draft', 'thanks', '1']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(file);
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(r.stderr).not.toMatch(/something went wrong/i);
    expect(fs.existsSync(marker)).toBe(false);
  });

  test('--out with a hostile template writes no file', async () => {
    const s = await acme();
    s.writeTemplate('thanks.hbs', '{{#with this}}{{constructor}}{{/with}}');
    const out = path.join(s.dir, 'letter.txt');
    const r = await s.run(['draft', 'thanks', '1', '--out', out]);
    expect(r.status).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('--mark-sent with a broken template logs nothing', async () => {
    const s = await acme();
    s.writeTemplate('thanks.hbs', '{{exec "rm"}}');
    expect((await s.run(['draft', 'thanks', '1', '--mark-sent'])).status).toBe(2);
    const app = await s.json(['show', '1']);
    expect(app.events).toEqual([]);
  });
});
