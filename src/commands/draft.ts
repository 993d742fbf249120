/** `followup draft <kind> <ref>`: a letter or call script from a template, filled with what was recorded. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Context } from '../context.js';
import { offerElsewhere } from '../core/cadence.js';
import { buildDraftData, DRAFT_KINDS, MARK_SENT_EVENT, type DraftKind } from '../drafts/data.js';
import { renderTemplate, TemplateError } from '../drafts/render.js';
import { readTemplateFile, templateFor } from '../drafts/templates.js';
import { StoreError, UsageError } from '../errors.js';
import { openInEditor } from '../ui/editor.js';
import { cleanText } from './interview-flags.js';
import { writePrivate } from './write-file.js';

export interface DraftOptions {
  to?: string;
  out?: string;
  edit?: boolean;
  markSent?: boolean;
  nameCompany?: boolean;
  prefer?: boolean;
  reason?: string;
}

/** Check a kind name. */
export function parseDraftKind(text: string): DraftKind {
  const t = text.trim().toLowerCase();
  if ((DRAFT_KINDS as readonly string[]).includes(t)) return t as DraftKind;
  throw new UsageError(`Unknown draft "${text}". Kinds: ${DRAFT_KINDS.join(', ')}.`);
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
      store.addEvent(id, { type: event, date: ctx.today, withName: data.recipient.name });
      ctx.output.err(`Logged ${event} for #${id} ${app.company} (to ${data.recipient.name}).`);
    }
  }
}
