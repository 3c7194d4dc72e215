/**
 * Filter terms answered per message rather than per routing key: headers,
 * AMQP properties, content type, size, a regex on the body text and JSON
 * fields of the decoded body. Each compiles once to a predicate; the session
 * hands it a {@link MessageReader} that decodes a body at most once per
 * message whatever the number of terms that ask.
 */
import { decodeUtf8, headerNamesOf, headerOf, type FieldSegment, type TracedMessage } from '../model/index.ts';
import { compareValue, isOrdering, literalOf, readNumber, readOp, type CompareOp, type Literal } from './compare.ts';
import { parsePath, someAtPath, type PathStep } from './json-path.ts';
import { readQuoted } from './query-tokenizer.ts';
import { nestedQuantifier } from './regex-guard.ts';

/** What a per-message term may read beyond the message's own fields. */
export interface MessageReader {
  /** The body as a structured value (JSON, or whatever PayloadDecoding reads), undefined when it is not one. */
  value(message: TracedMessage): unknown;
  /** valueAtPath of value(message), which a reader may find without decoding the whole body. */
  fieldOf(message: TracedMessage, segments: readonly FieldSegment[]): unknown;
  /** The body as UTF-8 text, at most {@link BODY_TEXT_LIMIT_BYTES} of it. */
  text(message: TracedMessage): string;
}

export type MessagePredicate = (message: TracedMessage, read: MessageReader) => boolean;

/**
 * `body:/regex/` sees this much of each body (bytes as stored, read as
 * UTF-8): a re-filter of a million messages must stay bounded, and a
 * JavaScript regex cannot be interrupted.
 */
export const BODY_TEXT_LIMIT_BYTES = 16 * 1024;

/**
 * The text `body:/regex/` searches: the first {@link BODY_TEXT_LIMIT_BYTES}
 * of the body as UTF-8 (invalid bytes as U+FFFD).
 *
 * Read with model's decodeUtf8 (ASCII without a TextDecoder): the first
 * regex re-filter of 300,000 bodies took 0.52-0.55 s against 1.38-1.60 s
 * with a TextDecoder, whose later passes get faster (0.22-0.39 s against
 * 0.30 s): a user waits for the first one.
 */
export function bodyText(body: Uint8Array): string {
  return decodeUtf8(body.length > BODY_TEXT_LIMIT_BYTES ? body.subarray(0, BODY_TEXT_LIMIT_BYTES) : body);
}

/** `prop:` names → the STOMP header RabbitMQ carries the property in. */
const PROPERTY_HEADERS: ReadonlyMap<string, string> = new Map([
  ['content-type', 'content-type'],
  ['content-encoding', 'content-encoding'],
  ['correlation-id', 'correlation-id'],
  ['reply-to', 'reply-to'],
  ['message-id', 'amqp-message-id'],
  ['type', 'type'],
  ['app-id', 'app-id'],
  ['user-id', 'user-id'],
  ['priority', 'priority'],
  ['delivery-mode', 'persistent'],
  ['expiration', 'expiration'],
  ['timestamp', 'timestamp'],
]);
export const PROPERTY_NAMES: readonly string[] = [...PROPERTY_HEADERS.keys()];

/** A name, an optional operator and a value, read from the text after `header:` / `prop:`. */
interface Comparison {
  name: string;
  op: CompareOp | null;
  literal: Literal;
}

/** Reads `name`, `name=value`, `"a name"~value`...; value quoting as in the rest of the box. */
function readComparison(text: string, what: string, raw: string): Comparison | string {
  let name: string;
  let i: number;
  if (text.startsWith('"')) {
    const quoted = readQuoted(text, 1);
    if (quoted === null) return `"${raw}": the ${what} name's quote is not closed`;
    name = quoted.value;
    i = quoted.next;
  } else {
    i = 0;
    while (i < text.length && !'=~<>!'.includes(text.charAt(i))) i++;
    name = text.slice(0, i);
  }
  if (name === '') return `"${raw}" needs a ${what} name`;
  if (i === text.length) return { name, op: null, literal: literalOf('') };
  const op = readOp(text.slice(i));
  if (op === null) return `"${raw}": expected =, !=, ~, >, >=, < or <= after the ${what} name`;
  const value = unquote(text.slice(i + op.length));
  if (!value.spelled) return `"${raw}" needs a value after ${op} (write ${op}"" for an empty one)`;
  const literal = literalOf(value.text);
  if (isOrdering(op) && literal.number === null) return `"${raw}": ${op} needs a number`;
  return { name, op, literal };
}

/** Joins bare and double-quoted runs (`"a b"c` → `a bc`); `spelled` is false for nothing at all. */
export function unquote(text: string): { text: string; spelled: boolean } {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text.charAt(i) !== '"') {
      out += text.charAt(i++);
      continue;
    }
    const quoted = readQuoted(text, i + 1);
    if (quoted === null) return { text: out + text.slice(i), spelled: true };
    out += quoted.value;
    i = quoted.next;
  }
  return { text: out, spelled: text !== '' };
}

function valueTest(op: CompareOp | null, literal: Literal): (value: string | undefined) => boolean {
  if (op === null) return (value) => value !== undefined;
  return (value) => value !== undefined && compareValue(value, op, literal);
}

/** `header:NAME`, `header:NAME=VALUE` (and the other operators): a STOMP header, name without regard to case. */
export function headerTerm(text: string, raw: string): MessagePredicate | string {
  const parsed = readComparison(text, 'header', raw);
  if (typeof parsed === 'string') return parsed;
  const test = valueTest(parsed.op, parsed.literal);
  const exact = parsed.name;
  const lower = exact.toLowerCase();
  // Through headerOf and headerNamesOf: over a million messages whose headers
  // are still packed (PackedMessage), no object per message is made.
  return (m) => {
    let value = headerOf(m, exact);
    if (value === undefined) {
      for (const name of headerNamesOf(m)) {
        if (name.length === lower.length && name.toLowerCase() === lower) {
          value = headerOf(m, name);
          break;
        }
      }
    }
    return test(value);
  };
}

