/**
 * The ingest path, kept out of React: STOMP frame → minimal decode → append
 * to the ring buffer → count it in the rate model → append the seq to the
 * visible index when the filter accepts its routing key and the time window
 * (if any) its arrival → at most one store update per animation frame.
 *
 * Pausing freezes a copy of the visible index for the table; capture and
 * counting continue underneath, and resuming returns to the live index.
 */
import type { IMessage } from '@stomp/stompjs';
import { BodySlab, messageFromFrame, StringInterner, type TracedMessage } from '../model/index.ts';
import type { RateRecorder } from '../rates/index.ts';
import { useViewStore } from '../store/view-store.ts';
import { FrameScheduler } from './frame-scheduler.ts';
import { GapMarkerRows } from './gap-marker-rows.ts';
import { MessageBuffer } from './message-buffer.ts';
import { RoutingKeyColumn, type KeyPredicate } from './routing-key-column.ts';
import { SeqIndex, searchAscending } from './seq-index.ts';
import { SequenceGaps, type SequenceGap } from './sequence-gaps.ts';

/** Body terms of the filter (`body:`), which cannot be memoised per key. */
export type BodyPredicate = (body: Uint8Array) => boolean;

/** Arrival times shown, epoch milliseconds, half-open: [fromMs, toMs). */
export interface TimeRange {
  fromMs: number;
  toMs: number;
}

export const DEFAULT_CAPACITY = 1_000_000;

export class TraceIngest {
  readonly buffer: MessageBuffer;
  /** Numbers the broker never delivered (x-warren-seq jumps), shown as marker rows. */
  readonly gaps = new SequenceGaps();
  private readonly markers = new GapMarkerRows(this.gaps);
  /** `version` and gap count the markers were placed for. */
  private markersPlacedAt = -1;
  private markersPlacedFor = -1;
  private readonly visible = new SeqIndex(4096);
  private readonly interner = new StringInterner();
  private readonly bodies = new BodySlab();
  /**
   * The table and counters follow at most every third frame (~20 per
   * second): a live tail is not readable any faster, and each update costs a
   * React render, a layout and a paint whatever the number of new rows (~8 ms
   * of main thread on the bench machine even at 100 msg/s). Against every
   * other frame, synthetic frames at 2,000 msg/s took 12 % less main thread
   * and 30 % less layout; those are CPU the page and the brokers share.
   */
  private readonly scheduler = new FrameScheduler(() => this.publish(), 48);
  /** Routing-key id per message and the filter's verdict per id. */
  private readonly keys: RoutingKeyColumn;
  private readonly retained = () => this.buffer.retained();
  private readonly messageAt = (seq: number) => this.buffer.get(seq);
  private acceptsBody: BodyPredicate | null = null;
  // The time window as two plain numbers (±Infinity when off): two compares on the hot path.
  private windowFromMs = -Infinity;
  private windowToMs = Infinity;
  private frozen: Int32Array | null = null;
  private arrivedWhilePaused = 0;
  private version = 0;

  /**
   * @param capacity messages retained (older ones are evicted and counted as dropped).
   * @param rates counts every message at arrival, before eviction or filtering; null counts nothing.
   */
  constructor(
    capacity = DEFAULT_CAPACITY,
    private readonly rates: RateRecorder | null = null,
  ) {
    this.buffer = new MessageBuffer(capacity);
    this.keys = new RoutingKeyColumn(this.buffer.capacity);
  }

  /** Hot path: one call per MESSAGE frame. */
  ingest(frame: Pick<IMessage, 'headers' | 'binaryBody'>, subscriptionId: string): void {
    const buffer = this.buffer;
    const message = messageFromFrame(frame, buffer.nextSeq, Date.now(), subscriptionId, this.interner, this.bodies);
    const evicts = buffer.size === buffer.capacity;
    buffer.append(message);
    this.keys.record(message, this.retained);
    if (evicts) {
      this.visible.trimBefore(buffer.firstSeq);
      if (!this.gaps.empty) this.gaps.trimBefore(buffer.firstSeq);
    }
    this.rates?.record(message);
    this.gaps.observe(message);
    if (this.isShown(message)) this.visible.push(message.seq);
    // A frozen view does not move, so only the counters change while paused.
    if (this.frozen !== null) this.arrivedWhilePaused++;
    else this.version++;
    this.scheduler.schedule();
  }

  /**
   * Rebuilds the visible index for a new filter (null shows everything).
   * `accepts` is asked once per distinct (exchange, routing key).
   */
  setFilter(accepts: KeyPredicate | null, acceptsBody: BodyPredicate | null = null): void {
    this.keys.setPredicate(accepts);
    this.acceptsBody = acceptsBody;
    this.rebuildVisible();
  }

  /**
   * Limits the view to messages that arrived within `range` (combined with
   * the filter), or returns to live with null. Rebuilds like setFilter.
   */
  setTimeWindow(range: TimeRange | null): void {
    this.windowFromMs = range === null ? -Infinity : range.fromMs;
    this.windowToMs = range === null ? Infinity : range.toMs;
    this.rebuildVisible();
  }

  private isShown(m: TracedMessage): boolean {
    if (m.receivedAt < this.windowFromMs || m.receivedAt >= this.windowToMs) return false;
    if (!this.keys.shows(m)) return false;
    return this.acceptsBody === null || this.acceptsBody(m.body);
  }

  private rebuildVisible(): void {
    this.visible.clear();
    const { buffer } = this;
    if (this.acceptsBody === null && this.windowFromMs === -Infinity && this.windowToMs === Infinity) {
      // Routing key only: a scan of the key-id column, no message is touched.
      this.keys.scan(buffer.firstSeq, buffer.lastSeq, this.messageAt, this.visible);
    } else {
      for (let seq = buffer.firstSeq; seq <= buffer.lastSeq; seq++) {
        const m = buffer.get(seq);
        if (m && this.isShown(m)) this.visible.push(seq);
      }
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

  /** Rows of the table: message rows plus a marker row above each message that follows a gap. */
  get tableRowCount(): number {
    return this.rowCount + this.placedMarkers().count;
  }

  /** The seq a table row shows, or -1 when the row is a gap marker (see gapAtTableRow). */
  seqAtTableRow(tableRow: number): number {
    const row = this.placedMarkers().messageRowAt(tableRow);
    return row < 0 ? -1 : this.seqAtRow(row);
  }

  gapAtTableRow(tableRow: number): SequenceGap | undefined {
    return this.placedMarkers().gapAt(tableRow);
  }

  tableRowOfSeq(seq: number): number {
    return this.placedMarkers().tableRowOf(this.rowOfSeq(seq));
  }

  private placedMarkers(): GapMarkerRows {
    if (this.markersPlacedAt !== this.version || this.markersPlacedFor !== this.gaps.count) {
      this.markers.refresh((seq) => this.rowOfSeq(seq));
      this.markersPlacedAt = this.version;
      this.markersPlacedFor = this.gaps.count;
    }
    return this.markers;
  }

  /** One store update for everything that happened since the last frame. */
  private publish(): void {
    const { buffer } = this;
    useViewStore.setState({
      version: this.version,
      received: buffer.received,
      visible: this.rowCount,
      rows: this.tableRowCount,
      missing: this.gaps.missing,
      bufferedWhilePaused: this.arrivedWhilePaused,
      dropped: buffer.dropped,
      paused: this.frozen !== null,
    });
  }
}
