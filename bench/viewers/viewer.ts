/**
 * One headless viewer: a bare @stomp/stompjs client in Node that subscribes
 * the way the page does and counts what it gets by `x-warren-seq`. Two ways to
 * watch one traced exchange:
 * - 'queue': `/exchange/<x>/#`, today's live mode: the broker declares one
 *   classic server-named queue per viewer and copies every message into it;
 * - 'stream': `/amq/queue/warren.history.<x>` from `next`, with the page's
 *   stream headers and cumulative acks: every viewer reads the one stream.
 * A page's live SUBSCRIBE is the same frame as the 'queue' viewer's (no extra
 * headers), so on the mirror a page costs what one of these costs.
 * Used by the bench's viewers phase (in child processes) and importable by a
 * test that wants N viewers in-process.
 */
import { performance } from 'node:perf_hooks';
import { Client, type IMessage } from '@stomp/stompjs';
import WebSocket from 'ws';
import { CumulativeAcker } from '../../src/connection/durable-capture.ts';
import { streamSubscribeHeaders } from '../../src/connection/stream-reading.ts';
import { historyStreamDestination } from '../../src/history/history-stream.ts';

export type ViewerMode = 'queue' | 'stream';

export interface ViewerOptions {
  url: string;
  login: string;
  passcode: string;
  vhost: string;
  exchange: string;
  mode: ViewerMode;
  /** The seqs this viewer expects, inclusive; others are received but not counted as distinct. */
  seqFrom: number;
  seqTo: number;
}

export interface ViewerStats {
  url: string;
  received: number;
  /** Distinct seqs in [seqFrom, seqTo]. */
  distinct: number;
  duplicates: number;
  /** Epoch ms of the first and last counted message, -1 when none. */
  firstAt: number;
  lastAt: number;
  /** Counted messages per epoch second (key: Math.floor(epochMs / 1000)). */
  perSecond: Record<number, number>;
  /** Set when the connection failed or closed while watching. */
  error: string | null;
}

export const SEQ_HEADER_NAME = 'x-warren-seq';

export function viewerDestination(mode: ViewerMode, exchange: string): string {
  return mode === 'queue' ? `/exchange/${exchange}/#` : historyStreamDestination(exchange);
}

export function subscribeHeaders(mode: ViewerMode): Record<string, string> {
  return mode === 'queue' ? {} : streamSubscribeHeaders('next');
}

export class Viewer {
  /** Resolves once the broker confirmed the SUBSCRIBE (receipt); rejects on a connection error first. */
  readonly ready: Promise<void>;
  private readonly client: Client;
  private readonly seen: Uint8Array;
  private readonly acker = new CumulativeAcker((id, subscription) => this.client.ack(id, subscription));
  private readonly counts: Omit<ViewerStats, 'url' | 'perSecond'> = { received: 0, distinct: 0, duplicates: 0, firstAt: -1, lastAt: -1, error: null };
  private readonly perSecond = new Map<number, number>();
  private closing = false;

  constructor(private readonly options: ViewerOptions) {
    this.seen = new Uint8Array(options.seqTo - options.seqFrom + 1);
    let settle: { resolve: () => void; reject: (e: Error) => void } = { resolve: () => undefined, reject: () => undefined };
    this.ready = new Promise((resolve, reject) => (settle = { resolve, reject }));
    const fail = (message: string) => {
      if (this.closing) return;
      this.counts.error ??= message;
      settle.reject(new Error(message));
    };
    this.client = new Client({
      webSocketFactory: () => new WebSocket(options.url, ['v12.stomp']),
      connectHeaders: { login: options.login, passcode: options.passcode, host: options.vhost },
      heartbeatIncoming: 10_000,
      heartbeatOutgoing: 10_000,
      reconnectDelay: 0,
      onStompError: (frame) => fail(`STOMP error: ${frame.headers.message ?? ''} ${frame.body}`),
      onWebSocketClose: (event: { code: number; reason: string }) => fail(`WebSocket closed (${event.code} ${event.reason})`),
      onConnect: () => {
        this.client.watchForReceipt('viewer-subscribed', () => settle.resolve());
        const headers = { receipt: 'viewer-subscribed', ...subscribeHeaders(options.mode) };
        this.client.subscribe(viewerDestination(options.mode, options.exchange), (m) => this.onMessage(m), headers);
      },
    });
    this.ready.catch(() => undefined); // also read through stats().error
    this.client.activate();
  }

  private onMessage(message: IMessage): void {
    if (this.options.mode === 'stream') this.acker.received(message.headers['ack'] ?? '', message.headers['subscription'] ?? '');
    this.counts.received++;
    const seq = Number(message.headers[SEQ_HEADER_NAME]);
    const slot = seq - this.options.seqFrom;
    if (!Number.isInteger(seq) || slot < 0 || slot >= this.seen.length) return;
    if (this.seen[slot] === 1) {
      this.counts.duplicates++;
      return;
    }
    this.seen[slot] = 1;
    this.counts.distinct++;
    const now = performance.timeOrigin + performance.now();
    if (this.counts.firstAt < 0) this.counts.firstAt = now;
    this.counts.lastAt = now;
    const second = Math.floor(now / 1000);
    this.perSecond.set(second, (this.perSecond.get(second) ?? 0) + 1);
  }

  get distinct(): number {
    return this.counts.distinct;
  }

  stats(): ViewerStats {
    return { url: this.options.url, ...this.counts, perSecond: Object.fromEntries(this.perSecond) };
  }

  async close(): Promise<void> {
    this.closing = true;
    this.acker.drop();
    await this.client.deactivate();
  }
}
