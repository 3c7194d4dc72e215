/**
 * The mirror's WebSocket, in a dedicated worker. web_stomp sends one
 * WebSocket message per STOMP frame, and each one the page's main thread
 * receives costs it a task: the browser's IPC receive, an event, a microtask
 * checkpoint, ~0.5-1 ms on the bench machine at low rates (bench/rest-trace.ts,
 * "Receive mojo message"), whatever the frame holds. Here the worker pays
 * that, and the page gets the messages joined into one buffer per batch.
 *
 * How often batches go is the page's to say (`delay`): a batch goes no
 * sooner than that after the one before, and in the worker's next turn when
 * the one before went longer ago, so a lone message is never held. Live,
 * the page asks for its own drawing cadence: it draws what arrived at most
 * 10 times a second, and a message handed over sooner would only wait there,
 * having cost a task. Paused it asks for the counters' cadence, hidden for a
 * second. A batch is sent at once when it reaches MAX_BATCH_BYTES, so a long
 * delay only ever holds back a trickle.
 *
 * Once connected, the worker also reads the MESSAGE frames themselves
 * (message-frame.ts) and hands them over as a MessageBatch: key fields
 * decoded, headers packed, bodies in one buffer, as an import's parse
 * workers do. Parsing every frame and building its headers object was the
 * largest share of the page's own script at full rate (npm run bench --
 * --profile: the frame parser and its TextDecoder calls), on the thread
 * that draws and answers input. Every other frame (CONNECTED, RECEIPT,
 * ERROR, heart-beats) still goes to stompjs as bytes, in order: a batch of
 * one kind goes before anything of the other is added.
 *
 * A plain WebSocket, not WebSocketStream: a renderer crash once seen under
 * WebSocketStream was never explained, and a WebSocket works in every
 * browser's workers. Like the main thread's WebSocket it has no
 * backpressure: a page that falls behind queues batches in its own memory.
 */
import { MessageBatcher, type MessageBatch } from '../../model/index.ts';
import { HeaderTokenCache } from '../header-token-cache.ts';
import { BatchPacer } from './batch-pacer.ts';
import { ChunkBatch } from './chunk-batch.ts';
import { readMessageFrame, type MessageFrameParts } from './message-frame.ts';
import { MAX_BATCH_BYTES, MAX_BATCH_MESSAGES, MIN_BATCH_DELAY_MS, type FromSocketWorker, type ToSocketWorker } from './protocol.ts';

interface WorkerScope {
  postMessage(message: FromSocketWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToSocketWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;

const batch = new ChunkBatch();
const messages = new MessageBatcher(sendMessages, { acks: true });
const pacer = new BatchPacer(flush, MIN_BATCH_DELAY_MS);
let socket: WebSocket | null = null;
/** Set once the page says MESSAGE frames are read here: whether their header values are escaped. */
let reading: { escaped: boolean } | null = null;
const decoder = new TextDecoder();
const parts: MessageFrameParts = { headers: {}, bodyStart: 0, bodyEnd: 0 };
const tokens = new HeaderTokenCache();

function post(message: FromSocketWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

/** Whatever is waiting, of either kind (only one kind waits at a time). */
function flush(): void {
  if (messages.size > 0) {
    messages.flush();
    return;
  }
  const data = batch.take();
  if (!data) return;
  pacer.sent();
  post({ type: 'data', data }, [data]);
}

function sendMessages(message: MessageBatch, transfer: ArrayBuffer[]): void {
  pacer.sent();
  post({ type: 'messages', batch: message }, transfer);
}

function receive(data: ArrayBuffer | string): void {
  if (typeof data === 'string') {
    // Text frames are passed on as they came, after whatever came first.
    flush();
    post({ type: 'text', data });
    return;
  }
  if (reading !== null && readMessageFrame(new Uint8Array(data), decoder, reading.escaped, parts, tokens)) {
    if (batch.bytes > 0) flush();
    const headers = parts.headers;
    messages.ingest({ headers, binaryBody: new Uint8Array(data, parts.bodyStart, parts.bodyEnd - parts.bodyStart) }, headers['subscription'] ?? '', Date.now());
    if (messages.bodyBytes >= MAX_BATCH_BYTES || messages.size >= MAX_BATCH_MESSAGES) flush();
    else if (messages.size > 0) pacer.arm();
    return;
  }
  if (messages.size > 0) flush();
  batch.add(data);
  if (batch.bytes >= MAX_BATCH_BYTES) flush();
  else pacer.arm();
}

function open(url: string, protocols: string[]): void {
  const ws = new WebSocket(url, protocols);
  ws.binaryType = 'arraybuffer';
  socket = ws;
  ws.onopen = () => post({ type: 'open' });
  ws.onmessage = (event: MessageEvent<ArrayBuffer | string>) => receive(event.data);
  ws.onerror = () => post({ type: 'error' });
  ws.onclose = (event) => {
    // Whatever was read goes to the page before the close, as with a WebSocket.
    flush();
    post({ type: 'close', code: event.code, reason: event.reason, wasClean: event.wasClean });
  };
}

scope.onmessage = ({ data: message }) => {
  switch (message.type) {
    case 'open':
      open(message.url, message.protocols);
      break;
    case 'send':
      if (socket?.readyState === WebSocket.OPEN) socket.send(message.data);
      break;
    case 'close':
      socket?.close(1000);
      break;
    case 'delay':
      pacer.setDelay(Math.max(MIN_BATCH_DELAY_MS, message.ms), batch.bytes > 0 || messages.size > 0);
      break;
    case 'read-messages':
      reading = { escaped: message.escaped };
      break;
  }
};
