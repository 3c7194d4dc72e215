/**
 * An import's parsed lines in batches, from a parse worker (which decodes
 * and validates a block of lines) to the page (which only ingests): the
 * bodies packed into one transferred buffer, the headers packed by columns,
 * the fields the capture shows and filters on already decoded
 * (dictionary-coded strings), arrival times in a typed array. Both halves
 * are here so a unit test can run them back to back without a worker.
 */
import { emptyKeyFields, HeaderBlock, HeaderPacker, keyFieldsOf, MAX_PACKED_BODY, type KeyFields, type PackedHeaders, type StompMessageFrame } from '../model/index.ts';
import type { ImportTarget } from './import-messages.ts';

export interface ImportBatch {
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

/** Where each string field of a message is in `fields`. */
const FIELD = { exchange: 0, routingKey: 1, contentType: 2, contentEncoding: 3, correlationId: 4, taskName: 5, subscription: 6 } as const;
const FIELDS_PER_MESSAGE = 7;

/** A batch goes once it holds this many messages or body bytes. */
export const BATCH_MESSAGES = 4096;
export const BATCH_BODY_BYTES = 4 * 1024 * 1024;

/**
 * The worker's import target: each message is appended to the batch being
 * filled (its body copied, since the reader reuses its buffer), and a full
 * batch is handed to `send` with the buffers to transfer.
 */
export class ImportBatcher implements ImportTarget {
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

  constructor(private readonly send: (batch: ImportBatch, transfer: ArrayBuffer[]) => void) {}

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
    const batch: ImportBatch = {
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
    const transfer = [batch.headers.shapeOf, batch.fields, batch.warrenSeqs, batch.redelivered, batch.receivedAt, batch.offsets, batch.bodies].map((a) => a.buffer);
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

/**
 * The page's half: every message of `batch` into `target`, with its
 * subscription id. Returns how many the target took. A body small enough
 * for the capture's slab is a view of the batch's bodies (which the target
 * adopts, or copies); a larger one gets a buffer of its own.
 */
export function ingestBatch(batch: ImportBatch, target: ImportTarget, subscriptionIdFor: (subscription: string) => string): number {
  const { bodies, offsets, receivedAt, fields, strings, warrenSeqs, redelivered } = batch;
  const block = new HeaderBlock(batch.headers);
  // Subscription ids by string id, asked once a batch (most batches name one or two).
  const ids = new Map<number, string>();
  const subscriptionId = (i: number): string => {
    const stringId = fields[i * FIELDS_PER_MESSAGE + FIELD.subscription] ?? 0;
    let id = ids.get(stringId);
    if (id === undefined) ids.set(stringId, (id = subscriptionIdFor(strings[stringId] ?? '')));
    return id;
  };
  // The batch's bodies are packed already: when none is large, the capture
  // keeps views of this buffer instead of copying each body into its slab
  // (BodySlab.store was 15 % of the page's import time in a trace; ingesting
  // 200,000 in Node went from 620 to 552 ms). A batch with a large body is
  // copied as before, so no large body's bytes are kept twice.
  const adopting = target.adoptBodies !== undefined && largestBody(offsets, batch.count) <= MAX_PACKED_BODY;
  if (adopting) target.adoptBodies?.(bodies.buffer);
  const key: KeyFields = emptyKeyFields();
  const text = (i: number, field: number) => strings[fields[i * FIELDS_PER_MESSAGE + field] ?? 0] ?? '';
  let taken = 0;
  try {
    for (let i = 0; i < batch.count; i++) {
      const start = offsets[i] ?? 0;
      const length = (offsets[i + 1] ?? 0) - start;
      const view = new Uint8Array(bodies.buffer, bodies.byteOffset + start, length);
      const body = length > MAX_PACKED_BODY ? view.slice() : view;
      let kept: boolean;
      if (target.ingestImported === undefined) {
        kept = target.ingest({ headers: block.at(i), binaryBody: body }, subscriptionId(i), receivedAt[i] ?? 0);
      } else {
        key.exchange = text(i, FIELD.exchange);
        key.routingKey = text(i, FIELD.routingKey);
        key.contentType = text(i, FIELD.contentType);
        key.contentEncoding = text(i, FIELD.contentEncoding);
        key.correlationId = text(i, FIELD.correlationId);
        key.taskName = text(i, FIELD.taskName);
        key.warrenSeq = warrenSeqs[i] ?? -1;
        kept = target.ingestImported(key, block, i, body, redelivered[i] === 1, subscriptionId(i), receivedAt[i] ?? 0);
      }
      if (kept) taken++;
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
