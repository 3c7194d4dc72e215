/**
 * The ingest hot path: one STOMP MESSAGE frame → one {@link TracedMessage}.
 *
 * Runs for every message (thousands per second), so it decodes only what the
 * table shows and filters on, copies nothing, and avoids regexes, JSON and
 * TextDecoder. Everything else is decoded lazily from `headers` and `body`.
 */
import type { BodySlab } from './body-slab.ts';
import { parseDestination } from './destination.ts';
import type { StringInterner } from './interner.ts';
import type { TracedMessage } from './types.ts';

/** The parts of a stompjs `IMessage` the model reads (stompjs's IFrame fits). */
export interface StompMessageFrame {
  headers: Record<string, string>;
  binaryBody: Uint8Array;
}

/** Header carrying the traffic generator's own sequence number. */
export const WARREN_SEQ_HEADER = 'x-warren-seq';

/**
 * Builds the record kept for one delivered frame.
 *
 * @param frame the MESSAGE frame; its `headers` object and `binaryBody` are
 *   kept by reference, so the caller must not reuse them.
 * @param seq Warren's arrival number for this message.
 * @param receivedAt arrival time, epoch milliseconds.
 * @param subscriptionId the store's id of the subscription that delivered it.
 * @param interner shared across messages so repeated keys share one string.
 * @param bodies when given, small bodies are packed into shared blocks (see BodySlab).
 */
export function messageFromFrame(
  frame: StompMessageFrame,
  seq: number,
  receivedAt: number,
  subscriptionId: string,
  interner: StringInterner,
  bodies?: BodySlab,
): TracedMessage {
  const headers = frame.headers;
  const destination = headers['destination'];
  let exchange = '';
  let routingKey = '';
  if (destination !== undefined) {
    const parsed = parseDestination(destination);
    exchange = interner.intern(parsed.exchange);
    routingKey = interner.intern(parsed.routingKey);
  }
  return {
    seq,
    receivedAt,
    subscriptionId,
    exchange,
    routingKey,
    size: frame.binaryBody.length,
    contentType: internHeader(headers, 'content-type', interner),
    contentEncoding: internHeader(headers, 'content-encoding', interner),
    correlationId: headers['correlation-id'] ?? '',
    taskName: internHeader(headers, 'task', interner),
    warrenSeq: parseSequenceNumber(headers[WARREN_SEQ_HEADER]),
    headers,
    body: bodies ? bodies.store(frame.binaryBody) : frame.binaryBody,
  };
}

function internHeader(headers: Record<string, string>, name: string, interner: StringInterner): string {
  const value = headers[name];
  return value === undefined ? '' : interner.intern(value);
}

/**
 * A non-negative decimal integer header (how RabbitMQ renders an AMQP int), or
 * -1. Checked digit by digit because `Number()` also accepts '', ' 7', '0x10'
 * and '1e3'. Negative values map to -1 too: the generator counts from 1.
 */
export function parseSequenceNumber(raw: string | undefined): number {
  if (raw === undefined || raw.length === 0 || raw.length > 16) return -1;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code < 48 || code > 57) return -1;
  }
  const value = Number(raw);
  return Number.isSafeInteger(value) ? value : -1;
}
