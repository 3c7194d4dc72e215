/**
 * Which conversation(s) each retained message belongs to: one slot per ring
 * buffer slot (`seq % capacity`), preallocated like the key-id column. A slot
 * holds the conversation itself, or an array for the rare message that
 * belongs to several (a Celery `task.multi` batch of events of several
 * tasks). Conversations keep no member lists: their members are found by
 * scanning the slots between their first and last seq, which is short for
 * everything but a conversation that lives as long as the buffer.
 */
import type { Conversation } from './conversation.ts';

type Slot = Conversation | Conversation[] | undefined;

export class ConversationSlots {
  private readonly slots: Slot[];
  /** The oldest seq whose slot may still be filled. */
  private oldest: number;

  constructor(
    private readonly capacity: number,
    firstSeq: number,
    /** Called when a conversation's last retained message is evicted. */
    private readonly emptied: (c: Conversation) => void,
  ) {
    this.slots = new Array<Slot>(capacity).fill(undefined);
    this.oldest = firstSeq;
  }

  /** Empties every slot; the next message appended has seq `firstSeq`. */
  reset(firstSeq: number): void {
    this.slots.fill(undefined);
    this.oldest = firstSeq;
  }

  /** Releases the slots of evicted seqs (before `firstSeq`), before their slots are reused. */
  evictBefore(firstSeq: number): void {
    for (; this.oldest < firstSeq; this.oldest++) {
      const i = this.oldest % this.capacity;
      const slot = this.slots[i];
      if (slot === undefined) continue;
      this.slots[i] = undefined;
      if (Array.isArray(slot)) for (const c of slot) this.release(c);
      else this.release(slot);
    }
  }

  /** Records that message `seq` (the newest, or one being linked) belongs to `c`. */
  attach(seq: number, c: Conversation): void {
    const i = seq % this.capacity;
    const slot = this.slots[i];
    if (slot === c || (Array.isArray(slot) && slot.includes(c))) return;
    if (slot === undefined) this.slots[i] = c;
    else if (Array.isArray(slot)) slot.push(c);
    else this.slots[i] = [slot, c];
    if (c.members++ === 0) c.firstSeq = seq;
    c.lastSeq = seq;
  }

  /** The conversations of a retained seq (the caller knows it is retained). */
  at(seq: number): Conversation[] {
    const slot = this.slots[seq % this.capacity];
    return slot === undefined ? [] : Array.isArray(slot) ? [...slot] : [slot];
  }

  /** Does a conversation of retained `seq` pass `test`? (Per message in a re-filter: no allocation.) */
  some(seq: number, test: (c: Conversation) => boolean): boolean {
    const slot = this.slots[seq % this.capacity];
    if (slot === undefined) return false;
    if (!Array.isArray(slot)) return test(slot);
    for (const c of slot) if (test(c)) return true;
    return false;
  }

  /** The retained seqs that belong to `c`, ascending. */
  membersOf(c: Conversation, firstRetained: number): number[] {
    const seqs: number[] = [];
    if (c.members === 0) return seqs;
    for (let seq = Math.max(c.firstSeq, firstRetained, this.oldest); seq <= c.lastSeq; seq++) {
      const slot = this.slots[seq % this.capacity];
      if (slot === c || (Array.isArray(slot) && slot.includes(c))) seqs.push(seq);
    }
    return seqs;
  }

  private release(c: Conversation): void {
    if (--c.members === 0) this.emptied(c);
  }
}
