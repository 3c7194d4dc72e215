/**
 * The ingest path, kept out of React: STOMP frame → minimal decode → append
 * to the ring buffer → append the seq to the visible index when the filter
 * accepts its routing key → at most one store update per animation frame.
 *
 * Pausing freezes a copy of the visible index for the table; capture and
 * counting continue underneath, and resuming returns to the live index.
 */
import type { IMessage } from '@stomp/stompjs';
import { messageFromFrame, StringInterner } from '../model/index.ts';
import { useViewStore } from '../store/view-store.ts';
import { FrameScheduler } from './frame-scheduler.ts';
import { MessageBuffer } from './message-buffer.ts';
import { SeqIndex, searchAscending } from './seq-index.ts';

/** Decides whether a routing key is shown; memoised per distinct key by its owner. */
export type KeyPredicate = (exchange: string, routingKey: string) => boolean;

export const DEFAULT_CAPACITY = 1_000_000;

export class TraceIngest {
  readonly buffer: MessageBuffer;
  private readonly visible = new SeqIndex(4096);
  private readonly interner = new StringInterner();
  private readonly scheduler = new FrameScheduler(() => this.publish());
  private accepts: KeyPredicate | null = null;
  private frozen: Int32Array | null = null;
  private arrivedWhilePaused = 0;
  private version = 0;

  constructor(capacity = DEFAULT_CAPACITY) {
    this.buffer = new MessageBuffer(capacity);
  }

  /** Hot path: one call per MESSAGE frame. */
  ingest(frame: Pick<IMessage, 'headers' | 'binaryBody'>, subscriptionId: string): void {
    const buffer = this.buffer;
    const message = messageFromFrame(frame, buffer.nextSeq, Date.now(), subscriptionId, this.interner);
    const evicts = buffer.size === buffer.capacity;
    buffer.append(message);
    if (evicts) this.visible.trimBefore(buffer.firstSeq);
    if (this.accepts === null || this.accepts(message.exchange, message.routingKey)) this.visible.push(message.seq);
    // A frozen view does not move, so only the counters change while paused.
    if (this.frozen !== null) this.arrivedWhilePaused++;
    else this.version++;
    this.scheduler.schedule();
  }

  /** Rebuilds the visible index for a new filter (null shows everything). */
  setFilter(accepts: KeyPredicate | null): void {
    this.accepts = accepts;
    this.visible.clear();
    const { buffer } = this;
    for (let seq = buffer.firstSeq; seq <= buffer.lastSeq; seq++) {
      const m = buffer.get(seq);
      if (m && (accepts === null || accepts(m.exchange, m.routingKey))) this.visible.push(seq);
    }
    if (this.frozen !== null) this.frozen = this.visible.snapshot();
    this.version++;
    this.publish();
  }

  pause(): void {
    if (this.frozen !== null) return;
    this.frozen = this.visible.snapshot();
    this.arrivedWhilePaused = 0;
    this.publish();
  }

  resume(): void {
    this.frozen = null;
    this.arrivedWhilePaused = 0;
    this.version++;
    this.publish();
  }

  get paused(): boolean {
    return this.frozen !== null;
  }

  /** Rows the table shows: the frozen ones while paused, else the live visible index. */
  get rowCount(): number {
    return this.frozen !== null ? this.frozen.length : this.visible.length;
  }

  /** The row showing `seq` in the current view, or -1. */
  rowOfSeq(seq: number): number {
    const frozen = this.frozen;
    if (frozen === null) return this.visible.indexOf(seq);
    return searchAscending(frozen, 0, frozen.length, seq);
  }

  seqAtRow(row: number): number {
    return this.frozen !== null ? (this.frozen[row] ?? -1) : this.visible.at(row);
  }

  /** One store update for everything that happened since the last frame. */
  private publish(): void {
    const { buffer } = this;
    useViewStore.setState({
      version: this.version,
      received: buffer.received,
      visible: this.rowCount,
      bufferedWhilePaused: this.arrivedWhilePaused,
      dropped: buffer.dropped,
      paused: this.frozen !== null,
    });
  }
}
