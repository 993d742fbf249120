/**
 * Issue 10 item 11: stored text reaches the terminal escaped. Every C0 and C1 control and every
 * bidi control goes into company, role, names, notes and needs; no command then prints one raw,
 * with colour or without (our own SGR sequences aside), and --json keeps the exact text.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sandboxes, type RunResult, type Sandbox } from './helpers.js';

const C0 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i));
const C1 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(0x80 + i));
const BIDI = ['\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
/** Everything an argument can carry (a NUL cannot: it is written into the store below). */
const HOSTILE = [...C0.slice(1), '\u007f', ...C1, ...BIDI].join('');

/** A control or bidi control other than newline and tab. */
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** The SGR sequences our styles write (chalk). */
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;

/** Hostile text in the middle of a field (a field is trimmed at its ends). */
const h = (label: string) => `${label}${HOSTILE}end`;

const A = {
  company: h('Evil'),
  role: h('Role'),
  manager: h('Dana'),
  interviewer: h('Ivan'),
  hr: h('Hana'),
  notes: h('Notes'),
  nextSteps: h('Steps'),
  need: h('Need'),
  expand: h('Expand'),
  why: h('Why'),
};
const B_COMPANY = `Evil${[...BIDI].join('')}Twin`;

const newSandbox = sandboxes();

/** Two applications full of controls, both starting with "Evil", and a NUL put in directly. */
async function seed(sb: Sandbox): Promise<void> {
  await sb.ok([
    'add', '--company', A.company, '--role', A.role, '--date', '2026-11-30',
    '--hiring-manager', A.manager, '--interviewer', A.interviewer, '--hr', A.hr,
    '--decision-by', '2026-12-02', '--notes', A.notes, '--next-steps', A.nextSteps,
    '--need', A.need, '--expand', A.expand, '--why', A.why,
  ]);
  await sb.ok(['add', '--company', B_COMPANY, '--role', A.role, '--date', '2026-11-20', '--hiring-manager', A.manager]);
  const db = new Database(sb.db);
  try {
    db.prepare("UPDATE applications SET why = why || char(0) || 'nul' WHERE id = 1").run();
    db.prepare("UPDATE rounds SET notes = notes || char(0) || 'nul' WHERE application_id = 1").run();
  } finally {
    db.close();
  }
}

/** Every command, each run once; its stdout and stderr. */
async function runAll(sb: Sandbox, env: Record<string, string | undefined>): Promise<{ name: string; result: RunResult }[]> {
  const runs: [string, string[]][] = [
    ['add', ['add', '--company', h('Third'), '--role', h('R'), '--date', '2026-11-30', '--hr', h('Hr')]],
    ['today', ['today']],
    ['today (next week)', ['today']],
    ['list', ['list', '--all']],
    ['show', ['show', '1']],
    ['agenda', ['agenda', '--days', '10']],
    ['ambiguous reference', ['show', 'Evil']],
    ['log', ['log', '1', 'thanks-sent', '--with', A.manager, '--note', h('Note')]],
    ['outcome', ['outcome', '2', 'offer', '--note', h('Offer')]],
    ['edit', ['edit', '1', '--no-calls', '--contact', A.manager]],
    ['unknown reference', ['show', h('Zz')]],
    ['unknown event', ['log', '1', h('bogus')]],
  ];
  const results: { name: string; result: RunResult }[] = [];
  for (const [i, [name, args]] of runs.entries()) {
    results.push({ name, result: await sb.run(args, { env, today: i === 2 ? '2026-12-08' : undefined }) });
  }
  return results;
}

function expectNoRawControls(name: string, stream: string, text: string, color: boolean): void {
  const shown = color ? text.replace(SGR, '') : text;
  // Soft: a failure names every command and stream that leaks, not just the first.
  if (!color) expect.soft(text, `${name} ${stream}: an ESC without colour`).not.toContain('\u001b');
  expect.soft(shown, `${name} ${stream}: an ESC outside our own colours`).not.toContain('\u001b');
  const raw = RAW.exec(shown);
  expect.soft(raw, `${name} ${stream}: raw U+${raw?.[0].charCodeAt(0).toString(16).padStart(4, '0')}`).toBeNull();
}

describe.each([
  ['without colour', { NO_COLOR: '1' }, false],
  ['with colour', { NO_COLOR: undefined, FORCE_COLOR: '1' }, true],
])('stored controls reach the terminal escaped, %s', (_label, env, color) => {
  it('in every command, on stdout and stderr', async () => {
    const sb = newSandbox();
    await seed(sb);
    const results = await runAll(sb, env);
    for (const { name, result } of results) {
      expectNoRawControls(name, 'stdout', result.stdout, color);
      expectNoRawControls(name, 'stderr', result.stderr, color);
    }
    const by = Object.fromEntries(results.map(({ name, result }) => [name, result]));
    // The commands did run, and the text is there, escaped, rather than dropped.
    for (const name of ['add', 'today', 'list', 'show', 'agenda', 'log', 'outcome', 'edit']) {
      expect(by[name].status, `${name}: ${by[name].stderr}`).toBe(0);
    }
    expect(by['ambiguous reference'].status).toBe(2);
    expect(by['ambiguous reference'].stderr).toContain('matches more than one application');
    // An error message keeps its own lines and tabs; everything else in a company is escaped.
    expect(by['ambiguous reference'].stderr).toContain('Evil<U+0001><U+0002>');
    expect(by['ambiguous reference'].stderr).toContain('\\v\\f\\r<U+000E>');
    expect(by['ambiguous reference'].stderr).toContain('Evil<U+061C><U+200E>');
    expect(by['unknown reference'].status).not.toBe(0);
    expect(by['unknown event'].status).toBe(2);
    const all = results.map(({ result }) => result.stdout + result.stderr).join('\n');
    for (const escape of ['\\e', '\\a', '<U+0001>', '<U+007F>', '<U+009B>', '<U+202E>', '<U+2069>', '<U+0000>']) {
      expect(all).toContain(escape);
    }
    expect(by.show.stdout).toContain(`Dana<U+0001>`);
    expect(by.show.stdout).toContain('Need');
    if (color) expect(all).toMatch(SGR);
  });
});

describe('--json keeps the exact text', () => {
  it('in show, list and today', async () => {
    const sb = newSandbox();
    await seed(sb);
    const show = await sb.json(['show', '1']);
    expect(show.company).toBe(A.company);
    expect(show.role).toBe(A.role);
    expect(show.why).toBe(`${A.why}\u0000nul`);
    expect(show.rounds[0].notes).toBe(`${A.notes}\u0000nul`);
    expect(show.rounds[0].nextSteps).toBe(A.nextSteps);
    expect(show.needs).toEqual([A.need]);
    expect(show.expand).toEqual([A.expand]);
    expect(show.contacts.map((c: { name: string }) => c.name).sort()).toEqual([A.hr, A.interviewer, A.manager].sort());
    const list = await sb.json<{ company: string; role: string }[]>(['list', '--all']);
    expect(list.map((a) => a.company)).toEqual([A.company, B_COMPANY]);
    const today = await sb.json(['today']);
    const item = today.items.find((i: { id: number }) => i.id === 1);
    expect(item.company).toBe(A.company);
    expect(item.contact.name).toBe(A.manager);
  });
});
