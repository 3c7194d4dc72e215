/**
 * The filter box's query language, in the spirit of Chrome DevTools'
 * `parseFilterQuery` and Wireshark's display filters: the text is parsed and
 * compiled ONCE; the view then only calls the result. Grammar:
 *
 * - Terms are separated by whitespace; a message must satisfy ALL of them.
 *   Double quotes group text with spaces and can spell empty text; inside
 *   quotes a backslash escapes the next character.
 * - `OR` (uppercase, or `||`) between terms separates groups: `a b OR c` is
 *   (a AND b) OR c. There are no parentheses.
 * - `-term` negates any term. A lone `-` is the text "-"; `"-x"` is the text "-x".
 * - Routing-key terms (decided once per distinct key, see view/key-verdicts.ts):
 *   - `exchange:NAME` (alias `x:`) is the exchange exactly; `exchange:""` the default one.
 *   - `key:PATTERN` is an AMQP topic pattern (exact without wildcards); `key:""` the empty key.
 *   - A term with `*` or `#` as a whole dot-separated word (`orders.*`, `#.failed`) is a topic pattern.
 *   - `/regex/flags` (or `key:/regex/`) is a JavaScript regex on the routing key. A repeated
 *     group that repeats inside (`(a+)+`) is refused: it can backtrack forever (regex-guard.ts).
 *   - Any other term is a case-insensitive substring of the routing key.
 * - Per-message terms (see message-terms.ts):
 *   - `header:NAME` (present), `header:NAME=VALUE`, `header:NAME~TEXT`, `!=`, `>`...: a STOMP
 *     header, name without regard to case, value exact (`~`: substring without regard to case).
 *   - `prop:NAME=VALUE`: an AMQP property (content-type, correlation-id, reply-to, message-id,
 *     type, app-id, user-id, priority, delivery-mode, expiration, timestamp, content-encoding).
 *   - `ct:TYPE`: content type; with a `/` a prefix (`ct:application/json`), else a substring (`ct:json`).
 *   - `size>10k`, `size<=512`, `size=0` (also `>=`, `<`, `!=`): body bytes as delivered; b, k/kb, m/mb, 1024-based.
 *   - `body:TEXT`: raw body bytes contain TEXT (ASCII letters without regard to case; body-search.ts).
 *   - `body:/regex/flags`: a regex on the body's first 16 KiB read as UTF-8.
 *   - `$.path`, `$.path=V`, `$.path>N` (`!=`, `>=`, `<`, `<=`, `~`): a field of the decoded body
 *     (JSON, MessagePack, CBOR, protobuf: whatever the inspector decodes); the path alone is
 *     "exists". Paths: `$.a.b`, `$.items[0].sku`, `$["a key"]`, `$.tags[*]`. See compare.ts.
 * - Conversation terms (the conversation index answers per message): `conv:ID`, `task:NAME`
 *   (with `*` or `#`, a topic pattern over names: `task:proj.billing.#`),
 *   `state:pending|replied|failed|timed-out|request-not-seen`.
 * - Field names are case-insensitive. An unknown `name:` prefix is NOT an error: the whole
 *   term is plain text, because routing keys legitimately contain colons.
 * - An error names the term and carries its offsets in the text.
 *
 * @module
 */
import { compileBodySearch } from './body-search.ts';
import { allOf, anyOf, regexKeyPredicate, substringPredicate, topicPredicate, type KeyPredicate } from './key-terms.ts';
import { bodyRegexTerm, compileRegex, contentTypeTerm, fieldTerm, headerTerm, propertyTerm, sizeTerm, type MessagePredicate } from './message-terms.ts';
import { hasTopicWildcard } from './topic.ts';
import { tokenizeQuery, type QuerySegment, type QueryToken, type TextSpan } from './query-tokenizer.ts';

export type { KeyPredicate } from './key-terms.ts';

/** One AND group of an OR filter, split by who can answer each term. */
export interface FilterGroup {
  /** The routing-key terms together, null when the group has none. */
  keyTest: KeyPredicate | null;
  /** Terms judged on each message (headers, size, body, fields). */
  messageTests: readonly MessagePredicate[];
  /** `conv:`, `task:`, `state:` terms, for the conversation index. */
  linkTerms: readonly LinkTerm[];
}

