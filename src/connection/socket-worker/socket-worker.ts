/**
 * The mirror's WebSocket, in a dedicated worker: receiving a WebSocket
 * message costs the thread that owns the socket ~25 µs of browser-native
 * work (npm run bench, CPU profile), which on the page's main thread competes
 * with drawing. Here it costs the worker; the page gets the messages joined
 * into one buffer every BATCH_MS. The worker reads only while fewer than
 * MAX_BATCHES_IN_FLIGHT batches wait for the page, so a page that stalls
 * stalls the socket (see websocket-stream.ts) rather than filling memory.
 */
import { ChunkBatch } from './chunk-batch.ts';
import type { FromSocketWorker, ToSocketWorker } from './protocol.ts';
import { closeInfoOf, webSocketStreamConstructor, type WebSocketStreamLike } from './websocket-stream.ts';

/** How long the first message of a batch may wait for others: latency we add. */
const BATCH_MS = 8;
/**
 * A batch this big goes at once: ~150 messages of a few hundred bytes, a few
 * milliseconds of parsing for the page, so one batch never makes a long task
 * that holds up a frame.
 */
const MAX_BATCH_BYTES = 64 * 1024;
const MAX_BATCHES_IN_FLIGHT = 8;

interface WorkerScope {
  postMessage(message: FromSocketWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToSocketWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;

const batch = new ChunkBatch();
let flushTimer: ReturnType<typeof setTimeout> | null = null;
let inFlight = 0;
let wakeReader: (() => void) | null = null;
let socket: WebSocketStreamLike | null = null;
let writer: WritableStreamDefaultWriter<ArrayBuffer | string> | null = null;

function post(message: FromSocketWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

function flush(): void {
  if (flushTimer !== null) clearTimeout(flushTimer);
  flushTimer = null;
  const data = batch.take();
  if (!data) return;
  inFlight++;
  post({ type: 'data', data }, [data]);
}

async function readAll(reader: ReadableStreamDefaultReader<ArrayBuffer | string>): Promise<void> {
  for (;;) {
    while (inFlight >= MAX_BATCHES_IN_FLIGHT) await new Promise<void>((resolve) => (wakeReader = resolve));
    const { value, done } = await reader.read();
    if (done) return;
    if (typeof value === 'string') {
      flush();
      post({ type: 'text', data: value });
    } else {
      batch.add(value);
      if (batch.bytes >= MAX_BATCH_BYTES) flush();
      else flushTimer ??= setTimeout(flush, BATCH_MS);
    }
  }
}

async function open(url: string, protocols: string[]): Promise<void> {
  const WebSocketStream = webSocketStreamConstructor();
  if (!WebSocketStream) {
    post({ type: 'error' });
    post({ type: 'close', code: 1006, reason: 'WebSocketStream is not available in this browser', wasClean: false });
    return;
  }
  const stream = new WebSocketStream(url, { protocols });
  socket = stream;
  try {
    const { readable, writable } = await stream.opened;
    writer = writable.getWriter();
    post({ type: 'open' });
    await readAll(readable.getReader());
  } catch {
    // The socket failed or closed abnormally: `closed` says how, below.
  }
  // Whatever was read goes to the page before the close, as with a WebSocket.
  flush();
  writer = null;
  try {
    const { closeCode, reason } = await stream.closed;
    post({ type: 'close', code: closeCode, reason, wasClean: true });
  } catch (error) {
    post({ type: 'error' });
    post({ type: 'close', ...closeInfoOf(error), wasClean: false });
  }
}

scope.onmessage = ({ data: message }) => {
  switch (message.type) {
    case 'open':
      void open(message.url, message.protocols);
      break;
    case 'send':
      // A failed write shows up as the socket closing: nothing to add here.
      writer?.write(message.data).catch(() => undefined);
      break;
    case 'close':
      socket?.close({ closeCode: 1000 });
      break;
    case 'consumed':
      inFlight--;
      wakeReader?.();
      wakeReader = null;
      break;
  }
};
