/** Test-only helpers: what a consumer would read back after amqplib encodes and decodes headers. */
import type { HeaderValue, Headers, OutgoingMessage } from './message.ts';

function decoded(value: HeaderValue): unknown {
  if (Array.isArray(value)) return value.map(decoded);
  if (value !== null && typeof value === 'object') return value.value;
  return value;
}

/** Headers as a consumer sees them: typed ints become plain numbers. */
export function wireHeaders(message: OutgoingMessage): Record<string, unknown> {
  const headers: Headers = message.options.headers ?? {};
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, decoded(v)]));
}

export function parseJson(message: OutgoingMessage): unknown {
  return JSON.parse(message.content.toString('utf8'));
}
