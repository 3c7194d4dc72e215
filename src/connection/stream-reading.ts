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

/**
 * How long a history stream read refused on a cluster is tried again, node
 * after node, before the subscription gives up (and the rewind goes on live).
 * RabbitMQ serves a stream reader only from a replica on the node it is
 * connected to, and refuses the SUBSCRIBE ("does not have a running replica
 * on the local node") while that replica is not running: for the seconds a
 * new stream leader is elected after a node is lost (8-9 s seen on this
 * 2-core box), or while a restarted node restarts its replicas. 3.10.8's
 * web-stomp closes the socket without sending that ERROR frame, so the page
 * cannot tell this apart from a stream that does not exist; the window is
 * what tells them apart. With one node there is nowhere else to read from,
 * and a one-node mirror always has its replica: the refusal stands at once.
 */
export const STREAM_REFUSAL_RETRY_MS = 30_000;

/**
 * A stream read was refused now: starts or continues its run of refusals
 * (`refusedSinceMs`) and says whether it is tried again on the next node.
 * `error` is the ERROR frame's reason, when the broker sent one.
 */
export function retriesStreamRead(stream: { refusedSinceMs: number | null }, error: string | null, nowMs: number, brokerCount: number): boolean {
  // A broker that does send its reason: only a missing local replica is worth another node.
  if (error !== null && !/replica on the local node/i.test(error)) return false;
  if (brokerCount <= 1 || (stream.refusedSinceMs !== null && nowMs - stream.refusedSinceMs >= STREAM_REFUSAL_RETRY_MS)) return false;
  stream.refusedSinceMs ??= nowMs;
  return true;
}

/** Why a stream read was refused, when the broker closed without saying (see above). */
export function streamRefusalReason(closed: string, brokerCount: number): string {
  const cluster = brokerCount > 1 ? `, or no node had a running replica of it for ${STREAM_REFUSAL_RETRY_MS / 1000} s (each node was tried)` : '';
  return (
    `the broker closed the connection in answer to this read of a history stream (${closed}). ` +
    `Most likely the stream does not exist on the mirror (its history is not set up), or the tracer user may not read it${cluster}; the mirror's log has the exact reason.`
  );
}
