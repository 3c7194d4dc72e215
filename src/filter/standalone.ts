/**
 * A filter run outside a session (`warren replay --filter`, unit tests): no
 * conversation index, so `conv:`/`task:`/`state:` terms pass every message;
 * field terms read bodies as JSON (UTF-8 text that parses), without the
 * page's other decoders.
 */
import { decodeUtf8, valueAtPath, type TracedMessage } from '../model/index.ts';
import { bodyText, type MessageReader } from './message-terms.ts';
import type { CompiledFilter } from './query.ts';

export interface MessageFields {
  exchange?: string;
  routingKey?: string;
  body?: string | Uint8Array;
  headers?: Readonly<Record<string, string>>;
}

/** A message as the capture would keep it (content type, encoding and size read from the headers and body). */
export function message(fields: MessageFields): TracedMessage {
  const body = typeof fields.body === 'string' ? new TextEncoder().encode(fields.body) : (fields.body ?? new Uint8Array(0));
  const headers = fields.headers ?? {};
  return {
    seq: 1,
    receivedAt: 0,
    subscriptionId: '',
    exchange: fields.exchange ?? '',
    routingKey: fields.routingKey ?? '',
    size: body.length,
    contentType: headers['content-type'] ?? '',
    contentEncoding: headers['content-encoding'] ?? '',
    correlationId: headers['correlation-id'] ?? '',
    taskName: '',
    warrenSeq: -1,
    headers,
    body,
  };
}

/** Reads bodies as JSON (undefined when they are not) and as UTF-8 text. */
export const JSON_READER: MessageReader = {
  value(m) {
    try {
      return JSON.parse(decodeUtf8(m.body)) as unknown;
    } catch {
      return undefined;
    }
  },
  fieldOf(m, segments) {
    return valueAtPath(this.value(m), segments);
  },
  text: (m) => bodyText(m.body),
};

/** Does the filter show `m`? (Conversation terms are not judged here.) */
export function passes(filter: CompiledFilter, m: TracedMessage, reader: MessageReader = JSON_READER): boolean {
  if (filter.isEmpty) return true;
  return filter.groups.some((g) => (g.keyTest === null || g.keyTest(m.exchange, m.routingKey)) && g.messageTests.every((t) => t(m, reader)));
}
