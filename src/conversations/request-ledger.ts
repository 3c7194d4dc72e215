/**
 * The requests view's books: each conversation's state and its row's counts
 * moved together, latencies recorded at the first answer, timeouts judged
 * from the pending queue. The index decides which conversation a message
 * belongs to; the ledger decides what that does to the counts.
 */
import type { Conversation, ConversationState } from './conversation.ts';
import { PendingRequests } from './pending-requests.ts';
import { RequestRows, UNNAMED_ROW_NAME, type RequestKind, type RequestRow } from './request-rows.ts';

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export class RequestLedger {
  readonly rows = new RequestRows();
  private readonly pending: PendingRequests;
  /** Answers whose request is not seen (yet). */
  orphans = 0;
  /** Moves on every change of a count or a state. */
  changes = 0;

  constructor(
    public timeoutMs: number,
    /** A request timed out (the index may forget it). */
    private readonly onTimedOut: (c: Conversation) => void,
  ) {
    this.pending = new PendingRequests((c) => {
      this.setState(c, 'timed-out');
      this.changes++;
      this.onTimedOut(c);
    });
  }

  clear(): void {
    this.pending.reset();
    this.rows.clear();
    this.orphans = 0;
    this.changes++;
  }

  /** Times out what waited longer than the timeout as of `now` (epoch ms). */
  expire(now: number): void {
    this.pending.expire(now - this.timeoutMs);
  }

  /** A new timeout: every pending and timed-out request of `known` is judged again. */
  retime(timeoutMs: number, known: Iterable<Conversation>, now: number): void {
    this.timeoutMs = timeoutMs;
    const waiting: Conversation[] = [];
    for (const c of known) {
      if (c.state === 'timed-out') this.setState(c, 'pending');
      if (c.state === 'pending') waiting.push(c);
    }
    this.pending.reset(waiting);
    this.expire(now);
    this.changes++;
  }

  /** The first request (message or event) of a conversation: count it in its row. */
  requestSeen(c: Conversation, at: number, kind: RequestKind): void {
    c.requestAt = at;
    c.row = this.rows.rowFor(kind, c.name === '' ? UNNAMED_ROW_NAME : c.name);
    c.row.count++;
    if (c.state === 'request-not-seen' && !Number.isNaN(c.completedAt)) {
      // The answer came first (another shovel): settle the pair now.
      this.orphans--;
      c.answeredBeforeRequest = true;
      this.settle(c, c.completedAt, c.failed);
    } else {
      this.setState(c, 'pending');
      this.pending.push(c);
    }
    this.countRuntime(c);
    this.changes++;
  }

  /** An answer (reply or terminal event): the first one settles the conversation. */
  answered(c: Conversation, at: number, failed: boolean): void {
    this.changes++;
    if (c.answered) return;
    if (!c.hasRequest) {
      if (Number.isNaN(c.completedAt)) this.orphans++;
      c.completedAt = at;
      c.failed = failed;
      return;
    }
    this.settle(c, at, failed);
  }

  duplicateReply(c: Conversation): void {
    c.duplicateReplies++;
    if (c.row) c.row.duplicateReplies++;
    this.changes++;
  }

  /** A Celery retry (higher `retries`): pending again, timed from this attempt. */
  newAttempt(c: Conversation, retries: number, at: number): void {
    c.retries = retries;
    c.hasReply = false;
    c.hasTerminalEvent = false;
    c.requestAt = at;
    if (c.state !== 'pending') this.setState(c, 'pending');
    // Pushed again even when pending: the older entry carries the old time and is skipped.
    this.pending.push(c);
    this.changes++;
  }

  /** The worker's own runtime, counted once per conversation, once both it and the row are known. */
  countRuntime(c: Conversation): void {
    if (c.runtimeCounted || c.row === null || Number.isNaN(c.runtimeMs)) return;
    c.runtimeCounted = true;
    c.row.runtime.record(c.runtimeMs);
  }

  /** The index forgets `c`: an answer waiting for its request no longer does. */
  forgotten(c: Conversation): void {
    if (c.state === 'request-not-seen' && !Number.isNaN(c.completedAt)) this.orphans--;
  }

  private settle(c: Conversation, at: number, failed: boolean): void {
    c.completedAt = at;
    c.failed = failed;
    this.setState(c, failed ? 'failed' : 'replied');
    c.row?.latency.record(at - c.requestAt);
  }

  /** Moves a conversation between states, and its row's counts with it. */
  private setState(c: Conversation, next: ConversationState): void {
    if (c.row !== null) {
      adjust(c.row, c.state, -1);
      adjust(c.row, next, 1);
    }
    c.state = next;
  }
}

function adjust(row: RequestRow, state: ConversationState, by: number): void {
  if (state === 'pending') row.pending += by;
  else if (state === 'replied') row.replied += by;
  else if (state === 'failed') row.failed += by;
  else if (state === 'timed-out') row.timedOut += by;
}
