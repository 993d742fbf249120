/**
 * Shared fixtures for the draft tests: plain Application records, rendering a built-in template
 * the way `followup draft` does, a checker for dangling words and blank paragraphs, and a small
 * sandbox that runs followup (in this process, or the built binary with `spawn`) with its own
 * store and its own template folder.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Me } from '../../src/core/config.js';
import type { Application, Contact, FollowupEvent, Round } from '../../src/core/types.js';
import { buildDraftData, type DraftKind, type DraftRequest, type OfferFact } from '../../src/drafts/data.js';
import { renderTemplate } from '../../src/drafts/render.js';
import { UsageError } from '../../src/errors.js';
import { ensureBuilt } from '../support/ensure-built.js';
import { runCli } from '../support/in-process.js';

export { ensureBuilt };

export const ROOT = path.resolve(__dirname, '..', '..');
export const TEMPLATE_DIR = path.join(ROOT, 'templates');
export const GOLDEN_DIR = path.join(__dirname, 'golden');
export const BIN = path.join(ROOT, 'bin', 'followup');

/** A stack trace line as Node prints it. */
export const STACK_LINE = '    at ';

// ---------------------------------------------------------------------------------------------
// Plain records
// ---------------------------------------------------------------------------------------------

export function contact(id: number, name: string, role: Contact['role'], extra: Partial<Contact> = {}): Contact {
  return { id, name, role, phone: null, email: null, noCalls: false, ...extra };
}

export function round(extra: Partial<Round> = {}): Round {
  return {
    id: 1,
    number: 1,
    date: '2026-11-30',
    time: null,
    kind: null,
    decisionBy: null,
    nextSteps: null,
    notes: null,
    ...extra,
  };
}

let eventId = 100;
export function event(type: FollowupEvent['type'], date: string, extra: Partial<FollowupEvent> = {}): FollowupEvent {
  eventId += 1;
  return { id: eventId, type, date, withName: null, note: null, newDate: null, ...extra };
}

export const DANA = contact(1, 'Dana Reyes', 'hiring-manager', { phone: '+1 555 0100', email: 'dana.reyes@acme.example' });
export const PRIYA = contact(2, 'Priya Natarajan', 'interviewer', { email: 'priya@acme.example' });
export const SAM = contact(3, 'Sam Lee', 'hr', { phone: '+1 555 0150', email: 'sam.lee@acme.example' });

/** A full, realistic record: every optional fact filled in. */
export function fullApp(extra: Partial<Application> = {}): Application {
  return {
    id: 3,
    uuid: '7b0f6c1e-3f0a-4c55-9a7e-2d1f0e6b9a10',
    company: 'Acme Robotics',
    role: 'Backend Engineer',
    why: 'the payments platform is exactly the kind of system I want to spend the next few years on.',
    rounds: [
      round({
        time: '10:00',
        kind: 'video',
        decisionBy: '2026-12-04',
        nextSteps: 'a final round with the CTO',
        notes: 'team of six, moving the ledger to Postgres 17',
      }),
    ],
    contacts: [DANA, PRIYA, SAM],
    needs: [
      'someone to own Postgres on-call :: I ran the on-call rotation for our payments database for two years',
      'mentoring for two junior engineers',
    ],
    expand: [
      'When you asked about scaling, I left out the sharding work we did last year: we split the ledger by merchant and halved our p99 latency.',
    ],
    events: [],
    outcome: null,
    outcomeDate: null,
    outcomeNote: null,
    notInterested: false,
    ...extra,
  };
}

/** The same application with every optional fact empty: one HR contact (with the phone a call needs). */
export function bareApp(extra: Partial<Application> = {}): Application {
  return {
    id: 4,
    uuid: '0c5d2a77-5b1e-4f1a-8d3c-6e9b7a2f4c01',
    company: 'Initech',
    role: 'Data Analyst',
    why: null,
    rounds: [round({ date: '2026-11-30' })],
    contacts: [contact(1, 'Sam Lee', 'hr', { phone: '+1 555 0150' })],
    needs: [],
    expand: [],
    events: [],
    outcome: null,
    outcomeDate: null,
    outcomeNote: null,
    notInterested: true,
    ...extra,
  };
}

