/**
 * An import's parsed lines in batches, from a parse worker (which decodes
 * and validates a block of lines) to the page (which only ingests): the
 * bodies packed into one transferred buffer, the headers as one JSON text,
 * arrival times in a typed array. Both halves are here so a unit test can
 * run them back to back without a worker.
 */
import { MAX_PACKED_BODY, type StompMessageFrame } from '../model/index.ts';
import type { ImportTarget } from './import-messages.ts';

export interface ImportBatch {
  count: number;
  /**
   * The messages' headers, a JSON array: one string to clone, parsed once on
   * the page. As structured-cloned objects they made the worker the slower
   * half (serializing 1M headers objects) and cost the page as much again.
   */
  headersJson: string;
  /** Each message's `subscription` field, as an index into `subscriptionNames`. */
  subscriptions: Uint32Array<ArrayBuffer>;
  subscriptionNames: string[];
  receivedAt: Float64Array<ArrayBuffer>;
  /** Message i's body is bodies[offsets[i], offsets[i + 1]). */
  offsets: Uint32Array<ArrayBuffer>;
  bodies: Uint8Array<ArrayBuffer>;
}

/** A batch goes once it holds this many messages or body bytes. */
export const BATCH_MESSAGES = 4096;
export const BATCH_BODY_BYTES = 4 * 1024 * 1024;

/**
 * The worker's import target: each message is appended to the batch being
 * filled (its body copied, since the reader reuses its buffer), and a full
 * batch is handed to `send` with the buffers to transfer.
 */
export class ImportBatcher implements ImportTarget {
  private headers: Readonly<Record<string, string>>[] = [];
  private subscriptions = new Uint32Array(BATCH_MESSAGES);
  private names = new Map<string, number>();
  private receivedAt = new Float64Array(BATCH_MESSAGES);
  private offsets = new Uint32Array(BATCH_MESSAGES + 1);
  private bodies = new Uint8Array(256 * 1024);
  private count = 0;

  constructor(private readonly send: (batch: ImportBatch, transfer: ArrayBuffer[]) => void) {}

  ingest(frame: StompMessageFrame, subscription: string, receivedAt: number): boolean {
    const i = this.count;
    let name = this.names.get(subscription);
    if (name === undefined) this.names.set(subscription, (name = this.names.size));
    this.headers.push(frame.headers);
    this.subscriptions[i] = name;
    this.receivedAt[i] = receivedAt;
    const start = this.offsets[i] ?? 0;
    const end = start + frame.binaryBody.length;
    if (end > this.bodies.length) {
      const grown = new Uint8Array(Math.max(end, this.bodies.length * 2));
      grown.set(this.bodies.subarray(0, start));
      this.bodies = grown;
    }
    this.bodies.set(frame.binaryBody, start);
    this.offsets[i + 1] = end;
    this.count = i + 1;
    if (this.count === BATCH_MESSAGES || end >= BATCH_BODY_BYTES) this.flush();
    return true;
  }

  /** Sends what is in the batch (nothing when it is empty). */
  flush(): void {
    const count = this.count;
    if (count === 0) return;
    const bodyBytes = this.offsets[count] ?? 0;
    const batch: ImportBatch = {
      count,
      // One call for the whole batch: per message and joined, it was twice the time (measured in Node).
      headersJson: JSON.stringify(this.headers),
      subscriptions: this.subscriptions.slice(0, count),
      subscriptionNames: [...this.names.keys()],
      receivedAt: this.receivedAt.slice(0, count),
      offsets: this.offsets.slice(0, count + 1),
      // Exactly the bytes used: the worker keeps filling its own buffer.
      bodies: this.bodies.slice(0, bodyBytes),
    };
    this.send(batch, [batch.subscriptions.buffer, batch.receivedAt.buffer, batch.offsets.buffer, batch.bodies.buffer]);
    this.headers = [];
    this.names = new Map();
    this.count = 0;
  }
}

/**
 * The page's half: every message of `batch` into `target`, with its
 * subscription id. Returns how many the target took. A body small enough
 * for the capture's slab is a view of the batch's bodies (which the target
 * adopts, or copies); a larger one gets a buffer of its own.
 */
export function ingestBatch(batch: ImportBatch, target: ImportTarget, subscriptionIdFor: (subscription: string) => string): number {
  const ids = batch.subscriptionNames.map(subscriptionIdFor);
  const { bodies, offsets, receivedAt, subscriptions } = batch;
  const headers = JSON.parse(batch.headersJson) as Record<string, string>[];
  // The batch's bodies are packed already: when none is large, the capture
  // keeps views of this buffer instead of copying each body into its slab
  // (BodySlab.store was 15 % of the page's import time in a trace; ingesting
  // 200,000 in Node went from 620 to 552 ms). A batch with a large body is
  // copied as before, so no large body's bytes are kept twice.
  const adopting = target.adoptBodies !== undefined && largestBody(offsets, batch.count) <= MAX_PACKED_BODY;
  if (adopting) target.adoptBodies?.(bodies.buffer);
  let taken = 0;
  try {
    for (let i = 0; i < batch.count; i++) {
      const start = offsets[i] ?? 0;
      const length = (offsets[i + 1] ?? 0) - start;
      const body = new Uint8Array(bodies.buffer, bodies.byteOffset + start, length);
      const frame = { headers: headers[i] ?? {}, binaryBody: length > MAX_PACKED_BODY ? body.slice() : body };
      if (target.ingest(frame, ids[subscriptions[i] ?? 0] ?? '', receivedAt[i] ?? 0)) taken++;
    }
  } finally {
    // Adopted for this batch only: the capture keeps no hold on it once its messages are evicted.
    if (adopting) target.adoptBodies?.(null);
  }
  return taken;
}

function largestBody(offsets: Uint32Array, count: number): number {
  let largest = 0;
  for (let i = 0; i < count; i++) largest = Math.max(largest, (offsets[i + 1] ?? 0) - (offsets[i] ?? 0));
  return largest;
}
