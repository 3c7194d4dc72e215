/**
 * Sorting a MESSAGE frame's flat header list back into what it came from:
 * AMQP basic properties, STOMP's own delivery headers, and the message's
 * custom AMQP headers.
 *
 * The sorting is by name, which is all the frame offers. RabbitMQ writes custom
 * headers before the property headers and stompjs keeps the first occurrence,
 * so a custom header named like a property (e.g. `content-type`) hides the real
 * property. A property header whose value cannot be what RabbitMQ writes
 * (priority "high", timestamp "yesterday") must be such a custom header, and is
 * listed as custom.
 */
import type { TracedMessage } from './types.ts';

/** AMQP basic properties as delivered (absent ones are left out). */
export interface AmqpProperties {
  contentType?: string;
  contentEncoding?: string;
  correlationId?: string;
  /** Queue name, without the `/reply-queue/` prefix RabbitMQ adds. */
  replyTo?: string;
  /** Per-message TTL in milliseconds, as the string AMQP carries. */
  expiration?: string;
  /** AMQP message_id (STOMP header `amqp-message-id`). */
  messageId?: string;
  /** AMQP timestamp (epoch seconds) as an ISO 8601 string. */
  timestamp?: string;
  type?: string;
  userId?: string;
  appId?: string;
  priority?: number;
  /** delivery_mode 2. RabbitMQ writes "true" for 2 and the raw "1" for 1. */
  persistent?: boolean;
  /** The broker's redelivered flag. */
  redelivered?: boolean;
}

/** A message's headers split three ways. */
export interface SplitHeaders {
  properties: AmqpProperties;
  /** Headers STOMP adds for the delivery: destination, message-id (the ack id), subscription, ack, content-length. */
  stomp: Record<string, string>;
  /** Everything else: the AMQP headers table (only its string and integer values survive STOMP). */
  custom: Record<string, string>;
}

/** STOMP header → reader into {@link AmqpProperties}; a reader returns false when the value cannot be the real property. */
const PROPERTY_READERS: Readonly<Record<string, (value: string, into: AmqpProperties) => boolean>> = {
  'content-type': (v, p) => set(p, 'contentType', v),
  'content-encoding': (v, p) => set(p, 'contentEncoding', v),
  'correlation-id': (v, p) => set(p, 'correlationId', v),
  'reply-to': (v, p) => set(p, 'replyTo', v.startsWith('/reply-queue/') ? v.slice('/reply-queue/'.length) : v),
  expiration: (v, p) => set(p, 'expiration', v),
  'amqp-message-id': (v, p) => set(p, 'messageId', v),
  timestamp: (v, p) => (isInteger(v) ? set(p, 'timestamp', epochSecondsToIso(Number(v))) : false),
  type: (v, p) => set(p, 'type', v),
  'user-id': (v, p) => set(p, 'userId', v),
  'app-id': (v, p) => set(p, 'appId', v),
  priority: (v, p) => (isInteger(v) ? set(p, 'priority', Number(v)) : false),
  persistent: (v, p) => (v === 'true' || v === '1' ? set(p, 'persistent', v === 'true') : false),
  redelivered: (v, p) => (v === 'true' || v === 'false' ? set(p, 'redelivered', v === 'true') : false),
};

const STOMP_HEADERS = new Set(['destination', 'message-id', 'subscription', 'ack', 'content-length']);

/** Splits a message's STOMP headers into AMQP properties, STOMP-only headers and custom headers. */
export function splitHeaders(msg: Pick<TracedMessage, 'headers'>): SplitHeaders {
  const properties: AmqpProperties = {};
  // Null-prototype records: a header named `__proto__` stays a header, not a prototype.
  const stomp: Record<string, string> = Object.create(null) as Record<string, string>;
  const custom: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(msg.headers)) {
    // Own readers only: a header named `toString` or `constructor` is a custom header, not Object's method.
    const read = Object.hasOwn(PROPERTY_READERS, name) ? PROPERTY_READERS[name] : undefined;
    if (read !== undefined && read(value, properties)) continue;
    if (STOMP_HEADERS.has(name)) stomp[name] = value;
    else custom[name] = value;
  }
  return { properties, stomp, custom };
}

/** Header the shovel adds when `add-timestamp-header` is on: epoch SECONDS at shovelling. */
export const SHOVELLED_TIMESTAMP_HEADER = 'x-shovelled-timestamp';

/**
 * Milliseconds from the shovel forwarding the message to the browser
 * receiving it, or null without an `x-shovelled-timestamp` header. The header
 * has one-second resolution, so the value is only good to about ±1 s (it
 * can even be slightly negative), and it assumes both clocks agree.
 */
export function shovelLagMs(msg: Pick<TracedMessage, 'headers' | 'receivedAt'>): number | null {
  const raw = msg.headers[SHOVELLED_TIMESTAMP_HEADER];
  if (raw === undefined || !isInteger(raw)) return null;
  return msg.receivedAt - Number(raw) * 1000;
}

function set<K extends keyof AmqpProperties>(into: AmqpProperties, key: K, value: AmqpProperties[K]): true {
  into[key] = value;
  return true;
}

function isInteger(value: string): boolean {
  return /^-?\d{1,16}$/.test(value) && Number.isSafeInteger(Number(value));
}

/** ISO string for epoch seconds; out-of-range dates (beyond ±8.64e15 ms) keep the number. */
function epochSecondsToIso(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? String(seconds) : date.toISOString();
}
