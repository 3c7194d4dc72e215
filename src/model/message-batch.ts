/**
 * Messages in batches, from a worker (which decodes them) to the page (which
 * only ingests): the bodies packed into one transferred buffer, the headers
 * packed by columns, the fields the capture shows and filters on already
 * decoded (dictionary-coded strings), arrival times in a typed array. An
 * import's parse workers make them from a file's lines; the socket worker
 * makes them from the mirror's MESSAGE frames. Both halves are here so a
 * unit test can run them back to back without a worker.
 */
import { emptyKeyFields, keyFieldsOf, type KeyFields, type StompMessageFrame } from './frame-to-message.ts';
import { MAX_PACKED_BODY } from './body-slab.ts';
import { HeaderBlock } from './packed-message.ts';
import { HeaderPacker, type PackedHeaders } from './packed-headers.ts';

/** Where batches of messages go on the page: the capture, or a test's stand-in. */
export interface BatchTarget {
  /**
   * Returns false when the message was not kept (the capture's copy check).
   * A body of up to MAX_PACKED_BODY bytes is a view of a buffer the next
   * message may overwrite: the target copies it (TraceCapture's BodySlab
   * packs exactly those); a larger one is the target's to keep.
   */
  ingest(frame: StompMessageFrame, subscriptionId: string, receivedAt: number): boolean;
  /**
   * The bodies that follow, views of `buffer`, may be kept as they are (an
   * import in workers: each batch's bodies are packed in one buffer no one
   * writes to again).
   */
  adoptBodies?(buffer: ArrayBuffer | null): void;
  /**
   * A message whose key fields a worker decoded and whose headers stay
   * unparsed in `block` (TraceCapture.ingestPacked). Without it, batches
   * are ingested through ingest() with their headers parsed.
   */
  ingestPacked?(key: Readonly<KeyFields>, block: HeaderBlock, index: number, body: Uint8Array, redelivered: boolean, subscriptionId: string, receivedAt: number): boolean;
}

export interface MessageBatch {
  count: number;
  /**
   * The messages' headers, packed (packed-headers.ts), kept by the page so
   * and unpacked only when a message's headers are read (HeaderBlock).
   * Stringified here and parsed into a million objects on the page, they
   * were about half of a 1M import (README, Performance, "Imported headers
   * stay packed"); as structured-cloned objects they made the worker the
   * slower half; as UTF-8 in a transferred buffer, TextEncoder cost the
   * worker more than the page saved.
   */
  headers: PackedHeaders;
  /** Per message, FIELDS_PER_MESSAGE indexes into `strings`, in FIELD order. */
  fields: Uint32Array<ArrayBuffer>;
  strings: string[];
  warrenSeqs: Float64Array<ArrayBuffer>;
  /** 1 where the headers say `redelivered: true` (the capture's copy check then reads them). */
  redelivered: Uint8Array<ArrayBuffer>;
  receivedAt: Float64Array<ArrayBuffer>;
  /** Message i's body is bodies[offsets[i], offsets[i + 1]). */
  offsets: Uint32Array<ArrayBuffer>;
  bodies: Uint8Array<ArrayBuffer>;
}

/**
 * Where each string field of a message is in `fields`. `ack` is the STOMP
 * `ack` header, recorded only by a batcher made with `acks` (the socket
 * worker: a durable subscription acks what it got without unpacking headers).
 */
const FIELD = { exchange: 0, routingKey: 1, contentType: 2, contentEncoding: 3, correlationId: 4, taskName: 5, subscription: 6, ack: 7 } as const;
const FIELDS_PER_MESSAGE = 8;

/** A batch goes once it holds this many messages or body bytes. */
export const BATCH_MESSAGES = 4096;
export const BATCH_BODY_BYTES = 4 * 1024 * 1024;

/**
 * The worker's import target: each message is appended to the batch being
 * filled (its body copied, since the reader reuses its buffer), and a full
 * batch is handed to `send` with the buffers to transfer.
 */
