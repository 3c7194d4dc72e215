/**
 * One traced message as the ingest path keeps it. Only the fields the table
 * shows and filters on are decoded at arrival; the body stays raw bytes and
 * is decoded lazily (see decoders), the way stompjs's FrameImpl decodes
 * `body` only when first read.
 */
export interface TracedMessage {
  /** Warren's own arrival number in this tab: 1, 2, 3, ... never reused. */
  seq: number;
  /** Arrival time in the browser, epoch milliseconds. */
  receivedAt: number;
  /** Which subscription delivered it (the subscription's id in the store). */
  subscriptionId: string;
  /** Real exchange of the delivered message ('' for the default exchange), interned. */
  exchange: string;
  /** Real routing key (not the subscription pattern), %XX-decoded, interned. */
  routingKey: string;
  /** Body size in bytes. */
  size: number;
  /** AMQP content_type, '' when absent; interned. */
  contentType: string;
  /** AMQP content_encoding, '' when absent; interned. */
  contentEncoding: string;
  /** AMQP correlation_id, '' when absent. */
  correlationId: string;
  /** Celery task name from the `task` header, '' when absent; interned. */
  taskName: string;
  /** The `x-warren-seq` header (the generator's own sequence), or -1. */
  warrenSeq: number;
  /** Every STOMP header of the frame, as received (the frame's own object, not a copy). */
  headers: Readonly<Record<string, string>>;
  /** The raw body. */
  body: Uint8Array;
}
