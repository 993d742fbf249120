/**
 * `followup today --interactive`: the morning list walked item by item, one key at a time, as
 * `git add -p` walks hunks. Loaded only by that flag (today's plain list never loads it).
 *
 * Everything the walk shows goes to stderr, as the prompts of src/ui/prompts.ts do: the walk is a
 * conversation on the terminal, and stdout stays empty (nothing there to pipe). What it records is
 * recorded by the same code as `followup draft --mark-sent` and `followup log` (their warnings
 * included), each record one store transaction, so each is its own `followup undo`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { emitKeypressEvents } from 'node:readline';
import { ACTION_SPECS, actionPhrase, logCommand } from '../core/actions.js';
import { formatDay } from '../core/calendar.js';
import { ROLE_WORDS, type PlanItem, type TodayPlan } from '../core/types.js';
import type { Context } from '../context.js';
import { EXIT_INTERRUPTED, UsageError } from '../errors.js';
import { runDraft } from '../commands/draft.js';
import { runLog } from '../commands/log.js';
import { describeNext, pendingItems } from '../commands/next-steps.js';
import { resolveDate } from '../commands/interview-flags.js';
import type { Store } from '../store/store.js';
import { noteText, reasonText } from '../words/plan.js';
import { openInEditor } from './editor.js';
import { wrap, type Output } from './output.js';
import { createAsker, type Asker } from './prompts.js';
import { terminalSafe, terminalSafeDeep } from './terminal-safe.js';

/** Ctrl-C during the walk: exit 130 with a message saying what was kept. */
export class WalkInterrupted extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'WalkInterrupted';
    // reportError prints a UsageError's message and returns its exitCode: here the shells' 130.
    (this as { exitCode: number }).exitCode = EXIT_INTERRUPTED;
  }
}

/** Ctrl-C, read as a key in raw mode or by the prompt library. */
class Interrupt extends Error {}

interface Key {
  name?: string;
  sequence?: string;
  ctrl?: boolean;
}

/** One key from the terminal in raw mode, among `allowed`; Ctrl-C is an Interrupt. */
function readKey(
  input: NodeJS.ReadableStream,
  allowed: readonly string[],
  prompt: () => void,
  echo: (text: string) => void,
): Promise<string> {
  const tty = input as NodeJS.ReadableStream & { setRawMode?(raw: boolean): void; isRaw?: boolean };
  emitKeypressEvents(input);
  const wasRaw = tty.isRaw ?? false;
  tty.setRawMode?.(true);
  input.resume();
  // The question shows once the terminal is in raw mode: a key typed on seeing it is one keypress
  // (Ctrl-C included), never a line the terminal holds back or a signal.
  prompt();
  return new Promise((resolve, reject) => {
    const done = () => {
      input.removeListener('keypress', onKey);
      input.removeListener('end', onEnd);
      tty.setRawMode?.(wasRaw);
      input.pause();
    };
    const onEnd = () => {
      done();
      reject(new Interrupt());
    };
    const onKey = (text: string | undefined, key: Key | undefined) => {
      if (key?.ctrl && key.name === 'c') {
        echo('^C\n');
        done();
        reject(new Interrupt());
        return;
      }
      const typed = (text ?? key?.sequence ?? '').toLowerCase();
      if (allowed.includes(typed)) {
        echo(`${typed}\n`);
        done();
        resolve(typed);
      }
    };
    input.on('keypress', onKey);
    input.on('end', onEnd);
  });
}

/** A menu: `[d,r,s,u,q,?]`, each key explained by `?`. */
interface Choice {
  key: string;
  what: string;
}

/** The clipboard program this machine has, or null. */
function clipboardTool(env: NodeJS.ProcessEnv, platform = process.platform): { command: string; args: string[] } | null {
  const has = (name: string) =>
    (env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && fs.existsSync(path.join(dir, name)));
  if (platform === 'darwin' && has('pbcopy')) return { command: 'pbcopy', args: [] };
  if (env.WAYLAND_DISPLAY && has('wl-copy')) return { command: 'wl-copy', args: [] };
  if (env.DISPLAY && has('xclip')) return { command: 'xclip', args: ['-selection', 'clipboard'] };
  return null;
}

/** A shell word for a path (single-quoted). */
const shellWord = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** What one record left: the journal entry to undo, and the words for the summary. */
interface Recorded {
  journal: number;
  summary: string;
  item: PlanItem;
  next: string[];
}