export class MessageBatcher {
  private readonly headers = new HeaderPacker(BATCH_MESSAGES);
  private fields = new Uint32Array(BATCH_MESSAGES * FIELDS_PER_MESSAGE);
  private strings = new Map<string, number>();
  private warrenSeqs = new Float64Array(BATCH_MESSAGES);
  private redelivered = new Uint8Array(BATCH_MESSAGES);
  private receivedAt = new Float64Array(BATCH_MESSAGES);
  private offsets = new Uint32Array(BATCH_MESSAGES + 1);
  private bodies = new Uint8Array(256 * 1024);
  private count = 0;
  private readonly key = emptyKeyFields();

  /** @param options.acks record each message's `ack` header (see FIELD). */
  constructor(
    private readonly send: (batch: MessageBatch, transfer: ArrayBuffer[]) => void,
    private readonly options: { acks?: boolean } = {},
  ) {}

  /** Messages in the batch being filled. */
  get size(): number {
    return this.count;
  }

  /** Body bytes in the batch being filled. */
  get bodyBytes(): number {
    return this.offsets[this.count] ?? 0;
  }

  /** Adds one message (its body copied: the caller may reuse its buffer); a full batch goes at once. */
  ingest(frame: StompMessageFrame, subscription: string, receivedAt: number): boolean {
    const i = this.count;
    const headers = frame.headers;
    this.headers.add(headers);
    // The page's capture would decode these from the headers (messageFromFrame): the same function, here.
    const key = keyFieldsOf(headers, this.key);
    const f = i * FIELDS_PER_MESSAGE;
    this.fields[f + FIELD.exchange] = this.stringId(key.exchange);
    this.fields[f + FIELD.routingKey] = this.stringId(key.routingKey);
    this.fields[f + FIELD.contentType] = this.stringId(key.contentType);
    this.fields[f + FIELD.contentEncoding] = this.stringId(key.contentEncoding);
    this.fields[f + FIELD.correlationId] = this.stringId(key.correlationId);
    this.fields[f + FIELD.taskName] = this.stringId(key.taskName);
    this.fields[f + FIELD.subscription] = this.stringId(subscription);
    this.fields[f + FIELD.ack] = this.options.acks === true ? this.stringId(headers['ack'] ?? '') : 0;
    this.warrenSeqs[i] = key.warrenSeq;
    this.redelivered[i] = headers['redelivered'] === 'true' ? 1 : 0;
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
    const batch: MessageBatch = {
      count,
      headers: this.headers.take(),
      fields: this.fields.slice(0, count * FIELDS_PER_MESSAGE),
      strings: [...this.strings.keys()],
      warrenSeqs: this.warrenSeqs.slice(0, count),
      redelivered: this.redelivered.slice(0, count),
      receivedAt: this.receivedAt.slice(0, count),
      offsets: this.offsets.slice(0, count + 1),
      // Exactly the bytes used: the worker keeps filling its own buffer.
      bodies: this.bodies.slice(0, bodyBytes),
    };
    const transfer = [batch.headers.shapeOf, batch.headers.valueIds, batch.headers.ends, batch.headers.numbers, batch.fields, batch.warrenSeqs, batch.redelivered, batch.receivedAt, batch.offsets, batch.bodies].map((a) => a.buffer);
    this.send(batch, transfer);
    this.strings = new Map();
    this.count = 0;
  }

  private stringId(value: string): number {
    let id = this.strings.get(value);
    if (id === undefined) this.strings.set(value, (id = this.strings.size));
    return id;
  }
}

/** Reads one batch's messages on the page. */
export class MessageBatchReader {
  readonly block: HeaderBlock;
  readonly count: number;

  constructor(private readonly batch: MessageBatch) {
    this.block = new HeaderBlock(batch.headers);
    this.count = batch.count;
  }

