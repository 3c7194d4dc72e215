import type { TracedMessage } from '../model/index.ts';

/**
 * The retained messages: a preallocated ring addressed by `seq`. Sequence
 * numbers only grow, so a slot is `seq % capacity` and a message is found in
 * O(1) by the number the table, the filter index and the selection all share.
 * When full, the oldest message is evicted and counted in `dropped`.
 *
 * Deliberately not a React or zustand state: the ingest path appends here for
 * every message; the capture tells its listeners what was appended, and the
 * UI learns of it only through the session's throttled publish.
 */
export class MessageBuffer {
  readonly capacity: number;
  private readonly slots: (TracedMessage | null)[];
  /** Seq of the oldest retained message (== nextSeq when empty). */
  private first = 1;
  /** Seq the next appended message must carry. */
  private next = 1;
  private evicted = 0;
  /** Messages appended before the last clear(): not counted as received. */
  private clearedBefore = 0;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`buffer capacity must be a positive integer, got ${capacity}`);
    this.capacity = capacity;
    this.slots = new Array<TracedMessage | null>(capacity).fill(null);
  }

  /** The seq to give the next message. */
  get nextSeq(): number {
    return this.next;
  }

  get firstSeq(): number {
    return this.first;
  }

  get lastSeq(): number {
    return this.next - 1;
  }

  get size(): number {
    return this.next - this.first;
  }

  /** Messages evicted by capacity since the start or the last clear(). */
  get dropped(): number {
    return this.evicted;
  }

  /** Every message appended since the start or the last clear() (retained + evicted). */
  get received(): number {
    return this.next - 1 - this.clearedBefore;
  }

  /**
   * Forgets every message (a rewind or an import starts the capture over).
   * Seqs go on from where they were: a seq is never reused, so anything that
   * still holds an old one (a selection, a frozen view) finds nothing.
   */
  clear(): void {
    for (let seq = this.first; seq < this.next; seq++) this.slots[seq % this.capacity] = null;
    this.first = this.next;
    this.clearedBefore = this.next - 1;
    this.evicted = 0;
  }

  /** Appends a message whose seq is `nextSeq`; evicts the oldest when full. */
  append(message: TracedMessage): void {
    if (message.seq !== this.next) throw new Error(`out-of-order append: expected seq ${this.next}, got ${message.seq}`);
    if (this.next - this.first === this.capacity) {
      this.first++;
      this.evicted++;
    }
    this.slots[message.seq % this.capacity] = message;
    this.next++;
  }

  /** The message with this seq, or undefined when evicted or not yet received. */
  get(seq: number): TracedMessage | undefined {
    if (seq < this.first || seq >= this.next) return undefined;
    return this.slots[seq % this.capacity] ?? undefined;
  }

  /** The retained messages, oldest first (not for the hot path). */
  *retained(): Generator<TracedMessage> {
    for (let seq = this.first; seq < this.next; seq++) {
      const m = this.slots[seq % this.capacity];
      if (m) yield m;
    }
  }
}
