/**
 * After a reconnect, a durable subscription's queue redelivers what was sent
 * but not yet acked (marked `redelivered: true`): messages the table may
 * already hold. Such a frame is a copy when a recent message of the same
 * subscription has the same routing key, the same identifying headers and the
 * same body bytes. Only redelivered frames pay for this look-back; it never
 * runs on the normal path.
 */
import { parseDestination } from '../model/index.ts';
import type { MessageBuffer } from './message-buffer.ts';

/** Headers that tell two deliveries of one message apart from two equal messages. */
const IDENTITY_HEADERS = ['amqp-message-id', 'x-warren-seq', 'timestamp', 'x-shovelled-timestamp', 'correlation-id'];

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function isRedeliveredCopy(
  buffer: MessageBuffer,
  frame: { headers: Record<string, string>; binaryBody: Uint8Array },
  subscriptionId: string,
  lookBack: number,
): boolean {
  if (frame.headers['redelivered'] !== 'true') return false;
  const routingKey = parseDestination(frame.headers['destination'] ?? '').routingKey;
  const oldest = Math.max(buffer.firstSeq, buffer.lastSeq - lookBack + 1);
  for (let seq = buffer.lastSeq; seq >= oldest; seq--) {
    const m = buffer.get(seq);
    if (!m || m.subscriptionId !== subscriptionId || m.routingKey !== routingKey || m.size !== frame.binaryBody.length) continue;
    if (IDENTITY_HEADERS.every((h) => m.headers[h] === frame.headers[h]) && sameBytes(m.body, frame.binaryBody)) return true;
  }
  return false;
}
