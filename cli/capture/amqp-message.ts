/**
 * A recorded MESSAGE frame back into an AMQP publish: the STOMP headers are
 * sorted the way the page sorts them (src/model/properties.ts splitHeaders)
 * into AMQP properties, STOMP's own delivery headers (dropped) and the AMQP
 * headers table.
 *
 * What STOMP lost cannot come back: RabbitMQ 3.10 delivers only string and
 * 32/64-bit integer header values, all as text. A value written the way
 * RabbitMQ writes an integer (`-5`, `0`, `12345678901`) is published as an
 * integer (signed 32-bit when it fits, else 64-bit), anything else as a
 * string, so recording the replayed message over STOMP gives the same text.
 * With `stringHeaders` every value goes as a string.
 */
import type { Options } from 'amqplib';
import type { ArchiveRecord } from '../../src/archive/index.ts';
import { splitHeaders } from '../../src/model/properties.ts';

/** Headers that describe one delivery, not the message: not published again. */
const DELIVERY_HEADERS = new Set(['x-stream-offset']);

const CANONICAL_INTEGER = /^(0|-?[1-9][0-9]{0,18})$/;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

export type HeaderValue = string | { '!': 'int' | 'long'; value: number };

export interface Publication {
  exchange: string;
  routingKey: string;
  content: Buffer;
  options: Options.Publish;
  /** A `user-id` property left out: RabbitMQ refuses one that is not the publishing user. */
  droppedUserId: boolean;
}

export interface PublicationSettings {
  exchangeMap: ReadonlyMap<string, string>;
  /** The user replay publishes as: a recorded `user-id` is kept only when it is this one. */
  publisherUser: string;
  stringHeaders: boolean;
}

export function publicationOf(record: ArchiveRecord, body: Uint8Array, settings: PublicationSettings): Publication {
  const raw = record.headers;
  const { properties, custom } = splitHeaders({ headers: raw });
  const options: Options.Publish = { mandatory: true };
  // The raw header text for each property splitHeaders recognised (it rewrites some, e.g. timestamp as ISO).
  if (properties.contentType !== undefined) options.contentType = raw['content-type'];
  if (properties.contentEncoding !== undefined) options.contentEncoding = raw['content-encoding'];
  if (properties.correlationId !== undefined) options.correlationId = raw['correlation-id'];
  // RabbitMQ writes reply_to "q" as "/reply-queue/q" (and keeps one that already starts so).
  if (properties.replyTo !== undefined) options.replyTo = properties.replyTo;
  if (properties.expiration !== undefined) options.expiration = raw['expiration'];
  if (properties.messageId !== undefined) options.messageId = raw['amqp-message-id'];
  if (properties.timestamp !== undefined) options.timestamp = Number(raw['timestamp']);
  if (properties.type !== undefined) options.type = raw['type'];
  if (properties.appId !== undefined) options.appId = raw['app-id'];
  if (properties.priority !== undefined) options.priority = properties.priority;
  // RabbitMQ writes delivery_mode 2 as "true" and 1 as "1".
  if (properties.persistent !== undefined) options.deliveryMode = properties.persistent ? 2 : 1;
  let droppedUserId = false;
  if (properties.userId !== undefined) {
    if (properties.userId === settings.publisherUser) options.userId = properties.userId;
    else droppedUserId = true;
  }
  const headers: Record<string, HeaderValue> = {};
  // RabbitMQ's STOMP writes a table's entries last to first: publishing them
  // in reverse gives the recorded order back on the next recording.
  for (const name of Object.keys(custom).reverse()) {
    if (DELIVERY_HEADERS.has(name)) continue;
    headers[name] = settings.stringHeaders ? custom[name]! : headerValue(custom[name]!);
  }
  options.headers = headers;
  return {
    exchange: settings.exchangeMap.get(record.exchange) ?? record.exchange,
    routingKey: record.routingKey,
    content: Buffer.from(body.buffer, body.byteOffset, body.byteLength),
    options,
    droppedUserId,
  };
}

/** An integer-looking value as the AMQP integer RabbitMQ would have written it so; else the string. */
export function headerValue(text: string): HeaderValue {
  if (!CANONICAL_INTEGER.test(text)) return text;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) return text;
  return { '!': value >= INT32_MIN && value <= INT32_MAX ? 'int' : 'long', value };
}
