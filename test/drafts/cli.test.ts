/** `followup draft` and `followup templates` through the command line, as a person would use them (in-process; the built binary where only it shows the thing tested). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DRAFT_KINDS } from '../../src/drafts/data.js';
import { ADD_ACME, ADD_GLOBEX, builtinFile, ROOT, sandboxes, STACK_LINE, type Sandbox } from './helpers.js';

const sandbox = sandboxes();

/** Acme (#1) recorded, my name set; today is Tue 1 Dec, the day after the interview. */
async function acme(): Promise<Sandbox> {
  const s = sandbox('2026-12-01');
  await s.ok(['config', 'set', 'name', 'Alex Morgan']);
  await s.ok(ADD_ACME);
  return s;
}

function expectCleanFailure(r: { status: number | null; stdout: string; stderr: string }): void {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toContain(STACK_LINE);
}

describe('missing data', () => {
  test('no sender name: exit 2 naming `followup config set name`', async () => {
    const s = sandbox('2026-12-01');
    await s.ok(ADD_ACME);
    const r = await s.run(['draft', 'thanks', '1']);
    expectCleanFailure(r);
    expect(r.stderr).toContain('followup config set name');
  });

  test('no contact: exit 2 naming `followup edit`', async () => {
    const s = sandbox('2026-12-01');
    await s.ok(['config', 'set', 'name', 'Alex Morgan']);
    await s.ok(['add', '--company', 'Initech', '--role', 'Data Analyst', '--date', '2026-11-30']);
    const r = await s.run(['draft', 'thanks', '1']);
    expectCleanFailure(r);
    expect(r.stderr).toContain('followup edit 1');
  });

  test('thank-feedback with no rejection, then no feedback, recorded: exit 2 naming the command that records it', async () => {
    const s = await acme();
    const open = await s.run(['draft', 'thank-feedback', '1']);
    expectCleanFailure(open);
    expect(open.stderr).toContain('followup outcome 1 rejected');
    await s.ok(['outcome', '1', 'rejected']);
    const r = await s.run(['draft', 'thank-feedback', '1']);
    expectCleanFailure(r);
    expect(r.stderr).toContain('followup log 1 feedback-received');
  });

  test('the letter is printed once the facts are there, with what was recorded', async () => {
    const s = await acme();
    const r = await s.ok(['draft', 'thanks', '1']);
    expect(r.stdout).toMatch(/^Subject: Thank you for the Backend Engineer interview$/m);
    expect(r.stdout).toMatch(/^Dear Dana,$/m);
    expect(r.stdout).toContain('Monday 30 November');
    expect(r.stdout).toContain('the payments platform is the system I want to work on.');
    expect(r.stdout).toContain('- Postgres on-call: I ran the on-call rotation for two years.');
    expect(r.stdout).toContain('I left out the sharding work.');
    expect(r.stdout.trimEnd().endsWith('Alex Morgan')).toBe(true);
  });
});

describe('share-offer', () => {
  test('refused (exit 2, with the reason) while no offer is recorded', async () => {
    const s = await acme();
    await s.ok(ADD_GLOBEX);
    const r = await s.run(['draft', 'share-offer', '1']);
    expectCleanFailure(r);
    expect(r.stderr).toMatch(/no offer is recorded/i);
    expect(r.stderr).toContain('followup outcome');
  });

  test('works once another application has an offer; names that company only with --name-company', async () => {
    const s = await acme();
    await s.ok(ADD_GLOBEX);
    await s.ok(['outcome', '2', 'offer']);
    const plain = await s.ok(['draft', 'share-offer', '1']);
    expect(plain.stdout).toContain('I received a job offer today.');
    expect(plain.stdout).toMatch(/timeline/);
    expect(plain.stdout).not.toContain('Globex');
    const named = await s.ok(['draft', 'share-offer', '1', '--name-company']);
    expect(named.stdout).toContain('I received a job offer from Globex today.');
    const preferred = await s.ok(['draft', 'share-offer', '1', '--prefer']);
    expect(preferred.stdout).toContain('still the one I would most like to take');
  });

  test('the offer on this very application is not one to share with it', async () => {
    const s = await acme();
    await s.ok(['outcome', '1', 'offer']);
    expectCleanFailure(await s.run(['draft', 'share-offer', '1']));
  });

  test('no draft other than share-offer mentions an offer, even when one is recorded', async () => {
    const s = await acme();
    await s.ok(['config', 'set', 'phone', '+1 555 0199']);
    await s.ok(ADD_GLOBEX);
    await s.ok(['outcome', '2', 'offer']);
    // Each kind at the stage it is written in: while the decision is open (after a try, for the
    // closing note), then after a rejection and the feedback that followed.
    await s.ok(['log', '1', 'no-answer']);
    const open = DRAFT_KINDS.filter((k) => ['thanks', 'check-in', 'call', 'close-loop'].includes(k));
    const closed = DRAFT_KINDS.filter((k) => ['feedback', 'thank-feedback', 'keep-in-touch'].includes(k));
    // Besides share-offer, withdraw and decline are about an offer by their premise (arc-cli.test.ts).
    expect(open.length + closed.length).toBe(DRAFT_KINDS.length - 3);
    for (const kind of [...open, ...closed]) {
      if (kind === closed[0]) {
        await s.ok(['outcome', '1', 'rejected']);
        await s.ok(['log', '1', 'feedback-received', '--with', 'Priya Natarajan', '--note', 'more system design depth']);
      }
      const r = await s.ok(['draft', kind, '1']);
      expect(r.stdout.length, kind).toBeGreaterThan(100);
      expect(r.stdout, kind).not.toMatch(/\boffers?\b/i);
      expect(r.stdout, kind).not.toContain('Globex');
    }
  });
});

