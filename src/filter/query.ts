/**
 * The filter box's query language, in the spirit of Chrome DevTools'
 * `parseFilterQuery`: the text is parsed and compiled ONCE into a predicate
 * over a message's (exchange, routing key); the table then only calls it
 * (once per distinct pair: the ingest keeps a verdict per routing-key id).
 *
 * Grammar:
 * - Terms are separated by whitespace; a message must satisfy ALL of them.
 *   Double quotes group text with spaces and can spell empty text; inside
 *   quotes a backslash escapes the next character.
 * - `-term` negates a term. A lone `-` is the text "-"; `"-x"` is the text "-x".
 * - `exchange:NAME` (alias `x:`) matches the exchange exactly, case-sensitive.
 *   `exchange:""` is the default exchange; `exchange:` with no name is an error.
 * - `key:PATTERN` matches the routing key as an AMQP topic binding would
 *   (exact and case-sensitive without wildcards); `key:""` is the empty key;
 *   `key:` with nothing is an error.
 * - A term with `*` or `#` as a whole dot-separated word (`orders.*`, `#.failed`,
 *   `#`) is an AMQP topic pattern, case-sensitive, as the broker matches it.
 *   `a*` is not a wildcard for the broker, so it is plain text here too.
 * - `body:TEXT` is text in the message body (raw bytes, ASCII letters without
 *   regard to case; see body-search.ts). It cannot be memoised per routing key,
 *   so such a filter is evaluated per message: {@link CompiledFilter.matchesBody}.
 * - `conv:ID` shows the messages of the conversation(s) with that correlation
 *   id / Celery task id; `task:NAME` those of conversations of that Celery task
 *   name (or RPC request routing key), exact and case-sensitive. Both are
 *   answered per message by the conversation index: {@link CompiledFilter.linkTerms}.
 * - `state:timed-out` (or pending, replied, failed, request-not-seen) shows the
 *   messages of conversations in that state when the filter is applied (a
 *   conversation that times out later shows on the next re-filter).
 * - Any other term is a case-insensitive substring of the routing key.
 * - Field names are case-insensitive. An unknown `name:` prefix is NOT an
 *   error: the whole term is plain text, because routing keys legitimately
 *   contain colons and the box must accept any key pasted from the table.
 *
 * @module
 */
import { compileBodySearch } from './body-search.ts';
import { compileTopicPattern, hasTopicWildcard } from './topic.ts';
import { tokenizeQuery, type QuerySegment, type QueryToken } from './query-tokenizer.ts';

/** A filter compiled from the filter box's text. */
export interface CompiledFilter {
  /** The text it was compiled from, verbatim. */
  readonly text: string;
  /** True when the text has no terms: every message matches. */
  readonly isEmpty: boolean;
  /** Do the key and exchange terms pass this exchange ('' = default) and routing key? */
  matchesKey(exchange: string, routingKey: string): boolean;
  /** The `body:` terms, or null when the filter has none (then matchesKey decides alone). */
  readonly matchesBody: ((body: Uint8Array) => boolean) | null;
  /** The `conv:` and `task:` terms, for the conversation index to answer; empty when none. */
  readonly linkTerms: readonly LinkTerm[];
}

/** A `conv:` or `task:` term: which conversations a message must (or, negated, must not) belong to. */
export interface LinkTerm {
  field: 'conv' | 'task' | 'state';
  value: string;
  negated: boolean;
}

/** Outcome of {@link parseFilterQuery}: a filter, or a message for the user. */
export type FilterParseResult = { ok: true; filter: CompiledFilter } | { ok: false; error: string };

/** Decides on a routing key (with its exchange); the view asks it once per distinct pair. */
export type KeyPredicate = (exchange: string, routingKey: string) => boolean;
/** Decides on a body (`body:` terms), which cannot be memoised per key. */
export type BodyPredicate = (body: Uint8Array) => boolean;
type TermPredicate = KeyPredicate;
type CompiledTerm = { on: 'key'; test: TermPredicate } | { on: 'body'; test: BodyPredicate } | { on: 'link'; term: LinkTerm };

const EXCHANGE_FIELDS = new Set(['exchange', 'x']);
const KEY_FIELDS = new Set(['key']);
const BODY_FIELDS = new Set(['body']);
const LINK_FIELDS = new Set(['conv', 'task', 'state']);
/** `state:` values (a conversation's states, see conversations/conversation.ts), with the spellings people type. */
const STATES: ReadonlyMap<string, string> = new Map([
  ['pending', 'pending'],
  ['replied', 'replied'],
  ['failed', 'failed'],
  ['timed-out', 'timed-out'],
  ['timedout', 'timed-out'],
  ['timeout', 'timed-out'],
  ['request-not-seen', 'request-not-seen'],
  ['not-seen', 'request-not-seen'],
]);
const FIELD_PREFIX = /^([A-Za-z]+):/;