export const ME_FULL: Me = { name: 'Alex Morgan', email: 'alex.morgan@example.com', phone: '+1 555 0199' };
export const ME_BARE: Me = { name: 'Alex Morgan', email: null, phone: null };

/** One fixed scene per kind: the record, the day, and the options the command would pass. */
export interface Scene {
  app: Application;
  me: Me;
  today: string;
  to?: string | null;
  /** The latest offer recorded elsewhere (with its deadline and answer when recorded). */
  offer?: OfferFact | null;
  /** An offer accepted elsewhere (its `answer` the acceptance): what a withdrawal says. */
  accepted?: OfferFact | null;
  nameCompany?: boolean;
  prefer?: boolean;
  reason?: string | null;
}

/** Globex's offer of Wed 9 Dec, accepted on Fri 11 Dec (what a withdrawal follows). */
export const GLOBEX_ACCEPTED: OfferFact = {
  company: 'Globex',
  date: '2026-12-09',
  respondBy: '2026-12-18',
  answer: { outcome: 'accepted', date: '2026-12-11' },
};

/** The realistic, fully filled scene for each kind. */
export function fullScene(kind: DraftKind): Scene {
  const thanked = [event('thanks-sent', '2026-12-01', { withName: 'Dana Reyes' })];
  switch (kind) {
    case 'thanks':
      // The hiring manager's own topic, so that the thank-you is theirs (issue 12: one per interviewer).
      return {
        app: fullApp({ contacts: [{ ...DANA, topic: 'walked me through the ledger migration' }, PRIYA, SAM] }),
        me: ME_FULL,
        today: '2026-12-01',
      };
    case 'check-in':
      return { app: fullApp({ events: thanked }), me: ME_FULL, today: '2026-12-08' };
    case 'call':
      return { app: fullApp({ events: thanked }), me: ME_FULL, today: '2026-12-07' };
    case 'feedback':
      return {
        app: fullApp({ events: thanked, outcome: 'rejected', outcomeDate: '2026-12-10' }),
        me: ME_FULL,
        today: '2026-12-10',
      };
    case 'thank-feedback':
      return {
        app: fullApp({
          outcome: 'rejected',
          outcomeDate: '2026-12-10',
          events: [
            ...thanked,
            event('feedback-asked', '2026-12-10', { withName: 'Dana Reyes' }),
            event('feedback-received', '2026-12-14', {
              withName: 'Priya Natarajan',
              note: 'the need for more depth on system design trade-offs.',
              takeaway: 'go deeper on system design trade-offs before I talk about scale',
            }),
          ],
        }),
        me: ME_FULL,
        today: '2026-12-14',
      };
    case 'share-offer':
      return {
        app: fullApp({ events: thanked }),
        me: ME_FULL,
        today: '2026-12-09',
        offer: { company: 'Globex', date: '2026-12-09' },
        nameCompany: true,
        prefer: true,
      };
    case 'close-loop':
      return {
        app: fullApp({
          events: [
            ...thanked,
            event('no-answer', '2026-12-07'),
            event('voicemail', '2026-12-11'),
            event('voicemail', '2026-12-15'),
            event('emailed', '2026-12-18'),
          ],
        }),
        me: ME_FULL,
        today: '2026-12-22',
      };
    case 'keep-in-touch':
      return {
        app: fullApp({
          outcome: 'rejected',
          outcomeDate: '2026-12-10',
          events: [
            ...thanked,
            event('feedback-asked', '2026-12-10', { withName: 'Dana Reyes' }),
            event('feedback-received', '2026-12-14', { withName: 'Dana Reyes', takeaway: 'keep my answers under two minutes' }),
          ],
        }),
        me: ME_FULL,
        today: '2027-03-14',
        reason: 'I have just finished a course on distributed systems and thought of your ledger migration',
      };
    case 'withdraw':
      // Two rounds held, a third booked, and the offer accepted elsewhere: the withdrawal cancels it.
      return {
        app: fullApp({
          contacts: [{ ...DANA, topic: 'walked me through the ledger migration' }, PRIYA, SAM],
          rounds: [
            ...fullApp().rounds,
            round({ id: 2, number: 2, date: '2026-12-08', kind: 'onsite', decisionBy: '2026-12-11' }),
            round({ id: 3, number: 3, date: '2026-12-16', time: '15:00', kind: 'video', recordedOn: '2026-12-10' }),
          ],
          events: [...thanked, event('thanks-sent', '2026-12-08', { withName: 'Dana Reyes' })],
        }),
        me: ME_FULL,
        today: '2026-12-14',
        offer: GLOBEX_ACCEPTED,
        accepted: GLOBEX_ACCEPTED,
      };
    case 'decline':
      // Their offer with a deadline, declined because another was accepted, with the user's own reason.
      return {
        app: fullApp({
          contacts: [{ ...DANA, topic: 'walked me through the ledger migration' }, PRIYA, SAM],
          events: thanked,
          outcome: 'offer',
          outcomeDate: '2026-12-10',
          respondBy: '2026-12-18',
        }),
        me: ME_FULL,
        today: '2026-12-14',
        offer: GLOBEX_ACCEPTED,
        accepted: GLOBEX_ACCEPTED,
        nameCompany: true,
        reason: 'the role would mean moving to Berlin, which I cannot do this year',
      };
  }
}

