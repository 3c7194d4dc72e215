/**
 * Copies the broker hands over twice around a failure:
 * - a durable subscription's queue redelivers what was sent but not yet acked
 *   (marked `redelivered: true`);
 * - a shovel whose destination (the mirror) went away re-publishes what it had
 *   not seen confirmed (at-least-once): new deliveries, not marked.
 * A frame is a copy when a recent message of the same subscription has the
 * same routing key, the same identifying headers and the same body bytes.
 * Only redelivered frames, and frames right after a reconnect, pay for this
 * look-back; it never runs on the normal path.
 */
import { parseDestination, type StompMessageFrame } from '../model/index.ts';
import type { MessageBuffer } from './message-buffer.ts';

/**
 * Headers that tell two deliveries of one message apart from two equal
 * messages. Not x-shovelled-timestamp: a shovel's re-publish stamps it anew.
 */
const IDENTITY_HEADERS = ['amqp-message-id', 'x-warren-seq', 'timestamp', 'correlation-id'];

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * @param afterReconnect check even when not marked redelivered (the shovel's
 *   re-publishes after a mirror restart are not).
 */
export function isRedeliveredCopy(
  buffer: MessageBuffer,
  frame: StompMessageFrame,
  subscriptionId: string,
  lookBack: number,
  afterReconnect = false,
): boolean {
  if (!afterReconnect && frame.headers['redelivered'] !== 'true') return false;
  const routingKey = parseDestination(frame.headers['destination'] ?? '').routingKey;
  const oldest = Math.max(buffer.firstSeq, buffer.lastSeq - lookBack + 1);
  for (let seq = buffer.lastSeq; seq >= oldest; seq--) {
    const m = buffer.get(seq);
    if (!m || m.subscriptionId !== subscriptionId || m.routingKey !== routingKey || m.size !== frame.binaryBody.length) continue;
    if (IDENTITY_HEADERS.every((h) => m.headers[h] === frame.headers[h]) && sameBytes(m.body, frame.binaryBody)) return true;
  }
  return false;
}
