/** Where templates live: the built-in ones beside the program, a user's own in their config folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DRAFT_KINDS, type DraftKind } from './data.js';

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
