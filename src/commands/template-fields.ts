/**
 * `templates check`'s reading of a template: every field it names, in every branch (inside
 * `#if`, `#unless`, `#each` and `#with` too, whether or not that branch would run), looked up in
 * the fields the letter's data has. Rendering alone misses a misspelt field in a branch that the
 * sample does not take, and Handlebars does not check a helper's arguments (`{{#if wyh}}`).
 */
import { closest } from '../core/suggest.js';

/** A field that the data does not have, where it is, and what was probably meant. */
export interface UnknownField {
  line: number;
  field: string;
  problem: string;
}

/** The parts of Handlebars' syntax tree this reads. */
interface Node {
  type: string;
  loc?: { start: { line: number } };
  [key: string]: unknown;
}
interface PathNode extends Node {
  original: string;
  parts: string[];
  depth: number;
  data: boolean;
}

const BLOCK_HELPERS = new Set(['if', 'unless', 'each', 'with']);
const HELPERS = new Set(['join', 'count']);
/** Shapes an `#each` of a list that is empty in the sample: any field is accepted there. */
const ANYTHING = Symbol('anything');
type Shape = unknown;

function fieldsOf(shape: Shape): string[] {
  return shape && typeof shape === 'object' ? Object.keys(shape) : [];
}

/** The shape of one item of a list (its first item that is set), or ANYTHING. */
function itemOf(shape: Shape): Shape {
  if (Array.isArray(shape)) return shape.find((x) => x !== null && x !== undefined) ?? ANYTHING;
  return ANYTHING;
}

/**
 * The fields `source` names that `data` (the letter's data with every optional field filled) does
 * not have. `parse` is Handlebars' parse (passed in: loaded only by the command that checks).
 */
export function unknownFields(source: string, data: object, parse: (s: string) => unknown): UnknownField[] {
  const found: UnknownField[] = [];
  const seen = new Set<string>();

  const resolve = (path: PathNode, stack: Shape[]): Shape => {
    if (path.data) {
      if (path.parts[0] !== 'root') return ANYTHING; // @index, @first, @key...
      return walk(path, path.parts.slice(1), stack[0], 'root');
    }
    const base = stack[Math.max(0, stack.length - 1 - path.depth)];
    return walk(path, path.parts, base, null);
  };

  const walk = (path: PathNode, parts: string[], base: Shape, prefix: string | null): Shape => {
    let shape = base;
    const done: string[] = prefix ? [prefix] : [];
    for (const part of parts) {
      if (shape === ANYTHING) return ANYTHING;
      if (Array.isArray(shape)) {
        // A list has its length and its items (needs.length, needs.0).
        if (part === 'length') return 0;
        if (/^\d+$/.test(part)) {
          shape = itemOf(shape);
          done.push(part);
          continue;
        }
      }
      const fields = Array.isArray(shape) ? ['length'] : fieldsOf(shape);
      if (!fields.includes(part)) {
        const where = done.length > 0 ? done.join('.') : null;
        const meant = closest(part, fields);
        const problem =
          `unknown field "${path.original}"` +
          (meant ? `; did you mean ${[...done.filter((d) => d !== 'root'), meant].join('.')}?` : '') +
          (where !== null ? ` (${where} has: ${fields.join(', ')})` : '');
        const line = path.loc?.start.line ?? 0;
        const key = `${line}:${path.original}`;
        if (!seen.has(key)) {
          seen.add(key);
          found.push({ line, field: path.original, problem });
        }
        return ANYTHING;
      }
      done.push(part);
      shape = (shape as Record<string, unknown>)[part];
    }
    return shape;
  };

  const value = (node: Node | undefined, stack: Shape[]): Shape => {
    if (!node) return ANYTHING;
    if (node.type === 'PathExpression') {
      const path = node as PathNode;
      if (path.parts.length === 0 && !path.data) return stack[stack.length - 1 - path.depth] ?? ANYTHING; // this
      return resolve(path, stack);
    }
    if (node.type === 'SubExpression') {
      for (const p of (node.params as Node[]) ?? []) value(p, stack);
      return ANYTHING;
    }
    return ANYTHING; // a literal
  };

  const visit = (node: Node | undefined, stack: Shape[]): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        for (const child of node.body as Node[]) visit(child, stack);
        return;
      case 'MustacheStatement': {
        const path = node.path as PathNode;
        const params = (node.params as Node[]) ?? [];
        if (params.length > 0 || HELPERS.has(path.original)) {
          for (const p of params) value(p, stack);
        } else {
          value(path, stack);
        }
        for (const pair of ((node.hash as { pairs?: { value: Node }[] } | undefined)?.pairs ?? [])) value(pair.value, stack);
        return;
      }
      case 'BlockStatement': {
        const path = node.path as PathNode;
        const params = (node.params as Node[]) ?? [];
        const name = path.original;
        const first = BLOCK_HELPERS.has(name) || HELPERS.has(name) ? value(params[0], stack) : value(path, stack);
        for (const p of params.slice(1)) value(p, stack);
        const inner = name === 'each' ? itemOf(first) : name === 'with' ? first : null;
        visit(node.program as Node, inner === null ? stack : [...stack, inner]);
        visit(node.inverse as Node, stack);
        return;
      }
      default:
        return;
    }
  };

  visit(parse(source) as Node, [data]);
  return found;
}
