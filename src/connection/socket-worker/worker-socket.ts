/**
 * A WebSocket look-alike for stompjs whose real socket lives in the socket
 * worker (socket-worker.ts says why). stompjs sees the same events in the
 * same order; a `message` event carries several whole WebSocket messages
 * joined, which its parser takes as the byte stream STOMP is.
 */
import type { IStompSocket } from '@stomp/stompjs';
import type { MessageBatch } from '../../model/index.ts';
import { MIN_BATCH_DELAY_MS, type FromSocketWorker, type ToSocketWorker } from './protocol.ts';

const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;

interface CloseEventLike {
  code: number;
  reason: string;
  wasClean: boolean;
}

/** A socket that hands messages over in batches and lets its owner say how often. */
export interface BatchingSocket {
  setBatchDelay(ms: number): void;
  /**
   * From now on MESSAGE frames are read in the worker and come to `onBatch`
   * instead of through stompjs (socket-worker.ts says why). stompjs still
   * sees every other frame, and a heart-beat for each batch, so it knows
   * the server is alive.
   *
   * @param escaped header values are escaped (STOMP 1.1 and 1.2).
   */
  readMessages(escaped: boolean, onBatch: (batch: MessageBatch) => void): void;
}

/** A heart-beat (one LF), handed to stompjs with each batch of read messages: it counts as server activity. */
const HEART_BEAT = new Uint8Array([10]).buffer;

export class WorkerSocket implements IStompSocket, BatchingSocket {
  onopen: ((event?: unknown) => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer | string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onclose: ((event: CloseEventLike) => void) | null = null;
  binaryType = 'arraybuffer';
  private state = CONNECTING;
  private readonly worker: Worker;
  private onBatch: ((batch: MessageBatch) => void) | null = null;

  constructor(
    readonly url: string,
    protocols: string[],
  ) {
    this.worker = new Worker(new URL('./socket-worker.ts', import.meta.url), { type: 'module', name: 'warren-socket' });
    this.worker.onmessage = (event: MessageEvent<FromSocketWorker>) => this.receive(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.onerror?.(event);
      this.closed({ code: 1006, reason: `the socket worker failed: ${event.message || 'it could not be loaded'}`, wasClean: false });
    };
    this.post({ type: 'open', url, protocols });
  }

  /**
   * The fewest milliseconds between two batches from the worker (a lone
   * message after a quiet spell still goes at once; BatchPacer). The page
   * sets its drawing cadence while live, longer while it only counts
   * (paused, hidden). Batches of 64 KB still go at once.
   */
  setBatchDelay(ms: number): void {
    if (this.state !== CLOSED) this.post({ type: 'delay', ms: Math.max(MIN_BATCH_DELAY_MS, ms) });
  }

  readMessages(escaped: boolean, onBatch: (batch: MessageBatch) => void): void {
    if (this.state === CLOSED) return;
    this.onBatch = onBatch;
    this.post({ type: 'read-messages', escaped });
  }

  get readyState(): number {
    return this.state;
  }

  send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
    if (this.state !== OPEN) return;
    if (typeof data === 'string') this.post({ type: 'send', data });
    else if (data instanceof ArrayBuffer) this.post({ type: 'send', data });
    else if (ArrayBuffer.isView(data)) this.post({ type: 'send', data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice().buffer });
    else throw new TypeError('WorkerSocket sends strings and bytes only');
  }

  close(): void {
    if (this.state === CLOSING || this.state === CLOSED) return;
    this.state = CLOSING;
    this.post({ type: 'close' });
  }

  private post(message: ToSocketWorker): void {
    this.worker.postMessage(message);
  }

  private receive(message: FromSocketWorker): void {
    switch (message.type) {
      case 'open':
        this.state = OPEN;
        this.onopen?.();
        break;
      case 'data':
      case 'text':
        this.onmessage?.({ data: message.data });
        break;
      case 'messages':
        this.onmessage?.({ data: HEART_BEAT });
        this.onBatch?.(message.batch);
        break;
      case 'error':
        this.onerror?.({ type: 'error' });
        break;
      case 'close':
        this.closed(message);
        break;
    }
  }

  private closed(event: CloseEventLike): void {
    if (this.state === CLOSED) return;
    this.state = CLOSED;
    this.worker.terminate();
    this.onclose?.(event);
  }
}

/**
 * The socket for one connection attempt: in the socket worker where the
 * browser has workers (socket-worker.ts says why), or a plain WebSocket on
 * the main thread when it has not or the page was opened with
 * `?socket=main` (the bench compares the two).
 */
export function createTraceSocket(url: string, protocols: string[]): IStompSocket {
  const inWorker = typeof Worker !== 'undefined' && new URLSearchParams(globalThis.location?.search ?? '').get('socket') !== 'main';
  return inWorker ? new WorkerSocket(url, protocols) : new WebSocket(url, protocols);
}