/** A filter compiled from the filter box's text. */
export interface CompiledFilter {
  /** The text it was compiled from, verbatim. */
  readonly text: string;
  /** True when the text has no terms: every message matches. */
  readonly isEmpty: boolean;
  /** The OR'ed groups; empty when `isEmpty`. */
  readonly groups: readonly FilterGroup[];
  /** Every term of every group is a routing-key term: `matchesKey` alone decides. */
  readonly keyOnly: boolean;
  /** Some term reads the decoded body (`$.` terms): re-apply when decoding choices change. */
  readsValues: boolean;
  /**
   * Key-only filters: the whole filter. Otherwise a necessary condition (the
   * key part of at least one group passes), which the view memoises per key.
   */
  matchesKey(exchange: string, routingKey: string): boolean;
  /** The conversation terms of every group; empty when none. */
  readonly linkTerms: readonly LinkTerm[];
}

/** A `conv:`, `task:` or `state:` term: which conversations a message must (or, negated, must not) belong to. */
export interface LinkTerm {
  field: 'conv' | 'task' | 'state';
  value: string;
  negated: boolean;
}

/** Outcome of {@link parseFilterQuery}: a filter, or a message for the user with the span of the bad term. */
export type FilterParseResult = { ok: true; filter: CompiledFilter } | ({ ok: false; error: string } & TextSpan);

/** Decides on a body (`body:` substring terms). */
export type BodyPredicate = (body: Uint8Array) => boolean;
type CompiledTerm =
  | { on: 'key'; test: KeyPredicate }
  | { on: 'message'; test: MessagePredicate; readsValue: boolean }
  | { on: 'link'; term: LinkTerm };

const EXCHANGE_FIELDS = new Set(['exchange', 'x']);
const PLAIN_FIELDS = new Set(['exchange', 'x', 'key', 'body', 'conv', 'task', 'state']);
const RAW_FIELDS = new Set(['header', 'prop', 'ct']);
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
const SIZE_TERM = /^size[:<>=!]/i;

/** The filter of an empty box; it passes every message. */
export const MATCH_ALL_FILTER: CompiledFilter = Object.freeze({
  text: '',
  isEmpty: true,
  groups: [],
  keyOnly: true,
  readsValues: false,
  matchesKey: () => true,
  linkTerms: [],
});

const isOr = (token: QueryToken) => token.regex === undefined && token.segments.length === 1 && !token.segments[0]?.quoted && (token.raw === 'OR' || token.raw === '||');

/**
 * Parses and compiles filter-box text (grammar in the module comment).
 *
 * @example parseFilterQuery('x:celery orders.*.created -eu OR header:x-tenant=acme')
 * @returns `{ ok: true, filter }`, or `{ ok: false, error, start, end }` with a
 *   message fit to show next to the input and the span of the term it is about.
 */
export function parseFilterQuery(text: string): FilterParseResult {
  const tokenized = tokenizeQuery(text);
  if (!tokenized.ok) return tokenized;

  const groups: CompiledTerm[][] = [[]];
  let lastOr: QueryToken | null = null;
  for (const token of tokenized.tokens) {
    const current = groups[groups.length - 1] ?? [];
    if (isOr(token)) {
      if (current.length === 0) return { ok: false, error: `"${token.raw}" needs terms on both sides`, start: token.start, end: token.end };
      groups.push([]);
      lastOr = token;
      continue;
    }
    const compiled = compileTerm(token);
    if (typeof compiled === 'string') return { ok: false, error: compiled, start: token.start, end: token.end };
    current.push(compiled);
  }
  if (lastOr !== null && groups[groups.length - 1]?.length === 0) {
    return { ok: false, error: `"${lastOr.raw}" needs terms on both sides`, start: lastOr.start, end: lastOr.end };
  }
  if (groups.length === 1 && groups[0]?.length === 0) return { ok: true, filter: { ...MATCH_ALL_FILTER, text } };
  return { ok: true, filter: assemble(text, groups) };
}

