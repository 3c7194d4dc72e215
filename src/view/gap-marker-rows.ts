/**
 * The table's rows: the message rows of the current view, plus one marker row
 * above each shown message that follows a sequence gap. Gaps are rare, so the
 * marker positions are recomputed (a binary search each) only when the view
 * or the gaps change, and a row lookup is one binary search over them.
 */
import type { SequenceGap, SequenceGaps } from '../capture/index.ts';

/** Where one message row sits in the view, or -1 when it is not shown. */
type RowOfSeq = (seq: number) => number;

export class GapMarkerRows {
  /** Table row of each marker, ascending. */
  private rows: number[] = [];
  private markers: SequenceGap[] = [];

  constructor(private readonly gaps: SequenceGaps) {}

  /** Recomputes the marker positions for the current view. */
  refresh(rowOfSeq: RowOfSeq): void {
    this.rows = [];
    this.markers = [];
    if (this.gaps.empty) return;
    const anchored: { row: number; gap: SequenceGap }[] = [];
    for (const gap of this.gaps.retained()) {
      const row = rowOfSeq(gap.anchorSeq);
      if (row >= 0) anchored.push({ row, gap });
    }
    anchored.sort((a, b) => a.row - b.row);
    anchored.forEach(({ row, gap }, k) => {
      this.rows.push(row + k);
      this.markers.push(gap);
    });
  }

  get count(): number {
    return this.rows.length;
  }

  /** The gap a table row shows, or undefined when it is a message row. */
  gapAt(tableRow: number): SequenceGap | undefined {
    const k = this.markersAtOrBefore(tableRow);
    return k > 0 && this.rows[k - 1] === tableRow ? this.markers[k - 1] : undefined;
  }

  /** The message row (index in the view) a table row shows, or -1 for a marker row. */
  messageRowAt(tableRow: number): number {
    const k = this.markersAtOrBefore(tableRow);
    if (k > 0 && this.rows[k - 1] === tableRow) return -1;
    return tableRow - k;
  }

  /** The table row of a message row: its index plus the markers above it (its own included). */
  tableRowOf(messageRow: number): number {
    if (messageRow < 0) return -1;
    let k = 0;
    while (k < this.rows.length && (this.rows[k] ?? 0) - k <= messageRow) k++;
    return messageRow + k;
  }

  /** Markers whose table row is at or before `tableRow`. */
  private markersAtOrBefore(tableRow: number): number {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.rows[mid] ?? 0) <= tableRow) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
