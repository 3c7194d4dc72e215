/** Messages between the page's WorkerSocket and the socket worker. */

export type ToSocketWorker =
  | { type: 'open'; url: string; protocols: string[] }
  | { type: 'send'; data: string | ArrayBuffer }
  | { type: 'close' }
  /** The page handled one `data` batch: the worker may read more. */
  | { type: 'consumed' };

export type FromSocketWorker =
  | { type: 'open' }
  /** Whole WebSocket messages, in order, concatenated (STOMP is a byte stream: frames end with NUL). */
  | { type: 'data'; data: ArrayBuffer }
  /** A text WebSocket message, passed on as it came. */
  | { type: 'text'; data: string }
  | { type: 'error' }
  | { type: 'close'; code: number; reason: string; wasClean: boolean };