function assemble(text: string, termGroups: CompiledTerm[][]): CompiledFilter {
  const groups: FilterGroup[] = termGroups.map((terms) => {
    const keyTests: KeyPredicate[] = [];
    const messageTests: MessagePredicate[] = [];
    const linkTerms: LinkTerm[] = [];
    for (const term of terms) {
      if (term.on === 'key') keyTests.push(term.test);
      else if (term.on === 'message') messageTests.push(term.test);
      else linkTerms.push(term.term);
    }
    return { keyTest: keyTests.length ? allOf(keyTests) : null, messageTests, linkTerms };
  });
  const keyOnly = groups.every((g) => g.messageTests.length === 0 && g.linkTerms.length === 0);
  // A group without key terms lets any key through: then the key part decides nothing.
  const keyParts = groups.map((g) => g.keyTest);
  const matchesKey = keyParts.every((k): k is KeyPredicate => k !== null) ? anyOf(keyParts) : () => true;
  return {
    text,
    isEmpty: false,
    groups,
    keyOnly,
    readsValues: termGroups.some((terms) => terms.some((t) => t.on === 'message' && t.readsValue)),
    matchesKey,
    linkTerms: groups.flatMap((g) => g.linkTerms),
  };
}

/** Compiles one term, or returns an error message naming it. */
function compileTerm(token: QueryToken): CompiledTerm | string {
  const segments: QuerySegment[] = [...token.segments];
  let negated = false;
  let field: string | null = null;

  // Negation and field prefixes only count when typed bare, before any quote.
  const first = segments[0];
  if (first && !first.quoted) {
    let head = first.text;
    if (head.startsWith('-') && (head.length > 1 || segments.length > 1 || token.regex !== undefined)) {
      negated = true;
      head = head.slice(1);
    }
    const prefix = FIELD_PREFIX.exec(head);
    const name = prefix?.[1]?.toLowerCase();
    if (prefix && name !== undefined && (PLAIN_FIELDS.has(name) || RAW_FIELDS.has(name))) {
      field = EXCHANGE_FIELDS.has(name) ? 'exchange' : name;
      head = head.slice(prefix[0].length);
    } else if (head.startsWith('$')) field = '$';
    else if (SIZE_TERM.test(head)) field = 'size';
    segments[0] = { text: head, quoted: false };
  }
  const not = <A extends unknown[]>(test: (...args: A) => boolean) => (negated ? (...args: A) => !test(...args) : test);

  if (token.regex !== undefined) {
    const regex = compileRegex(token.regex.source, token.regex.flags, token.raw);
    if (typeof regex === 'string') return regex;
    if (field === 'body') return { on: 'message', test: not(bodyRegexTerm(regex)), readsValue: false };
    return { on: 'key', test: not(regexKeyPredicate(regex)) };
  }
  if (field === '$' || field === 'size' || (field !== null && RAW_FIELDS.has(field))) {
    // These read the raw text after the prefix: paths and values have their own quoting.
    const afterNegation = token.raw.slice(negated ? 1 : 0);
    const rest = field === '$' || field === 'size' ? afterNegation.slice(field === 'size' ? 4 : 0) : afterNegation.slice(field.length + 1);
    const test =
      field === '$' ? fieldTerm(rest, token.raw) : field === 'size' ? sizeTerm(rest, token.raw) : field === 'header' ? headerTerm(rest, token.raw) : field === 'prop' ? propertyTerm(rest, token.raw) : contentTypeTerm(rest, token.raw);
    if (typeof test === 'string') return test;
    return { on: 'message', test: not(test), readsValue: field === '$' };
  }

  const value = segments.map((s) => s.text).join('');
  const spelled = segments.some((s) => s.quoted || s.text !== '');
  if (field === 'body') {
    if (value === '') return `"${token.raw}" needs text to look for in the body`;
    const search = compileBodySearch(value);
    return { on: 'message', test: not((m) => search(m.body)), readsValue: false };
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
  let predicate: KeyPredicate;
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
  return { on: 'key', test: not(predicate) };
}
