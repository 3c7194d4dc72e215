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

import { formatPath, MAX_PATH_STEPS, parsePath, segmentText, type PathSegment } from '../filter/index.ts';
import { valueAtPath } from '../model/index.ts';

export type { PathSegment };
export { valueAtPath };

/** A parsed path; `text` is its canonical spelling (what formatFieldPath gives). */
export interface FieldPath {
  readonly text: string;
  readonly segments: readonly PathSegment[];
}

export type ParsedPath = { ok: true; path: FieldPath } | { ok: false; error: string };

/** Longest path text accepted; longer is refused, not cut. */
export const MAX_PATH_CHARS = 2000;
/** Deepest path accepted (a body nested deeper than this cannot be charted). */
export const MAX_PATH_SEGMENTS = MAX_PATH_STEPS;

/** The canonical text of a path: `$` followed by each step (the filter's own spelling, filter/json-path.ts). */
export const formatFieldPath = formatPath;

/** The text of a child's path, from its parent's text (the tree builds paths this way, one step per level). */
export function childPathText(parentText: string, segment: PathSegment): string {
  return parentText + segmentText(segment);
}

/**
 * Parses a chart's path with the filter's parser (one path language in the
 * page), refusing what a chart cannot follow: wildcards (`[*]`, `.*` give
 * several values) and anything after the path.
 */
export function parseFieldPath(text: string): ParsedPath {
  if (text.length > MAX_PATH_CHARS) return { ok: false, error: `path is longer than ${MAX_PATH_CHARS} characters` };
  const parsed = parsePath(text);
  if (typeof parsed === 'string') return { ok: false, error: parsed };
  if (parsed.end < text.length) return { ok: false, error: `unexpected ${JSON.stringify(text.charAt(parsed.end))} at column ${parsed.end + 1}` };
  const segments: PathSegment[] = [];
  for (const step of parsed.steps) {
    if (step.kind === 'any') return { ok: false, error: 'a chart follows one value per message: [*] and .* are for filters' };
    segments.push(step.kind === 'key' ? step.name : step.index);
  }
  return { ok: true, path: { text: formatPath(segments), segments } };
}

/**
 * What a path found in a body, for charting (`value`: valueAtPath's answer,
 * undefined when the body does not have the field): a finite number,
 * 'absent', or 'not-number' (it has it, but not as a finite JSON number:
 * numeric strings are not charted, the chart says so).
 */
export function numberOf(value: unknown): number | 'absent' | 'not-number' {
  if (value === undefined) return 'absent';
  return typeof value === 'number' && Number.isFinite(value) ? value : 'not-number';
}
