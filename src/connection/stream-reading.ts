/**
 * Reading a stream queue over STOMP (RabbitMQ 3.10, checked on the stack):
 * `/amq/queue/<stream>` with `ack:client`, a `prefetch-count` (a stream
 * consumer must have one) and `x-stream-offset`. Each MESSAGE then carries
 * its own `x-stream-offset`. Reading takes nothing from anyone: any number
 * of readers, from any point. The acks only give the broker credit to send
 * more; the cumulative acker that durable capture uses serves here too.
 */
import { DURABLE_PREFETCH } from './durable-capture.ts';

export const STREAM_OFFSET_HEADER = 'x-stream-offset';

/** Messages the broker may have in flight to a stream reader: the durable window, acked the same way. */
export const STREAM_PREFETCH = DURABLE_PREFETCH;

export function streamSubscribeHeaders(offset: string): Record<string, string> {
  return { ack: 'client', 'prefetch-count': String(STREAM_PREFETCH), [STREAM_OFFSET_HEADER]: offset };
}
