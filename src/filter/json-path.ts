/**
 * The JSON paths of field terms: `$.customer.country`, `$.items[0].sku`,
 * `$["a key"].b`, `$.tags[*]`, `$.*.id`. Parsed once per filter; resolved per
 * message on the decoded body, reading own properties only (`$.constructor`
 * is a key like any other, never Object's).
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

/** Characters that end a bare `.name`: operators, brackets, quotes, spaces. */
const NAME_END = /[.[\]=~<>!"'\s]/;
const MAX_STEPS = 64;
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
    const quoted = ch === '"' ? readQuoted(text, from + 1) : readSingleQuoted(text, from + 1);
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
      const step = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
      queue.push([(node as Record<string, unknown>)[key], path + step, depth + 1]);
    }
  }
  return into;
}
