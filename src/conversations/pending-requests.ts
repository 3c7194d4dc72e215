/**
 * Requests waiting for an answer, oldest first, so the timeout check looks
 * at the front only: O(1) per request however many are pending. Entries are
 * not removed when a request is answered (that would be a search); they are
 * dropped when they reach the front, which the index makes happen at least
 * every few appends, so the queue holds about one timeout's worth of requests.
 */
import type { Conversation } from './conversation.ts';

/** More requests than this waiting at once: the oldest is given up as timed out (memory stays bounded). */
export const MAX_PENDING = 250_000;

export class PendingRequests {
  private conversations: (Conversation | undefined)[] = [];
  /** The request time each entry was pushed with: a retry re-pushes, and the older entry is then stale. */
  private times: number[] = [];
  private head = 0;

  constructor(private readonly timedOut: (c: Conversation) => void) {}

  get size(): number {
    return this.conversations.length - this.head;
  }

  push(c: Conversation): void {
    this.conversations.push(c);
    this.times.push(c.requestAt);
    if (this.size > MAX_PENDING) this.expire(Infinity, 1);
  }

  /**
   * Times out every request made at or before `deadline` (epoch ms) that is
   * still pending, at most `limit` of them.
   */
  expire(deadline: number, limit = Infinity): void {
    let expired = 0;
    while (this.head < this.conversations.length && expired < limit) {
      const at = this.times[this.head]!;
      if (at > deadline) break;
      const c = this.conversations[this.head];
      this.conversations[this.head] = undefined;
      this.head++;
      if (c !== undefined && c.state === 'pending' && c.requestAt === at) {
        this.timedOut(c);
        expired++;
      }
    }
    if (this.head > 1024 && this.head * 2 > this.conversations.length) this.compact();
  }

  /** Starts over with these conversations (sorted by request time). */
  reset(pending: Conversation[] = []): void {
    pending.sort((a, b) => a.requestAt - b.requestAt);
    this.conversations = pending;
    this.times = pending.map((c) => c.requestAt);
    this.head = 0;
  }

  private compact(): void {
    this.conversations = this.conversations.slice(this.head);
    this.times = this.times.slice(this.head);
    this.head = 0;
  }
}
