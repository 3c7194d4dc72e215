/**
 * An ordered list of message seqs (the rows that pass the current filter),
 * kept in a growable Int32Array used as a deque: appends at the tail as
 * messages arrive, trims at the head as the buffer evicts. No per-message
 * allocation; `at(i)` is what the virtual table calls for each visible row.
 */
export class SeqIndex {
  private seqs: Int32Array;
  private start = 0;
  private end = 0;

  constructor(initialCapacity = 1024) {
    this.seqs = new Int32Array(Math.max(16, initialCapacity));
  }

  get length(): number {
    return this.end - this.start;
  }

  /** The seq at position i, or -1 outside 0..length-1. */
  at(i: number): number {
    if (i < 0 || i >= this.end - this.start) return -1;
    return this.seqs[this.start + i] ?? -1;
  }

  push(seq: number): void {
    if (this.end === this.seqs.length) this.makeRoom();
    this.seqs[this.end++] = seq;
  }

  /** Drops seqs below `firstSeq` (evicted from the buffer). Seqs are ascending. */
  trimBefore(firstSeq: number): void {
    while (this.start < this.end && (this.seqs[this.start] ?? firstSeq) < firstSeq) this.start++;
    if (this.start === this.end) this.start = this.end = 0;
  }

  clear(): void {
    this.start = this.end = 0;
  }

  /** Position of `seq`, or -1 when it is not in the index. Seqs are ascending: binary search. */
  indexOf(seq: number): number {
    return searchAscending(this.seqs, this.start, this.end, seq) - this.start;
  }

  /** A frozen copy, for a paused view that must not move. */
  snapshot(): Int32Array {
    return this.seqs.slice(this.start, this.end);
  }

  private makeRoom(): void {
    const live = this.end - this.start;
    // Reuse the array when at least half of it is trimmed head; grow otherwise.
    const target = live * 2 <= this.seqs.length ? this.seqs : new Int32Array(this.seqs.length * 2);
    target.set(this.seqs.subarray(this.start, this.end), 0);
    this.seqs = target;
    this.start = 0;
    this.end = live;
  }
}

/** Index of `value` in the ascending range [from, to) of `array`, or from - 1 when absent. */
export function searchAscending(array: Int32Array, from: number, to: number, value: number): number {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = array[mid] ?? 0;
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return from - 1;
}