/** `prop:NAME=VALUE`: an AMQP property as RabbitMQ's STOMP carries it (see model/properties.ts). */
export function propertyTerm(text: string, raw: string): MessagePredicate | string {
  const parsed = readComparison(text, 'property', raw);
  if (typeof parsed === 'string') return parsed;
  const name = parsed.name.toLowerCase().replace(/_/g, '-');
  const header = PROPERTY_HEADERS.get(name);
  if (header === undefined) return `"${raw}": prop: is one of ${PROPERTY_NAMES.join(', ')}`;
  const test = valueTest(parsed.op, parsed.literal);
  const read = propertyReader(name, header);
  return (m) => test(read(m));
}

const INTEGER = /^-?\d{1,16}$/;

/** How a property's header reads; a value the real property cannot have is a custom header that hides it. */
function propertyReader(name: string, header: string): (m: TracedMessage) => string | undefined {
  const own = (m: TracedMessage) => headerOf(m, header);
  if (name === 'reply-to') return (h) => own(h)?.replace(/^\/reply-queue\//, '');
  if (name === 'delivery-mode') return (h) => ({ true: '2', '1': '1' })[own(h) ?? ''] ?? undefined;
  if (name === 'priority' || name === 'timestamp') return (h) => {
    const value = own(h);
    return value !== undefined && INTEGER.test(value) ? value : undefined;
  };
  return own;
}

/**
 * `ct:TEXT`: with a `/` (`ct:application/json`, `ct:text/`) the content
 * type starts with TEXT; without one (`ct:json`, `ct:protobuf`) it contains
 * it; both without regard to case. `ct:""` is a message without one.
 */
export function contentTypeTerm(text: string, raw: string): MessagePredicate | string {
  const value = unquote(text);
  if (!value.spelled) return `"${raw}" needs a content type (ct:application/json, ct:json; ct:"" for none)`;
  const needle = value.text.toLowerCase();
  if (needle === '') return (m) => m.contentType === '';
  if (needle.includes('/')) return (m) => m.contentType.toLowerCase().startsWith(needle);
  return (m) => m.contentType.toLowerCase().includes(needle);
}

const SIZE = /^:?(!=|>=|<=|=|>|<)(\d+(?:\.\d+)?|\.\d+)(b|kb|kib|k|mb|mib|m)?$/i;
const UNITS: Record<string, number> = { b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 * 1024, mb: 1024 * 1024, mib: 1024 * 1024 };

/** `size>10k`: the body's size as delivered, units b, k/kb, m/mb (1024-based). */
export function sizeTerm(text: string, raw: string): MessagePredicate | string {
  const match = SIZE.exec(text);
  const op = match?.[1] as CompareOp | undefined;
  const amount = readNumber(match?.[2] ?? '');
  if (!match || op === undefined || amount === null) return `"${raw}": write size>10k, size<=512, size=0 (units b, k, m; 1k = 1024 bytes)`;
  const bytes = amount * (UNITS[(match[3] ?? 'b').toLowerCase()] ?? 1);
  const literal = literalOf(String(bytes));
  return (m) => compareValue(m.size, op, literal);
}

/** `$.path`, `$.path=VALUE`, `$.path>N`...: a field of the decoded body; the path alone asks that it exists. */
export function fieldTerm(text: string, raw: string): MessagePredicate | string {
  const path = parsePath(text);
  if (typeof path === 'string') return `"${raw}": ${path}`;
  const rest = text.slice(path.end);
  const { steps } = path;
  let matches: (v: unknown) => boolean;
  if (rest === '') matches = (v) => v !== undefined;
  else {
    const op = readOp(rest);
    if (op === null) return `"${raw}": expected =, !=, ~, >, >=, < or <= after ${path.text}`;
    const value = unquote(rest.slice(op.length));
    if (!value.spelled) return `"${raw}" needs a value after ${op} (write ${op}"" for an empty one)`;
    const literal = literalOf(value.text);
    if (isOrdering(op) && literal.number === null) return `"${raw}": ${op} needs a number`;
    matches = (v) => v !== undefined && compareValue(v, op, literal);
  }
  // One value per message (keys and indexes only): the reader may find it without decoding the whole body.
  const segments = segmentsOf(steps);
  if (segments !== null) return (m, read) => matches(read.fieldOf(m, segments));
  return (m, read) => someAtPath(read.value(m), steps, matches);
}

/** The steps as keys and indexes, or null when one is a wildcard (several values). */
function segmentsOf(steps: readonly PathStep[]): FieldSegment[] | null {
  const segments: FieldSegment[] = [];
  for (const step of steps) {
    if (step.kind === 'any') return null;
    segments.push(step.kind === 'key' ? step.name : step.index);
  }
  return segments;
}

/** Compiles a regex literal, `g` and `y` dropped (they make test() stateful); a message when it is invalid. */
export function compileRegex(source: string, flags: string, raw: string): RegExp | string {
  const nested = nestedQuantifier(source);
  if (nested !== null) return `"${raw}": ${nested}`;
  try {
    return new RegExp(source, flags.replace(/[gy]/g, ''));
  } catch (error) {
    return `"${raw}": ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** `body:/regex/flags`: the body's first {@link BODY_TEXT_LIMIT_BYTES} read as UTF-8 text. */
export function bodyRegexTerm(regex: RegExp): MessagePredicate {
  return (m, read) => regex.test(read.text(m));
}
