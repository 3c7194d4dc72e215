/**
 * What the table shows of the capture: the messages that pass the filter and
 * the time window, in arrival order, with a marker row above each message
 * that follows a sequence gap. Pausing freezes that list (capture and
 * counting go on underneath); resuming returns to the live one.
 *
 * Rows are numbered one way only, as the table draws them: message rows and
 * marker rows together, 0 at the top.
 *
 * A filter decided by routing key alone re-filters by reading one verdict
 * byte per message (key-verdicts.ts). One with per-message tests (headers,
 * size, body, JSON fields) re-filters in slices (sliced-scan.ts): the page
 * stays responsive and the previous rows stay until every message is judged.
 */
import type { TraceCapture } from '../capture/index.ts';
import type { SequenceGap } from '../capture/index.ts';
import type { BodyPredicate, KeyPredicate } from '../filter/index.ts';
import type { TracedMessage } from '../model/index.ts';
import { GapMarkerRows } from './gap-marker-rows.ts';
import { KeyVerdicts } from './key-verdicts.ts';
import { SeqIndex, searchAscending } from './seq-index.ts';
import { SlicedScan, type ScanProgress, type ScanStats } from './sliced-scan.ts';

/** Arrival times shown, epoch milliseconds, half-open: [fromMs, toMs). */
export interface TimeRange {
  fromMs: number;
  toMs: number;
}

export class TraceView {
  private visible = new SeqIndex(4096);
  /** A re-filter by per-message tests runs in slices; until it ends, the previous rows stay. */
  private readonly sliced: SlicedScan;
  private scanCursor = 0;
  private readonly verdicts: KeyVerdicts;
  private readonly markers: GapMarkerRows;
  /** `version` and gap count the markers were placed for. */
  private markersPlacedAt = -1;
  private markersPlacedFor = -1;
  private acceptsBody: BodyPredicate | null = null;
  private acceptsSeq: ((seq: number) => boolean) | null = null;
  private acceptsMessage: ((message: TracedMessage) => boolean) | null = null;
  // The time window as two plain numbers (±Infinity when off): two compares on the hot path.
  private windowFromMs = -Infinity;
  private windowToMs = Infinity;
  private frozen: Int32Array | null = null;
  private frozenAtMs: number | null = null;
  private arrivedWhilePaused = 0;
  private rowsVersion = 0;
  private readonly messageAt = (seq: number) => this.capture.buffer.get(seq);
  private readonly detach: () => void;

  /** @param now the clock that stamps a pause, epoch ms (injectable for tests). */
  constructor(
    private readonly capture: TraceCapture,
    private readonly now: () => number = Date.now,
  ) {
    this.verdicts = new KeyVerdicts(capture.keys);
    this.sliced = new SlicedScan(() => ({ done: Math.max(0, this.scanCursor - capture.buffer.firstSeq), total: capture.buffer.size }));
    this.markers = new GapMarkerRows(capture.gaps);
    this.detach = capture.addListener({
      onAppend: (first, count) => this.onAppend(first, count),
      onClear: () => {
        this.arrivedWhilePaused = 0;
        this.rebuild();
      },
    });
  }

  /** Stops following the capture (the session is disposed). */
  dispose(): void {
    this.detach();
    this.sliced.dispose();
  }

  /** A re-filter still running in slices (a filter that decodes bodies over many messages), or null. */
  get refilterProgress(): ScanProgress | null {
    return this.sliced.progress;
  }

  /** How the last sliced re-filter went: total time, slices, the longest one. */
  get lastRefilterStats(): ScanStats {
    return this.sliced.lastStats;
  }

  /** Called as a sliced re-filter moves and when it ends (rows changed then); returns the unsubscribe. */
  onRefilterProgress(listener: () => void): () => void {
    return this.sliced.subscribe(listener);
  }

  /** Moves whenever the rows shown change (never while paused). */
  get version(): number {
    return this.rowsVersion;
  }

  /**
   * Shows only messages whose (exchange, key) `accepts` (asked once per
   * distinct pair), whose body `acceptsBody` accepts, whose seq `acceptsSeq`
   * accepts (conversation terms) and that `acceptsMessage` accepts (asked
   * per message, after the others); null for any shows all.
   */
  setFilter(
    accepts: KeyPredicate | null,
    acceptsBody: BodyPredicate | null = null,
    acceptsSeq: ((seq: number) => boolean) | null = null,
    acceptsMessage: ((message: TracedMessage) => boolean) | null = null,
  ): void {
    this.verdicts.setPredicate(accepts);
    this.acceptsBody = acceptsBody;
    this.acceptsSeq = acceptsSeq;
    this.acceptsMessage = acceptsMessage;
    this.rebuild();
  }

  /** Limits the rows to messages that arrived within `range` (with the filter), or returns to live with null. */
  setTimeWindow(range: TimeRange | null): void {
    this.windowFromMs = range === null ? -Infinity : range.fromMs;
    this.windowToMs = range === null ? Infinity : range.toMs;
    this.rebuild();
  }

  pause(): void {
    if (this.frozen !== null) return;
    this.frozen = this.visible.snapshot();
    this.frozenAtMs = this.now();
    this.arrivedWhilePaused = 0;
  }

  resume(): void {
    if (this.frozen === null) return;
    this.frozen = null;
    this.frozenAtMs = null;
    this.arrivedWhilePaused = 0;
    this.rowsVersion++;
  }

