/**
 * Test helpers for the filter: a message built from a few fields, and a
 * filter run on it the way the session runs one (conversation terms aside).
 */
import type { TracedMessage } from '../model/index.ts';
import { bodyText, type MessageReader } from './message-terms.ts';
import type { CompiledFilter } from './query.ts';

export interface MessageFields {
  exchange?: string;
  routingKey?: string;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
}

/** A message as the capture would keep it (content type and size read from the headers and body). */
export function message(fields: MessageFields): TracedMessage {
  const body = typeof fields.body === 'string' ? new TextEncoder().encode(fields.body) : (fields.body ?? new Uint8Array(0));
  const headers = fields.headers ?? {};
  return {
    seq: 1,
    receivedAt: 0,
    subscriptionId: 's',
    exchange: fields.exchange ?? 'app.events',
    routingKey: fields.routingKey ?? 'k',
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
      return JSON.parse(new TextDecoder().decode(m.body)) as unknown;
    } catch {
      return undefined;
    }
  },
  text: (m) => bodyText(m.body, new TextDecoder()),
};

/** Does the filter show `m`? (Conversation terms are not judged here.) */
export function passes(filter: CompiledFilter, m: TracedMessage, reader: MessageReader = JSON_READER): boolean {
  if (filter.isEmpty) return true;
  return filter.groups.some((g) => (g.keyTest === null || g.keyTest(m.exchange, m.routingKey)) && g.messageTests.every((t) => t(m, reader)));
}
