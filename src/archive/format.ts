/**
 * Warren's capture file, NDJSON version 1: one JSON object per line, one
 * line per message, no header line. Every line says its own version, so
 * files can be concatenated, split, grepped and filtered with jq line by line
 * and still import. Example (wrapped here, one line in the file):
 *
 *   {"v":1,"receivedAt":1764547200123,"exchange":"app.events","routingKey":"orders.eu.created",
 *    "subscription":"/exchange/app.events/#","headers":{"destination":"/exchange/app.events/orders.eu.created",
 *    "message-id":"T_sub-1@@session-x@@1","content-type":"application/json","x-warren-seq":"1"},
 *    "bodyEncoding":"utf8","body":"{\"order\":1}"}
 *
 * `headers` is every STOMP header of the MESSAGE frame as it was received
 * (AMQP properties and headers included), so importing rebuilds the same
 * message; `exchange` and `routingKey` repeat what `destination` says, for
 * the reader of the file.
 */

export const ARCHIVE_VERSION = 1;

/** The body as text when its bytes are valid UTF-8, else base64 of the bytes. */
export type BodyEncoding = 'utf8' | 'base64';

/** One message line, as written and as read back after validation. */
export interface ArchiveRecord {
  v: typeof ARCHIVE_VERSION;
  /** Arrival time in the tab that captured it, epoch milliseconds. */
  receivedAt: number;
  exchange: string;
  routingKey: string;
  /** Destination of the subscription that delivered it ('' when not known). */
  subscription: string;
  /** Every STOMP header of the frame, as received. */
  headers: Record<string, string>;
  bodyEncoding: BodyEncoding;
  body: string;
}

/** What the file picker offers; `.gz` files are recognised by their magic bytes, whatever their name. */
export const ARCHIVE_FILE_ACCEPT = '.ndjson,.gz,.ndjson.gz,application/x-ndjson';
export const NDJSON_MIME = 'application/x-ndjson';
