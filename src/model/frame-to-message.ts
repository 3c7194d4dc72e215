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
  const key = keyFieldsOf(headers, scratch);
  return {
    seq,
    receivedAt,
    subscriptionId,
    exchange: internNonEmpty(key.exchange, interner),
    routingKey: internNonEmpty(key.routingKey, interner),
    size: frame.binaryBody.length,
    contentType: internNonEmpty(key.contentType, interner),
    contentEncoding: internNonEmpty(key.contentEncoding, interner),
    correlationId: key.correlationId,
    taskName: internNonEmpty(key.taskName, interner),
    warrenSeq: key.warrenSeq,
    headers,
    body: bodies ? bodies.store(frame.binaryBody) : frame.binaryBody,
  };
}

/**
 * What the capture decodes from a message's headers when it arrives: the
 * fields the table shows and filters on. The socket worker and an import's
 * parse workers decode them too (message-batch.ts), so the page need not
 * parse the headers.
 */
export interface KeyFields {
  exchange: string;
  routingKey: string;
  contentType: string;
  contentEncoding: string;
  correlationId: string;
  taskName: string;
  warrenSeq: number;
}

export function emptyKeyFields(): KeyFields {
  return { exchange: '', routingKey: '', contentType: '', contentEncoding: '', correlationId: '', taskName: '', warrenSeq: -1 };
}

/** Reused by messageFromFrame: the hot path allocates no KeyFields per message. */
const scratch = emptyKeyFields();

/** Decodes the key fields of `headers` into `into` (overwritten) and returns it. */
export function keyFieldsOf(headers: Readonly<Record<string, string>>, into: KeyFields): KeyFields {
  const destination = headers['destination'];
  if (destination === undefined) {
    into.exchange = '';
    into.routingKey = '';
  } else {
    const parsed = parseDestination(destination);
    into.exchange = parsed.exchange;
    into.routingKey = parsed.routingKey;
  }
  into.contentType = headers['content-type'] ?? '';
  into.contentEncoding = headers['content-encoding'] ?? '';
  into.correlationId = headers['correlation-id'] ?? '';
  into.taskName = headers['task'] ?? '';
  into.warrenSeq = parseSequenceNumber(headers[WARREN_SEQ_HEADER]);
  return into;
}

/** '' is never interned: most messages have no content encoding or task, and the table need not hold ''. */
function internNonEmpty(value: string, interner: StringInterner): string {
  return value === '' ? '' : interner.intern(value);
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
