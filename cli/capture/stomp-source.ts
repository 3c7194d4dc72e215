/**
 * A headless STOMP-over-WebSocket reader of the mirror, as the page reads
 * it: one non-durable subscription per destination (`ack:auto`, a
 * `stomp-subscription-*` queue of the broker's naming, deleted when the
 * connection goes), every SUBSCRIBE confirmed by a receipt. Node 20 has no
 * global WebSocket: the `ws` package provides it.
 */
import { Client, type IFrame, type IMessage, type IStompSocket } from '@stomp/stompjs';
import WebSocket from 'ws';

export interface StompSourceOptions {
  /** web_stomp endpoint without credentials, e.g. ws://127.0.0.1:15674/ws. */
  url: string;
  login: string;
  passcode: string;
  vhost: string;
  destinations: string[];
  onMessage(frame: IMessage, destination: string): void;
  /** The broker confirmed the SUBSCRIBE for this destination. */
  onSubscribed(destination: string): void;
  /** The connection failed or ended on the broker's side; nothing more will arrive. */
  onFatal(reason: string): void;
}

export interface StompSource {
  /** Unsubscribes and closes the connection. */
  close(): Promise<void>;
}

const CONNECT_TIMEOUT_MS = 15_000;

export function openStompSource(options: StompSourceOptions): StompSource {
  let closing = false;
  let failed = false;
  const fail = (reason: string): void => {
    if (closing || failed) return;
    failed = true;
    clearTimeout(connectTimer);
    void client.deactivate();
    options.onFatal(reason);
  };
  const client = new Client({
    webSocketFactory: () => new WebSocket(options.url, ['v12.stomp']) as unknown as IStompSocket,
    connectHeaders: { login: options.login, passcode: options.passcode, host: options.vhost },
    // A lost connection ends the recording: a silent reconnect would hide a gap in the file.
    reconnectDelay: 0,
    heartbeatIncoming: 10_000,
    heartbeatOutgoing: 10_000,
    onConnect: () => {
      clearTimeout(connectTimer);
      subscribeNext(0);
    },
    onStompError: (frame: IFrame) => fail(describeError(frame)),
    onWebSocketError: (event: unknown) => fail(`WebSocket error: ${errorText(event)}`),
    onWebSocketClose: (event: { code?: number; reason?: string }) => {
      const closed = `WebSocket code ${event.code ?? '?'}${event.reason ? `: ${event.reason}` : ''}`;
      fail(
        pending !== null && event.code === 1000
          ? `the broker refused the subscription to ${pending} and closed the connection (${closed}): does the exchange exist in this vhost, and may this login read it?`
          : `the connection closed (${closed})`,
      );
    },
  });
  /**
   * One SUBSCRIBE at a time, each waiting for its RECEIPT: a refused one
   * makes RabbitMQ close the connection, and over web_stomp 3.10 the ERROR
   * frame does not arrive first (see src/connection/trace-connection.ts),
   * so the one in flight is the one refused.
   */
  let pending: string | null = null;
  const subscribeNext = (index: number): void => {
    const destination = options.destinations[index];
    pending = destination ?? null;
    if (destination === undefined) return;
    const receipt = `warren-record-${index}-${Date.now()}`;
    client.watchForReceipt(receipt, () => {
      options.onSubscribed(destination);
      subscribeNext(index + 1);
    });
    client.subscribe(destination, (frame) => options.onMessage(frame, destination), { id: `sub-${index}`, receipt });
  };
  const connectTimer = setTimeout(() => fail(`no CONNECTED from ${options.url} within ${CONNECT_TIMEOUT_MS / 1000} s`), CONNECT_TIMEOUT_MS);
  client.activate();
  return {
    async close() {
      closing = true;
      clearTimeout(connectTimer);
      await client.deactivate();
    },
  };
}

/** An ERROR frame's `message` header, and its body when it says more. */
function describeError(frame: IFrame): string {
  const message = frame.headers['message'] ?? 'ERROR frame';
  const body = frame.body.trim();
  return body && body !== message ? `${message}: ${body.replace(/\s+/g, ' ')}` : message;
}

function errorText(event: unknown): string {
  if (event && typeof event === 'object') {
    const { error, message } = event as { error?: unknown; message?: unknown };
    if (error instanceof Error) return error.message;
    if (typeof message === 'string' && message) return message;
  }
  return 'see the broker log';
}
