/**
 * The page's one path language for fields of a decoded body, shared by the
 * filter's field terms, the suggestions, the JSON tree and field charts:
 * `$.customer.country`, `$.items[0].sku`, `$["a key"].b`, `$.tags[*]`,
 * `$.*.id`. Parsed once; resolved per message on the decoded body, reading
 * own properties only (`$.constructor` is a key like any other, never
 * Object's). The canonical spelling ({@link formatPath}) writes identifiers
 * after a dot and any other key as a JSON string in brackets, which this
 * parser reads back exactly.
 */
import { readQuoted } from './query-tokenizer.ts';

export type PathStep = { kind: 'key'; name: string } | { kind: 'index'; index: number } | { kind: 'any' };

/** A parsed path and where in the term it ended. */
export interface ParsedPath {
  steps: PathStep[];
  /** Text of the path as typed. */
  text: string;
  /** Offset just after the path in the text it was read from. */
  end: number;
}

/** One step as the JSON tree knows it: an object key or an array index. */
export type PathSegment = string | number;

/** Characters that end a bare `.name`: operators, brackets, quotes, spaces. */
const NAME_END = /[.[\]=~<>!"'\s]/;
/** Deepest path accepted. */
export const MAX_PATH_STEPS = 64;
const MAX_STEPS = MAX_PATH_STEPS;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** One step's canonical text: `.name` for identifiers, `["any key"]` (a JSON string) otherwise, `[3]` for an index. */
export function segmentText(segment: PathSegment): string {
  if (typeof segment === 'number') return `[${segment}]`;
  return IDENTIFIER.test(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]`;
}

/** The canonical text of a path: `$` followed by each step. */
export function formatPath(segments: readonly PathSegment[]): string {
  let text = '$';
  for (const segment of segments) text += segmentText(segment);
  return text;
}
const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

/**
 * Reads a path starting with `$` at `from`; returns an error message when it
 * is malformed.
 */
export function parsePath(text: string, from = 0): ParsedPath | string {
  if (text.charAt(from) !== '$') return 'a field path starts with $';
  const steps: PathStep[] = [];
  let i = from + 1;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === '.') {
      let end = i + 1;
      while (end < text.length && !NAME_END.test(text.charAt(end))) end++;
      const name = text.slice(i + 1, end);
      if (name === '') return `a name is missing after "." at "${text.slice(from, i + 1)}"`;
      steps.push(name === '*' ? { kind: 'any' } : { kind: 'key', name });
      i = end;
    } else if (ch === '[') {
      const step = readBracket(text, i + 1);
      if (typeof step === 'string') return step;
      steps.push(step.step);
      i = step.next;
    } else break;
    if (steps.length > MAX_STEPS) return `a field path has at most ${MAX_STEPS} steps`;
  }
  return { steps, text: text.slice(from, i), end: i };
}

function readBracket(text: string, from: number): { step: PathStep; next: number } | string {
  const ch = text.charAt(from);
  if (ch === '"' || ch === "'") {
    const quoted = ch === '"' ? (readJsonString(text, from) ?? readQuoted(text, from + 1)) : readSingleQuoted(text, from + 1);
    if (quoted === null || text.charAt(quoted.next) !== ']') return 'a quoted name in [...] needs its closing quote and ]';
    return { step: { kind: 'key', name: quoted.value }, next: quoted.next + 1 };
  }
  const close = text.indexOf(']', from);
  if (close < 0) return 'a [ in the field path is not closed';
  const inside = text.slice(from, close);
  if (inside === '*') return { step: { kind: 'any' }, next: close + 1 };
  if (/^\d{1,9}$/.test(inside)) return { step: { kind: 'index', index: Number(inside) }, next: close + 1 };
  return `[${inside}] is not an index: write [0], [*] or ["name"]`;
}

/** A JSON string literal starting at `from` (the canonical spelling, so `\n` and `\u0001` mean what JSON says); null when it is not one. */
function readJsonString(text: string, from: number): { value: string; next: number } | null {
  let i = from + 1;
  while (i < text.length && text.charAt(i) !== '"') i += text.charAt(i) === '\\' ? 2 : 1;
  if (i >= text.length) return null;
  try {
    const value: unknown = JSON.parse(text.slice(from, i + 1));
    return typeof value === 'string' ? { value, next: i + 1 } : null;
  } catch {
    return null; // not JSON (a raw control character, \x): read with the box's own quoting
  }
}

function readSingleQuoted(text: string, from: number): { value: string; next: number } | null {
  let value = '';
  for (let i = from; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === "'") return { value, next: i + 1 };
    if (ch === '\\' && i + 1 < text.length) value += text.charAt(++i);
    else value += ch;
  }
  return null;
}

/**
 * Calls `visit` with each value the path reaches in `root` (several with
 * `[*]`), until one returns true; returns whether one did.
 */
export function someAtPath(root: unknown, steps: readonly PathStep[], visit: (value: unknown) => boolean, at = 0): boolean {
  if (at === steps.length) return visit(root);
  if (typeof root !== 'object' || root === null) return false;
  const step = steps[at];
  if (step === undefined) return false;
  if (step.kind === 'key') {
    if (Array.isArray(root) || !hasOwn(root, step.name)) return false;
    return someAtPath((root as Record<string, unknown>)[step.name], steps, visit, at + 1);
  }
  if (step.kind === 'index') {
    if (!Array.isArray(root) || step.index >= root.length) return false;
    return someAtPath(root[step.index], steps, visit, at + 1);
  }
  const children = Array.isArray(root) ? root : Object.values(root);
  for (const child of children) if (someAtPath(child, steps, visit, at + 1)) return true;
  return false;
}

/** Every path with a scalar or empty value in `value`, as `$.a.b` / `$.a[0]`, at most `limit`, breadth first. */
export function pathsIn(value: unknown, limit: number, into: Set<string> = new Set()): Set<string> {
  const queue: [unknown, string, number][] = [[value, '$', 0]];
  while (queue.length > 0 && into.size < limit) {
    const [node, path, depth] = queue.shift() ?? [null, '$', 0];
    if (typeof node !== 'object' || node === null || ArrayBuffer.isView(node) || depth > 8) {
      if (path !== '$') into.add(path);
      continue;
    }
    if (Array.isArray(node)) {
      if (node.length === 0) into.add(path);
      // One element stands for all: paths of arrays are suggested with [0].
      else queue.push([node[0], `${path}[0]`, depth + 1]);
      continue;
    }
    for (const key of Object.keys(node).slice(0, 100)) {
      queue.push([(node as Record<string, unknown>)[key], path + segmentText(key), depth + 1]);
    }
  }
  return into;
}
