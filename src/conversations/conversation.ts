/**
 * One conversation: the messages that share a correlation (an AMQP
 * correlation_id, a Celery task id, the `uuid` of Celery's task events), and
 * what is known of its request and its answer. Mutable and kept by the
 * ConversationIndex only; the UI reads it through the index's methods.
 */
import type { RequestRow } from './request-rows.ts';

/**
 * - pending: a request was seen, no answer yet, within the timeout.
 * - replied: answered (an RPC reply, or Celery's task-succeeded event).
 * - failed: a task-failed / task-revoked / task-rejected event, or a Celery result with status FAILURE.
 * - timed-out: no answer within the timeout after the request arrived.
 * - request-not-seen: only an answer or the worker's events were seen (the
 *   request was evicted, sent before the page opened, or not mirrored).
 */
export type ConversationState = 'pending' | 'replied' | 'failed' | 'timed-out' | 'request-not-seen';

export class Conversation {
  /** Celery task name or RPC request routing key; '' until a message names it. */
  name = '';
  /** The requests-view row it is counted in, once its request was seen. */
  row: RequestRow | null = null;
  state: ConversationState = 'request-not-seen';
  /** Page arrival (epoch ms) of the request of the current attempt; NaN before one was seen. */
  requestAt = NaN;
  /** Seq of the request message itself (task message or RPC request), 0 when only events stood for it. */
  requestSeq = 0;
  /** Page arrival of the first answer; NaN before one. */
  completedAt = NaN;
  /** The answer said failure (kept while the request is not seen, to count it right when it is). */
  failed = false;
  hasReply = false;
  hasTerminalEvent = false;
  /** Celery `retries` of the latest attempt seen. */
  retries = 0;
  duplicateRequests = 0;
  duplicateReplies = 0;
  /** The worker's own runtime (task-succeeded `runtime`, ms); NaN when not sent. */
  runtimeMs = NaN;
  runtimeCounted = false;
  /** Celery workflow: the root task's id and the parent's ('' when none). */
  rootKey = '';
  parentKey = '';
  /** The answer arrived before its request (different shovels). */
  answeredBeforeRequest = false;
  /** Retained messages that belong to it, and the span of seqs they lie in. */
  members = 0;
  firstSeq = 0;
  lastSeq = 0;

  constructor(readonly key: string) {}

  get hasRequest(): boolean {
    return !Number.isNaN(this.requestAt);
  }

  get answered(): boolean {
    return this.state === 'replied' || this.state === 'failed';
  }
}
