/**
 * Paths to a field of a decoded body, JSONPath-like and nothing more:
 * `$` is the body, `.name` an object key that is a plain identifier,
 * `["any key"]` any other key (a JSON string literal, so quotes, dots and
 * control characters are unambiguous), `[3]` an array index.
 *
 * @example `$.customer.total_cents`, `$.items[0].qty`, `$["a b"]["x.y"]`
 *
 * A path is text from the tree, a URL or the user: it is parsed with limits
 * (length, depth) and never evaluated as code. Evaluation reads own
 * properties only, so `$.constructor` or `$.__proto__` find nothing on a
 * body that does not carry those keys.
 *
 * @module
 */

/** One step: an object key or an array index. */
export type PathSegment = string | number;

/** A parsed path; `text` is its canonical spelling (what formatFieldPath gives). */
export interface FieldPath {
  readonly text: string;
  readonly segments: readonly PathSegment[];
}

export type ParsedPath = { ok: true; path: FieldPath } | { ok: false; error: string };

/** Longest path text accepted; longer is refused, not cut. */
export const MAX_PATH_CHARS = 2000;
/** Deepest path accepted (a body nested deeper than this cannot be charted). */
export const MAX_PATH_SEGMENTS = 64;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const IDENTIFIER_AT = /[A-Za-z_$][\w$]*/y;
const INDEX_AT = /(0|[1-9]\d{0,8})\]/y;
/** A JSON string literal, escapes included; JSON.parse checks the escapes (and refuses raw control characters). */
const STRING_AT = /"(?:[^"\\]|\\.)*"\]/y;

/** The path's text for one more step. */
export function segmentText(segment: PathSegment): string {
  if (typeof segment === 'number') return `[${segment}]`;
  return IDENTIFIER.test(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]`;
}

/** The canonical text of a path: `$` followed by each step. */
export function formatFieldPath(segments: readonly PathSegment[]): string {
  let text = '$';
  for (const segment of segments) text += segmentText(segment);
  return text;
}

/** The text of a child's path, from its parent's text (the tree builds paths this way, one step per level). */
export function childPathText(parentText: string, segment: PathSegment): string {
  return parentText + segmentText(segment);
}

/** Parses a path's text; the error says what is wrong and where (1-based column). */
export function parseFieldPath(text: string): ParsedPath {
  if (text.length > MAX_PATH_CHARS) return { ok: false, error: `path is longer than ${MAX_PATH_CHARS} characters` };
  if (!text.startsWith('$')) return { ok: false, error: 'a path starts with $ (the body), e.g. $.total_cents' };
  const segments: PathSegment[] = [];
  let at = 1;
  while (at < text.length) {
    if (segments.length === MAX_PATH_SEGMENTS) return { ok: false, error: `path is deeper than ${MAX_PATH_SEGMENTS} steps` };
    const step = readSegment(text, at);
    if (!step.ok) return { ok: false, error: `${step.error} at column ${at + 1}` };
    segments.push(step.segment);
    at = step.end;
  }
  return { ok: true, path: { text: formatFieldPath(segments), segments } };
}

type SegmentRead = { ok: true; segment: PathSegment; end: number } | { ok: false; error: string };

function readSegment(text: string, at: number): SegmentRead {
  const char = text[at];
  if (char === '.') {
    IDENTIFIER_AT.lastIndex = at + 1;
    const match = IDENTIFIER_AT.exec(text);
    if (match === null) return { ok: false, error: 'expected a key name after "." (use ["..."] for other keys)' };
    return { ok: true, segment: match[0], end: at + 1 + match[0].length };
  }
  if (char === '[') {
    INDEX_AT.lastIndex = at + 1;
    const index = INDEX_AT.exec(text);
    if (index !== null) return { ok: true, segment: Number(index[1]), end: at + 1 + index[0].length };
    STRING_AT.lastIndex = at + 1;
    const quoted = STRING_AT.exec(text);
    if (quoted !== null) {
      const key = parseJsonString(quoted[0].slice(0, -1));
      if (key !== null) return { ok: true, segment: key, end: at + 1 + quoted[0].length };
    }
    return { ok: false, error: 'expected [index] or ["key"]' };
  }
  return { ok: false, error: `unexpected ${JSON.stringify(char)}` };
}

function parseJsonString(literal: string): string | null {
  try {
    const value: unknown = JSON.parse(literal);
    return typeof value === 'string' ? value : null;
  } catch {
    return null; // a bad escape such as \x
  }
}

/** The value at `segments` in `root`, or undefined when any step is missing. Own properties only. */
export function valueAtPath(root: unknown, segments: readonly PathSegment[]): unknown {
  let current = root;
  for (const segment of segments) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current) || segment >= current.length) return undefined;
      current = current[segment];
    } else {
      if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
      if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}

/**
 * What a path finds in a body for charting: a finite number, 'absent' (the
 * body does not have the field) or 'not-number' (it does, but it is not a
 * finite JSON number: numeric strings are not charted, the chart says so).
 */
export function numberAtPath(root: unknown, segments: readonly PathSegment[]): number | 'absent' | 'not-number' {
  const value = valueAtPath(root, segments);
  if (value === undefined) return 'absent';
  return typeof value === 'number' && Number.isFinite(value) ? value : 'not-number';
}
