/**
 * The mirror keeps one stream per traced exchange (stack/provision.ts,
 * historyQueueName): every message the shovel brought, every routing key.
 */
export const HISTORY_STREAM_PREFIX = 'warren.history.';

export function historyStreamName(exchange: string): string {
  return `${HISTORY_STREAM_PREFIX}${exchange}`;
}

/** `/amq/queue/<stream>`, with the `/` and `%` a STOMP destination must escape. */
export function historyStreamDestination(exchange: string): string {
  return `/amq/queue/${historyStreamName(exchange).replace(/%/g, '%25').replace(/\//g, '%2F')}`;
}

const AMQ_QUEUE = '/amq/queue/';

/**
 * A destination that reads one of the mirror's history streams directly
 * (`/amq/queue/warren.history.<x>`): reading a stream takes nothing from
 * anyone, so it needs no "this consumes real messages" confirmation, and it is
 * read as a stream (from `next`: what arrives from now on) rather than consumed.
 */
export function isHistoryStreamDestination(destination: string): boolean {
  if (!destination.startsWith(AMQ_QUEUE)) return false;
  let name = destination.slice(AMQ_QUEUE.length);
  try {
    name = decodeURIComponent(name);
  } catch {
    return false;
  }
  return name.startsWith(HISTORY_STREAM_PREFIX) && name.length > HISTORY_STREAM_PREFIX.length;
}
