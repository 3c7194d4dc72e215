/**
 * One watch's verdict per routing-key id (capture/key-id-column.ts): the
 * routing-key part of its filter is asked once per distinct (exchange, key)
 * pair, then each message costs one byte read. As the view does
 * (view/key-verdicts.ts), for the same reason: few distinct keys, millions of messages.
 */
import { growToHoldKeyId } from '../capture/index.ts';
import type { TracedMessage } from '../model/index.ts';

const UNKNOWN = 0;
const PASS = 1;
const FAIL = 2;

export class KeyVerdictCache {
  private verdicts = new Uint8Array(256);
  private generation = -1;

  constructor(private readonly keyTest: (exchange: string, routingKey: string) => boolean) {}

  /** Hot path: does the message's key pass? `id` is its key id in the column of `generation`. */
  passes(id: number, generation: number, message: TracedMessage): boolean {
    if (generation !== this.generation) {
      // The column renumbered its ids: what was decided per id no longer applies.
      this.generation = generation;
      this.verdicts.fill(UNKNOWN);
    }
    if (id >= this.verdicts.length) this.grow(id);
    let verdict = this.verdicts[id];
    if (verdict === UNKNOWN) {
      verdict = this.keyTest(message.exchange, message.routingKey) ? PASS : FAIL;
      this.verdicts[id] = verdict;
    }
    return verdict === PASS;
  }

  private grow(id: number): void {
    this.verdicts = growToHoldKeyId(this.verdicts, id);
  }
}
