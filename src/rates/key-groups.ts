/**
 * Grouping routing keys by their first N words, done at READ time from the
 * per-key counts (README.md in this folder says why not at ingest).
 *
 * The group of a key at depth N is its first min(N, words) words. So a group
 * whose prefix has N words holds the prefix itself and every longer key that
 * starts with it (the AMQP pattern `prefix.#` selects exactly those), and a
 * key shorter than N words is a group of its own. The empty key has zero
 * words and gets a group object of its own: its prefix '' would otherwise
 * collide with the one-empty-word prefix of keys like `.x`.
 *
 * @module
 */

/** First N words (1..3), or the full key. */
export type KeyDepth = 1 | 2 | 3 | 'full';

/** One group of routing keys; objects are shared, so identity compares groups. */
export interface KeyGroup {
  /** The key's first N words ('' for the empty key's group). */
  readonly prefix: string;
  /** True only for the group of the empty routing key. */
  readonly isEmptyKey: boolean;
}

/** Memo entries before the grouper forgets and starts over (between reads only). */
const MAX_MEMO_ENTRIES = 100_000;

/**
 * Maps routing keys to their {@link KeyGroup} at one depth, memoised per
 * distinct key, so a read costs one Map lookup per (bucket, key) and the
 * prefix string is sliced once per key, not once per read.
 */
export class KeyGrouper {
  private readonly groupOfKey = new Map<string, KeyGroup>();
  private readonly groupOfPrefix = new Map<string, KeyGroup>();
  private readonly emptyKeyGroup: KeyGroup = { prefix: '', isEmptyKey: true };

  constructor(readonly depth: KeyDepth) {}

  /**
   * Call before each read: bounds the memo. Never clears in the middle of a
   * read, where two objects for one prefix would split a group in two.
   */
  beginRead(): void {
    if (this.groupOfKey.size + this.groupOfPrefix.size <= MAX_MEMO_ENTRIES) return;
    this.groupOfKey.clear();
    this.groupOfPrefix.clear();
  }

  /** The group of `routingKey`. */
  groupOf(routingKey: string): KeyGroup {
    const known = this.groupOfKey.get(routingKey);
    if (known !== undefined) return known;
    const group = routingKey === '' ? this.emptyKeyGroup : this.groupOfPrefixString(keyPrefix(routingKey, this.depth));
    this.groupOfKey.set(routingKey, group);
    return group;
  }

  private groupOfPrefixString(prefix: string): KeyGroup {
    let group = this.groupOfPrefix.get(prefix);
    if (group === undefined) {
      group = { prefix, isEmptyKey: false };
      this.groupOfPrefix.set(prefix, group);
    }
    return group;
  }
}

/**
 * The first `depth` dot-separated words of `routingKey` (empty words count,
 * as RabbitMQ counts them), or the key itself when it has no more words.
 *
 * @example keyPrefix('orders.eu.created', 1) // 'orders'
 * @example keyPrefix('users.signup', 3)      // 'users.signup'
 */
export function keyPrefix(routingKey: string, depth: KeyDepth): string {
  if (depth === 'full') return routingKey;
  let dot = -1;
  for (let words = 0; words < depth; words++) {
    dot = routingKey.indexOf('.', dot + 1);
    if (dot === -1) return routingKey;
  }
  return routingKey.slice(0, dot);
}