  get paused(): boolean {
    return this.frozen !== null;
  }

  /** When the view was paused, epoch ms; null while live. The charts freeze at the same moment. */
  get pausedAtMs(): number | null {
    return this.frozenAtMs;
  }

  /** Messages captured since the pause, not shown yet. */
  get newWhilePaused(): number {
    return this.arrivedWhilePaused;
  }

  /** Messages shown (marker rows not counted). */
  get messageCount(): number {
    return this.frozen !== null ? this.frozen.length : this.visible.length;
  }

  /** Rows of the table: the messages shown plus a marker row above each one that follows a gap. */
  get rowCount(): number {
    return this.messageCount + this.placedMarkers().count;
  }

  /** The seq a row shows, or -1 when the row is a gap marker (see gapAtRow) or out of range. */
  seqAtRow(row: number): number {
    const messageRow = this.placedMarkers().messageRowAt(row);
    return messageRow < 0 ? -1 : this.seqAtMessageRow(messageRow);
  }

  /** The gap a marker row stands for, or undefined when the row shows a message. */
  gapAtRow(row: number): SequenceGap | undefined {
    return this.placedMarkers().gapAt(row);
  }

  /** The row showing `seq`, or -1 when it is not shown. */
  rowOfSeq(seq: number): number {
    return this.placedMarkers().tableRowOf(this.messageRowOf(seq));
  }

  private onAppend(firstSeq: number, count: number): void {
    const { buffer } = this.capture;
    // An append may have evicted the oldest message: trim whatever index points at it.
    this.visible.trimBefore(buffer.firstSeq);
    // A sliced re-filter will reach the new messages itself; the old rows stay as they are until it ends.
    if (this.sliced.progress !== null) {
      if (this.frozen !== null) this.arrivedWhilePaused += count;
      return;
    }
    for (let seq = firstSeq; seq < firstSeq + count; seq++) {
      const m = buffer.get(seq);
      if (m !== undefined && this.isShown(m)) this.visible.push(seq);
    }
    // A frozen view does not move: only the count of what waits changes.
    if (this.frozen !== null) this.arrivedWhilePaused += count;
    else this.rowsVersion++;
  }

  private isShown(m: TracedMessage): boolean {
    if (m.receivedAt < this.windowFromMs || m.receivedAt >= this.windowToMs) return false;
    if (!this.verdicts.shows(m)) return false;
    if (this.acceptsSeq !== null && !this.acceptsSeq(m.seq)) return false;
    if (this.acceptsBody !== null && !this.acceptsBody(m.body)) return false;
    return this.acceptsMessage === null || this.acceptsMessage(m);
  }

  private rebuild(): void {
    this.sliced.cancel();
    const { buffer } = this.capture;
    if (this.acceptsMessage !== null) {
      this.startSlicedRebuild();
      return;
    }
    this.visible.clear();
    if (this.acceptsBody === null && this.acceptsSeq === null && this.windowFromMs === -Infinity && this.windowToMs === Infinity) {
      // Routing key only: a scan of the key-id column, no message is touched.
      this.verdicts.scan(buffer.firstSeq, buffer.lastSeq, this.messageAt, this.visible);
    } else {
      for (let seq = buffer.firstSeq; seq <= buffer.lastSeq; seq++) {
        const m = buffer.get(seq);
        if (m && this.isShown(m)) this.visible.push(seq);
      }
    }
    this.rowsChanged();
  }

  /** Per-message tests: judged in slices into a new index, which replaces the rows when complete. */
  private startSlicedRebuild(): void {
    const { buffer } = this.capture;
    const next = new SeqIndex(4096);
    this.scanCursor = buffer.firstSeq;
    const step = (deadline: number): boolean => {
      if (this.scanCursor < buffer.firstSeq) this.scanCursor = buffer.firstSeq;
      next.trimBefore(buffer.firstSeq);
      let seq = this.scanCursor;
      const last = buffer.lastSeq;
      for (; seq <= last; seq++) {
        // The clock is read every 16 messages: a body decode takes microseconds, a big one more.
        if ((seq & 15) === 0 && performance.now() > deadline) break;
        const m = buffer.get(seq);
        if (m && this.isShown(m)) next.push(seq);
      }
      this.scanCursor = seq;
      return seq > last;
    };
    this.sliced.start(step, () => {
      this.visible = next;
      this.rowsChanged();
    });
  }

  private rowsChanged(): void {
    if (this.frozen !== null) this.frozen = this.visible.snapshot();
    this.rowsVersion++;
  }

  private seqAtMessageRow(messageRow: number): number {
    return this.frozen !== null ? (this.frozen[messageRow] ?? -1) : this.visible.at(messageRow);
  }

  private messageRowOf(seq: number): number {
    const frozen = this.frozen;
    if (frozen === null) return this.visible.indexOf(seq);
    return searchAscending(frozen, 0, frozen.length, seq);
  }

  private placedMarkers(): GapMarkerRows {
    if (this.markersPlacedAt !== this.rowsVersion || this.markersPlacedFor !== this.capture.gaps.count) {
      this.markers.refresh((seq) => this.messageRowOf(seq));
      this.markersPlacedAt = this.rowsVersion;
      this.markersPlacedFor = this.capture.gaps.count;
    }
    return this.markers;
  }
}
