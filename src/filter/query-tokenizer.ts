/**
 * Splits filter-box text into terms. Whitespace separates terms, except
 * inside double quotes, which group text (spaces included) and can spell an
 * empty value: `exchange:""`. Inside quotes, `\"` and `\\` escape. The quotes
 * are kept as segment boundaries so the parser can tell `-x` (negation) from
 * `"-x"` (the text "-x"), and `exchange:foo` from `"exchange:foo"`.
 *
 * A term that starts with `/` (after an optional `-` and `key:` or `body:`)
 * is a regular expression literal, read as JavaScript writes one: up to the
 * closing `/` outside a `[...]` class and not escaped, then its flags; it may
 * hold spaces. Each token keeps its offsets in the text, so an error can
 * point at the term.
 *
 * @module
 */

/** A run of term text, either typed bare or inside double quotes. */
export interface QuerySegment {
  text: string;
  quoted: boolean;
}

/** A `/source/flags` literal as typed (not compiled yet). */
export interface RegexLiteral {
  source: string;
  flags: string;
}

/** One whitespace-separated term, as typed (`raw`, at text[start, end)) and as segments. */
export interface QueryToken {
  raw: string;
  start: number;
  end: number;
  /** For a regex term: the text before the literal (`-`, `body:`), bare. */
  segments: QuerySegment[];
  /** Set when the term is a regex literal. */
  regex?: RegexLiteral;
}

/** Where in the text a problem is: [start, end). */
export interface TextSpan {
  start: number;
  end: number;
}

/** Tokenizer outcome: the terms, or a message fit to show under the input with the span it is about. */
export type TokenizeResult = { ok: true; tokens: QueryToken[] } | ({ ok: false; error: string } & TextSpan);

const QUOTE = '"';
const BACKSLASH = '\\';
const REGEX_START = /^-?(?:(?:key|body):)?\//i;

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
    const regexHead = REGEX_START.exec(text.slice(start, start + 7));
    if (regexHead) {
      const read = readRegex(text, start, start + regexHead[0].length);
      if (!read.ok) return read;
      tokens.push(read.token);
      i = read.token.end;
      continue;
    }
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
        return { ok: false, error: `Unclosed quote in ${text.slice(start)} (add a closing ")`, start, end: text.length };
      }
      segments.push({ text: closed.value, quoted: true });
      i = closed.next;
    }
    if (bare !== '') segments.push({ text: bare, quoted: false });
    tokens.push({ raw: text.slice(start, i), start, end: i, segments });
  }
  return { ok: true, tokens };
}

/** Reads a quoted run starting just after the opening quote; null if never closed. */
export function readQuoted(text: string, from: number): { value: string; next: number } | null {
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

/** Reads `/source/flags` whose opening slash is at `slash - 1`; the prefix before it is text[start, slash - 1). */
function readRegex(text: string, start: number, slash: number): { ok: true; token: QueryToken } | ({ ok: false; error: string } & TextSpan) {
  let i = slash;
  let inClass = false;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === BACKSLASH) i += 2;
    else if (inClass) {
      if (ch === ']') inClass = false;
      i++;
    } else if (ch === '[') {
      inClass = true;
      i++;
    } else if (ch === '/') break;
    else i++;
  }
  if (i >= text.length) {
    return { ok: false, error: `Unclosed regular expression ${text.slice(start)} (end it with /, or quote text that starts with /)`, start, end: text.length };
  }
  const source = text.slice(slash, i);
  let end = i + 1;
  while (end < text.length && /[A-Za-z]/.test(text.charAt(end))) end++;
  const flags = text.slice(i + 1, end);
  if (end < text.length && !isSpace(text.charAt(end))) {
    let stop = end;
    while (stop < text.length && !isSpace(text.charAt(stop))) stop++;
    return { ok: false, error: `"${text.slice(start, stop)}": unexpected text after the regular expression's closing /`, start, end: stop };
  }
  const prefix = text.slice(start, slash - 1);
  return { ok: true, token: { raw: text.slice(start, end), start, end, segments: prefix ? [{ text: prefix, quoted: false }] : [], regex: { source, flags } } };
}
