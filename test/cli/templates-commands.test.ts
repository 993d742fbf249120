/**
 * `templates check` reads every field a template names, in every branch; `templates edit` without
 * an editor copies nothing; `templates reset` puts the built-in one back and keeps the user's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleDraftData } from '../../src/drafts/data.js';
import { parseTemplate } from '../../src/drafts/render.js';
import { unknownFields } from '../../src/commands/template-fields.js';
import { sandboxes } from '../e2e/helpers.js';

const sandbox = sandboxes();

function unknown(source: string, kind: 'thanks' | 'check-in' = 'thanks') {
  return unknownFields(source, sampleDraftData(kind, true), (s) => parseTemplate(s, 'x.hbs'));
}

describe('the fields a template names', () => {
  it('are checked inside block helpers, with a suggestion', () => {
    const [u] = unknown('Hello\n{{#if wyh}}{{why}}{{/if}}\n');
    expect(u.line).toBe(2);
    expect(u.problem).toBe('unknown field "wyh"; did you mean why?');
  });

  it('list the fields of the object a nested field is misspelt in', () => {
    const [u] = unknown('Dear {{recipient.frstName}},\n');
    expect(u.problem).toContain('did you mean recipient.firstName?');
    expect(u.problem).toContain('recipient has: name, firstName');
  });

  it('follow #each and #with into their items, and ../ back out', () => {
    expect(unknown('{{#each needs}}{{text}} {{fit}} {{../company}}{{/each}}{{#with recipient}}{{name}}{{/with}}')).toEqual([]);
    expect(unknown('{{#each needs}}{{txt}}{{/each}}')[0].problem).toContain('did you mean text?');
    expect(unknown('{{#unless prefer}}{{else}}{{compny}}{{/unless}}')[0].problem).toContain('did you mean company?');
    expect(unknown('{{join interviewers "firstName"}} {{@root.company}} {{#each expand}}{{this}}{{@index}}{{/each}}')).toEqual([]);
  });

  it('accept every built-in template', () => {
    const dir = path.resolve(__dirname, '..', '..', 'templates');
    for (const file of fs.readdirSync(dir)) {
      const kind = file.replace(/\.hbs$/, '') as 'thanks';
      const found = unknownFields(fs.readFileSync(path.join(dir, file), 'utf8'), sampleDraftData(kind, true), (s) =>
        parseTemplate(s, file),
      );
      expect(found, file).toEqual([]);
    }
  });
});

describe('templates commands', () => {
  function ownDir(s: ReturnType<typeof sandbox>): string {
    return path.join(s.home, 'config', 'followup', 'templates');
  }
  const env = (s: ReturnType<typeof sandbox>, extra: Record<string, string | undefined> = {}) => ({
    XDG_CONFIG_HOME: path.join(s.home, 'config'),
    ...extra,
  });

  it('check fails on a misspelt field in a branch, naming file, line and the field meant', async () => {
    const s = sandbox();
    fs.mkdirSync(ownDir(s), { recursive: true });
    fs.writeFileSync(path.join(ownDir(s), 'thanks.hbs'), 'Dear {{recipient.firstName}},\n{{#if wyh}}{{why}}{{/if}}\n');
    const r = await s.run(['templates', 'check'], { env: env(s) });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('thanks.hbs, line 2: unknown field "wyh"; did you mean why?');
  });

  it('edit without an editor copies nothing and says what to do instead', async () => {
    const s = sandbox();
    const r = await s.run(['templates', 'edit', 'thanks'], { env: env(s, { EDITOR: undefined, VISUAL: undefined }) });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('set $VISUAL or $EDITOR');
    expect(r.stderr).toContain('cp ');
    expect(r.stderr).not.toContain('--edit');
    expect(fs.existsSync(path.join(ownDir(s), 'thanks.hbs'))).toBe(false);
  });

  it('reset puts the built-in template back in use and keeps the user\'s, renamed', async () => {
    const s = sandbox();
    fs.mkdirSync(ownDir(s), { recursive: true });
    const own = path.join(ownDir(s), 'thanks.hbs');
    fs.writeFileSync(own, 'Mine {{company}}\n');
    const r = await s.run(['templates', 'reset', 'thanks'], { env: env(s) });
    expect(r.status).toBe(0);
    expect(fs.existsSync(own)).toBe(false);
    const kept = fs.readdirSync(ownDir(s)).filter((f) => f.startsWith('thanks.hbs.') && f.endsWith('.bak'));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(ownDir(s), kept[0]), 'utf8')).toBe('Mine {{company}}\n');
    const list = await s.run(['templates', 'list', '--json'], { env: env(s) });
    expect(JSON.parse(list.stdout).find((t: { kind: string }) => t.kind === 'thanks').own).toBe(false);
    const again = await s.run(['templates', 'reset', 'thanks'], { env: env(s) });
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('already in use');
  });
});
