/** `followup draft <kind> <ref>`: a letter or call script from a template, filled with what was recorded. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Context } from '../context.js';
import { acceptedElsewhere, chaseWarnings, offerElsewhere, type RecordedOffer } from '../core/cadence.js';
import { formatDay } from '../core/calendar.js';
import type { Application, CalendarDate, EventType, Outcome } from '../core/types.js';
import {
  buildDraftData,
  DRAFT_KINDS,
  MARK_SENT_EVENT,
  MARK_SENT_OUTCOME,
  markSentNote,
  PREFER_NOTE,
  type DraftData,
  type DraftKind,
} from '../drafts/data.js';
import { renderTemplate, TemplateError } from '../drafts/render.js';
import { readTemplateFile, templateFor } from '../drafts/templates.js';
import { emlMessage, mailtoUrl, splitLetter, type MailDraft } from '../export/eml.js';
import { knownOn } from '../core/known.js';
import { StoreError, UsageError } from '../errors.js';
import { openInEditor } from '../ui/editor.js';
import { terminalSafe } from '../ui/terminal-safe.js';
import { warningText } from '../words/plan.js';
import { cleanText } from './interview-flags.js';
import { writePrivate } from './write-file.js';
import type { Store } from '../store/store.js';
import type { ContextFor, NewCommand, OptionsOf } from './command.js';
import { parseDraftKind } from './draft-kind.js';

/** The arguments, flags and help of `draft`. */
function flags(cmd: NewCommand) {
  return cmd
    .argument('<kind>', DRAFT_KINDS.join(', '))
    .argument('<ref>', 'application number or company name prefix')
    .option('--to <name>', 'address it to this recorded contact (one thank-you per interviewer)')
    .option('--out <file>', 'write it to a file (private, 0600) instead of printing it')
    .option('--edit', 'open it in $VISUAL or $EDITOR before printing or writing it')
    .option('--eml', 'an unsent mail draft (RFC 5322) for your mail client, mutt -H or sendmail -t')
    .option('--mailto', 'a mailto: link that opens it in your mail program')
    .option('--mark-sent', 'also log it as sent (thanks-sent, emailed, ...; withdraw and decline: the outcome, after asking)')
    .option('--name-company', 'share-offer, withdraw, decline: name the employer whose offer you have or took')
    .option('--prefer', 'share-offer: say this is still the role you would most like')
    .option('--reason <text>', 'keep-in-touch: why you are getting back in touch; decline: why you are declining')
    .addHelpText(
      'after',
      `
  Kinds:
    thanks          thank-you note after an interview (one each: --to NAME)
    check-in        polite, assertive email asking where the decision stands
    call            call script for a status chase, with a voicemail version
    feedback        after a rejection: thanks, and a request for feedback
    thank-feedback  thanks for feedback received, and what you take from it
    share-offer     tell them of a real, recorded offer; ask their timeline
    close-loop      a gracious last note after unanswered chases
    keep-in-touch   a short note that keeps you in mind for the next opening
    withdraw        once you accept an offer elsewhere: withdraw, door left open
    decline         turn down their offer kindly and keep the relationship

  Examples:
    followup config set name "Alex Morgan"    (once: letters are signed with it)
    followup draft thanks 3
    followup draft thanks 3 --to "Priya Natarajan" --out priya.txt
      (each interviewer their own note, with their topic when recorded)
    followup draft check-in acme --edit --mark-sent
    followup draft call 3
    followup draft feedback 5
    followup draft thank-feedback 5
    followup draft share-offer 2 --prefer --mark-sent  (later letters say so)
    followup draft close-loop 6 --mark-sent
    followup draft keep-in-touch 5 --reason "I finished a course on Kubernetes"
    followup draft withdraw 4 --mark-sent
      (after followup outcome 2 accepted; asks, then records 4 as withdrawn)
    followup draft decline 2 --name-company --reason "the commute is too long"
    followup draft thanks 3 --eml --out thanks.eml
      (open it in your mail client: it is an unsent draft)
    followup draft thanks 3 --eml | msmtp -t   (sends it: read it first)
    xdg-open "$(followup draft check-in 3 --mailto)"

  --mark-sent logs the letter once: when the same event is already logged today
  for the same person, it warns and logs it again only if you confirm on a
  terminal. For withdraw and decline it records the outcome (withdrawn,
  declined) once you confirm on a terminal; without one it records nothing
  and prints the followup outcome command to type.

  Templates: your own in ~/.config/followup/templates/<kind>.hbs replace the
  built-in ones; see followup templates --help.`,
    );
}

