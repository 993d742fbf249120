/**
 * Rendering letters: the only module that loads Handlebars. Plain text (never HTML-escaped),
 * strict (a missing field is an error), only known helpers, no partials, no prototype access,
 * on an isolated Handlebars instance.
 */
import path from 'node:path';
import type HandlebarsNS from 'handlebars';
import { UsageError } from '../errors.js';

type HandlebarsEnv = typeof HandlebarsNS;

/** A template that cannot be used, with where the problem is. */
export class TemplateError extends UsageError {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly problem: string,
  ) {
    super(`${file}${line !== null ? `, line ${line}` : ''}: ${problem}`);
    this.name = 'TemplateError';
  }
}

/** The helpers templates may use, beyond Handlebars' if/unless/each/with. */
const HELPERS = {
  /** A list of words as prose: "a", "a and b", "a, b and c". */
  join(items: unknown, ...rest: unknown[]): string {
    const key = rest.length > 1 && typeof rest[0] === 'string' ? (rest[0] as string) : null;
    if (!Array.isArray(items)) return '';
    const words = items
      .map((i) => (key && i && typeof i === 'object' ? (i as Record<string, unknown>)[key] : i))
      .filter((w): w is string => typeof w === 'string' && w !== '');
    if (words.length <= 1) return words.join('');
    return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
  },
  /**
   * How many, with a noun that agrees: `{{count expand "thing"}}` gives "one thing", "two things"
   * (numbers up to ten in words); a third argument gives an irregular plural.
   */
  count(items: unknown, ...rest: unknown[]): string {
    const n = Array.isArray(items) ? items.length : typeof items === 'number' ? items : 0;
    const noun = typeof rest[0] === 'string' && rest.length > 1 ? rest[0] : '';
    const plural = typeof rest[1] === 'string' && rest.length > 2 ? rest[1] : noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`;
    const word = COUNT_WORDS[n] ?? String(n);
    return noun === '' ? word : `${word} ${n === 1 ? noun : plural}`;
  },
};

const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

const FORBIDDEN_NODES = new Set(['PartialStatement', 'PartialBlockStatement', 'Decorator', 'DecoratorBlock']);
const FORBIDDEN_NAMES = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
  'helperMissing',
  'blockHelperMissing',
]);

/** An instance of its own, without the helpers templates may not use. */
function isolate(Handlebars: HandlebarsEnv): HandlebarsEnv {
  const env = Handlebars.create();
  env.unregisterHelper('log');
  env.unregisterHelper('lookup');
  // Handlebars would print its own warnings to the console; errors are ours to report.
  (env.logger as { level: unknown }).level = 99;
  return env;
}

let env: HandlebarsEnv | null = null;

function handlebars(): HandlebarsEnv {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  env ??= isolate(require('handlebars') as HandlebarsEnv);
  return env;
}

interface AstNode {
  type: string;
  loc?: { start: { line: number } };
  parts?: string[];
  original?: string;
  [key: string]: unknown;
}

/**
 * How deep blocks ({{#if}} inside {{#each}}, each {{else if}} of a chain) and subexpressions may
 * nest. The built-in letters need 3; Handlebars' parser slows down quadratically and then runs out
 * of stack on deep nesting, so a template nested 20,000 deep would run for minutes.
 */
export const MAX_TEMPLATE_NESTING = 32;

function tooDeep(file: string, line: number | null): TemplateError {
  return new TemplateError(
    file,
    line,
    `blocks and subexpressions are nested more than ${MAX_TEMPLATE_NESTING} deep here; ` +
      'a letter never needs that many: flatten the template.',
  );
}

function lineAt(source: string, index: number): number {
  let line = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < index; i = source.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Refuse deep nesting before Handlebars parses the template, in one pass over its mustaches:
 * `{{#` and `{{^name` open a block, `{{else name}}` chains one more level inside it, `{{/` closes
 * the block with its chain, and each `(` of a subexpression is one more level. Comments are
 * skipped; anything else unusual (raw blocks, `\{{`) is counted as if it were a mustache, which can
 * only make the count higher.
 */
export function checkNesting(source: string, file: string): void {
  const blocks: number[] = []; // for each open block, the levels it and its {{else name}} chain add
  let depth = 0;
  let at = source.indexOf('{{');
  while (at !== -1) {
    let i = at + 2;
    while (source[i] === '{') i++;
    if (source[i] === '~') i++;
    if (source[i] === '!') {
      const long = source.startsWith('--', i + 1);
      const end = long ? /--~?\}\}/g : /\}\}/g;
      end.lastIndex = i + 1;
      const found = end.exec(source);
      if (!found) return;
      at = source.indexOf('{{', found.index + found[0].length);
      continue;
    }
    const close = source.indexOf('}}', i);
    if (close === -1) return;
    const sigil = source[i];
    const body = source.slice(sigil === '#' || sigil === '^' || sigil === '/' ? i + 1 : i, close).replace(/~$/, '').trim();
    if (sigil === '#' || (sigil === '^' && body !== '')) {
      blocks.push(1);
      depth++;
    } else if (sigil === '/') {
      depth -= blocks.pop() ?? 0;
    } else if (/^else\s+\S/.test(body) && blocks.length > 0) {
      blocks[blocks.length - 1]++;
      depth++;
    }
    let parens = 0;
    let quote: string | null = null;
    for (let j = i; j < close; j++) {
      const c = source[j];
      if (quote) {
        if (c === quote) quote = null;
      } else if (c === '"' || c === "'") {
        quote = c;
      } else if (c === '(') {
        parens++;
        if (depth + parens > MAX_TEMPLATE_NESTING) throw tooDeep(file, lineAt(source, at));
      } else if (c === ')') {
        parens--;
      }
    }
    if (depth > MAX_TEMPLATE_NESTING) throw tooDeep(file, lineAt(source, at));
    at = source.indexOf('{{', close + 2);
  }
}

