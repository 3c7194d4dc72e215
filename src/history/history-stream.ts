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
