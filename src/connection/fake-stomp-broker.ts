/**
 * A STOMP broker on the other end of a fake WebSocket, for TraceConnection's
 * unit tests (imported by tests only): it records the frames stompjs sends,
 * answers CONNECT and DISCONNECT, and lets a test answer SUBSCRIBEs with
 * RECEIPTs, deliver MESSAGEs, send ERRORs or close the socket with a code.
 */
import { StompSocketState, type IStompSocket } from '@stomp/stompjs';
import type { TraceConnectionListeners, TraceConnectionStatus } from './trace-connection.ts';
import type { BrokerInUse } from './broker-rotation.ts';
import type { StompMessageFrame } from '../model/index.ts';

export interface SentFrame {
  command: string;
  headers: Record<string, string>;
  body: string;
}

/** STOMP 1.2 header value unescaping (CONNECT and CONNECTED are never escaped). */
function unescapeHeader(value: string): string {
  return value.replace(/\\([rnc\\])/g, (_, c: string) => ({ r: '\r', n: '\n', c: ':', '\\': '\\' })[c] ?? c);
}

/** Parses one whole frame as stompjs sends it: a string for frames without a binary body, bytes otherwise. */
function parseFrame(data: string | ArrayBufferLike | Blob | ArrayBufferView): SentFrame {
  let text: string;
  if (typeof data === 'string') text = data;
  else if (ArrayBuffer.isView(data)) text = new TextDecoder().decode(data);
  else if (data instanceof ArrayBuffer) text = new TextDecoder().decode(data);
  else throw new TypeError('the fake socket takes strings and bytes only');
  if (!text.endsWith('\0')) throw new Error(`not a whole frame: ${JSON.stringify(text)}`);
  const headerEnd = text.indexOf('\n\n');
  const [command = '', ...lines] = text.slice(0, headerEnd).split('\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1);
    headers[name] ??= command === 'CONNECT' ? value : unescapeHeader(value);
  }
  return { command, headers, body: text.slice(headerEnd + 2, -1) };
}

/**
 * A WebSocket look-alike playing a STOMP broker that the test drives: it
 * records what stompjs sends, answers CONNECT with CONNECTED (STOMP 1.2, no
 * heartbeats) unless told not to and DISCONNECT with its RECEIPT, and leaves
 * the SUBSCRIBE RECEIPTs, ERRORs and closes to the test. Server frames arrive as binary WebSocket messages, as from a
 * mirror with `web_stomp.ws_frame = binary`.
 */
export class FakeStompSocket implements IStompSocket {
  onopen: ((ev?: unknown) => void) | null = null;
  onclose: ((ev?: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: ArrayBuffer | string }) => void) | null = null;
  binaryType = 'blob';
  readyState: number = StompSocketState.CONNECTING;
  readonly sent: SentFrame[] = [];
  private closeFired = false;

  constructor(
    readonly url: string,
    readonly protocols: string[],
    readonly createdAt: number,
    private readonly answerConnect: boolean,
  ) {}

  send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
    if (this.readyState !== StompSocketState.OPEN) throw new Error('send on a socket that is not open');
    const frame = parseFrame(data);
    this.sent.push(frame);
    if (frame.command === 'CONNECT' && this.answerConnect) {
      // A real broker answers later, not inside send().
      void Promise.resolve().then(() => this.deliver('CONNECTED\nversion:1.2\nheart-beat:0,0\nserver:RabbitMQ/3.10.8\n\n\0'));
    }
    const receipt = frame.headers.receipt;
    if (frame.command === 'DISCONNECT' && receipt !== undefined) void Promise.resolve().then(() => this.receipt(receipt));
  }

  /** The client closes: the close event follows asynchronously, as in a browser. */
  close(): void {
    if (this.readyState === StompSocketState.CLOSING || this.readyState === StompSocketState.CLOSED) return;
    this.readyState = StompSocketState.CLOSING;
    void Promise.resolve().then(() => this.fireClose(1005, '', true));
  }

  // --- driven by the test, as the broker or the network ---

  open(): void {
    this.readyState = StompSocketState.OPEN;
    this.onopen?.();
  }

  deliver(frame: string): void {
    if (this.readyState !== StompSocketState.OPEN) return;
    this.onmessage?.({ data: new TextEncoder().encode(frame).buffer });
  }

  receipt(receiptId: string): void {
    this.deliver(`RECEIPT\nreceipt-id:${receiptId}\n\n\0`);
  }

  /** The broker or the network ends the connection. */
  serverClose(code: number, reason = ''): void {
    this.fireClose(code, reason, code !== 1006);
  }

  framesOf(command: string): SentFrame[] {
    return this.sent.filter((f) => f.command === command);
  }

  private fireClose(code: number, reason: string, wasClean: boolean): void {
    if (this.closeFired) return;
    this.closeFired = true;
    this.readyState = StompSocketState.CLOSED;
    this.onclose?.({ code, reason, wasClean });
  }
}

/** Every socket the connection opened, in order. */
export class FakeBroker {
  readonly sockets: FakeStompSocket[] = [];
  answerConnect = true;
  /** Called on each new socket, e.g. to fail it. */
  onSocket: (socket: FakeStompSocket) => void = () => {};

  readonly factory = (url: string, protocols: string[]): IStompSocket => {
    const socket = new FakeStompSocket(url, protocols, Date.now(), this.answerConnect);
    this.sockets.push(socket);
    this.onSocket(socket);
    return socket;
  };

  get last(): FakeStompSocket {
    const socket = this.sockets.at(-1);
    if (!socket) throw new Error('no socket was opened');
    return socket;
  }

  /**
   * Opens the newest socket and lets the CONNECT/CONNECTED exchange and the
   * first SUBSCRIBE happen. `settle` runs pending callbacks (with fake timers:
   * `vi.advanceTimersByTimeAsync(0)`), before the client has made the socket and after.
   */
  async openLast(settle: () => Promise<unknown>): Promise<FakeStompSocket> {
    await settle();
    const socket = this.last;
    socket.open();
    await settle();
    return socket;
  }
}

export class RecordingListeners implements TraceConnectionListeners {
  readonly statuses: [TraceConnectionStatus, string][] = [];
  /** The broker each status named, in the same order as `statuses`. */
  readonly brokers: (BrokerInUse | null)[] = [];
  readonly active: string[] = [];
  readonly failed: [string, string][] = [];
  /** The subscription id and STOMP message-id of every MESSAGE handed over. */
  readonly messages: [string, string][] = [];
  onStatus(status: TraceConnectionStatus, detail: string, broker: BrokerInUse | null = null): void {
    this.statuses.push([status, detail]);
    this.brokers.push(broker);
  }
  onMessage(frame: StompMessageFrame, subscriptionId: string): void {
    this.messages.push([subscriptionId, frame.headers['message-id'] ?? '']);
  }
  onSubscriptionActive(id: string): void {
    this.active.push(id);
  }
  onSubscriptionFailed(id: string, reason: string): void {
    this.failed.push([id, reason]);
  }
}
