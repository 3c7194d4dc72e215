/**
 * Parsing of STOMP destinations as RabbitMQ writes them.
 *
 * On a MESSAGE frame, RabbitMQ's STOMP adapter (rabbit_stomp_util
 * format_destination, 3.10.8) writes the exchange and routing key the message
 * was really published with, not the subscription pattern:
 *
 * - `/exchange/<x>/<rk>` for a named exchange (`/exchange/<x>` when rk is ''),
 * - `/topic/<rk>` for `amq.topic`,
 * - `/queue/<rk>` for the default exchange `''`.
 *
 * Each part is escaped byte by byte: `/` → `%2F`, `%` → `%25`, and every byte
 * below 32 or above 127 → `%XX` (upper-case hex). Multi-byte UTF-8 therefore
 * arrives as one `%XX` per byte, and DEL (127) arrives raw.
 */

/** Which destination prefix a destination string used. */
export type DestinationKind = 'exchange' | 'topic' | 'queue' | 'amq-queue' | 'reply-queue' | 'other';

/** A destination split into the exchange and routing key it stands for. */
export interface ParsedDestination {
  kind: DestinationKind;
  /** Exchange name, decoded; `''` for the default exchange (and for 'other'). */
  exchange: string;
  /**
   * Routing key, decoded. For `/amq/queue/<q>` and `/reply-queue/<q>` it is the
   * queue name (the default exchange routes by queue name). For 'other' it is
   * the whole destination as received, so nothing is hidden.
   */
  routingKey: string;
}

const EXCHANGE_PREFIX = '/exchange/';
const TOPIC_PREFIX = '/topic/';
const QUEUE_PREFIX = '/queue/';
const AMQ_QUEUE_PREFIX = '/amq/queue/';
const REPLY_QUEUE_PREFIX = '/reply-queue/';

/**
 * Splits a destination header into exchange and routing key, %XX-decoding
 * both. Never throws: an invalid escape is kept as its raw text.
 */
export function parseDestination(destination: string): ParsedDestination {
  if (destination.startsWith(EXCHANGE_PREFIX)) {
    const start = EXCHANGE_PREFIX.length;
    // The exchange's own `/` are escaped, so the first raw `/` ends it.
    const slash = destination.indexOf('/', start);
    const rawExchange = slash === -1 ? destination.slice(start) : destination.slice(start, slash);
    const rawKey = slash === -1 ? '' : destination.slice(slash + 1);
    return { kind: 'exchange', exchange: unescapeDestinationPart(rawExchange), routingKey: unescapeDestinationPart(rawKey) };
  }
  if (destination.startsWith(TOPIC_PREFIX)) {
    return { kind: 'topic', exchange: 'amq.topic', routingKey: unescapeDestinationPart(destination.slice(TOPIC_PREFIX.length)) };
  }
  if (destination.startsWith(QUEUE_PREFIX)) {
    return { kind: 'queue', exchange: '', routingKey: unescapeDestinationPart(destination.slice(QUEUE_PREFIX.length)) };
  }
  if (destination.startsWith(AMQ_QUEUE_PREFIX)) {
    return { kind: 'amq-queue', exchange: '', routingKey: unescapeDestinationPart(destination.slice(AMQ_QUEUE_PREFIX.length)) };
  }
  if (destination.startsWith(REPLY_QUEUE_PREFIX)) {
    // RabbitMQ does not escape reply queue names (they may contain `/`): take the rest verbatim.
    return { kind: 'reply-queue', exchange: '', routingKey: destination.slice(REPLY_QUEUE_PREFIX.length) };
  }
  return { kind: 'other', exchange: '', routingKey: destination };
}

/**
 * Decodes one %XX-escaped destination part (exchange or routing key) whose
 * bytes are UTF-8. Fast path: a part without `%` is returned as is.
 * Invalid escapes (`%G1`, a lone `%`) and byte sequences that are not UTF-8
 * stay as their raw `%XX` text instead of throwing or becoming U+FFFD, so the
 * user still sees what the broker sent.
 */
export function unescapeDestinationPart(part: string): string {
  if (part.indexOf('%') === -1) return part;
  try {
    // Native and fast; throws URIError on anything invalid, then we go slow.
    return decodeURIComponent(part);
  } catch {
    return unescapeLeniently(part);
  }
}

/** Value of a hex digit, or -1. */
function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 65 && code <= 70) return code - 55; // A-F
  if (code >= 97 && code <= 102) return code - 87; // a-f
  return -1;
}

/** The byte escaped at `at` (`%XX`), or -1 when there is no valid escape there. */
function escapedByteAt(text: string, at: number): number {
  if (text.charCodeAt(at) !== 37 /* % */ || at + 2 >= text.length) return -1;
  const high = hexValue(text.charCodeAt(at + 1));
  const low = hexValue(text.charCodeAt(at + 2));
  return high < 0 || low < 0 ? -1 : high * 16 + low;
}

/** How many bytes a UTF-8 sequence starting with `lead` has; 1 for bytes that cannot lead. */
function utf8SequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 1;
}

/**
 * Escape-by-escape decoding: each UTF-8 sequence is decoded on its own
 * (decodeURIComponent validates overlongs and surrogates), and whatever does
 * not decode is copied through raw.
 */
function unescapeLeniently(part: string): string {
  let out = '';
  let i = 0;
  while (i < part.length) {
    const lead = escapedByteAt(part, i);
    if (lead < 0) {
      out += part[i];
      i += 1;
      continue;
    }
    const length = utf8SequenceLength(lead);
    let complete = true;
    for (let k = 1; k < length && complete; k++) complete = escapedByteAt(part, i + 3 * k) >= 0;
    const sequence = part.slice(i, i + 3 * length);
    if (complete) {
      try {
        out += decodeURIComponent(sequence);
        i += sequence.length;
        continue;
      } catch {
        // Not valid UTF-8: fall through and keep the first escape raw.
      }
    }
    out += part.slice(i, i + 3);
    i += 3;
  }
  return out;
}