/** The item as the walk shows it: the list's lines without help/then (the menu replaces them). */
function itemText(raw: PlanItem, n: number, total: number, out: Output, today: string): string {
  const item = terminalSafeDeep(raw);
  const s = out.styles;
  const width = out.columns;
  const year = today.slice(0, 4);
  const lines = [s.strong(`(${n}/${total}) ${actionPhrase(item)}`), `    ${item.company}, ${item.role} ${s.dim(`(#${item.id})`)}`];
  const facts: string[] = [];
  const c = item.contact;
  if (c) {
    const reach = item.channel === 'phone' ? c.phone : item.channel === 'email' ? c.email : (c.email ?? c.phone);
    const word = item.channel ?? (item.action === 'prepare-interview' ? 'contact' : 'to');
    facts.push(`${word} ${c.name} (${ROLE_WORDS[c.role] ?? c.role})${reach ? `, ${reach}` : ''}`);
  }
  if (item.attempt !== null) facts.push(item.action === 'close-loop' ? 'last try' : `attempt ${item.attempt}`);
  const due = `due ${formatDay(item.due, year)}`;
  facts.push(item.overdue ? s.overdue(`overdue, ${due}`) : due);
  lines.push(wrap(facts.join(' · '), width, '    '));
  lines.push(wrap(`why: ${reasonText(item.why, today)}`, width, '    '));
  for (const note of item.notes) lines.push(s.warn(wrap(`note: ${noteText(note)}`, width, '    ')));
  return lines.join('\n');
}

/** A context like `ctx` whose stdout goes to `out` (stderr, or nowhere): the walk keeps stdout empty. */
function redirected(ctx: Context, out: (text: string) => void, env?: NodeJS.ProcessEnv): Context {
  const output: Output = {
    ...ctx.output,
    out: (text) => out(text),
    write: (text) => out(text.replace(/\n$/, '')),
    json: (value) => out(JSON.stringify(value, null, 2)),
  };
  const sub = Object.create(ctx) as Context;
  Object.defineProperty(sub, 'output', { value: output });
  if (env) Object.defineProperty(sub, 'env', { value: env });
  return sub;
}

/** Walk today's items; returns when the list is done or the user quits. */
export async function walkToday(ctx: Context, store: Store, plan: TodayPlan): Promise<void> {
  const out = ctx.output;
  const say = (text: string) => out.err(text);
  // A one-key question stays on its line; the key typed is echoed after it, as git add -p shows it.
  const raw = (text: string) => ctx.io.err.write(text);
  const s = out.styles;
  const items = plan.items;
  const year = plan.date.slice(0, 4);
  if (!plan.workday || items.length === 0) {
    say(
      !plan.workday
        ? `${formatDay(plan.date)} ${year} is not a working day: nothing to walk through. followup today says what is lined up.`
        : `${formatDay(plan.date)} ${year}: nobody to contact today.`,
    );
    return;
  }
  const recorded: Recorded[] = [];
  const skipped: PlanItem[] = [];
  const undone: string[] = [];
  let asker: Asker | null = null;
  const ask = async () => (asker ??= await createAsker({ input: ctx.io.in, output: ctx.io.err.stream }));
  const clipboard = clipboardTool(ctx.env);

  /** Run a step that may write; note its journal entry when it did. */
  const step = async (item: PlanItem, action: () => Promise<void> | void, failed = 'Nothing was recorded for this item.'): Promise<boolean> => {
    const before = store.lastChange()?.id ?? 0;
    try {
      await action();
    } catch (err) {
      if (err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError')) throw new Interrupt();
      if (!(err instanceof UsageError)) throw err;
      say(s.error(`followup: ${terminalSafe(err.message, { keepLines: true })}`));
      say(failed);
      return false;
    }
    const after = store.lastChange();
    if (!after || after.id === before) return false;
    const app = store.requireApplication(item.id);
    const next = describeNext(pendingItems(store, app, store.getConfig(), ctx.today), ctx.today);
    recorded.push({ journal: after.id, summary: after.summary, item, next });
    return true;
  };

  /** Show what `log` shows after a record: the next steps. */
  const showNext = (r: Recorded) => {
    for (const line of r.next) say(`Next: ${line}`);
    if (r.next.length === 0) say('Next: nothing more is planned for it.');
  };

  /** Undo the walk's last record (only when it is still the store's newest change). */
  const undoLast = () => {
    const last = recorded[recorded.length - 1];
    if (!last) {
      say('Nothing recorded in this walk to undo.');
      return;
    }
    try {
      const entry = store.undo(last.journal);
      recorded.pop();
      undone.push(entry.summary);
      say(s.ok(`Undone: ${terminalSafe(entry.summary)}`));
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      say(s.error(`followup: ${err.message}`));
    }
  };

  /** The letter or script, rendered by `draft` itself. */
  const render = async (item: PlanItem, kind: string): Promise<string | null> => {
    let text = '';
    const to = item.contact?.name;
    const ok = await step(item, () =>
      runDraft(redirected(ctx, (t) => (text += `${t}\n`)), kind, String(item.id), to ? { to } : {}),
      'No draft: the item stays as it was.',
    ).then(() => text !== '');
    return ok ? text : null;
  };

  /** Record a letter exactly as `draft --mark-sent` does (its duplicate check and warnings included). */
  const recordLetter = async (item: PlanItem, kind: string) => {
    const to = item.contact?.name;
    if (await step(item, () => runDraft(redirected(ctx, () => {}), kind, String(item.id), { markSent: true, ...(to ? { to } : {}) }))) {
      showNext(recorded[recorded.length - 1]);
      return true;
    }
    return false;
  };

  /** Record a call as `log` does: how it went, an optional new date, an optional note. */
  const recordCall = async (item: PlanItem): Promise<boolean> => {
    const menu: Choice[] = [
      { key: 'n', what: 'no answer' },
      { key: 'v', what: 'voicemail left' },
      { key: 's', what: 'spoke with them' },
      { key: 'e', what: 'emailed instead' },
      { key: 'b', what: 'back: record nothing' },
    ];
    const key = await readKey(
      ctx.io.in,
      menu.map((c) => c.key),
      () => raw(`How did it go? ${menu.map((c) => `${c.key} ${c.what}`).join(', ')} [${menu.map((c) => c.key).join(',')}]? `),
      raw,
    );
    if (key === 'b') return false;
    const type = ({ n: 'no-answer', v: 'voicemail', s: 'spoke', e: 'emailed' } as const)[key as 'n' | 'v' | 's' | 'e'];
    const a = await ask();
    let newDate: string | undefined;
    if (type === 'spoke') {
      const silent = redirected(ctx, () => {}).output;
      newDate =
        (await a.text('New decision date they gave (blank: none)', {
          validate: (v) => {
            try {
              resolveDate(v, ctx.today, 'the new date', { ...silent, err: () => {} });
              return true;
            } catch (err) {
              return (err as Error).message;
            }
          },
        })) || undefined;
    }
    const note = (await a.text('Note (blank: none)')) || undefined;
    if (
      await step(item, () =>
        runLog(redirected(ctx, say), String(item.id), type, { ...(note ? { note } : {}), ...(newDate ? { newDate } : {}) }),
      )
    ) {
      return true;
    }
    return false;
  };

  /** Ctrl-C: what was recorded stays; say so. */
  const interrupted = () =>
    new WalkInterrupted(
      `stopped (Ctrl-C). ${recorded.length === 0 ? 'Nothing was recorded.' : `Kept what was recorded: ${recorded.map((r) => r.summary).join('; ')}.`}` +
        ' Nothing was half-done.',
    );

  say(s.heading(`${formatDay(plan.date)} ${year}: ${items.length} to do`));
  say(s.dim('Keys: d draft, r record, s skip, u undo the last record, q quit, ? help'));
  let quit = false;
  /** Items left by a record or a skip (the one on screen at quit is not). */
  let handled = 0;
  try {
    for (let i = 0; i < items.length && !quit; i++) {
      const item = items[i];
      const spec = ACTION_SPECS[item.action];
      const kind = spec.draftKind(item.channel);
      const call = kind === 'call';
      const canRecord = kind !== null && (call || spec.doneBy(item.channel).length > 0 || (spec.doneByOutcome?.length ?? 0) > 0);
      say('');
      say(itemText(item, i + 1, items.length, out, plan.date));
      if (kind === null) {
        const how = logCommand(item);
        const help = spec.help?.(item.id) ?? `followup show ${item.id}`;
        say(s.dim(`    nothing to draft or record here: ${help}${how ? `; when done: ${how}` : ''}`));
      }
      let text: string | null = null;
      let drafted = false;
      for (;;) {
        const menu: Choice[] = [
          ...(kind !== null ? [{ key: 'd', what: drafted ? `show the ${call ? 'script' : 'letter'} again` : `draft: show the ${call ? 'call script' : 'letter'}` }] : []),
          ...(drafted ? [{ key: 'e', what: `open it in $EDITOR (${ctx.env.VISUAL || ctx.env.EDITOR || 'vi'})` }] : []),
          ...(drafted && !call ? [{ key: 'w', what: 'write it as an unsent mail draft (.eml)' }] : []),
          ...(drafted && clipboard ? [{ key: 'c', what: `copy it to the clipboard (${clipboard.command})` }] : []),
          ...(canRecord ? [{ key: 'r', what: call ? 'record the call: no answer, voicemail, spoke, or emailed instead' : 'record it as sent' }] : []),
          { key: 's', what: 'skip: leave it on the list' },
          { key: 'u', what: 'undo the last record of this walk' },
          { key: 'q', what: 'quit: stop here' },
          { key: '?', what: 'help' },
        ];
        const key = await readKey(
          ctx.io.in,
          menu.map((c) => c.key),
          () => raw(s.command(`(${i + 1}/${items.length}) ${drafted ? 'Now' : 'What now'} [${menu.map((c) => c.key).join(',')}]? `)),
          raw,
        );
        if (key === '?') {
          for (const c of menu) say(`${c.key} - ${c.what}`);
          continue;
        }
        if (key === 'q') {
          quit = true;
          break;
        }
        if (key === 's') {
          skipped.push(item);
          handled++;
          break;
        }
        if (key === 'u') {
          undoLast();
          continue;
        }
        if (key === 'd') {
          text = await render(item, kind!);
          if (text !== null) {
            say(text.replace(/\n$/, ''));
            drafted = true;
          }
          continue;
        }
        if (key === 'e' && text !== null) {
          const dir = fs.mkdtempSync(path.join(ctx.tempDir, 'followup-walk-'));
          const file = path.join(dir, 'draft.txt');
          try {
            fs.writeFileSync(file, text, { mode: 0o600 });
            openInEditor(ctx, file, 'or copy the text shown');
            const edited = fs.readFileSync(file, 'utf8');
            if (edited.trim() === '') say('The draft came back empty from the editor: the one shown before is kept.');
            else text = edited;
            say(text.replace(/\n$/, ''));
          } catch (err) {
            if (!(err instanceof UsageError)) throw err;
            say(s.error(`followup: ${err.message}`));
          } finally {
            fs.rmSync(dir, { recursive: true, force: true });
          }
          continue;
        }
        if (key === 'w' && text !== null) {
          const a = await ask();
          const file = await a.text('Write the .eml draft to', { default: `${item.company.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${kind}.eml`.replace(/^-+/, '') });
          // draft --eml --edit with an "editor" that puts back the text shown (edited or not): the
          // draft command builds the message from it, with the recipient's address and checks.
          const dir = fs.mkdtempSync(path.join(ctx.tempDir, 'followup-walk-'));
          const shown = path.join(dir, 'draft.txt');
          try {
            fs.writeFileSync(shown, text, { mode: 0o600 });
            const env = { ...ctx.env, VISUAL: `cp ${shellWord(shown)}` };
            const to = item.contact?.name;
            await step(item, () => runDraft(redirected(ctx, say, env), kind!, String(item.id), { eml: true, edit: true, out: file, ...(to ? { to } : {}) }));
          } finally {
            fs.rmSync(dir, { recursive: true, force: true });
          }
          continue;
        }
        if (key === 'c' && text !== null && clipboard) {
          const result = spawnSync(clipboard.command, clipboard.args, { input: text, env: ctx.env, stdio: ['pipe', 'ignore', 'ignore'] });
          say(result.status === 0 ? `Copied to the clipboard (${clipboard.command}).` : `${clipboard.command} did not copy it (exit ${result.status ?? result.error?.message}).`);
          continue;
        }
        if (key === 'r') {
          const done = call ? await recordCall(item) : await recordLetter(item, kind!);
          if (done) {
            handled++;
            break;
          }
          continue;
        }
      }
    }
  } catch (err) {
    if (err instanceof Interrupt) throw interrupted();
    if (err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError')) throw interrupted();
    throw err;
  }

  // The summary.
  say('');
  const counts = [
    `${recorded.length} recorded`,
    `${skipped.length} skipped`,
    ...(undone.length > 0 ? [`${undone.length} undone`] : []),
    ...(items.length > handled ? [`${items.length - handled} not reached`] : []),
  ];
  say(s.strong(`${counts.join(', ')}.`));
  if (recorded.length > 0) {
    say('Recorded:');
    for (const r of recorded) say(`  ${terminalSafe(r.summary)}`);
  }
  if (undone.length > 0) {
    say('Undone in this walk (back on followup today):');
    for (const u of undone) say(`  ${terminalSafe(u)}`);
  }
  if (skipped.length > 0) {
    say('Skipped (still on followup today):');
    for (const item of terminalSafeDeep(skipped)) say(`  #${item.id} ${item.company}: ${actionPhrase(item)}`);
  }
  const nextShown = new Set<number>();
  const nexts: string[] = [];
  for (const r of [...recorded].reverse()) {
    if (nextShown.has(r.item.id)) continue;
    nextShown.add(r.item.id);
    for (const line of r.next) nexts.push(`  #${r.item.id} ${terminalSafe(r.item.company)}: ${line}`);
  }
  if (nexts.length > 0) {
    say('Next:');
    for (const line of nexts.reverse()) say(line);
  }
  if (recorded.length > 0) {
    say(
      `Each record is its own change: followup undo reverses the newest` +
        (recorded.length > 1 ? ', and again for the one before.' : '.'),
    );
  }
}
