/**
 * The filter's verdict per routing-key id (see capture/key-id-column.ts):
 * the routing-key part of a filter is asked once per distinct (exchange,
 * key) pair, and a re-filter reads one byte per message.
 */
import { growToHoldKeyId, type KeyIdColumn } from '../capture/index.ts';
import type { KeyPredicate } from '../filter/index.ts';
import type { TracedMessage } from '../model/index.ts';
import type { SeqIndex } from './seq-index.ts';

const UNKNOWN = 0;
const SHOWN = 1;
const HIDDEN = 2;

export class KeyVerdicts {
  private verdicts = new Uint8Array(1024);
  private predicate: KeyPredicate | null = null;
  /** The column's generation the verdicts were given for. */
  private generation: number;

  constructor(private readonly keys: KeyIdColumn) {
    this.generation = keys.generation;
  }

  /** Switches the filter (null shows every key): verdicts are asked afresh. */
  setPredicate(predicate: KeyPredicate | null): void {
    this.predicate = predicate;
    this.verdicts.fill(UNKNOWN);
  }

  /** Does the filter show this retained message? */
  shows(message: TracedMessage): boolean {
    if (this.predicate === null) return true;
    this.syncWithColumn();
    return this.verdictOf(this.keys.idAt(message.seq), message) === SHOWN;
  }

  /**
   * Re-filter scan: appends to `into` each seq in [first, last] whose key the
   * filter shows, reading only the id column and the verdict bytes. `get`
   * supplies a message when a pair is seen for the first time.
   */
  scan(first: number, last: number, get: (seq: number) => TracedMessage | undefined, into: SeqIndex): void {
    if (this.predicate === null) {
      for (let seq = first; seq <= last; seq++) into.push(seq);
      return;
    }
    this.syncWithColumn();
    const ids = this.keys.column;
    const capacity = ids.length;
    let verdicts = this.verdicts;
    let slot = first % capacity;
    for (let seq = first; seq <= last; seq++) {
      const id = ids[slot] ?? 0;
      const verdict = verdicts[id];
      if (verdict === SHOWN) into.push(seq);
      else if (verdict !== HIDDEN) {
        // Unknown (or past the end of the array): ask once, which may grow the array.
        const m = get(seq);
        if (m && this.verdictOf(id, m) === SHOWN) into.push(seq);
        verdicts = this.verdicts;
      }
      if (++slot === capacity) slot = 0;
    }
  }

  private verdictOf(id: number, message: TracedMessage): number {
    if (id >= this.verdicts.length) this.grow(id);
    let verdict = this.verdicts[id] ?? UNKNOWN;
    if (verdict === UNKNOWN && this.predicate !== null) {
      verdict = this.predicate(message.exchange, message.routingKey) ? SHOWN : HIDDEN;
      this.verdicts[id] = verdict;
    }
    return verdict;
  }

  /** The column renumbered its ids: what was decided per id no longer applies. */
  private syncWithColumn(): void {
    if (this.generation === this.keys.generation) return;
    this.generation = this.keys.generation;
    this.verdicts = new Uint8Array(1024);
  }

  private grow(id: number): void {
    this.verdicts = growToHoldKeyId(this.verdicts, id);
  }
}
