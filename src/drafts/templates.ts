/** Where templates live: the built-in ones beside the program, a user's own in their config folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DRAFT_KINDS, type DraftKind } from './data.js';
import { TemplateError } from './render.js';

/** The most a template file may hold: a letter is a page, so more is a mistake (or /dev/zero). */
export const MAX_TEMPLATE_BYTES = 64 * 1024;

const ADVICE = 'Replace it with a plain text file, or remove it to use the built-in template.';

/** What a file that is not a regular one is, in words. */
function kindOfFile(stats: fs.Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

function notRegular(file: string, stats: fs.Stats): TemplateError {
  let what = kindOfFile(stats);
  try {
    const target = fs.realpathSync(file);
    if (target !== path.resolve(file)) what = `a link to ${target}, ${what}`;
  } catch {
    // Gone or unreadable since: the kind of file is enough to say.
  }
  return new TemplateError(file, null, `this is ${what}; a template must be a regular file of at most 64 KB. ${ADVICE}`);
}

function tooBig(file: string, bytes: number): TemplateError {
  const size = bytes > MAX_TEMPLATE_BYTES ? `more than ${MAX_TEMPLATE_BYTES / 1024} KB` : `${bytes} bytes`;
  return new TemplateError(
    file,
    null,
    `this file holds ${size}; a template may hold at most ${MAX_TEMPLATE_BYTES / 1024} KB. ` +
      'Shorten it, or remove it to use the built-in template.',
  );
}

/**
 * Read a template: only a regular file (a link to one is fine) of at most 64 KB, and never wait.
 * A pipe, a device or a folder is refused by its stat before it is opened; the file is opened
 * without blocking and checked again, in case it was swapped since; and no more than the cap is
 * ever read, even from a file that grows. Refusals are TemplateErrors naming the file; an error
 * from the system (no such file, no permission) is thrown as it is.
 */
export function readTemplateFile(file: string): string {
  const before = fs.statSync(file);
  if (!before.isFile()) throw notRegular(file, before);
  if (before.size > MAX_TEMPLATE_BYTES) throw tooBig(file, before.size);
  // O_NONBLOCK: a FIFO put in place since the stat opens at once instead of waiting for a writer.
  const flags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);
  const fd = fs.openSync(file, flags);
  try {
    const stats = fs.fstatSync(fd);
    if (!stats.isFile()) throw notRegular(file, stats);
    if (stats.size > MAX_TEMPLATE_BYTES) throw tooBig(file, stats.size);
    const buffer = Buffer.alloc(MAX_TEMPLATE_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > MAX_TEMPLATE_BYTES) throw tooBig(file, length);
    return buffer.toString('utf8', 0, length);
  } finally {
    fs.closeSync(fd);
  }
}

/** The folder of the built-in templates (templates/ at the package root). */
export function builtinTemplateDir(): string {
  // From the bundle (dist/cli.cjs) it is one level up; from the sources (src/drafts/) two.
  const candidates = [path.resolve(__dirname, '..', 'templates'), path.resolve(__dirname, '..', '..', 'templates')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'thanks.hbs'))) ?? candidates[0];
}

/** `$XDG_CONFIG_HOME/followup/templates`, else `~/.config/followup/templates`. */
export function userTemplateDir(env: NodeJS.ProcessEnv = process.env): string {
  const configHome =
    env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME)
      ? env.XDG_CONFIG_HOME
      : path.join(env.HOME || os.homedir(), '.config');
  return path.join(configHome, 'followup', 'templates');
}

/** One kind's template: which file is in use and whether it is the user's own. */
export interface TemplateSource {
  kind: DraftKind;
  file: string;
  builtinFile: string;
  own: boolean;
}

/** The template in use for a kind: the user's own when it exists, else the built-in one. */
export function templateFor(kind: DraftKind, env: NodeJS.ProcessEnv = process.env): TemplateSource {
  const own = path.join(userTemplateDir(env), `${kind}.hbs`);
  const builtinFile = path.join(builtinTemplateDir(), `${kind}.hbs`);
  const isOwn = fs.existsSync(own);
  return { kind, file: isOwn ? own : builtinFile, builtinFile, own: isOwn };
}

/** Every kind's template in use. */
export function allTemplates(env: NodeJS.ProcessEnv = process.env): TemplateSource[] {
  return DRAFT_KINDS.map((k) => templateFor(k, env));
}

/** Files in the user's folder that match no kind (likely typos). */
export function strayUserTemplates(env: NodeJS.ProcessEnv = process.env): string[] {
  const dir = userTemplateDir(env);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.hbs') && !(DRAFT_KINDS as readonly string[]).includes(f.slice(0, -4)))
    .map((f) => path.join(dir, f));
}