/** Nodes that nest a level deeper: a block (an {{else if}} is one inside the block before) or a subexpression. */
const NESTING_NODES = new Set(['BlockStatement', 'SubExpression', 'PartialBlockStatement', 'DecoratorBlock']);

/** Refuse partials, decorators, deep nesting and any path that reaches into prototypes. */
function checkAst(node: unknown, file: string, depth = 0): void {
  if (Array.isArray(node)) {
    for (const child of node) checkAst(child, file, depth);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const n = node as AstNode;
  const line = n.loc?.start.line ?? null;
  if (typeof n.type === 'string') {
    if (NESTING_NODES.has(n.type) && ++depth > MAX_TEMPLATE_NESTING) throw tooDeep(file, line);
    if (FORBIDDEN_NODES.has(n.type)) {
      throw new TemplateError(file, line, 'partials and decorators are not allowed in followup templates.');
    }
    if (n.type === 'PathExpression' && Array.isArray(n.parts)) {
      const bad = n.parts.find((p) => FORBIDDEN_NAMES.has(p));
      if (bad) throw new TemplateError(file, line, `"${n.original ?? bad}" is not a field templates may use.`);
    }
  }
  for (const [key, value] of Object.entries(n)) {
    if (key !== 'loc' && value && typeof value === 'object') checkAst(value, file, depth);
  }
}

function lineOf(err: unknown): number | null {
  const e = err as { lineNumber?: number; message?: string };
  if (typeof e.lineNumber === 'number') return e.lineNumber;
  const m = /line (\d+)/.exec(e.message ?? '');
  return m ? Number(m[1]) : null;
}

function describe(err: unknown, knownFields: readonly string[]): string {
  const message = (err as Error).message ?? String(err);
  const missing = /^"([^"]+)" not defined in/.exec(message);
  if (missing) {
    return `the field "${missing[1]}" does not exist here. Fields: ${knownFields.join(', ')} (see the README).`;
  }
  const unknownHelper = /unknown helper (\S+)/.exec(message);
  if (unknownHelper) {
    return `"${unknownHelper[1]}" is not a helper followup knows (it knows if, unless, each, with, join and count).`;
  }
  const insideEmpty = /Cannot read properties of (null|undefined) \(reading '([^']+)'\)/.exec(message);
  if (insideEmpty) {
    return (
      `"${insideEmpty[2]}" is looked up inside a field that is empty here; ` +
      `wrap it in {{#if ...}} on the field that holds it.`
    );
  }
  if (message.startsWith('Parse error')) {
    return `the template does not parse: ${message.split('\n').slice(-1)[0]}`;
  }
  return message.replace(/ - \d+:\d+$/, '');
}

/** How every template is compiled: plain text, strict, only the helpers above. */
const COMPILE_OPTIONS = {
  noEscape: true,
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: { join: true, count: true, log: false, lookup: false },
};

/** Parse a template and refuse what followup templates may not do. */
function parseChecked(hb: HandlebarsEnv, source: string, file: string): ReturnType<HandlebarsEnv['parse']> {
  checkNesting(source, file);
  let ast: ReturnType<HandlebarsEnv['parse']>;
  try {
    ast = hb.parse(source);
  } catch (err) {
    throw new TemplateError(file, lineOf(err), describe(err, []));
  }
  checkAst(ast, file);
  return ast;
}

