/**
 * The filter-box term that shows one requests-view row's conversations:
 * `task:NAME`, quoted when the name would not survive the query tokenizer
 * bare (src/filter/query-tokenizer.ts: whitespace ends a term, a double quote
 * opens a quoted run, inside which a backslash escapes the next character).
 */
import { OVERFLOW_ROW_NAME, UNNAMED_ROW_NAME } from '../../conversations/index.ts';
import { parseFilterQuery } from '../../filter/index.ts';

export { UNNAMED_ROW_NAME };

const NEEDS_QUOTES = /[\s"\\]/;

/** `task:NAME`, with NAME double-quoted and `"` / `\` backslash-escaped when it has spaces, quotes or backslashes (or is empty). */
export function taskFilterTerm(name: string): string {
  if (name !== '' && !NEEDS_QUOTES.test(name)) return `task:${name}`;
  return `task:"${name.replace(/["\\]/g, (ch) => `\\${ch}`)}"`;
}

/**
 * Can the table be filtered to this row? Not the overflow row (its requests
 * keep their own names) nor the unnamed one (`task:` needs a name).
 */
export function isFilterableName(name: string): boolean {
  return name !== OVERFLOW_ROW_NAME && name !== UNNAMED_ROW_NAME;
}

/**
 * The row name the filter box selects: its text is exactly the term a row
 * click writes, so typing anything else deselects. null when it is not.
 */
export function selectedRequestName(filterText: string): string | null {
  const text = filterText.trim();
  if (!text.startsWith('task:')) return null;
  const parsed = parseFilterQuery(text);
  if (!parsed.ok || parsed.filter.linkTerms.length !== 1) return null;
  const term = parsed.filter.linkTerms[0]!;
  if (term.field !== 'task' || term.negated || taskFilterTerm(term.value) !== text) return null;
  return term.value;
}