describe('options', () => {
  test('--to NAME addresses the named interviewer', async () => {
    const s = await acme();
    const r = await s.ok(['draft', 'thanks', '1', '--to', 'Priya Natarajan']);
    expect(r.stdout).toMatch(/^Dear Priya,$/m);
    expect(r.stdout).not.toContain('Dear Dana');
    const unknown = await s.run(['draft', 'thanks', '1', '--to', 'Jordan Blake']);
    expectCleanFailure(unknown);
    expect(unknown.stderr).toContain('followup edit 1 --interviewer "Jordan Blake"');
  });

  test('--out FILE writes the letter with mode 0600 and prints nothing on stdout', async () => {
    const s = await acme();
    const printed = (await s.ok(['draft', 'thanks', '1'])).stdout;
    const out = path.join(s.dir, 'dana.txt');
    const r = await s.ok(['draft', 'thanks', '1', '--out', out]);
    expect(r.stdout).toBe('');
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(out, 'utf8').trimEnd()).toBe(printed.trimEnd());
  });

  test('--edit opens the letter in $EDITOR and prints the edited text', async () => {
    const s = await acme();
    const r = await s.ok(['draft', 'thanks', '1', '--edit'], { env: { EDITOR: "sed -i 's/Dear/Hello/'" } });
    expect(r.stdout).toMatch(/^Hello Dana,$/m);
    expect(r.stdout).not.toContain('Dear');
    expect(r.stdout).toContain('Thank you for talking with me');
  });

  test('--edit with --out writes the edited text', async () => {
    const s = await acme();
    const out = path.join(s.dir, 'edited.txt');
    const r = await s.ok(['draft', 'check-in', '1', '--edit', '--out', out], {
      env: { VISUAL: "sed -i 's/Kind regards/Warm regards/'" },
    });
    expect(r.stdout).toBe('');
    expect(fs.readFileSync(out, 'utf8')).toContain('Warm regards,\nAlex Morgan');
  });

  test('--mark-sent on thanks clears the send-thanks item from `today`', async () => {
    const s = await acme();
    const before = await s.json(['today']);
    expect(before.items.map((i: { action: string }) => i.action)).toContain('send-thanks');
    await s.ok(['draft', 'thanks', '1', '--mark-sent']);
    const after = await s.json(['today']);
    expect(after.items.map((i: { action: string }) => i.action)).not.toContain('send-thanks');
    const events = (await s.json(['show', '1'])).events;
    expect(events).toEqual([expect.objectContaining({ type: 'thanks-sent', date: '2026-12-01', withName: 'Dana Reyes' })]);
  });

  test('--mark-sent on check-in logs `emailed`', async () => {
    const s = await acme();
    await s.ok(['log', '1', 'thanks-sent']);
    await s.ok(['draft', 'check-in', '1', '--mark-sent'], { today: '2026-12-07' });
    const events = (await s.json(['show', '1'])).events as { type: string; date: string }[];
    expect(events.filter((e) => e.type === 'emailed')).toEqual([
      expect.objectContaining({ type: 'emailed', date: '2026-12-07' }),
    ]);
  });

  test('--mark-sent on a call script logs nothing', async () => {
    const s = await acme();
    await s.ok(['config', 'set', 'phone', '+1 555 0199']);
    await s.ok(['draft', 'call', '1', '--mark-sent'], { today: '2026-12-07' });
    expect((await s.json(['show', '1'])).events).toEqual([]);
  });

  test('draft --help lists every kind, each with an example', async () => {
    const s = sandbox();
    const r = await s.ok(['draft', '--help']);
    for (const kind of DRAFT_KINDS) {
      expect(r.stdout).toMatch(new RegExp(`^\\s+${kind}\\s+\\S`, 'm'));
      expect(r.stdout).toMatch(new RegExp(`followup draft ${kind} \\S`));
    }
  });
});

