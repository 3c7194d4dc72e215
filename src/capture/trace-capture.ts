/**
 * The capture core: every MESSAGE frame of the tab ends here, whatever the
 * view shows. No React, no store: a plain class, options in, events out.
 *
 * One frame: drop it if it is a copy the broker handed over twice → decode
 * the minimal fields → append to the ring buffer → give its routing key an
 * id → look for x-warren-seq gaps → tell the listeners (the view, the rate
 * model, the session's publisher, further indexes) that seqs
 * [first, first + count) were appended.
 */
import { BodySlab, emptyKeyFields, messageFromFrame, PackedMessage, StringInterner, type HeaderBlock, type KeyFields, type StompMessageFrame, type TracedMessage } from '../model/index.ts';
import { KeyIdColumn } from './key-id-column.ts';
import { MessageBuffer } from './message-buffer.ts';
import { isRedeliveredCopy } from './redelivery.ts';
import { SequenceGaps } from './sequence-gaps.ts';

export const DEFAULT_CAPACITY = 1_000_000;


/** Something that keeps its own index of captured messages. */
export interface CaptureListener {
  /**
   * Seqs [firstSeq, firstSeq + count) were appended (and the buffer may have
   * evicted older ones: read `buffer.firstSeq`). Hot path: called per frame.
   */
  onAppend(firstSeq: number, count: number): void;
  /** Every message was forgotten (TraceCapture.clear): drop whatever was kept of them. */
  onClear?(): void;
}

export interface TraceCaptureOptions {
  /** Messages retained; older ones are evicted and counted as dropped. Default {@link DEFAULT_CAPACITY}. */
  capacity?: number;
  /**
   * Frames checked for copies after a reconnect, and how far back each looks:
   * at least what the broker may have had in flight unacked. Default 4,000.
   */
  reconnectLookBack?: number;
  /** The arrival clock, epoch ms (injectable for tests). */
  now?: () => number;
}

export class TraceCapture {
  readonly buffer: MessageBuffer;
  /** A routing-key id per retained message, for views that filter by key. */
  readonly keys: KeyIdColumn;
  /** Numbers the broker never delivered (x-warren-seq jumps). */
  readonly gaps = new SequenceGaps();
  private readonly interner = new StringInterner();
  private readonly bodies = new BodySlab();
  /** ingestPacked's interned copy of the key fields it is given (reused). */
  private readonly interned = emptyKeyFields();
  private readonly retained = () => this.buffer.retained();
  private readonly now: () => number;
  private readonly lookBack: number;
  private listeners: CaptureListener[] = [];
  /** Frames still to be checked for copies after a reconnect (see isRedeliveredCopy). */
  private recheck = 0;

  constructor(options: TraceCaptureOptions = {}) {
    this.buffer = new MessageBuffer(options.capacity ?? DEFAULT_CAPACITY);
    this.keys = new KeyIdColumn(this.buffer.capacity);
    this.now = options.now ?? Date.now;
    this.lookBack = options.reconnectLookBack ?? 4_000;
  }

  /** Adds a listener; returns the function that removes it. */
  addListener(listener: CaptureListener): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /**
   * The connection came back: the broker may redeliver what it sent but never
   * saw acked, and a shovel may re-publish what the mirror never confirmed
   * (not marked redelivered). The next frames are checked for copies.
   */
  noteReconnect(): void {
    this.recheck = this.lookBack;
  }

  /**
   * Forgets every captured message, gap and pending check, and tells the
   * listeners: a rewind or an import starts the capture over. Seqs go on.
   */
  clear(): void {
    this.buffer.clear();
    this.gaps.clear();
    this.recheck = 0;
    for (const listener of this.listeners) listener.onClear?.();
  }

  /** See BodySlab.adopt: an import's batch of packed bodies, kept as it is (null: the batch is done). */
  adoptBodies(buffer: ArrayBuffer | null): void {
    this.bodies.adopt(buffer);
  }

  /**
   * Hot path: one call per MESSAGE frame stompjs read (ingestPacked takes those
   * the socket worker read). Returns false when the frame was a
   * copy and dropped. `receivedAt` (epoch ms) is the arrival clock's now,
   * unless the message arrived earlier than it is ingested (history read
   * from a stream, an imported file).
   */
  ingest(frame: StompMessageFrame, subscriptionId: string, receivedAt = this.now()): boolean {
    const afterReconnect = this.recheck > 0 && this.recheck-- > 0;
    if (
      (afterReconnect || frame.headers['redelivered'] === 'true') &&
      isRedeliveredCopy(this.buffer, frame, subscriptionId, this.lookBack, afterReconnect)
    ) {
      return false;
    }
    this.append(messageFromFrame(frame, this.buffer.nextSeq, receivedAt, subscriptionId, this.interner, this.bodies));
    return true;
  }

  /**
   * Hot path: a message whose key fields a worker decoded (the socket
   * worker, an import's parse worker) and whose headers stay unparsed in
   * `block` until read (PackedMessage).
   * Returns false when it was not kept: one that says it was redelivered,
   * or that comes while copies are being looked for, goes through ingest()
   * with its headers, as the copy check reads them.
   */
  ingestPacked(key: Readonly<KeyFields>, block: HeaderBlock, index: number, body: Uint8Array, redelivered: boolean, subscriptionId: string, receivedAt: number): boolean {
    if (redelivered || this.recheck > 0) return this.ingest({ headers: block.at(index), binaryBody: body }, subscriptionId, receivedAt);
    const interned = this.interned;
    interned.exchange = this.intern(key.exchange);
    interned.routingKey = this.intern(key.routingKey);
    interned.contentType = this.intern(key.contentType);
    interned.contentEncoding = this.intern(key.contentEncoding);
    interned.correlationId = key.correlationId;
    interned.taskName = this.intern(key.taskName);
    interned.warrenSeq = key.warrenSeq;
    this.append(new PackedMessage(this.buffer.nextSeq, receivedAt, subscriptionId, interned, this.bodies.store(body), block, index));
    return true;
  }

  /** As messageFromFrame interns: '' as it is. */
  private intern(value: string): string {
    return value === '' ? '' : this.interner.intern(value);
  }

  private append(message: TracedMessage): void {
    const buffer = this.buffer;
    const evicts = buffer.size === buffer.capacity;
    buffer.append(message);
    this.keys.record(message, this.retained);
    if (evicts && !this.gaps.empty) this.gaps.trimBefore(buffer.firstSeq);
    this.gaps.observe(message);
    const listeners = this.listeners;
    for (let i = 0; i < listeners.length; i++) listeners[i]?.onAppend(message.seq, 1);
  }
}
