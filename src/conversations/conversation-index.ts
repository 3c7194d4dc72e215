/**
 * Links messages into conversations, live, at ingest: a capture listener
 * beside the view. Per retained message it keeps one slot (which
 * conversation(s) the message belongs to) in a preallocated array beside the
 * ring buffer; per conversation one small object; per request name one row
 * of exact counts. Evicted messages leave their conversations; a
 * conversation with no retained message left is forgotten once it is no
 * longer pending, so memory follows the buffer's capacity.
 *
 * Rules (see conversation.ts for the states):
 * - The first request seen (task message, RPC request, or Celery's task-sent
 *   / task-received event when the task message is not mirrored) counts the
 *   conversation in its row as pending.
 * - The first answer (reply, or task-succeeded / task-failed) settles it;
 *   its latency is answer arrival − request arrival. An answer before its
 *   request waits for it ("request not seen" until then).
 * - A second copy of the request, or of the reply, is a duplicate: a step,
 *   never a second count. A Celery task re-published with a higher `retries`
 *   is a new attempt of the same conversation. A request with an answered
 *   conversation's id that is not a copy starts a new conversation (reused
 *   correlation id).
 * - A pending request with no answer within the timeout is timed out; a late
 *   answer still settles it.
 */
import type { CaptureListener, TraceCapture } from '../capture/index.ts';
import { headerOf, type TracedMessage } from '../model/index.ts';
import { Conversation } from './conversation.ts';
import { ConversationSlots } from './conversation-slots.ts';
import {
  isReply,
  isRequest,
  isTaskEventMessage,
  readTaskEvents,
  replySaysFailure,
  REQUEST_EVENTS,
  requestKey,
  retriesOf,
  sameRequestMessage,
  TERMINAL_EVENTS,
} from './message-links.ts';
import { DEFAULT_REQUEST_TIMEOUT_MS, RequestLedger } from './request-ledger.ts';
import type { RequestRow } from './request-rows.ts';

/** Appends between two timeout checks at ingest (reading the counts checks too). */
const EXPIRE_EVERY = 64;

export interface ConversationIndexOptions {
  /** No answer within this long after the request: timed out. Default 30 s. */
  timeoutMs?: number;
  /** The clock timeouts are judged by, epoch ms (injectable for tests). */
  now?: () => number;
}

export class ConversationIndex implements CaptureListener {
  private readonly slots: ConversationSlots;
  private readonly ledger: RequestLedger;
  private byKey = new Map<string, Conversation>();
  private appends = 0;
  private readonly now: () => number;
  private readonly detach: () => void;

  constructor(
    private readonly capture: TraceCapture,
    options: ConversationIndexOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.slots = new ConversationSlots(capture.buffer.capacity, capture.buffer.firstSeq, (c) => this.left(c));
    this.ledger = new RequestLedger(options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, (c) => {
      if (c.members === 0) this.forget(c);
    });
    this.detach = capture.addListener(this);
  }

  dispose(): void {
    this.detach();
  }

  /** Moves whenever a count or a conversation changes: a view re-reads only then. */
  get version(): number {
    return this.ledger.changes;
  }

  get timeoutMs(): number {
    return this.ledger.timeoutMs;
  }

  /** Answers seen whose request is not: evicted, before the page opened, or never mirrored. */
  get answersWithoutRequest(): number {
    return this.ledger.orphans;
  }

  /** The requests view's rows, with timeouts judged as of `now`. */
  requestRows(now = this.now()): RequestRow[] {
    this.expire(now);
    return this.ledger.rows.all();
  }

  /** Conversations known (retained messages, or still pending). */
  get size(): number {
    return this.byKey.size;
  }

  onAppend(firstSeq: number, count: number): void {
    const buffer = this.capture.buffer;
    this.slots.evictBefore(buffer.firstSeq);
    for (let seq = firstSeq; seq < firstSeq + count; seq++) {
      const m = buffer.get(seq);
      if (m !== undefined) this.link(m);
    }
    // Often enough that the pending queue holds about one timeout of requests, rarely enough to cost nothing.
    if ((this.appends += count) >= EXPIRE_EVERY) {
      this.appends = 0;
      this.expire(this.now());
    }
  }

  onClear(): void {
    this.slots.reset(this.capture.buffer.firstSeq);
    this.byKey = new Map();
    this.ledger.clear();
  }

  /** Changes the timeout and re-judges every pending and timed-out request against it. */
  setTimeoutMs(ms: number): void {
    this.ledger.retime(ms, this.byKey.values(), this.now());
  }

  /** Marks the requests unanswered for longer than the timeout (as of `now`, epoch ms) as timed out. */
  expire(now = this.now()): void {
    this.ledger.expire(now);
  }

  /** The conversations a retained message belongs to (most have one; a `task.multi` batch may have several). */
  conversationsOf(seq: number): Conversation[] {
    return this.capture.buffer.get(seq) === undefined ? [] : this.slots.at(seq);
  }