describe('templates', () => {
  test('list shows built-in vs yours', async () => {
    const s = sandbox();
    const before = (await s.ok(['templates', 'list'])).stdout;
    for (const kind of DRAFT_KINDS) {
      expect(before).toMatch(new RegExp(`^${kind}\\s+built-in\\s+${builtinFile(kind).replace(/[.]/g, '\\.')}$`, 'm'));
    }
    const own = s.writeTemplate('thanks.hbs', 'Dear {{recipient.firstName}},\n{{me.name}}\n');
    const after = (await s.ok(['templates', 'list'])).stdout;
    expect(after).toMatch(new RegExp(`^thanks\\s+yours\\s+${own.replace(/[.]/g, '\\.')}$`, 'm'));
    expect(after).toMatch(/^check-in\s+built-in/m);
    const json = await s.json(['templates', 'list']) as { kind: string; own: boolean; file: string }[];
    expect(json.filter((t) => t.own).map((t) => t.kind)).toEqual(['thanks']);
  });

  test('edit thanks (EDITOR=true) copies the built-in template into the user folder', async () => {
    const s = sandbox();
    const own = path.join(s.templateDir, 'thanks.hbs');
    expect(fs.existsSync(own)).toBe(false);
    const r = await s.ok(['templates', 'edit', 'thanks'], { env: { EDITOR: 'true' } });
    expect(r.stdout).toBe('');
    expect(fs.readFileSync(own, 'utf8')).toBe(fs.readFileSync(builtinFile('thanks'), 'utf8'));
    // A second edit keeps what the user has written.
    fs.writeFileSync(own, 'Thanks {{recipient.firstName}}!\n{{me.name}}\n');
    await s.ok(['templates', 'edit', 'thanks'], { env: { EDITOR: 'true' } });
    expect(fs.readFileSync(own, 'utf8')).toBe('Thanks {{recipient.firstName}}!\n{{me.name}}\n');
  });

  test('check reports a broken user template with its file and line (exit 2) and says ok for good ones', async () => {
    const s = sandbox();
    const good = s.writeTemplate('check-in.hbs', 'Dear {{recipient.firstName}},\n\nWhere do things stand?\n\n{{me.name}}\n');
    const bad = s.writeTemplate('thanks.hbs', 'Dear {{recipient.firstName}},\n\nThanks.\n{{me.nickname}}\n');
    const r = await s.run(['templates', 'check']);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(new RegExp(`^ok\\s+${good.replace(/[.]/g, '\\.')}$`, 'm'));
    expect(r.stdout).toMatch(new RegExp(`^error\\s+${bad.replace(/[.]/g, '\\.')}$`, 'm'));
    expect(r.stderr).toContain(`${bad}, line 4`);
    expect(r.stderr).toContain('nickname');
    expect(r.stderr).not.toContain(STACK_LINE);
  });

  test('check finds errors hidden in a branch the fixed sample does not take', async () => {
    const s = sandbox();
    const bad = s.writeTemplate('thanks.hbs', 'Hello\n{{#if why}}\n{{whyy}}\n{{/if}}\n');
    const r = await s.run(['templates', 'check']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${bad}, line 3`);
  });

  test('check with only good templates says ok and exits 0', async () => {
    const s = sandbox();
    const good = s.writeTemplate('close-loop.hbs', 'Dear {{recipient.firstName}},\n\nThank you.\n\n{{me.name}}\n');
    const r = await s.ok(['templates', 'check']);
    expect(r.stdout).toMatch(new RegExp(`^ok\\s+${good.replace(/[.]/g, '\\.')}$`, 'm'));
  });

  test('every built-in template, copied unchanged into the user folder, passes check', async () => {
    const s = sandbox();
    for (const kind of DRAFT_KINDS) {
      fs.mkdirSync(s.templateDir, { recursive: true });
      fs.copyFileSync(builtinFile(kind), path.join(s.templateDir, `${kind}.hbs`));
    }
    const r = await s.run(['templates', 'check']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const kind of DRAFT_KINDS) expect(r.stdout).toMatch(new RegExp(`^ok\\s+\\S+/${kind}\\.hbs$`, 'm'));
  });

  test('check reports a hostile template (exit 2, with its file)', async () => {
    const s = sandbox();
    const bad = s.writeTemplate('call.hbs', 'Call\n{{> self}}\n');
    const r = await s.run(['templates', 'check']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${bad}, line 2`);
    expect(r.stderr).not.toContain(STACK_LINE);
  });
});

