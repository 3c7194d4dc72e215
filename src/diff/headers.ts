/**
 * The envelope diff: exchange, routing key, AMQP properties and custom
 * headers of two messages. STOMP's own delivery headers (message-id,
 * subscription, ack, destination, content-length) describe this tab's
 * delivery, not the message, and always differ: they are left out.
 */
import { splitHeaders } from '../model/index.ts';
import type { TracedMessage } from '../model/index.ts';
import { clip } from './preview.ts';
import type { DiffEntry } from './types.ts';

type Envelope = Pick<TracedMessage, 'exchange' | 'routingKey' | 'headers'>;

/** One compared field with its value on each side (absent = undefined). */
export interface EnvelopeField {
  path: string;
  left: string | undefined;
  right: string | undefined;
}

export interface EnvelopeDiff {
  /** Fields that differ: added, removed or changed. */
  entries: DiffEntry[];
  /** Fields equal on both sides (for "show all"), values clipped. */
  identical: { path: string; value: string }[];
}

/** The STOMP headers RabbitMQ writes for AMQP basic properties. */
const PROPERTY_NAMES = new Set(['content-type', 'content-encoding', 'correlation-id', 'reply-to', 'amqp-message-id', 'timestamp', 'expiration', 'type', 'user-id', 'app-id', 'priority', 'persistent', 'redelivered']);

/** Header values are shown up to this many characters (some carry whole documents). */
export const HEADER_PREVIEW_CHARS = 300;

/** The envelope fields of one message: `exchange`, `routing-key`, `prop:<name>`, `header:<name>`. */
export function envelopeFields(message: Envelope): Map<string, string> {
  const fields = new Map<string, string>([
    ['exchange', message.exchange],
    ['routing-key', message.routingKey],
  ]);
  const split = splitHeaders(message);
  const custom: [string, string][] = [];
  for (const [name, value] of Object.entries(message.headers)) {
    // Own-property checks: a header may be called `constructor` or `toString`.
    if (hasOwn(split.stomp, name)) continue;
    // A property header with a value RabbitMQ never writes is a custom header of that name (splitHeaders says which).
    if (PROPERTY_NAMES.has(name) && !hasOwn(split.custom, name)) fields.set(`prop:${name}`, value);
    else custom.push([`header:${name}`, value]);
  }
  for (const [path, value] of custom) fields.set(path, value);
  return fields;
}

/** Compares the envelopes of `left` and `right`, in the left message's field order, then fields only the right one has. */
export function diffEnvelopes(left: Envelope, right: Envelope): EnvelopeDiff {
  const a = envelopeFields(left);
  const b = envelopeFields(right);
  const entries: DiffEntry[] = [];
  const identical: EnvelopeDiff['identical'] = [];
  for (const [path, value] of a) {
    const other = b.get(path);
    if (other === undefined) entries.push({ path, kind: 'removed', old: clip(value, HEADER_PREVIEW_CHARS) });
    else if (other === value) identical.push({ path, value: clip(value, HEADER_PREVIEW_CHARS) });
    else entries.push({ path, kind: 'changed', old: clip(value, HEADER_PREVIEW_CHARS), new: clip(other, HEADER_PREVIEW_CHARS) });
  }
  for (const [path, value] of b) if (!a.has(path)) entries.push({ path, kind: 'added', new: clip(value, HEADER_PREVIEW_CHARS) });
  return { entries, identical };
}

function hasOwn(record: Record<string, string>, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, name);
}
