/**
 * Autocomplete for the filter box: what the term under the cursor could
 * become. Pure: the words it completes from (routing keys, header names,
 * field paths seen so far) are handed in; the box samples them when its
 * list opens, never per message.
 */
import { PROPERTY_NAMES } from './message-terms.ts';

export type CompletionKind = 'key' | 'header' | 'prop' | 'field';

/** The term being typed, and the part of it a suggestion replaces. */
export interface CompletionContext {
  kind: CompletionKind;
  /** What was typed of the name so far (the text a candidate must match). */
  typed: string;
  /** The text a suggestion replaces: [from, to) of the box's text. */
  from: number;
  to: number;
  /** Written before the candidate (`key:` stays `key:`, a bare word gets nothing). */
  lead: string;
}

/** The words the box completes from. */
export interface Vocabulary {
  keys: readonly string[];
  headers: readonly string[];
  fields: readonly string[];
}

export interface Suggestion {
  kind: CompletionKind;
  /** What the list shows. */
  label: string;
  /** The box's text once accepted, and where the cursor goes. */
  text: string;
  cursor: number;
}

const isSpace = (ch: string) => /\s/.test(ch);
const FIELD_PREFIXES: readonly [string, CompletionKind][] = [
  ['header:', 'header'],
  ['prop:', 'prop'],
  ['key:', 'key'],
];
/** Characters after which the name is finished and a value is being typed. */
const OPERATOR = /[=~<>!]/;

/**
 * The completion for the term at `cursor`, or null when there is nothing to
 * complete there (a value after an operator, a quoted term, a regex, text
 * with wildcards, other fields).
 */
export function completionAt(text: string, cursor: number): CompletionContext | null {
  let start = cursor;
  while (start > 0 && !isSpace(text.charAt(start - 1))) start--;
  let end = cursor;
  while (end < text.length && !isSpace(text.charAt(end))) end++;
  let from = start;
  if (text.charAt(from) === '-') from++;
  const typed = text.slice(from, cursor);
  if (typed === '' || typed.includes('"') || typed.startsWith('/')) return null;
  const lower = typed.toLowerCase();
  for (const [prefix, kind] of FIELD_PREFIXES) {
    if (!lower.startsWith(prefix)) continue;
    const name = typed.slice(prefix.length);
    if (OPERATOR.test(name) || (kind === 'key' && /[*#]/.test(name))) return null;
    return { kind, typed: name, from: from + prefix.length, to: end, lead: '' };
  }
  if (typed.startsWith('$')) return OPERATOR.test(typed) ? null : { kind: 'field', typed, from, to: end, lead: '' };
  if (/^[A-Za-z]+:/.test(typed) || /(^|\.)[*#](\.|$)/.test(typed) || OPERATOR.test(typed)) return null;
  return { kind: 'key', typed, from, to: end, lead: '' };
}

/** A routing key as a bare term when it reads back as itself, else quoted. */
export function keyTerm(key: string): string {
  const plain = /^[\w.:@+-]+$/.test(key) && !/^-/.test(key) && !/^[A-Za-z]+:/.test(key) && !/^size[:<>=!]/i.test(key) && key !== 'OR';
  return plain ? key : `"${key.replace(/["\\]/g, '\\$&')}"`;
}

/** Candidates starting with what was typed first, then those containing it, without regard to case. */
function ranked(words: readonly string[], typed: string, limit: number): string[] {
  const needle = typed.toLowerCase();
  const starts: string[] = [];
  const contains: string[] = [];
  for (const word of words) {
    const lower = word.toLowerCase();
    if (lower === needle) continue; // nothing left to complete
    if (lower.startsWith(needle)) starts.push(word);
    else if (lower.includes(needle)) contains.push(word);
    if (starts.length >= limit) break;
  }
  starts.sort();
  contains.sort();
  return [...starts, ...contains].slice(0, limit);
}

/** Up to `limit` suggestions for the term at `cursor` of `text`. */
export function suggest(text: string, cursor: number, vocabulary: Vocabulary, limit = 8): Suggestion[] {
  const context = completionAt(text, cursor);
  if (context === null) return [];
  const words =
    context.kind === 'key' ? vocabulary.keys : context.kind === 'header' ? vocabulary.headers : context.kind === 'prop' ? PROPERTY_NAMES : vocabulary.fields;
  // Paths are case-sensitive and read from the root: only those that continue what was typed.
  const candidates =
    context.kind === 'field' ? words.filter((w) => w.startsWith(context.typed) && w !== context.typed).sort().slice(0, limit) : ranked(words, context.typed, limit);
  return candidates.map((word) => {
    const inserted = context.lead + (context.kind === 'key' ? keyTerm(word) : word);
    const after = text.slice(context.to);
    // A key is a whole term: ready for the next one. A name is followed by its operator.
    const glue = context.kind === 'key' && after === '' ? ' ' : '';
    return {
      kind: context.kind,
      label: word,
      text: text.slice(0, context.from) + inserted + glue + after,
      cursor: context.from + inserted.length + glue.length,
    };
  });
}
