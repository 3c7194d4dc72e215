/**
 * A routing-key id per retained message, in a typed array beside the ring
 * buffer, and the filter's verdict per id.
 *
 * Live traffic has millions of messages but few distinct (exchange, routing
 * key) pairs. Each pair gets a small integer id at arrival; the filter is
 * asked once per id, and re-filtering a million messages is a scan of an
 * Int32Array that reads a verdict byte per message, never a string or a Map.
 */
import type { TracedMessage } from '../model/types.ts';
import type { SeqIndex } from './seq-index.ts';

/** Decides whether a routing key is shown; asked once per distinct pair. */
export type KeyPredicate = (exchange: string, routingKey: string) => boolean;

const UNKNOWN = 0;
const SHOWN = 1;
const HIDDEN = 2;

export class RoutingKeyColumn {
  private readonly ids: Int32Array;
  private byExchange = new Map<string, Map<string, number>>();
  // Consecutive messages mostly share an exchange: skip the outer lookup then.
  private lastExchange: string | null = null;
  private lastKeys: Map<string, number> | undefined;
  private nextId = 0;
  /** Ids handed out before the table is rebuilt from the retained messages only. */
  private readonly maxIds: number;
  private verdicts = new Uint8Array(1024);
  private predicate: KeyPredicate | null = null;

  constructor(private readonly capacity: number) {
    this.ids = new Int32Array(capacity);
    // Unique keys (ids inside keys) would grow the table forever; evicted
    // messages' pairs are dropped when it is rebuilt.
    this.maxIds = capacity + 65_536;
  }

  /** Distinct pairs currently known. */
  get size(): number {
    return this.nextId;
  }

  /**
   * Hot path: gives the message's pair an id and stores it in the message's
   * slot. `retained` lists the buffer's messages for a rebuild, which runs
   * once per `maxIds` new pairs at most.
   */
  record(message: TracedMessage, retained: () => Iterable<TracedMessage>): void {
    if (this.nextId >= this.maxIds) this.rebuild(retained());
    this.ids[message.seq % this.capacity] = this.idOf(message.exchange, message.routingKey);
  }

  /** Switches the filter (null shows every key): verdicts are asked afresh. */
  setPredicate(predicate: KeyPredicate | null): void {
    this.predicate = predicate;
    this.verdicts.fill(UNKNOWN);
  }

  get filtering(): boolean {
    return this.predicate !== null;
  }

  /** Does the filter show the message in this seq's slot? */
  shows(message: TracedMessage): boolean {
    const predicate = this.predicate;
    if (predicate === null) return true;
    const id = this.ids[message.seq % this.capacity] ?? 0;
    let verdict = this.verdicts[id];
    if (verdict === UNKNOWN) {
      verdict = predicate(message.exchange, message.routingKey) ? SHOWN : HIDDEN;
      this.verdicts[id] = verdict;
    }
    return verdict === SHOWN;
  }

  /**
   * Re-filter scan: appends to `into` each seq in [first, last] whose key the
   * filter shows, reading only the id column and the verdict bytes. `get`
   * supplies a message when a pair is seen for the first time.
   */
  scan(first: number, last: number, get: (seq: number) => TracedMessage | undefined, into: SeqIndex): void {
    const { ids, verdicts, capacity } = this;
    let slot = first % capacity;
    for (let seq = first; seq <= last; seq++) {
      const id = ids[slot] ?? 0;
      const verdict = verdicts[id];
      if (verdict === SHOWN) into.push(seq);
      else if (verdict === UNKNOWN) {
        const m = get(seq);
        if (m && this.shows(m)) into.push(seq);
      }
      if (++slot === capacity) slot = 0;
    }
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
      if (id >= this.verdicts.length) this.growVerdicts();
    }
    return id;
  }

  private growVerdicts(): void {
    const grown = new Uint8Array(this.verdicts.length * 2);
    grown.set(this.verdicts);
    this.verdicts = grown;
  }

  private rebuild(retained: Iterable<TracedMessage>): void {
    this.byExchange = new Map();
    this.lastExchange = null;
    this.lastKeys = undefined;
    this.nextId = 0;
    this.verdicts = new Uint8Array(1024);
    for (const m of retained) this.ids[m.seq % this.capacity] = this.idOf(m.exchange, m.routingKey);
  }
}