type Compiled = (data: object, options: object) => string;

/** Wrap a compiled template: the helpers, no partials, no prototype access, errors with the file. */
function renderer(template: Compiled, file: string): (data: object) => string {
  return (data: object) => {
    try {
      return template(data, {
        helpers: HELPERS,
        partials: {},
        allowProtoPropertiesByDefault: false,
        allowProtoMethodsByDefault: false,
      });
    } catch (err) {
      if (err instanceof TemplateError) throw err;
      throw new TemplateError(file, lineOf(err), describe(err, Object.keys(data)));
    }
  };
}

/** Parse and check a template; throws a TemplateError with the file and line. */
export function compileTemplate(source: string, file: string): (data: object) => string {
  const hb = handlebars();
  return renderer(hb.compile(parseChecked(hb, source, file), COMPILE_OPTIONS), file);
}

/**
 * A template checked and compiled ahead of time, as JavaScript source (the build does this for
 * the built-in templates, so that `draft` needs only Handlebars' small runtime).
 */
export function precompileTemplate(source: string, file: string): string {
  const hb = handlebars();
  return hb.precompile(parseChecked(hb, source, file), COMPILE_OPTIONS) as string;
}

/**
 * The built-in templates as the build precompiled them, with their sources, bundled with
 * Handlebars' runtime (dist/letters.cjs).
 */
interface Precompiled {
  runtime: HandlebarsEnv;
  templates: Record<string, { source: string; spec: unknown }>;
}

let precompiled: Precompiled | null | undefined;

function loadPrecompiled(): Precompiled | null {
  if (precompiled === undefined) {
    try {
      // Beside the bundle; when running from the sources there is none, and templates compile.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const built = require(path.join(__dirname, 'letters.cjs')) as Precompiled;
      precompiled = { runtime: isolate(built.runtime), templates: built.templates };
    } catch {
      precompiled = null;
    }
  }
  return precompiled;
}

/**
 * The template for a source, precompiled when it is exactly a built-in template the build
 * compiled (so a template edited since, or a user's own, is compiled and checked here).
 */
export function loadTemplate(source: string, file: string, kind: string): (data: object) => string {
  const built = loadPrecompiled();
  const entry = built?.templates[kind];
  if (built && entry && entry.source === source) {
    return renderer(built.runtime.template(entry.spec as never) as Compiled, file);
  }
  return compileTemplate(source, file);
}

/** Tidy rendered text: no trailing spaces, no runs of blank lines, one final newline. */
export function tidyLetter(text: string): string {
  const lines = text.split(/\r?\n/).map((l) => l.replace(/[ \t]+$/, ''));
  const out: string[] = [];
  for (const line of lines) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

/** Private-use marks around each value while a letter renders, so that its end can be told from the template's text. */
const VALUE_START = '\uE000';
const VALUE_END = '\uE001';

/** A copy of the data with every non-empty string between the marks (keys, numbers and booleans as they are). */
function markValues(value: unknown): unknown {
  if (typeof value === 'string') return value === '' ? value : `${VALUE_START}${value}${VALUE_END}`;
  if (Array.isArray(value)) return value.map(markValues);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = markValues(v);
    return out;
  }
  return value;
}

/**
 * One closing mark where a value's own meets the template's: "{{why}}." with a why that already
 * ends in ".", "!", "?" or "...", or "{{company}}." for "Acme Inc.", keeps the value's mark and
 * drops the template's full stop. The values themselves come out exactly as typed.
 */
function joinMarks(text: string): string {
  return text.replace(/([.!?\u2026]\uE001+)\./g, '$1').replace(/[\uE000\uE001]/g, '');
}

/** Render a template's source with data into a tidy plain-text letter. */
export function renderTemplate(source: string, file: string, data: object, kind?: string): string {
  const template = kind === undefined ? compileTemplate(source, file) : loadTemplate(source, file, kind);
  // Marked only when no value holds the marks already (then the text is left exactly as rendered).
  const marked = !/[\uE000\uE001]/.test(JSON.stringify(data));
  const text = marked ? joinMarks(template(markValues(data) as object)) : template(data);
  return tidyLetter(text);
}

/** Parse a template (checked as for rendering) into Handlebars' syntax tree, for `templates check`. */
export function parseTemplate(source: string, file: string): unknown {
  return parseChecked(handlebars(), source, file);
}
