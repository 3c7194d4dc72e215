/**
 * Latencies of one requests-view row, in log-linear buckets (the idea of
 * HdrHistogram, cut to what the view needs): 32 buckets per doubling, so a
 * percentile read from the buckets is within ~2.2 % of the true value, in a
 * fixed 3 KB whatever the number of requests. Written by hand because the
 * npm HdrHistogram brings WebAssembly, pako and base64 for the same five
 * methods, and the view needs the raw buckets for its chart anyway.
 */

/** Buckets per doubling of the value. */
const PER_DOUBLING = 32;
/** Values up to 2^24 ms (4.6 hours) are bucketed; longer ones land in the last bucket (max stays exact). */
const DOUBLINGS = 24;
const BUCKETS = PER_DOUBLING * DOUBLINGS + 1;

/** One bar of the view's chart: the count of values in [fromMs, toMs). */
export interface LatencyBin {
  fromMs: number;
  toMs: number;
  count: number;
}

export class LatencyHistogram {
  private readonly counts = new Uint32Array(BUCKETS);
  private n = 0;
  private maxMs = 0;
  private minMs = Infinity;

  /** Number of values recorded. */
  get count(): number {
    return this.n;
  }

  /** The largest value, exact; 0 when empty. */
  get max(): number {
    return this.maxMs;
  }

  /** The smallest value, exact; 0 when empty. */
  get min(): number {
    return this.n === 0 ? 0 : this.minMs;
  }

  /** Records one value in milliseconds (negative counts as 0). */
  record(ms: number): void {
    const value = ms > 0 ? ms : 0;
    this.counts[bucketOf(value)]!++;
    this.n++;
    if (value > this.maxMs) this.maxMs = value;
    if (value < this.minMs) this.minMs = value;
  }

  /**
   * The value at quantile `q` (0..1): the geometric middle of the bucket the
   * q-th value fell in, clamped to the exact min and max (q = 1 is the max);
   * NaN when empty.
   */
  quantile(q: number): number {
    if (this.n === 0) return NaN;
    const rank = Math.max(1, Math.ceil(q * this.n));
    // The largest value is known exactly, and so is everything in the open-ended last bucket.
    if (rank >= this.n) return this.maxMs;
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return i === BUCKETS - 1 ? this.maxMs : Math.min(this.maxMs, Math.max(this.min, middleOf(i)));
    }
    return this.maxMs;
  }

  /**
   * The counts regrouped into `perDoubling` bins per doubling (a divisor of
   * 32), from the smallest to the largest non-empty bin: what a chart draws.
   */
  bins(perDoubling = 4): LatencyBin[] {
    const width = PER_DOUBLING / perDoubling;
    const bins: LatencyBin[] = [];
    for (let first = 0; first < BUCKETS; first += first === 0 ? 1 : width) {
      const last = first === 0 ? 0 : Math.min(BUCKETS - 1, first + width - 1);
      let count = 0;
      for (let i = first; i <= last; i++) count += this.counts[i]!;
      bins.push({ fromMs: lowerOf(first), toMs: lowerOf(last + 1), count });
    }
    let start = 0;
    let end = bins.length;
    while (start < end && bins[start]!.count === 0) start++;
    while (end > start && bins[end - 1]!.count === 0) end--;
    return bins.slice(start, end);
  }
}

/** Bucket 0 holds [0, 1) ms; bucket i ≥ 1 holds [2^((i-1)/32), 2^(i/32)) ms. */
function bucketOf(ms: number): number {
  if (ms < 1) return 0;
  const i = Math.floor(Math.log2(ms) * PER_DOUBLING) + 1;
  return i < BUCKETS ? i : BUCKETS - 1;
}

function lowerOf(bucket: number): number {
  return bucket === 0 ? 0 : 2 ** ((bucket - 1) / PER_DOUBLING);
}

function middleOf(bucket: number): number {
  return bucket === 0 ? 0.5 : 2 ** ((bucket - 0.5) / PER_DOUBLING);
}