/** The same kind with every optional fact empty. */
export function bareScene(kind: DraftKind): Scene {
  switch (kind) {
    case 'call':
      // A voicemail cannot be left without a callback number: the one required field.
      return { app: bareApp(), me: { ...ME_BARE, phone: '+1 555 0199' }, today: '2026-12-07' };
    case 'feedback':
      return { app: bareApp({ outcome: 'rejected', outcomeDate: '2026-12-10' }), me: ME_BARE, today: '2026-12-10' };
    case 'thank-feedback':
      // Thanking for feedback needs feedback to have been received; its note is the optional part.
      return {
        app: bareApp({
          outcome: 'rejected',
          outcomeDate: '2026-12-10',
          events: [event('feedback-received', '2026-12-14')],
        }),
        me: ME_BARE,
        today: '2026-12-14',
      };
    case 'share-offer':
      return { app: bareApp(), me: ME_BARE, today: '2026-12-09', offer: { company: 'Globex', date: '2026-12-09' } };
    case 'keep-in-touch':
      return { app: bareApp({ outcome: 'rejected', outcomeDate: '2026-12-10' }), me: ME_BARE, today: '2027-03-10' };
    case 'close-loop':
      // A closing note cites the tries made, so at least one must be recorded: one email, unanswered.
      return { app: bareApp({ events: [event('emailed', '2026-12-08')] }), me: ME_BARE, today: '2026-12-14' };
    case 'withdraw':
      // A withdrawal needs the acceptance it reports; the other employer stays unnamed.
      return { app: bareApp(), me: ME_BARE, today: '2026-12-14', offer: GLOBEX_ACCEPTED, accepted: GLOBEX_ACCEPTED };
    case 'decline':
      // A decline needs their offer, and nothing else.
      return { app: bareApp({ outcome: 'offer', outcomeDate: '2026-12-09' }), me: ME_BARE, today: '2026-12-10' };
    default:
      return { app: bareApp(), me: ME_BARE, today: '2026-12-08' };
  }
}

export function request(kind: DraftKind, scene: Scene): DraftRequest {
  return {
    kind,
    app: scene.app,
    me: scene.me,
    today: scene.today,
    to: scene.to ?? null,
    offer: scene.offer ?? null,
    accepted: scene.accepted ?? null,
    nameCompany: scene.nameCompany ?? false,
    prefer: scene.prefer ?? false,
    reason: scene.reason ?? null,
  };
}

export function builtinSource(kind: DraftKind): string {
  return fs.readFileSync(builtinFile(kind), 'utf8');
}

