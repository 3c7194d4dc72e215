/**
 * The rate model: every ingested message is counted into 1-second buckets,
 * kept for the last five minutes in a ring keyed by epoch second. Counting
 * happens at ingest (a listener on the capture, see attach.ts), before the
 * buffer can evict a message or the filter hide it, so the charts stay exact
 * whatever the table shows. Readers (the charts, once a second) aggregate
 * buckets; they never touch the row buffer.
 *
 * @module
 */
import { RateBucket, type RateSample } from './rate-bucket.ts';

/** Seconds the charts show, and the ring's default size. */
export const RATE_WINDOW_SECONDS = 300;

/**
 * Distinct routing keys counted per second before further new keys only
 * count by exchange and subscription. 512 keys × 300 s bounds the per-key
 * state at ~154k tallies (~9 MB measured, see bench/ingest-rates.ts) even
 * when every message carries a fresh key.
 */
export const DEFAULT_MAX_KEYS_PER_SECOND = 512;

/**
 * Messages whose keys wait to be tallied. Looking keys up in a tight loop,
 * with the second's Map hot in cache, costs a fraction of one lookup per
 * message between the ingest's other work (measured: bench/ingest-rates.ts).
 */
const TALLY_BATCH = 256;

/** Options for {@link RateRecorder}. */
export interface RateRecorderOptions {
  /** Seconds kept (the ring's size). Default {@link RATE_WINDOW_SECONDS}. */
  seconds?: number;
  /** Distinct keys counted per second. Default {@link DEFAULT_MAX_KEYS_PER_SECOND}. */
  maxKeysPerSecond?: number;
}

/**
 * Counts messages per second. `record` is the ingest hot path: two compares
 * to find the current second, two additions and one array store; the key
 * tallies follow in batches of {@link TALLY_BATCH} (and before any read, and
 * before the second changes), so every read is exact.
 *
 * @example
 * const rates = new RateRecorder();
 * rates.record(message);                  // for every message, at ingest
 * rates.bucketAt(Math.floor(Date.now() / 1000))?.messages;
 */
export class RateRecorder {
  /** Seconds kept. */
  readonly seconds: number;
  private readonly ring: RateBucket[];
  private current: RateBucket;
  // The current bucket's span in ms: the hot path compares, it does not divide.
  private currentFromMs = 0;
  private currentToMs = 0;
  private newest = -1;
  /** Messages counted in `current` whose keys are not tallied yet (see TALLY_BATCH). */
  private readonly untallied: RateSample[] = [];
  private untalliedCount = 0;

  constructor(options: RateRecorderOptions = {}) {
    const seconds = options.seconds ?? RATE_WINDOW_SECONDS;
    const maxKeys = options.maxKeysPerSecond ?? DEFAULT_MAX_KEYS_PER_SECOND;
    if (!Number.isInteger(seconds) || seconds < 1) throw new RangeError(`seconds must be a positive integer, got ${seconds}`);
    if (!Number.isInteger(maxKeys) || maxKeys < 0) throw new RangeError(`maxKeysPerSecond must be a non-negative integer, got ${maxKeys}`);
    this.seconds = seconds;
    this.ring = Array.from({ length: seconds }, () => new RateBucket(maxKeys));
    this.current = new RateBucket(0); // a sentinel whose second (-1) never matches
  }

  /** Forgets every count: the capture started over. */
  clear(): void {
    for (const bucket of this.ring) bucket.reset(-1);
    this.current = new RateBucket(0);
    this.currentFromMs = 0;
    this.currentToMs = 0;
    this.newest = -1;
    this.untalliedCount = 0;
  }

  /** Counts one message in the second of its `receivedAt`. */
  record(sample: RateSample): void {
    const t = sample.receivedAt;
    const bucket = t >= this.currentFromMs && t < this.currentToMs ? this.current : this.bucketForWrite(Math.floor(t / 1000));
    bucket.messages++;
    bucket.bytes += sample.size;
    this.untallied[this.untalliedCount++] = sample;
    if (this.untalliedCount === TALLY_BATCH) this.tallyPending();
  }

  /** The newest second any message was counted in, or -1. */
  get newestSecond(): number {
    return this.newest;
  }

  /**
   * The counts of `second`, or undefined when nothing was counted then (or
   * it left the ring). Complete: pending key tallies are done first.
   */
  bucketAt(second: number): Readonly<RateBucket> | undefined {
    this.tallyPending();
    const bucket = this.ring[slotOf(second, this.seconds)];
    return bucket !== undefined && bucket.second === second ? bucket : undefined;
  }

  /** Tallies the waiting messages into `current`, the bucket that counted them. */
  private tallyPending(): void {
    const bucket = this.current;
    const pending = this.untallied;
    for (let i = 0; i < this.untalliedCount; i++) {
      const sample = pending[i];
      if (sample !== undefined) bucket.tally(sample);
    }
    // The array keeps its last batch of references until overwritten: at most
    // TALLY_BATCH messages, all recent, so not worth a pass to clear.
    this.untalliedCount = 0;
  }

  private bucketForWrite(requested: number): RateBucket {
    this.tallyPending(); // they belong to the bucket we are leaving
    // A wall clock that stepped back further than the ring reaches would
    // land in a slot owned by a newer second: count it now instead, so the
    // totals stay exact and only its time is approximate.
    const second = requested > this.newest - this.seconds ? requested : this.newest;
    if (second > this.newest) this.newest = second;
    const bucket = this.ring[slotOf(second, this.seconds)];
    if (bucket === undefined) throw new Error('unreachable: ring slot out of range');
    // Within the ring's reach a slot holds `second` or an older one (same slot, ≥ one lap ago).
    if (bucket.second !== second) bucket.reset(second);
    this.current = bucket;
    // A message counted into a later second (clock stepped back) must not make that bucket current for its own second.
    this.currentFromMs = second === requested ? second * 1000 : 0;
    this.currentToMs = second === requested ? second * 1000 + 1000 : 0;
    return bucket;
  }
}

function slotOf(second: number, size: number): number {
  const slot = second % size;
  return slot < 0 ? slot + size : slot;
}
