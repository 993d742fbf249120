/** `followup templates list|edit|reset|check`: the letters' templates, built-in and the user's own. */
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from '../context.js';
import { DRAFT_KINDS, DRAFT_PURPOSE, sampleDraftData } from '../drafts/data.js';
import { TemplateError, parseTemplate, renderTemplate } from '../drafts/render.js';
import { allTemplates, readTemplateFile, strayUserTemplates, templateFor, userTemplateDir } from '../drafts/templates.js';
import { UsageError } from '../errors.js';
import { editorCommand, openInEditor } from '../ui/editor.js';
import type { ContextFor, NewCommand } from './command.js';
import { parseDraftKind } from './draft-kind.js';
import { unknownFields } from './template-fields.js';

/** Register `templates` and its subcommands. */
export function register(cmd: NewCommand, contextFor: ContextFor): void {
  cmd.addHelpText(
    'after',
    `
  Examples:
    followup templates list
    followup templates edit thanks    (copies the built-in one, opens $EDITOR)
    followup templates reset thanks   (the built-in one again; yours is kept)
    followup templates check`,
  );
  cmd
    .command('list')
    .description('which template each kind uses')
    .option('--json', 'print an array')
    .action((opts, c) => runTemplatesList(contextFor(c), opts));
  cmd
    .command('edit')
    .description('make a kind\'s template your own and open it in the editor')
    .argument('<kind>', DRAFT_KINDS.join(', '))
    .action((kind, _opts, c) => runTemplatesEdit(contextFor(c), kind));
  cmd
    .command('reset')
    .description('use the built-in template again (yours is kept beside it, renamed)')
    .argument('<kind>', DRAFT_KINDS.join(', '))
    .action((kind, _opts, c) => runTemplatesReset(contextFor(c), kind));
  cmd
    .command('check')
    .description('parse and try every template of your own; report problems with file and line')
    .action((_opts, c) => runTemplatesCheck(contextFor(c)));
}

/** Which template each kind uses. */
export function runTemplatesList(ctx: Context, opts: { json?: boolean }): void {
  const templates = allTemplates(ctx.env);
  if (opts.json) {
    ctx.output.json(templates.map((t) => ({ kind: t.kind, file: t.file, own: t.own, purpose: DRAFT_PURPOSE[t.kind] })));
    return;
  }
  const s = ctx.output.styles;
  const width = Math.max(...DRAFT_KINDS.map((k) => k.length));
  for (const t of templates) {
    ctx.output.out(`${s.strong(t.kind.padEnd(width))}  ${t.own ? 'yours   ' : 'built-in'}  ${t.file}`);
  }
  for (const stray of strayUserTemplates(ctx.env)) {
    ctx.output.err(s.warn(`note: ${stray} matches no kind and is not used (kinds: ${DRAFT_KINDS.join(', ')}).`));
  }
  ctx.output.err(s.dim(`Your own templates go in:\n  ${userTemplateDir(ctx.env)}\nStart one with: followup templates edit KIND`));
}

/** Copy the built-in template to the user's folder (if not there yet) and open it in the editor. */
export function runTemplatesEdit(ctx: Context, kindText: string): void {
  const kind = parseDraftKind(kindText);
  const dir = userTemplateDir(ctx.env);
  const own = path.join(dir, `${kind}.hbs`);
  const builtin = templateFor(kind, ctx.env).builtinFile;
  // Without an editor nothing is copied: a copy would replace the built-in template unasked.
  const otherwise = lexists(own)
    ? `or edit ${own} with any editor`
    : `or copy the built-in one and edit it with any editor: mkdir -p ${dir} && cp ${builtin} ${own}`;
  editorCommand(ctx, otherwise);
  if (lexists(own)) {
    // A pipe, a device or a huge file is refused here, before an editor is opened on it.
    readUserTemplate(own);
  } else {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.copyFileSync(builtin, own, fs.constants.COPYFILE_EXCL);
    ctx.output.err(`Copied the built-in ${kind} template to ${own}.`);
  }
  openInEditor(ctx, own, otherwise);
  const problems = checkOne(own);
  if (problems) throw problems;
  ctx.output.err(`${own} is in use for followup draft ${kind}.`);
}

/** Put the built-in template back in use: the user's own is renamed, never deleted. */
export function runTemplatesReset(ctx: Context, kindText: string): void {
  const kind = parseDraftKind(kindText);
  const own = path.join(userTemplateDir(ctx.env), `${kind}.hbs`);
  if (!lexists(own)) {
    ctx.output.err(`The built-in ${kind} template is already in use (there is no ${own}).`);
    return;
  }
  const stamp = localStamp(ctx.io.now());
  let kept = `${own}.${stamp}.bak`;
  for (let n = 2; lexists(kept); n++) kept = `${own}.${stamp}-${n}.bak`;
  fs.renameSync(own, kept);
  ctx.output.err(`The built-in ${kind} template is in use again. Yours is kept as ${kept}.`);
}

/** A moment as YYYYMMDD-HHMMSS, local time, for a file name. */
function localStamp(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}-` +
    `${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`
  );
}

/** Whether anything is at a path, a link to nothing included. */
function lexists(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** A user's template, through the one safe reader; what the system refuses becomes a TemplateError too. */
function readUserTemplate(file: string): string {
  try {
    return readTemplateFile(file);
  } catch (err) {
    if (err instanceof TemplateError || !(err as NodeJS.ErrnoException).code) throw err;
    throw new TemplateError(
      file,
      null,
      `it cannot be read (${(err as Error).message}). Fix it, or remove it to use the built-in template.`,
    );
  }
}

function checkOne(file: string): TemplateError | null {
  const kind = path.basename(file, '.hbs');
  try {
    const source = readUserTemplate(file);
    if ((DRAFT_KINDS as readonly string[]).includes(kind)) {
      // Render with every optional field filled and with none, so both sides of each #if are tried.
      renderTemplate(source, file, sampleDraftData(kind as (typeof DRAFT_KINDS)[number], true));
      renderTemplate(source, file, sampleDraftData(kind as (typeof DRAFT_KINDS)[number], false));
      // Every field named, in every branch, whether or not the samples take it.
      const unknown = unknownFields(source, sampleDraftData(kind as (typeof DRAFT_KINDS)[number], true), (text) =>
        parseTemplate(text, file),
      );
      if (unknown.length > 0) {
        const [first, ...more] = unknown;
        return new TemplateError(
          file,
          first.line,
          [first.problem, ...more.map((u) => `line ${u.line}: ${u.problem}`)].join('\n'),
        );
      }
    }
    return null;
  } catch (err) {
    if (err instanceof TemplateError) return err;
    throw err;
  }
}

/** Parse and try every user template; report each problem with its file and line. */
export function runTemplatesCheck(ctx: Context): void {
  const own = allTemplates(ctx.env).filter((t) => t.own);
  if (own.length === 0) {
    ctx.output.out(`No templates of your own in ${userTemplateDir(ctx.env)}: the built-in ones are in use.`);
    return;
  }
  const problems: TemplateError[] = [];
  for (const t of own) {
    const problem = checkOne(t.file);
    if (problem) problems.push(problem);
    ctx.output.out(`${problem ? 'error' : 'ok   '}  ${t.file}`);
  }
  if (problems.length > 0) {
    throw new UsageError(problems.map((p) => p.message).join('\n'));
  }
}
