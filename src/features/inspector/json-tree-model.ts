/**
 * The JSON tree's display model: what a node shows, how many children it
 * has, and which of them to render. Kept apart from the component so the
 * counting, quoting and capping rules are unit-tested, and so the tree only
 * ever touches the children it shows (a 256 KiB document renders lazily).
 */

export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

/** One child of an object or array: its key (or index) and value. */
export interface JsonEntry {
  key: string | number;
  value: unknown;
}

/** Children rendered per "show more" step: enough to scan, few enough to stay fast. */
export const CHILD_PAGE_SIZE = 500;
/** Strings longer than this show a prefix and a control to see the rest. */
export const STRING_PREVIEW_CHARS = 2000;
/** Depths 0 (the root) and 1 open by default. */
export const OPEN_DEPTHS = 2;

export function jsonKind(value: unknown): JsonKind {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
    case 'bigint':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'object';
  }
}

export function isContainer(kind: JsonKind): kind is 'object' | 'array' {
  return kind === 'object' || kind === 'array';
}

/** Number of direct children; 0 for scalars. Object.keys is O(n) but runs once per rendered node. */
export function childCount(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (value !== null && typeof value === 'object') return Object.keys(value).length;
  return 0;
}

/** The first `limit` children of a container, in document order. */
export function childEntries(value: unknown, limit: number): JsonEntry[] {
  if (Array.isArray(value)) return value.slice(0, limit).map((item: unknown, index) => ({ key: index, value: item }));
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return Object.keys(record)
      .slice(0, limit)
      .map((key) => ({ key, value: record[key] }));
  }
  return [];
}

/** "3 keys", "1 item", "empty": shown beside a collapsed (or empty) container. */
export function childSummary(kind: 'object' | 'array', count: number): string {
  if (count === 0) return 'empty';
  const noun = kind === 'object' ? 'key' : 'item';
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

export function openBrackets(kind: 'object' | 'array'): { open: string; close: string } {
  return kind === 'object' ? { open: '{', close: '}' } : { open: '[', close: ']' };
}

/**
 * An object key as shown: bare when it is a plain identifier-like word,
 * JSON-quoted otherwise, so empty keys, spaces and control characters stay
 * visible and unambiguous. Array indexes show as numbers.
 */
export function keyLabel(key: string | number): string {
  if (typeof key === 'number') return String(key);
  return /^[\w$@.-]+$/.test(key) ? key : JSON.stringify(key);
}

/**
 * A scalar as JSON would write it (strings quoted and escaped, so a newline
 * or a quote inside reads as such), cut at `maxChars` for long strings.
 */
export function scalarText(value: unknown, maxChars: number = STRING_PREVIEW_CHARS): { text: string; hiddenChars: number } {
  if (typeof value === 'string') {
    if (value.length <= maxChars) return { text: JSON.stringify(value), hiddenChars: 0 };
    return { text: `${JSON.stringify(value.slice(0, maxChars)).slice(0, -1)}…`, hiddenChars: value.length - maxChars };
  }
  if (value === null || value === undefined) return { text: 'null', hiddenChars: 0 };
  return { text: String(value), hiddenChars: 0 };
}

/** A leaf "chart this field" is offered on: a finite JSON number (numeric strings are not charted). */
export function isChartableNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Whether a node at `depth` starts open. */
export function openByDefault(depth: number): boolean {
  return depth < OPEN_DEPTHS;
}

/** How many children to render after one more "show more" click, never past the total. */
export function nextShownCount(shown: number, total: number): number {
  return Math.min(total, shown + CHILD_PAGE_SIZE);
}
