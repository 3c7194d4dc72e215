/**
 * Messages the broker never delivered, found from jumps in `x-warren-seq`
 * (the traffic generator numbers every message it publishes, +1 each).
 *
 * A subscription may see only part of a publisher's numbers (a pattern that
 * matches some of its keys, or two publishers interleaved), so a jump alone
 * proves nothing. A jump counts as a gap only when the subscription's stream
 * was contiguous for RUN messages before it and is contiguous again for RUN
 * messages after it: a subset skips often, while real loss (a non-durable
 * subscription's reconnect, the mirror's queue dropping its head for a slow
 * browser) is one jump inside a contiguous stream. The gap is reported once
 * confirmed, anchored on the first message after it.
 */
import type { TracedMessage } from '../model/types.ts';

/** Contiguous messages needed on each side of a jump. */
export const GAP_CONFIRM_RUN = 64;

export interface SequenceGap {
  /** Warren seq of the first message after the gap: the marker shows above it. */
  anchorSeq: number;
  subscriptionId: string;
  /** `x-warren-seq` numbers that never arrived. */
  missing: number;
  /** Last number before the gap and first after it. */
  lastBefore: number;
  firstAfter: number;
}

interface StreamState {
  last: number;
  /** Messages in the current contiguous stretch (the one after a pending jump included). */
  run: number;
  /** The stream was contiguous for GAP_CONFIRM_RUN messages: a jump now means loss. */
  trusted: boolean;
  pending: SequenceGap | null;
}

export class SequenceGaps {
  private readonly streams = new Map<string, StreamState>();
  /** Confirmed gaps by anchor seq; insertion order is ascending seq, which trimming relies on. */
  private readonly byAnchor = new Map<number, SequenceGap>();
  private missingTotal = 0;
  private confirmedTotal = 0;

  /** Every number found missing since the page opened, including gaps already evicted. */
  get missing(): number {
    return this.missingTotal;
  }

  /** Gaps confirmed since the page opened. */
  get count(): number {
    return this.confirmedTotal;
  }

  /** True when no retained message has a gap before it (the table's fast path). */
  get empty(): boolean {
    return this.byAnchor.size === 0;
  }

  /** Gaps anchored on retained messages, ascending by anchor. */
  retained(): IterableIterator<SequenceGap> {
    return this.byAnchor.values();
  }

  /** Hot path: one call per ingested message. Returns true when a gap was confirmed. */
  observe(m: TracedMessage): boolean {
    const n = m.warrenSeq;
    if (n < 0) return false;
    const state = this.streams.get(m.subscriptionId);
    if (state === undefined) {
      this.streams.set(m.subscriptionId, { last: n, run: 1, trusted: false, pending: null });
      return false;
    }
    const last = state.last;
    state.last = n;
    if (n === last + 1) {
      state.run++;
      if (state.run < GAP_CONFIRM_RUN) return false;
      if (state.pending !== null) return this.confirm(state);
      state.trusted = true;
      return false;
    }
    if (state.pending === null && state.trusted && n > last + 1) {
      state.pending = { anchorSeq: m.seq, subscriptionId: m.subscriptionId, missing: n - last - 1, lastBefore: last, firstAfter: n };
    } else {
      // Backwards (a publisher restarted), or a second jump before the first
      // was confirmed: this stream skips by nature, nothing is known lost.
      state.pending = null;
      state.trusted = false;
    }
    state.run = 1;
    return false;
  }

  /** Forgets everything: the capture starts over (its messages are gone, and a stream read again restarts its numbers). */
  clear(): void {
    this.streams.clear();
    this.byAnchor.clear();
    this.missingTotal = 0;
    this.confirmedTotal = 0;
  }

  /** Forgets gaps anchored on evicted messages (their totals stay counted). */
  trimBefore(firstSeq: number): void {
    for (const anchor of this.byAnchor.keys()) {
      if (anchor >= firstSeq) break;
      this.byAnchor.delete(anchor);
    }
  }

  private confirm(state: StreamState): boolean {
    const gap = state.pending;
    if (gap === null) return false;
    state.pending = null;
    this.byAnchor.set(gap.anchorSeq, gap);
    this.missingTotal += gap.missing;
    this.confirmedTotal++;
    return true;
  }
}
