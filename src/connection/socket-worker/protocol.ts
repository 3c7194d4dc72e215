/** Messages between the page's WorkerSocket and the socket worker. */

export type ToSocketWorker =
  | { type: 'open'; url: string; protocols: string[] }
  | { type: 'send'; data: string | ArrayBuffer }
  | { type: 'close' }
  /** The fewest milliseconds between two batches from now on (at least MIN_BATCH_DELAY_MS). */
  | { type: 'delay'; ms: number };

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
  | { type: 'error' }
  | { type: 'close'; code: number; reason: string; wasClean: boolean };