describe('the precompiled built-in templates (dist/letters.cjs)', () => {
  test('hold every kind, each with the source of its template file as it is now', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const built = require(path.join(ROOT, 'dist', 'letters.cjs')) as { templates: Record<string, { source: string }> };
    expect(Object.keys(built.templates).sort()).toEqual([...DRAFT_KINDS].sort());
    for (const kind of DRAFT_KINDS) expect(built.templates[kind].source).toBe(fs.readFileSync(builtinFile(kind), 'utf8'));
  });

  test('print, for every kind, exactly what the same template compiled at run time prints', async () => {
    const s = await acme();
    await s.ok(ADD_GLOBEX);
    await s.ok(['outcome', '2', 'offer']);
    // A try on #1, so that its closing note can be drafted; #3 turned down, with feedback, for the
    // letters that follow a rejection.
    await s.ok(['log', '1', 'no-answer']);
    await s.ok(['add', '--company', 'Initech', '--role', 'Data Analyst', '--date', '2026-11-30', '--hiring-manager', 'Lee Chan']);
    await s.ok(['outcome', '3', 'rejected']);
    // Characters HTML would escape: a plain-text letter keeps them as they are, either way.
    await s.ok(['log', '3', 'feedback-received', '--takeaway', 'more depth on "system design" & <APIs>']);
    await s.ok(['config', 'set', 'phone', '+1 555 0000']);
    await s.ok(['config', 'set', 'email', 'alex@example.com']);
    // #4 made an offer, for the decline; #2's offer is accepted a week on, when #1's withdrawal is drafted.
    await s.ok(['add', '--company', 'Hooli', '--role', 'Engineer', '--date', '2026-11-30', '--hiring-manager', 'Kim Park']);
    await s.ok(['outcome', '4', 'offer']);
    const later = '2026-12-08';
    await s.ok(['outcome', '2', 'accepted'], { today: later });
    const ref = (kind: string) =>
      ['feedback', 'thank-feedback', 'keep-in-touch'].includes(kind) ? '3' : kind === 'decline' ? '4' : '1';
    const on = (kind: string) => (kind === 'withdraw' ? { today: later } : {});
    // The built binary: only it has the precompiled letters (dist/letters.cjs).
    const precompiled = new Map(DRAFT_KINDS.map((kind) => [kind, s.spawnOk(['draft', kind, ref(kind)], on(kind)).stdout]));
    for (const kind of DRAFT_KINDS) {
      // A user's copy that differs by a final blank line (which the letter tidies away) is not the
      // built-in source, so it is compiled and checked when the draft is made.
      s.writeTemplate(`${kind}.hbs`, `${fs.readFileSync(builtinFile(kind), 'utf8')}\n`);
      const compiled = s.spawnOk(['draft', kind, ref(kind)], on(kind)).stdout;
      expect(compiled.length).toBeGreaterThan(100);
      expect(compiled).toBe(precompiled.get(kind));
    }
    expect(precompiled.get('thank-feedback')).toContain('"system design" & <APIs>');
  });

  test('a built-in letter loads only the runtime, never the template compiler; a user template loads it', async () => {
    const s = await acme();
    // Reports, at exit, every Handlebars file the process loaded.
    const hook = path.join(s.dir, 'report-loaded.cjs');
    fs.writeFileSync(
      hook,
      "process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify(Object.keys(require.cache).filter((f) => /handlebars|letters\\.cjs/.test(f))) + '\\n'));\n",
    );
    const loaded = (r: { stderr: string }): string[] => JSON.parse(/^LOADED (.*)$/m.exec(r.stderr)![1]) as string[];
    // The built binary, in a process of its own: what it loads is the subject.
    const env = { NODE_OPTIONS: `--require ${hook}` };
    const builtin = loaded(s.spawnOk(['draft', 'thanks', '1'], { env }));
    expect(builtin.some((f) => f.endsWith(path.join('dist', 'letters.cjs')))).toBe(true);
    expect(builtin.filter((f) => f.includes(`${path.sep}node_modules${path.sep}handlebars${path.sep}`))).toEqual([]);
    s.writeTemplate('thanks.hbs', 'Dear {{recipient.firstName}},\n{{me.name}}\n');
    const own = loaded(s.spawnOk(['draft', 'thanks', '1'], { env }));
    expect(own.some((f) => f.includes(`${path.sep}node_modules${path.sep}handlebars${path.sep}`))).toBe(true);
  });
});
