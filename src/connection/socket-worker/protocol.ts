/** Messages between the page's WorkerSocket and the socket worker. */

export type ToSocketWorker =
  | { type: 'open'; url: string; protocols: string[] }
  | { type: 'send'; data: string | ArrayBuffer }
  | { type: 'close' }
  /** How long a batch may wait for more messages from now on (at least LIVE_BATCH_DELAY_MS). */
  | { type: 'delay'; ms: number };

/**
 * Default and shortest wait for more messages before a batch goes, while
 * rows are live: none beyond the worker's next turn (setTimeout 0; what
 * arrived meanwhile joins the batch). A fixed 8 ms timer was no better on
 * the bench at 1,000 msg/s, and in one run much worse (publish → ingest p50
 * 101 ms; with none, 11-111 ms over five runs: README, Performance).
 */
export const LIVE_BATCH_DELAY_MS = 0;

export type FromSocketWorker =
  | { type: 'open' }
  /** Whole WebSocket messages, in order, concatenated (STOMP is a byte stream: frames end with NUL). */
  | { type: 'data'; data: ArrayBuffer }
  /** A text WebSocket message, passed on as it came. */
  | { type: 'text'; data: string }
  | { type: 'error' }
  | { type: 'close'; code: number; reason: string; wasClean: boolean };
