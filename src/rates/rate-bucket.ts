/**
 * One second of traffic, counted at ingest: messages, bytes, and tallies by
 * routing key that also carry the exchange and subscription, so one Map
 * lookup per message feeds all three breakdowns (key, exchange,
 * subscription). Per-key state is bounded: once a second has seen
 * `maxKeys` distinct routing keys, further new keys are still counted
 * exactly by exchange and subscription, but not by key (they fall into
 * "other" when charted by key).
 *
 * @module
 */

/**
 * Messages of one (routing key, exchange, subscription) combination within
 * one second. A key almost always arrives through one exchange and one
 * subscription, so the first combination sits in the Map and rarer ones hang
 * off `next`: the common case costs one lookup and two identity compares.
 */
export class KeyTally {
  constructor(
    readonly exchange: string,
    readonly subscriptionId: string,
    public count: number,
    public next: KeyTally | null,
  ) {}
}

/** What {@link RateBucket.record} needs from a message (a TracedMessage fits). */
export interface RateSample {
  readonly receivedAt: number;
  readonly size: number;
  readonly subscriptionId: string;
  readonly exchange: string;
  readonly routingKey: string;
}

/** The counts of one epoch second; the ring reuses it for a later second with {@link RateBucket.reset}. */
export class RateBucket {
  /** Epoch second counted here; -1 when the slot was never used. */
  second = -1;
  messages = 0;
  bytes = 0;
  /** Messages counted in `overflow` because the key map was full. */
  unkeyed = 0;
  /** Routing key → tallies by (exchange, subscription). At most `maxKeys` keys. */
  readonly byKey = new Map<string, KeyTally>();
  /** Exchange → tallies by subscription, for messages whose key did not fit `byKey`. */
  readonly overflow = new Map<string, KeyTally>();

  constructor(readonly maxKeys: number) {}

  /** Clears the slot for another second. */
  reset(second: number): void {
    this.second = second;
    this.messages = 0;
    this.bytes = 0;
    this.unkeyed = 0;
    this.byKey.clear();
    this.overflow.clear();
  }

  /**
   * Tallies a message by key, exchange and subscription (its `messages` and
   * `bytes` are counted by the recorder). No allocation unless this second
   * meets a new key or combination.
   */
  tally(sample: RateSample): void {
    const head = this.byKey.get(sample.routingKey);
    if (head !== undefined && head.exchange === sample.exchange && head.subscriptionId === sample.subscriptionId) head.count++;
    else this.tallyRare(sample, head);
  }

  private tallyRare(sample: RateSample, head: KeyTally | undefined): void {
    const { exchange, subscriptionId } = sample;
    if (head !== undefined) {
      addToChain(head, exchange, subscriptionId);
    } else if (this.byKey.size < this.maxKeys) {
      this.byKey.set(sample.routingKey, new KeyTally(exchange, subscriptionId, 1, null));
    } else {
      this.unkeyed++;
      const byExchange = this.overflow.get(exchange);
      if (byExchange === undefined) this.overflow.set(exchange, new KeyTally(exchange, subscriptionId, 1, null));
      else addToChain(byExchange, exchange, subscriptionId);
    }
  }
}

/** Counts one message on the chain's matching combination, appending one if none matches. */
function addToChain(head: KeyTally, exchange: string, subscriptionId: string): void {
  for (let tally: KeyTally | null = head; tally !== null; tally = tally.next) {
    if (tally.exchange === exchange && tally.subscriptionId === subscriptionId) {
      tally.count++;
      return;
    }
  }
  head.next = new KeyTally(exchange, subscriptionId, 1, head.next);
}

/** Messages of one key in one second, over every exchange and subscription it came through. */
export function chainTotal(head: KeyTally): number {
  let total = 0;
  for (let tally: KeyTally | null = head; tally !== null; tally = tally.next) total += tally.count;
  return total;
}