  /** The newest conversation with this id. */
  byId(key: string): Conversation | undefined {
    return this.byKey.get(key);
  }

  /** Does the retained message `seq` belong to a conversation with this id (`conv:` filter)? */
  hasId(seq: number, key: string): boolean {
    return this.slots.some(seq, (c) => c.key === key);
  }

  /** Does it belong to a conversation of this task name or request key (`task:` filter)? */
  hasName(seq: number, name: string): boolean {
    return this.slots.some(seq, (c) => c.name === name);
  }

  /** Does it belong to a conversation whose task name or request key passes `test` (`task:` with a pattern)? */
  hasNameMatching(seq: number, test: (name: string) => boolean): boolean {
    return this.slots.some(seq, (c) => test(c.name));
  }

  /** Does it belong to a conversation in this state (`state:` filter)? */
  hasState(seq: number, state: string): boolean {
    return this.slots.some(seq, (c) => c.state === state);
  }

  /** The retained messages of a conversation, in arrival order. */
  membersOf(c: Conversation): number[] {
    return this.slots.membersOf(c, this.capture.buffer.firstSeq);
  }

  /** Every known conversation of a Celery workflow (same root id), for its tree. */
  workflowOf(c: Conversation): Conversation[] {
    const root = c.rootKey || c.key;
    const found: Conversation[] = [];
    for (const other of this.byKey.values()) if (other.rootKey === root || other.key === root) found.push(other);
    return found;
  }

  private link(m: TracedMessage): void {
    if (isTaskEventMessage(m)) {
      for (const e of readTaskEvents(m)) {
        const c = this.conversation(e.uuid);
        this.slots.attach(m.seq, c);
        if (c.name === '' && e.name !== '') c.name = e.name;
        if (e.rootId !== '') c.rootKey = e.rootId;
        if (e.parentId !== '') c.parentKey = e.parentId;
        if (REQUEST_EVENTS.has(e.type)) {
          if (!c.hasRequest) this.ledger.requestSeen(c, m.receivedAt, 'celery');
          else if (e.retries > c.retries) this.ledger.newAttempt(c, e.retries, m.receivedAt);
        }
        if (!Number.isNaN(e.runtime)) c.runtimeMs = e.runtime * 1000;
        const failed = TERMINAL_EVENTS.get(e.type);
        if (failed !== undefined && !c.hasTerminalEvent) {
          c.hasTerminalEvent = true;
          this.ledger.answered(c, m.receivedAt, failed);
        }
        this.ledger.countRuntime(c);
      }
      return;
    }
    if (isRequest(m)) this.request(m);
    else if (isReply(m)) this.reply(m);
  }

  private request(m: TracedMessage): void {
    const celery = m.taskName !== '';
    let c = this.conversation(requestKey(m));
    if (c.requestSeq !== 0) {
      const retries = retriesOf(m);
      const earlier = this.capture.buffer.get(c.requestSeq);
      if (celery && retries > c.retries) this.ledger.newAttempt(c, retries, m.receivedAt);
      else if (c.answered && (earlier === undefined || !sameRequestMessage(earlier, m))) c = this.reused(c);
      else c.duplicateRequests++;
    }
    this.slots.attach(m.seq, c);
    if (c.requestSeq === 0) c.requestSeq = m.seq;
    if (celery) {
      c.name = m.taskName;
      c.retries = Math.max(c.retries, retriesOf(m));
      c.rootKey = headerOf(m, 'root_id') ?? c.rootKey;
      c.parentKey = headerOf(m, 'parent_id') ?? c.parentKey;
    } else if (c.name === '') c.name = m.routingKey;
    if (!c.hasRequest) this.ledger.requestSeen(c, m.receivedAt, celery ? 'celery' : 'rpc');
    this.ledger.countRuntime(c);
  }

  private reply(m: TracedMessage): void {
    const c = this.conversation(m.correlationId);
    this.slots.attach(m.seq, c);
    if (c.hasReply) {
      this.ledger.duplicateReply(c);
      return;
    }
    c.hasReply = true;
    this.ledger.answered(c, m.receivedAt, replySaysFailure(m));
  }

  /** An answered conversation's id is used by a new request: a new conversation under the same id. */
  private reused(previous: Conversation): Conversation {
    const c = new Conversation(previous.key);
    this.byKey.set(c.key, c);
    return c;
  }

  private conversation(key: string): Conversation {
    let c = this.byKey.get(key);
    if (c === undefined) {
      c = new Conversation(key);
      this.byKey.set(key, c);
    }
    return c;
  }

  /** Its last retained message was evicted. */
  private left(c: Conversation): void {
    if (c.state !== 'pending') this.forget(c);
  }

  private forget(c: Conversation): void {
    if (this.byKey.get(c.key) !== c) return;
    this.byKey.delete(c.key);
    this.ledger.forgotten(c);
  }
}