export function builtinFile(kind: DraftKind): string {
  return path.join(TEMPLATE_DIR, `${kind}.hbs`);
}

/** Render the built-in template of a kind for a scene, as `followup draft` does. */
export function draft(kind: DraftKind, scene: Scene): string {
  return renderTemplate(builtinSource(kind), builtinFile(kind), buildDraftData(request(kind, scene)));
}

// ---------------------------------------------------------------------------------------------
// What a finished letter must never contain
// ---------------------------------------------------------------------------------------------

const DANGLING_END = /\b(and|or|the|a|an|of|for|to|from|by|with|at|on|in|about|is|as|that)\s*$/i;

/**
 * Problems with a rendered letter: blank paragraphs, double spaces, dangling words, a heading
 * with nothing under it, leftover template syntax or empty values. Empty list when it is clean.
 */
export function letterProblems(text: string): string[] {
  const problems: string[] = [];
  const lines = text.split('\n');
  if (!text.endsWith('\n') || text.endsWith('\n\n')) problems.push('does not end with exactly one newline');
  if (/^\s*\n/.test(text)) problems.push('starts with a blank line');
  for (const bad of ['{{', '}}', 'undefined', 'null', 'NaN', '[object Object]', ' ,', ' .', ' :', ' ;', ' ?', ',,', ',.', '()', '""', "''"]) {
    if (text.includes(bad)) problems.push(`contains ${JSON.stringify(bad)}`);
  }
  if (/&(amp|lt|gt|quot|#x?[0-9a-f]+);/i.test(text)) problems.push('contains an HTML entity');
  lines.forEach((line, i) => {
    const where = `line ${i + 1} ${JSON.stringify(line)}`;
    const next = lines[i + 1];
    if (/^\s+$/.test(line)) problems.push(`${where}: only whitespace`);
    if (line.trim() === '' && next !== undefined && next.trim() === '' && i < lines.length - 2) {
      problems.push(`${where}: two blank lines in a row`);
    }
    if (/[ \t]$/.test(line)) problems.push(`${where}: trailing whitespace`);
    // Prose never has two spaces inside a line; the call script's "followup log" lines are aligned on purpose.
    if (!/^\s*followup /.test(line) && /\S {2,}/.test(line)) problems.push(`${where}: double space`);
    if (/:\s*$/.test(line) && (next === undefined || next.trim() === '')) problems.push(`${where}: heading with nothing under it`);
    if (/^\s*-\s*$/.test(line) || /^\s*-\s*:/.test(line)) problems.push(`${where}: empty list item`);
    if (DANGLING_END.test(line)) problems.push(`${where}: ends with a dangling word`);
    if (/\bDear\s*,/.test(line) || /\b(Hello|Hi)\s+,/.test(line)) problems.push(`${where}: greeting without a name`);
    // Exactly two: an ellipsis ("...") is not a doubled full stop.
    if (/(?<!\.)\.\.(?!\.)/.test(line)) problems.push(`${where}: doubled full stop`);
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The binary
// ---------------------------------------------------------------------------------------------


export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A temp folder with its own store, home and XDG_CONFIG_HOME; every run passes --db and --today. */
export class Sandbox {
  readonly dir: string;
  readonly home: string;
  readonly config: string;
  readonly db: string;
  today: string;

  constructor(today: string) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-drafts-'));
    this.home = path.join(this.dir, 'home');
    this.config = path.join(this.dir, 'config');
    fs.mkdirSync(this.home);
    fs.mkdirSync(this.config);
    this.db = path.join(this.dir, 'followup.db');
    this.today = today;
  }

  /** The folder `followup` reads the user's own templates from. */
  get templateDir(): string {
    return path.join(this.config, 'followup', 'templates');
  }

  /** Put a template of the user's own in place. */
  writeTemplate(name: string, source: string): string {
    fs.mkdirSync(this.templateDir, { recursive: true });
    const file = path.join(this.templateDir, name);
    fs.writeFileSync(file, source);
    return file;
  }

  env(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of Object.keys(env)) {
      if (
        key.startsWith('FOLLOWUP_') ||
        key.startsWith('VITEST') ||
        ['CI', 'FORCE_COLOR', 'NODE_OPTIONS', 'VISUAL', 'EDITOR'].includes(key)
      ) {
        delete env[key];
      }
    }
    env.NO_COLOR = '1';
    env.HOME = this.home;
    env.USERPROFILE = this.home;
    env.XDG_CONFIG_HOME = this.config;
    env.XDG_DATA_HOME = path.join(this.home, 'xdg-data');
    for (const [k, v] of Object.entries(extra)) {
      if (v === undefined) delete env[k];
      else env[k] = v;
    }
    return env;
  }

  /** `followup --db <db> --today <today> ...args` in this process, in the sandbox's folder. */
  run(args: string[], opts: { today?: string; env?: Record<string, string | undefined> } = {}): Promise<RunResult> {
    return runCli(['--db', this.db, '--today', opts.today ?? this.today, ...args], { env: this.env(opts.env), cwd: this.dir });
  }

  /** The same through the built binary, for what only it shows (the precompiled letters, the process's TMPDIR). */
  spawn(args: string[], opts: { today?: string; env?: Record<string, string | undefined> } = {}): RunResult {
    const r = spawnSync(process.execPath, [BIN, '--db', this.db, '--today', opts.today ?? this.today, ...args], {
      cwd: this.dir,
      env: this.env(opts.env),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 20_000,
    });
    if (r.error) throw r.error;
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  /** Run and insist on exit 0. */
  async ok(args: string[], opts: { today?: string; env?: Record<string, string | undefined> } = {}): Promise<RunResult> {
    return succeeded(args, await this.run(args, opts));
  }

  /** Spawn the binary and insist on exit 0. */
  spawnOk(args: string[], opts: { today?: string; env?: Record<string, string | undefined> } = {}): RunResult {
    return succeeded(args, this.spawn(args, opts));
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async json(args: string[], opts: { today?: string } = {}): Promise<any> {
    const r = await this.ok([...args, '--json'], opts);
    return JSON.parse(r.stdout);
  }

  cleanup(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The result of a run that had to succeed, or an error with everything it said. */
function succeeded(args: string[], r: RunResult): RunResult {
  if (r.status !== 0) {
    throw new Error(`followup ${args.join(' ')} exited ${r.status}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  }
  return r;
}

/** A fresh sandbox per call, all removed after the file's tests. */
export function sandboxes(): (today?: string) => Sandbox {
  const made: Sandbox[] = [];
  beforeAll(() => ensureBuilt());
  afterAll(() => {
    for (const s of made) s.cleanup();
  });
  return (today = '2026-12-01') => {
    const s = new Sandbox(today);
    made.push(s);
    return s;
  };
}

/** Acme, interviewed Mon 30 Nov, Dana the hiring manager (phone and email), Priya an interviewer. */
export const ADD_ACME = [
  'add',
  '--company', 'Acme Robotics',
  '--role', 'Backend Engineer',
  '--date', '2026-11-30',
  '--hiring-manager', 'Dana Reyes',
  '--phone', '+1 555 0100',
  '--email', 'dana.reyes@acme.example',
  '--interviewer', 'Priya Natarajan',
  '--decision-by', '2026-12-04',
  '--why', 'the payments platform is the system I want to work on',
  '--need', 'Postgres on-call :: I ran the on-call rotation for two years',
  '--expand', 'When you asked about scaling, I left out the sharding work.',
];

/** A second company, the one whose offer can be shared. */
export const ADD_GLOBEX = [
  'add',
  '--company', 'Globex',
  '--role', 'Analyst',
  '--date', '2026-11-30',
  '--hiring-manager', 'Lee Chan',
  '--email', 'lee@globex.example',
];

/** The UsageError a draft is refused with; fails the test when it renders instead. */
export function usageErrorOf(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return err as UsageError;
  }
  throw new Error('expected a UsageError, but it rendered');
}
