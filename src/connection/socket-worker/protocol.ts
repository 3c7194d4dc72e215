/** Messages between the page's WorkerSocket and the socket worker. */
import type { MessageBatch } from '../../model/index.ts';

export type ToSocketWorker =
  | { type: 'open'; url: string; protocols: string[] }
  | { type: 'send'; data: string | ArrayBuffer }
  | { type: 'close' }
  /** The fewest milliseconds between two batches from now on (at least MIN_BATCH_DELAY_MS). */
  | { type: 'delay'; ms: number }
  /**
   * From now on, read MESSAGE frames here and send them as batches
   * (message-frame.ts); the page sends it once CONNECTED says the version.
   * `escaped`: header values are escaped (STOMP 1.1 and 1.2).
   */
  | { type: 'read-messages'; escaped: boolean };

/**
 * The default and shortest time between batches: none beyond the worker's
 * next turn (setTimeout 0; what arrived meanwhile joins the batch), until
 * the page says otherwise.
 */
export const MIN_BATCH_DELAY_MS = 0;

export type FromSocketWorker =
  | { type: 'open' }
  /** Whole WebSocket messages, in order, concatenated (STOMP is a byte stream: frames end with NUL). */
  | { type: 'data'; data: ArrayBuffer }
  /** A text WebSocket message, passed on as it came. */
  | { type: 'text'; data: string }
  /** MESSAGE frames read by the worker, in order with the bytes before and after them. */
  | { type: 'messages'; batch: MessageBatch }
  | { type: 'error' }
  | { type: 'close'; code: number; reason: string; wasClean: boolean };

/**
 * A batch this big goes at once: ~150 messages of a few hundred bytes, a few
 * milliseconds of parsing for the page, so one batch never makes a long task
 * that holds up a frame.
 */
export const MAX_BATCH_BYTES = 64 * 1024;
/**
 * A message the worker read costs the page a few microseconds (no parsing,
 * no headers object), so a batch of read messages goes at this many.
 */
export const MAX_BATCH_MESSAGES = 512;
