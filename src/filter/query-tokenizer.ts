/**
 * Splits filter-box text into terms. Whitespace separates terms, except
 * inside double quotes, which group text (spaces included) and can spell an
 * empty value: `exchange:""`. Inside quotes, `\"` and `\\` escape. The quotes
 * are kept as segment boundaries so the parser can tell `-x` (negation) from
 * `"-x"` (the text "-x"), and `exchange:foo` from `"exchange:foo"`.
 *
 * @module
 */

/** A run of term text, either typed bare or inside double quotes. */
export interface QuerySegment {
  text: string;
  quoted: boolean;
}

/** One whitespace-separated term, as typed (`raw`) and as segments. */
export interface QueryToken {
  raw: string;
  segments: QuerySegment[];
}

/** Tokenizer outcome: the terms, or a message fit to show under the input. */
export type TokenizeResult = { ok: true; tokens: QueryToken[] } | { ok: false; error: string };

const QUOTE = '"';
const BACKSLASH = '\\';

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v';
}

/**
 * Tokenizes filter-box text.
 *
 * @example tokenizeQuery('x:celery -"a b"') // two tokens: x:celery and -"a b"
 */
export function tokenizeQuery(text: string): TokenizeResult {
  const tokens: QueryToken[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isSpace(text.charAt(i))) i++;
    if (i >= text.length) break;

    const start = i;
    const segments: QuerySegment[] = [];
    let bare = '';
    while (i < text.length && !isSpace(text.charAt(i))) {
      const ch = text.charAt(i);
      if (ch !== QUOTE) {
        bare += ch;
        i++;
        continue;
      }
      if (bare !== '') segments.push({ text: bare, quoted: false });
      bare = '';
      const closed = readQuoted(text, i + 1);
      if (closed === null) {
        return { ok: false, error: `Unclosed quote in ${text.slice(start)} (add a closing ")` };
      }
      segments.push({ text: closed.value, quoted: true });
      i = closed.next;
    }
    if (bare !== '') segments.push({ text: bare, quoted: false });
    tokens.push({ raw: text.slice(start, i), segments });
  }
  return { ok: true, tokens };
}

/** Reads a quoted run starting just after the opening quote; null if never closed. */
function readQuoted(text: string, from: number): { value: string; next: number } | null {
  let value = '';
  let i = from;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === QUOTE) return { value, next: i + 1 };
    if (ch === BACKSLASH && i + 1 < text.length) {
      value += text.charAt(i + 1);
      i += 2;
      continue;
    }
    value += ch;
    i++;
  }
  return null;
}