  /** Message i's key fields, written into `key` (returned). */
  keyAt(i: number, key: KeyFields): KeyFields {
    key.exchange = this.text(i, FIELD.exchange);
    key.routingKey = this.text(i, FIELD.routingKey);
    key.contentType = this.text(i, FIELD.contentType);
    key.contentEncoding = this.text(i, FIELD.contentEncoding);
    key.correlationId = this.text(i, FIELD.correlationId);
    key.taskName = this.text(i, FIELD.taskName);
    key.warrenSeq = this.batch.warrenSeqs[i] ?? -1;
    return key;
  }

  subscriptionAt(i: number): string {
    return this.text(i, FIELD.subscription);
  }

  /** The `ack` header ('' when the batcher did not record acks, or there was none). */
  ackAt(i: number): string {
    return this.text(i, FIELD.ack);
  }

  redeliveredAt(i: number): boolean {
    return this.batch.redelivered[i] === 1;
  }

  receivedAtOf(i: number): number {
    return this.batch.receivedAt[i] ?? 0;
  }

  /** A view of the batch's bodies buffer (see ingestMessageBatch for when it is copied). */
  bodyAt(i: number): Uint8Array {
    const { bodies, offsets } = this.batch;
    const start = offsets[i] ?? 0;
    return new Uint8Array(bodies.buffer, bodies.byteOffset + start, (offsets[i + 1] ?? 0) - start);
  }

  largestBody(): number {
    const offsets = this.batch.offsets;
    let largest = 0;
    for (let i = 0; i < this.count; i++) largest = Math.max(largest, (offsets[i + 1] ?? 0) - (offsets[i] ?? 0));
    return largest;
  }

  get bodiesBuffer(): ArrayBuffer {
    return this.batch.bodies.buffer;
  }

  private text(i: number, field: number): string {
    return this.batch.strings[this.batch.fields[i * FIELDS_PER_MESSAGE + field] ?? 0] ?? '';
  }
}

/**
 * The page's half of an import: every message of `batch` into `target`, with
 * its subscription id. Returns how many the target took. A body small enough
 * for the capture's slab is a view of the batch's bodies (which the target
 * adopts, or copies); a larger one gets a buffer of its own.
 */
export function ingestMessageBatch(batch: MessageBatch, target: BatchTarget, subscriptionIdFor: (subscription: string) => string): number {
  const reader = new MessageBatchReader(batch);
  const block = reader.block;
  // Subscription ids by name, asked once a batch (most batches name one or two).
  const ids = new Map<string, string>();
  const subscriptionId = (i: number): string => {
    const name = reader.subscriptionAt(i);
    let id = ids.get(name);
    if (id === undefined) ids.set(name, (id = subscriptionIdFor(name)));
    return id;
  };
  // The batch's bodies are packed already: when none is large, the capture
  // keeps views of this buffer instead of copying each body into its slab
  // (BodySlab.store was 15 % of the page's import time in a trace; ingesting
  // 200,000 in Node went from 620 to 552 ms). A batch with a large body is
  // copied as before, so no large body's bytes are kept twice.
  const adopting = target.adoptBodies !== undefined && reader.largestBody() <= MAX_PACKED_BODY;
  if (adopting) target.adoptBodies?.(reader.bodiesBuffer);
  const key: KeyFields = emptyKeyFields();
  let taken = 0;
  try {
    for (let i = 0; i < batch.count; i++) {
      const view = reader.bodyAt(i);
      const body = view.length > MAX_PACKED_BODY ? view.slice() : view;
      const kept =
        target.ingestPacked === undefined
          ? target.ingest({ headers: block.at(i), binaryBody: body }, subscriptionId(i), reader.receivedAtOf(i))
          : target.ingestPacked(reader.keyAt(i, key), block, i, body, reader.redeliveredAt(i), subscriptionId(i), reader.receivedAtOf(i));
      if (kept) taken++;
    }
  } finally {
    // Adopted for this batch only: the capture keeps no hold on it once its messages are evicted.
    if (adopting) target.adoptBodies?.(null);
  }
  return taken;
}
