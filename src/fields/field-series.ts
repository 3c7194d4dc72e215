/**
 * One charted field: its values over time, in fixed memory.
 *
 * - A ring of SERIES_SECONDS one-second slots (indexed by epoch second mod
 *   the ring size, a slot tagged with its second and reset when a newer
 *   second claims it). Each slot keeps the stats of all values of that second
 *   and per routing key, for at most MAX_KEYS_PER_SECOND keys; values of
 *   further keys that second are kept together as overflow (charted as
 *   "other").
 * - A ring of the last POINT_CAPACITY values themselves (time, value, seq,
 *   routing key), drawn as points when the chart is sparse.
 *
 * Fed by FieldCharts (never from React); `version` moves when a value is
 * added or everything is reset, so a reader knows when to read again.
 *
 * @module
 */
import type { TracedMessage } from '../model/types.ts';
import { numberOf, type FieldPath } from './field-path.ts';
import { FieldStats } from './field-stats.ts';

/** Seconds of per-second stats kept: an hour. */
export const SERIES_SECONDS = 3600;
/** Routing keys tallied apart per second; more go to that second's overflow. */
export const MAX_KEYS_PER_SECOND = 16;
/** Values kept one by one for the sparse (points) view. */
export const POINT_CAPACITY = 10_000;

/** One second of values. */
export class SecondSlot {
  second = Number.NaN;
  readonly total = new FieldStats();
  /** Per routing key; null until the second has a value. */
  keys: Map<string, FieldStats> | null = null;
  /** Values of keys past MAX_KEYS_PER_SECOND in this second. */
  readonly overflow = new FieldStats();

  claim(second: number): void {
    this.second = second;
    this.total.reset();
    this.overflow.reset();
    this.keys?.clear();
  }
}

/** How the messages read so far went: what the chart's caption reports. */
export interface FieldCounts {
  /** Values charted. */
  values: number;
  /** Messages read that do not have the field (or whose body is not structured). */
  absent: number;
  /** Messages whose field is there but not a finite number (a string, null, an object...). */
  notNumber: number;
  /** Values older than the ring reaches (an hour before the newest value): not charted. */
  tooOld: number;
  /** Messages evicted from the capture before the chart read them. */
  missed: number;
}

export class FieldSeries {
  /** Next seq to read: the seqs before it were read (or missed). Advanced by FieldCharts. */
  cursor: number;
  private changes = 0;
  private readonly slots: (SecondSlot | undefined)[] = new Array<SecondSlot | undefined>(SERIES_SECONDS);
  private newest = Number.NEGATIVE_INFINITY;
  private readonly pointTime = new Float64Array(POINT_CAPACITY);
  private readonly pointValue = new Float64Array(POINT_CAPACITY);
  private readonly pointSeq = new Float64Array(POINT_CAPACITY);
  private readonly pointKey: string[] = new Array<string>(POINT_CAPACITY);
  /** Points written since the last reset; the ring holds the last POINT_CAPACITY of them. */
  private written = 0;
  readonly counts: FieldCounts = { values: 0, absent: 0, notNumber: 0, tooOld: 0, missed: 0 };

  constructor(
    readonly path: FieldPath,
    firstSeq: number,
  ) {
    this.cursor = firstSeq;
  }

  /** Moves whenever what a read returns may have changed. */
  get version(): number {
    return this.changes;
  }

  /** The newest second holding a value, -Infinity before any. */
  get newestSecond(): number {
    return this.newest;
  }

  /** Reads one message's field (`field`: its value at this series' path, undefined when the body has none there). */
  record(message: TracedMessage, field: unknown): void {
    const found = numberOf(field);
    if (found === 'absent') {
      this.counts.absent++;
      return;
    }
    if (found === 'not-number') {
      this.counts.notNumber++;
      return;
    }
    const second = Math.floor(message.receivedAt / 1000);
    if (second > this.newest) this.newest = second;
    else if (second <= this.newest - SERIES_SECONDS) {
      this.counts.tooOld++;
      return;
    }
    const slot = this.slotFor(second);
    slot.total.add(found, message.seq);
    this.keyStats(slot, message.routingKey).add(found, message.seq);
    const at = this.written % POINT_CAPACITY;
    this.pointTime[at] = message.receivedAt;
    this.pointValue[at] = found;
    this.pointSeq[at] = message.seq;
    this.pointKey[at] = message.routingKey;
    this.written++;
    this.counts.values++;
    this.changes++;
  }

  /** The slot of `second` if it holds values of that second. */
  slotAt(second: number): SecondSlot | undefined {
    const slot = this.slots[modulo(second)];
    return slot !== undefined && slot.second === second && slot.total.count > 0 ? slot : undefined;
  }

  /**
   * Calls `visit` for each kept point whose time is in [fromMs, toMs), oldest
   * written first. Returns false (visiting nothing) when the ring no longer
   * holds every value of that span: the caller then draws buckets instead.
   */
  forEachPoint(fromMs: number, toMs: number, visit: (timeMs: number, value: number, seq: number, routingKey: string) => void): boolean {
    const kept = Math.min(this.written, POINT_CAPACITY);
    const oldest = this.written - kept;
    if (this.written > POINT_CAPACITY && (this.pointTime[oldest % POINT_CAPACITY] ?? 0) > fromMs) return false;
    for (let n = oldest; n < this.written; n++) {
      const at = n % POINT_CAPACITY;
      const time = this.pointTime[at] ?? 0;
      if (time >= fromMs && time < toMs) visit(time, this.pointValue[at] ?? 0, this.pointSeq[at] ?? -1, this.pointKey[at] ?? '');
    }
    return true;
  }

  /** Forgets every value and count (decoding changed, or the capture was cleared); reading starts again at `firstSeq`. */
  reset(firstSeq: number): void {
    for (const slot of this.slots) slot?.claim(Number.NaN);
    this.newest = Number.NEGATIVE_INFINITY;
    this.written = 0;
    this.pointKey.fill('');
    Object.assign(this.counts, { values: 0, absent: 0, notNumber: 0, tooOld: 0, missed: 0 });
    this.cursor = firstSeq;
    this.changes++;
  }

  private slotFor(second: number): SecondSlot {
    const index = modulo(second);
    let slot = this.slots[index];
    if (slot === undefined) {
      slot = new SecondSlot();
      this.slots[index] = slot;
    }
    if (slot.second !== second) slot.claim(second);
    return slot;
  }

  private keyStats(slot: SecondSlot, routingKey: string): FieldStats {
    slot.keys ??= new Map();
    let stats = slot.keys.get(routingKey);
    if (stats === undefined) {
      if (slot.keys.size >= MAX_KEYS_PER_SECOND) return slot.overflow;
      stats = new FieldStats();
      slot.keys.set(routingKey, stats);
    }
    return stats;
  }
}

function modulo(second: number): number {
  return ((second % SERIES_SECONDS) + SERIES_SECONDS) % SERIES_SECONDS;
}
