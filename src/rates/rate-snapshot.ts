/**
 * The read side of the rate model: the last five minutes as per-second
 * arrays, split into the top N series of one breakdown plus "other".
 * "other" is computed as total − top series, so every second's stack adds up
 * to its exact total whatever was left out.
 *
 * @module
 */
import { KeyGrouper, type KeyDepth, type KeyGroup } from './key-groups.ts';
import { exchangeDimension, keyDimension, subscriptionDimension, type RateDimension } from './rate-dimensions.ts';
import type { RateRecorder } from './rate-recorder.ts';
import { selectTop, type Accumulator } from './top-series.ts';

/** What the messages/s chart is stacked by. */
export type RateBreakdown = 'key' | 'subscription' | 'exchange';

/**
 * - `key`: one routing key (also a group at depth N whose only member is the prefix itself);
 * - `key-prefix`: every key starting with the `value` words (AMQP `value.#`);
 * - `exchange`, `subscription` (value = subscription id);
 * - `other`: everything outside the top N.
 */
export type RateSeriesKind = 'key' | 'key-prefix' | 'exchange' | 'subscription' | 'other';

/** One stacked series. */
export interface RateSeries {
  kind: RateSeriesKind;
  /** The key, prefix, exchange name or subscription id; '' for other. */
  value: string;
  /** Messages in the window. */
  total: number;
  /** Messages per second, oldest second first. */
  counts: number[];
}

/** What to read. */
export interface RateSnapshotOptions {
  /** Last second of the window (epoch seconds, inclusive). */
  endSecond: number;
  breakdown: RateBreakdown;
  /** Key grouping depth, for the `key` breakdown. */
  depth: KeyDepth;
  /** Series shown before "other". Default 8. */
  topN?: number;
}

/** The window as the charts draw it. */
export interface RateSnapshot {
  /** First and last second of the window (epoch seconds, inclusive). */
  startSecond: number;
  endSecond: number;
  breakdown: RateBreakdown;
  depth: KeyDepth;
  /** Messages and bytes per second, oldest first. */
  messages: number[];
  bytes: number[];
  /** The top N by total (largest first, ties by value), then "other" when it is not empty. */
  series: RateSeries[];
  totalMessages: number;
  totalBytes: number;
  /** Messages in "other" only because their second ran out of key budget (key breakdown). */
  unkeyed: number;
}

/** Reads snapshots from a recorder, keeping the key-group memo of each depth between reads. */
export class RateReader {
  private readonly groupers = new Map<KeyDepth, KeyGrouper>();

  constructor(private readonly recorder: RateRecorder) {}

  /** Aggregates the window ending at `options.endSecond`. Cost: O(buckets × distinct keys), no row buffer access. */
  snapshot(options: RateSnapshotOptions): RateSnapshot {
    const { breakdown, depth } = options;
    if (breakdown === 'key') {
      const grouper = this.grouperFor(depth);
      grouper.beginRead();
      return buildRateSnapshot(this.recorder, options, keyDimension(grouper), (group: KeyGroup, acc) => ({
        kind: depth !== 'full' && acc.hasLongerKeys ? 'key-prefix' : 'key',
        value: group.prefix,
      }));
    }
    const dimension = breakdown === 'exchange' ? exchangeDimension : subscriptionDimension;
    return buildRateSnapshot(this.recorder, options, dimension, (name: string) => ({ kind: breakdown, value: name }));
  }

  private grouperFor(depth: KeyDepth): KeyGrouper {
    let grouper = this.groupers.get(depth);
    if (grouper === undefined) {
      grouper = new KeyGrouper(depth);
      this.groupers.set(depth, grouper);
    }
    return grouper;
  }
}

type Describe<T> = (id: T, acc: Accumulator) => Pick<RateSeries, 'kind' | 'value'>;

function buildRateSnapshot<T>(recorder: RateRecorder, options: RateSnapshotOptions, dimension: RateDimension<T>, describe: Describe<T>): RateSnapshot {
  const length = recorder.seconds;
  const startSecond = options.endSecond - length + 1;
  const messages = new Array<number>(length).fill(0);
  const bytes = new Array<number>(length).fill(0);
  const totals = new Map<T, Accumulator>();
  let unkeyed = 0;

  // Pass 1: totals per series over the window.
  for (let i = 0; i < length; i++) {
    const bucket = recorder.bucketAt(startSecond + i);
    if (bucket === undefined) continue;
    messages[i] = bucket.messages;
    bytes[i] = bucket.bytes;
    unkeyed += bucket.unkeyed;
    dimension.visit(bucket, (id, count, longerThanGroup) => {
      let acc = totals.get(id);
      if (acc === undefined) totals.set(id, (acc = { total: 0, hasLongerKeys: false, rank: -1 }));
      acc.total += count;
      if (longerThanGroup) acc.hasLongerKeys = true;
    });
  }

  const top = selectTop(totals, options.topN ?? 8, (id, acc) => describe(id, acc).value);
  const series: RateSeries[] = top.map(([id, acc]) => ({ ...describe(id, acc), total: acc.total, counts: new Array<number>(length).fill(0) }));

  // Pass 2: per-second counts of the top series only.
  if (series.length > 0) {
    for (let i = 0; i < length; i++) {
      const bucket = recorder.bucketAt(startSecond + i);
      if (bucket === undefined) continue;
      dimension.visit(bucket, (id, count) => {
        const rank = totals.get(id)?.rank ?? -1;
        const row = rank >= 0 ? series[rank] : undefined;
        if (row !== undefined) row.counts[i] = (row.counts[i] ?? 0) + count;
      });
    }
  }

  const totalMessages = sum(messages);
  const other = otherSeries(messages, series);
  if (other.total > 0) series.push(other);
  return {
    startSecond,
    endSecond: options.endSecond,
    breakdown: options.breakdown,
    depth: options.depth,
    messages,
    bytes,
    series,
    totalMessages,
    totalBytes: sum(bytes),
    unkeyed,
  };
}

function otherSeries(messages: number[], top: RateSeries[]): RateSeries {
  const counts = messages.map((total, i) => top.reduce((rest, s) => rest - (s.counts[i] ?? 0), total));
  return { kind: 'other', value: '', total: sum(counts), counts };
}

function sum(values: number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
