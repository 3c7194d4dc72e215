/**
 * How one bucket's counts split into series for each breakdown. A dimension
 * visits every count of a bucket with the identity of the series it belongs
 * to; {@link buildRateSnapshot} sums them. Keys beyond the per-second key
 * budget are not visited by the key dimension: they end up in "other".
 *
 * @module
 */
import { chainTotal, type KeyTally, type RateBucket } from './rate-bucket.ts';
import type { KeyGroup, KeyGrouper } from './key-groups.ts';

/**
 * Receives one count of a bucket. `longerThanGroup` (key dimension only): the
 * count's key has more words than its group's prefix, so the group is a
 * `prefix.#` rather than a single key.
 */
export type CountSink<T> = (series: T, count: number, longerThanGroup: boolean) => void;

/** A way to split a bucket's messages into series identified by `T`. */
export interface RateDimension<T> {
  visit(bucket: Readonly<RateBucket>, sink: CountSink<T>): void;
}

/** Series by routing-key group (one group per key at depth 'full'). */
export function keyDimension(grouper: KeyGrouper): RateDimension<KeyGroup> {
  return {
    visit(bucket, sink) {
      for (const [routingKey, head] of bucket.byKey) {
        const group = grouper.groupOf(routingKey);
        sink(group, chainTotal(head), routingKey !== group.prefix);
      }
    },
  };
}

/** Series by exchange: exact, including messages whose key did not fit the key budget. */
export const exchangeDimension: RateDimension<string> = {
  visit(bucket, sink) {
    visitTallies(bucket, (tally) => sink(tally.exchange, tally.count, false));
  },
};

/** Series by subscription id: exact, like {@link exchangeDimension}. */
export const subscriptionDimension: RateDimension<string> = {
  visit(bucket, sink) {
    visitTallies(bucket, (tally) => sink(tally.subscriptionId, tally.count, false));
  },
};

function visitTallies(bucket: Readonly<RateBucket>, each: (tally: KeyTally) => void): void {
  for (const chains of [bucket.byKey, bucket.overflow]) {
    for (const head of chains.values()) {
      for (let tally: KeyTally | null = head; tally !== null; tally = tally.next) each(tally);
    }
  }
}
