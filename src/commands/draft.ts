/** `followup draft <kind> <ref>`: a letter or call script from a template, filled with what was recorded. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Context } from '../context.js';
import { chaseWarnings, offerElsewhere } from '../core/cadence.js';
import { buildDraftData, DRAFT_KINDS, MARK_SENT_EVENT } from '../drafts/data.js';
import { renderTemplate, TemplateError } from '../drafts/render.js';
import { readTemplateFile, templateFor } from '../drafts/templates.js';
import { StoreError, UsageError } from '../errors.js';
import { openInEditor } from '../ui/editor.js';
import { terminalSafe } from '../ui/terminal-safe.js';
import { warningText } from '../words/plan.js';
import { cleanText } from './interview-flags.js';
import { writePrivate } from './write-file.js';
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
    .option('--mark-sent', 'also log it as sent (thanks-sent, emailed, feedback-asked, ...)')
    .option('--name-company', 'share-offer: name the employer whose offer you have')
    .option('--prefer', 'share-offer: say this is still the role you would most like')
    .option('--reason <text>', 'keep-in-touch: why you are getting back in touch')
    .addHelpText(
      'after',
      `
  Kinds:
    thanks          thank-you note after an interview (one per interviewer with --to)
    check-in        polite, assertive email asking where the decision stands
    call            call script for a status chase, with a voicemail version
    feedback        after a rejection: thanks, and a request for feedback and advice
    thank-feedback  thanks for feedback received, and what you will do with it
    share-offer     tell them truthfully about a real, recorded offer; ask their timeline
    close-loop      a gracious last note after unanswered chases
    keep-in-touch   a short note that keeps you in mind for the next opening

  Examples:
    followup config set name "Alex Morgan"      (once: letters are signed with it)
    followup draft thanks 3
    followup draft thanks 3 --to "Priya Natarajan" --out priya.txt
    followup draft check-in acme --edit --mark-sent
    followup draft call 3
    followup draft feedback 5
    followup draft thank-feedback 5
    followup draft share-offer 2 --prefer
    followup draft close-loop 6 --mark-sent
    followup draft keep-in-touch 5 --reason "I just finished a course on distributed systems"

  Templates: your own in ~/.config/followup/templates/<kind>.hbs replace the built-in
  ones; see followup templates --help.`,
    );
}

export type DraftOptions = OptionsOf<typeof flags>;

/** Register `draft`. */
export function register(cmd: NewCommand, contextFor: ContextFor): void {
  flags(cmd).action((kind, ref, opts, c) => runDraft(contextFor(c), kind, ref, opts));
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
export function runDraft(ctx: Context, kindText: string, ref: string, opts: DraftOptions): void {
  const kind = parseDraftKind(kindText);
  if (opts.nameCompany && kind !== 'share-offer') throw new UsageError('--name-company goes with share-offer.');
  if (opts.prefer && kind !== 'share-offer') throw new UsageError('--prefer goes with share-offer.');
  const store = ctx.openStore();
  const id = store.resolveRef(ref);
  const app = store.requireApplication(id);
  const config = store.getConfig();
  const offer = offerElsewhere(id, store.listLatestOffers());
  const data = buildDraftData({
    kind,
    app,
    me: config,
    today: ctx.today,
    to: cleanText(opts.to) ?? null,
    offer: kind === 'share-offer' ? offer : null,
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
  if (opts.edit) text = editText(ctx, text);
  if (kind === 'thanks' && !app.why && app.needs.length === 0) {
    // A thank-you that names neither why you want the job nor what they need could be anyone's.
    ctx.output.err(
      ctx.output.styles.warn(
        'note: nothing is recorded about why you want this job or what they need, so this thank-you is generic. ' +
          `Record them and draft again: followup edit ${id} --why "..." --need "what they need :: how you meet it"`,
      ),
    );
  }

  if (opts.out) {
    writePrivate(opts.out, text, ctx.storePath);
    ctx.output.err(`Wrote ${opts.out}.`);
  } else {
    ctx.output.out(text.replace(/\n$/, ''));
  }

  if (opts.markSent) {
    const event = MARK_SENT_EVENT[kind];
    if (event === null) {
      ctx.output.err(`A call script is not sent. After the call: followup log ${id} no-answer|voicemail|spoke`);
    } else {
      // The same warnings `log` gives for a chase sooner than the rules allow: recorded, not refused.
      const warnings = chaseWarnings(app, { type: event, date: ctx.today }, config).map((w) => warningText(w, config));
      store.addEvent(id, { type: event, date: ctx.today, withName: data.recipient.name });
      ctx.output.err(`Logged ${event} for #${id} ${terminalSafe(app.company)} (to ${terminalSafe(data.recipient.name)}).`);
      if (warnings.length > 0) {
        ctx.output.err(ctx.output.styles.warn(`warning: ${terminalSafe(warnings.join('\n'), { keepLines: true })}`));
      }
    }
  }
}