/** The filter of an empty box; it passes every message. */
export const MATCH_ALL_FILTER: CompiledFilter = Object.freeze({
  text: '',
  isEmpty: true,
  matchesKey: () => true,
  matchesBody: null,
  linkTerms: [],
});

/**
 * Parses and compiles filter-box text (grammar in the module comment).
 *
 * @example parseFilterQuery('x:celery orders.*.created -eu')
 * @returns `{ ok: true, filter }`, or `{ ok: false, error }` with a message
 *   fit to show next to the input.
 */
export function parseFilterQuery(text: string): FilterParseResult {
  const tokenized = tokenizeQuery(text);
  if (!tokenized.ok) return tokenized;

  const predicates: TermPredicate[] = [];
  const bodyPredicates: BodyPredicate[] = [];
  const linkTerms: LinkTerm[] = [];
  for (const token of tokenized.tokens) {
    const compiled = compileTerm(token);
    if (typeof compiled === 'string') return { ok: false, error: compiled };
    if (compiled.on === 'key') predicates.push(compiled.test);
    else if (compiled.on === 'body') bodyPredicates.push(compiled.test);
    else linkTerms.push(compiled.term);
  }
  if (predicates.length === 0 && bodyPredicates.length === 0 && linkTerms.length === 0) return { ok: true, filter: { ...MATCH_ALL_FILTER, text } };
  return {
    ok: true,
    filter: { text, isEmpty: false, matchesKey: allOf(predicates), matchesBody: bodyPredicates.length ? allOf(bodyPredicates) : null, linkTerms },
  };
}

function allOf<A extends unknown[]>(predicates: ((...args: A) => boolean)[]): (...args: A) => boolean {
  if (predicates.length === 0) return () => true;
  if (predicates.length === 1) return predicates[0]!;
  return (...args) => {
    for (const predicate of predicates) if (!predicate(...args)) return false;
    return true;
  };
}

/** Compiles one term to a predicate, or returns an error message. */
function compileTerm(token: QueryToken): CompiledTerm | string {
  const segments: QuerySegment[] = [...token.segments];
  let negated = false;
  let field: 'exchange' | 'key' | 'body' | LinkTerm['field'] | null = null;

  // Negation and field prefixes only count when typed bare, before any quote.
  const first = segments[0];
  if (first && !first.quoted) {
    let head = first.text;
    if (head.startsWith('-') && (head.length > 1 || segments.length > 1)) {
      negated = true;
      head = head.slice(1);
    }
    const prefix = FIELD_PREFIX.exec(head);
    const name = prefix?.[1]?.toLowerCase();
    if (prefix && name !== undefined && (EXCHANGE_FIELDS.has(name) || KEY_FIELDS.has(name) || BODY_FIELDS.has(name) || LINK_FIELDS.has(name))) {
      field = EXCHANGE_FIELDS.has(name) ? 'exchange' : KEY_FIELDS.has(name) ? 'key' : BODY_FIELDS.has(name) ? 'body' : (name as LinkTerm['field']);
      head = head.slice(prefix[0].length);
    }
    segments[0] = { text: head, quoted: false };
  }

  const value = segments.map((s) => s.text).join('');
  const spelled = segments.some((s) => s.quoted || s.text !== '');
  if (field === 'body') {
    if (value === '') return `"${token.raw}" needs text to look for in the body`;
    const search = compileBodySearch(value);
    return { on: 'body', test: negated ? (body) => !search(body) : search };
  }
  if (field === 'state') {
    const state = STATES.get(value.toLowerCase());
    if (state === undefined) return `"${token.raw}": state is one of pending, replied, failed, timed-out, request-not-seen`;
    return { on: 'link', term: { field, value: state, negated } };
  }
  if (field === 'conv' || field === 'task') {
    if (value === '') return `"${token.raw}" needs ${field === 'conv' ? 'a correlation or task id' : 'a task name or request routing key'}`;
    return { on: 'link', term: { field, value, negated } };
  }
  let predicate: TermPredicate;
  if (field === 'exchange') {
    if (!spelled) return `"${token.raw}" needs an exchange name (write exchange:"" for the default exchange)`;
    predicate = (exchange) => exchange === value;
  } else if (field === 'key') {
    if (!spelled) return `"${token.raw}" needs a routing key or topic pattern (write key:"" for the empty key)`;
    predicate = topicPredicate(value);
  } else if (hasTopicWildcard(value)) {
    predicate = topicPredicate(value);
  } else {
    predicate = substringPredicate(value);
  }
  return { on: 'key', test: negated ? (exchange, routingKey) => !predicate(exchange, routingKey) : predicate };
}

function topicPredicate(pattern: string): TermPredicate {
  const matches = compileTopicPattern(pattern);
  return (_exchange, routingKey) => matches(routingKey);
}

function substringPredicate(text: string): TermPredicate {
  const needle = text.toLowerCase();
  if (needle === '') return () => true;
  return (_exchange, routingKey) => routingKey.toLowerCase().includes(needle);
}