export type DraftOptions = OptionsOf<typeof flags>;

/** Register `draft`. */
export function register(cmd: NewCommand, contextFor: ContextFor): void {
  flags(cmd).action(async (kind, ref, opts, c) => runDraft(contextFor(c), kind, ref, opts));
}

/** Let the user edit text in their editor; returns the edited text. */
function editText(ctx: Context, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-draft-'));
  const file = path.join(dir, 'draft.txt');
  try {
    fs.writeFileSync(file, text, { mode: 0o600 });
    openInEditor(ctx, file);
    return fs.readFileSync(file, 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Render the draft, optionally edit it, print or write it, and optionally log it as sent. */
export async function runDraft(ctx: Context, kindText: string, ref: string, opts: DraftOptions): Promise<void> {
  const kind = parseDraftKind(kindText);
  if (opts.nameCompany && !NAME_COMPANY_KINDS.includes(kind)) {
    throw new UsageError('--name-company goes with share-offer, withdraw and decline.');
  }
  if (opts.prefer && kind !== 'share-offer') throw new UsageError('--prefer goes with share-offer.');
  if (opts.eml && opts.mailto) throw new UsageError('--eml and --mailto are two forms of the same draft; give one of them.');
  if ((opts.eml || opts.mailto) && kind === 'call') {
    throw new UsageError(`A call script is not a letter: ${opts.eml ? '--eml' : '--mailto'} goes with the letters. Print it: followup draft call ${ref}`);
  }
  if (opts.mailto && opts.out) throw new UsageError('--mailto prints a link; --out writes files. Use --eml --out FILE for a draft file.');
  const store = ctx.openStore();
  const id = store.resolveRef(ref);
  // What was known on the day drafted for (a past --today drafts what could have been written then).
  const app = knownOn(store.requireApplication(id), ctx.today);
  if (app === null) {
    throw new UsageError(`Application ${id} was not recorded yet on ${ctx.today}; nothing can be drafted for that day.`);
  }
  const config = store.getConfig();
  const offers = store.listLatestOffers(ctx.today);
  const offer = offerElsewhere(id, offers);
  const data = buildDraftData({
    kind,
    app,
    me: config,
    today: ctx.today,
    to: cleanText(opts.to) ?? null,
    // Every kind: share-offer tells of it; the chases mention it once it has been shared.
    offer,
    accepted: acceptedOffer(app, offers, ctx.today),
    nameCompany: Boolean(opts.nameCompany),
    prefer: Boolean(opts.prefer),
    reason: cleanText(opts.reason) ?? null,
    settings: config,
  });
  const template = templateFor(kind, ctx.env);
  let source: string;
  try {
    source = readTemplateFile(template.file);
  } catch (err) {
    if (err instanceof TemplateError) throw err;
    throw new StoreError(
      `The template ${template.file} cannot be read: ${(err as Error).message}. ` +
        (template.own ? 'Fix or remove it to use the built-in one.' : 'Reinstall followup.'),
      'io',
      { cause: err },
    );
  }
  let text = renderTemplate(source, template.file, data, kind);
  if (opts.edit) {
    text = editText(ctx, text);
    // An emptied buffer is how editors say "never mind", as with git commit.
    if (text.trim() === '') {
      throw new UsageError('The draft came back empty from the editor: cancelled. Nothing was written or logged.');
    }
  }
  const mail = opts.eml || opts.mailto ? mailDraft(data, text, id, config) : null;
  if (kind === 'thanks' && !app.why && app.needs.length === 0) {
    // A thank-you that names neither why you want the job nor what they need could be anyone's.
    ctx.output.err(
      ctx.output.styles.warn(
        'note: nothing is recorded about why you want this job or what they need, so this thank-you is generic. ' +
          `Record them and draft again: followup edit ${id} --why "..." --need "what they need :: how you meet it"`,
      ),
    );
  }
  if (kind === 'thanks') {
    for (const line of thanksNotes(app, data, id, Boolean(cleanText(opts.to)))) ctx.output.err(ctx.output.styles.warn(line));
  }
  if (kind !== 'call' && !mail && !data.recipient.email && data.recipient.name) {
    // A letter needs an address to go to; say so rather than let it be found out later.
    ctx.output.err(
      ctx.output.styles.warn(`note: no email is recorded for ${terminalSafe(data.recipient.name)}. ${emailHint(data.recipient.role, id)}.`),
    );
  }

  if (mail && opts.mailto) {
    ctx.output.out(mailtoUrl(mail));
  } else if (mail) {
    const message = emlMessage(mail);
    if (opts.out) writePrivate(opts.out, message, ctx.storePath);
    else ctx.output.write(message);
    if (opts.out) ctx.output.err(`Wrote ${opts.out}: an unsent draft to ${terminalSafe(mail.to.email)}; open it in your mail client.`);
    if (!mail.from) ctx.output.err('note: no From line: record your address with followup config set email ADDRESS.');
  } else if (opts.out) {
    writePrivate(opts.out, text, ctx.storePath);
    ctx.output.err(`Wrote ${opts.out}.`);
  } else {
    ctx.output.out(text.replace(/\n$/, ''));
  }

  const outcome = MARK_SENT_OUTCOME[kind];
  if (opts.markSent && outcome) {
    await recordOutcome(ctx, store, app, kind, outcome, data.recipient.name);
  } else if (opts.markSent) {
    const event = MARK_SENT_EVENT[kind];
    if (event === null) {
      ctx.output.err(`A call script is not sent. After the call: followup log ${id} no-answer|voicemail|spoke`);
    } else {
      if (alreadyLogged(app, event, ctx.today, data.recipient.name)) {
        const what = `${event} for #${id} ${terminalSafe(app.company)} to ${terminalSafe(data.recipient.name)} on ${formatDay(ctx.today)}`;
        ctx.output.err(ctx.output.styles.warn(`warning: this letter is already logged (${what}).`));
        if (!ctx.interactive) {
          ctx.output.err(
            'Not logged again. If you really sent it twice, log the second one: ' +
              `followup log ${id} ${event} --with "${terminalSafe(data.recipient.name)}"`,
          );
          return;
        }
        const { createAsker } = await import('../ui/prompts.js');
        const asker = await createAsker({ input: ctx.io.in, output: ctx.io.err.stream });
        if (!(await asker.confirm('Log it a second time?', false))) {
          ctx.output.err('Not logged again.');
          return;
        }
      }
      // The same warnings `log` gives for a chase sooner than the rules allow: recorded, not refused.
      const warnings = chaseWarnings(app, { type: event, date: ctx.today }, config).map((w) => warningText(w, config));
      const note = kind === 'share-offer' && opts.prefer ? PREFER_NOTE : null;
      const recipient = app.contacts.find((c) => sameName(c.name, data.recipient.name));
      store.addEvent(id, { type: event, date: ctx.today, withName: data.recipient.name, withRole: recipient?.role ?? null, note });
      ctx.output.err(`Logged ${event} for #${id} ${terminalSafe(app.company)} (to ${terminalSafe(data.recipient.name)}).`);
      if (warnings.length > 0) {
        ctx.output.err(ctx.output.styles.warn(`warning: ${terminalSafe(warnings.join('\n'), { keepLines: true })}`));
      }
    }
  }
}

/** The kinds that may name another employer (`--name-company`). */
const NAME_COMPANY_KINDS: readonly DraftKind[] = ['share-offer', 'withdraw', 'decline'];

/**
 * The offer accepted on another application that a withdrawal speaks of: the one that ends this
 * search under rule 16 (accepted on or after its first round), else any accepted by today; or null.
 */
function acceptedOffer(app: Application, offers: readonly RecordedOffer[], today: CalendarDate): RecordedOffer | null {
  const first = app.rounds.reduce<CalendarDate | null>((m, r) => (m === null || r.date < m ? r.date : m), null);
  const ending = first ? acceptedElsewhere(app.id, first, offers, today) : null;
  if (ending) return ending;
  let latest: RecordedOffer | null = null;
  for (const o of offers) {
    const a = o.answer;
    if (o.id === app.id || !a || a.outcome !== 'accepted' || a.date > today) continue;
    if (!latest || a.date > latest.answer!.date) latest = o;
  }
  return latest;
}

/**
 * `draft withdraw|decline --mark-sent`: the letter ends the application (withdrawn) or answers its
 * offer (declined), so the outcome is recorded, with today's date and a note naming the letter,
 * only once the user confirms on a terminal; without one nothing is recorded and the exact
 * command is printed (as a second --mark-sent of the same letter is handled). One transaction,
 * undone by `followup undo`.
 */
async function recordOutcome(
  ctx: Context,
  store: Store,
  app: Application,
  kind: DraftKind,
  outcome: Outcome,
  to: string,
): Promise<void> {
  const id = app.id;
  const company = terminalSafe(app.company);
  const year = ctx.today.slice(0, 4);
  if (app.outcome === outcome) {
    const when = app.outcomeDate ? ` on ${formatDay(app.outcomeDate, year)}` : '';
    ctx.output.err(`#${id} ${company} is already recorded as ${outcome}${when}; nothing more to record.`);
    return;
  }
  const note = markSentNote(kind, to);
  const command = `followup outcome ${id} ${outcome} --note "${terminalSafe(note)}"`;
  const what = `#${id} ${company} as ${outcome} today (${formatDay(ctx.today, year)})`;
  if (!ctx.interactive) {
    ctx.output.err(
      `Not recorded: recording ${what} ${kind === 'withdraw' ? 'ends the application' : 'answers their offer'}, ` +
        `so --mark-sent asks first, on a terminal. Once you have sent the letter, record it:\n  ${command}`,
    );
    return;
  }
  const { createAsker } = await import('../ui/prompts.js');
  const asker = await createAsker({ input: ctx.io.in, output: ctx.io.err.stream });
  if (!(await asker.confirm(`Record ${what}?`, false))) {
    ctx.output.err(`Not recorded. When you have sent it: ${command}`);
    return;
  }
  store.setOutcome(id, outcome, ctx.today, note, false, { today: ctx.today });
  ctx.output.err(`Recorded: #${id} ${company}, ${terminalSafe(app.role)}: ${outcome} on ${formatDay(ctx.today, year)} (${terminalSafe(note)}).`);
  ctx.output.err('To take it back: followup undo');
}

/** How to give someone in this role an email address (`edit` records the hiring manager's and HR's). */
function emailHint(role: string, id: number): string {
  if (role === 'hiring manager') return `Record it: followup edit ${id} --email ADDRESS`;
  if (role === 'HR') return `Record it: followup edit ${id} --hr-email ADDRESS`;
  return (
    `followup records emails for the hiring manager (followup edit ${id} --email ADDRESS) and HR (--hr-email); ` +
    'print the letter without --eml and paste it into your mail program, or address it to one of them with --to NAME'
  );
}

/** The letter as a mail draft to its recipient, or exit 2 saying how to record their address. */
function mailDraft(data: DraftData, text: string, id: number, me: { name: string | null; email: string | null }): MailDraft {
  const to = data.recipient;
  if (!to.email) {
    throw new UsageError(
      `No email is recorded for ${to.name}, so there is no one to address the draft to. ${emailHint(to.role, id)}.`,
    );
  }
  const { subject, body } = splitLetter(text);
  return {
    from: me.email ? { name: me.name, email: me.email } : null,
    to: { name: to.name, email: to.email },
    subject: subject ?? `${data.role} at ${data.company}`,
    body,
  };
}

/** Two recorded names for the same person (ignoring case and spacing). */
function sameName(a: string, b: string): boolean {
  const norm = (n: string) => n.trim().replace(/\s+/g, ' ').toLowerCase();
  return norm(a) === norm(b);
}

/**
 * Whether this letter is already logged today: the same event, the same day, to the same person
 * (or to nobody named, as a plain `log` may record it). A thank-you to another interviewer is
 * another letter.
 */
function alreadyLogged(app: Application, type: EventType, today: CalendarDate, to: string): boolean {
  return app.events.some((e) => e.type === type && e.date === today && (e.withName === null || sameName(e.withName, to)));
}

/**
 * What a thank-you's author should know on stderr: without --to, the other interviewers of this
 * round, each with the command for a note of their own; a note to one of several interviewers
 * that would read like the others' because no topic is recorded for them.
 */
function thanksNotes(app: Application, data: DraftData, id: number, to: boolean): string[] {
  const lines: string[] = [];
  const others = app.contacts.filter(
    (c) =>
      c.role === 'interviewer' &&
      !sameName(c.name, data.recipient.name) &&
      (c.round === undefined || c.round === null || c.round === data.round),
  );
  if (!to && others.length > 0) {
    const names = others.map((c) => terminalSafe(c.name));
    const who = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    lines.push(
      // "also" would say the recipient interviewed you too, which a hiring manager may not have.
      `note: this one is to ${terminalSafe(data.recipient.name)}. ${who} interviewed you` +
        `; each needs a note of their own:`,
      ...others.map((c) => `  followup draft thanks ${id} --to "${terminalSafe(c.name)}"`),
    );
  }
  const recipient = app.contacts.find((c) => sameName(c.name, data.recipient.name));
  if (recipient?.role === 'interviewer' && data.recipient.topic === null && (others.length > 0 || data.hiringManager !== null)) {
    lines.push(
      `note: no topic is recorded for ${terminalSafe(recipient.name)}, so this note reads like the others. ` +
        `Record what you talked about and draft again: followup edit ${id} --interviewer "${terminalSafe(recipient.name)} :: what you talked about"`,
    );
  }
  return lines;
}
