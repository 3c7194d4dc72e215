/**
 * A routing-key id per retained message, in a typed array beside the ring
 * buffer.
 *
 * Live traffic has millions of messages but few distinct (exchange, routing
 * key) pairs. Each pair gets a small integer id at arrival, so a view can ask
 * its filter once per id (see view/key-verdicts.ts) and re-filter a million
 * messages by scanning an Int32Array, never a string or a Map.
 */
import type { TracedMessage } from '../model/index.ts';

export class KeyIdColumn {
  private readonly ids: Int32Array;
  private byExchange = new Map<string, Map<string, number>>();
  // Consecutive messages mostly share an exchange: skip the outer lookup then.
  private lastExchange: string | null = null;
  private lastKeys: Map<string, number> | undefined;
  private nextId = 0;
  /** Ids handed out before the table is rebuilt from the retained messages only. */
  private readonly maxIds: number;
  private renumbered = 0;

  constructor(readonly capacity: number) {
    this.ids = new Int32Array(capacity);
    // Unique keys (ids inside keys) would grow the table forever; evicted
    // messages' pairs are dropped when it is rebuilt.
    this.maxIds = capacity + 65_536;
  }

  /** Distinct pairs currently known; every id is below this. */
  get size(): number {
    return this.nextId;
  }

  /**
   * Bumped each time the ids are renumbered: anything kept per id (a view's
   * verdicts) is stale from then on.
   */
  get generation(): number {
    return this.renumbered;
  }

  /**
   * Hot path: gives the message's pair an id and stores it in the message's
   * slot. `retained` lists the buffer's messages for a renumbering, which runs
   * once per `maxIds` new pairs at most.
   */
  record(message: TracedMessage, retained: () => Iterable<TracedMessage>): void {
    if (this.nextId >= this.maxIds) this.rebuild(retained());
    this.ids[message.seq % this.capacity] = this.idOf(message.exchange, message.routingKey);
  }

  /** The id of the pair of the message in this seq's slot (the caller knows the seq is retained). */
  idAt(seq: number): number {
    return this.ids[seq % this.capacity] ?? 0;
  }

  /** The whole column, for scans: the id of seq s is at `s % capacity`. */
  get column(): Int32Array {
    return this.ids;
  }

  private idOf(exchange: string, routingKey: string): number {
    let keys = exchange === this.lastExchange ? this.lastKeys : this.byExchange.get(exchange);
    if (keys === undefined) {
      keys = new Map();
      this.byExchange.set(exchange, keys);
    }
    this.lastExchange = exchange;
    this.lastKeys = keys;
    let id = keys.get(routingKey);
    if (id === undefined) {
      id = this.nextId++;
      keys.set(routingKey, id);
    }
    return id;
  }

  private rebuild(retained: Iterable<TracedMessage>): void {
    this.byExchange = new Map();
    this.lastExchange = null;
    this.lastKeys = undefined;
    this.nextId = 0;
    this.renumbered++;
    for (const m of retained) this.ids[m.seq % this.capacity] = this.idOf(m.exchange, m.routingKey);
  }
}

/**
 * A per-key-id byte array (verdicts by key id: the view's, each watch's)
 * grown by doubling until `id` fits; the old bytes are kept.
 */
export function growToHoldKeyId(bytes: Uint8Array, id: number): Uint8Array<ArrayBuffer> {
  let length = bytes.length * 2;
  while (length <= id) length *= 2;
  const grown = new Uint8Array(length);
  grown.set(bytes);
  return grown;
}
