/**
 * The waterfall of one conversation, built when the inspector asks (one
 * conversation at a time, so it may re-read bodies): one step per message,
 * or per event for a Celery `task.multi` batch that holds several of this
 * task's events, in arrival order.
 *
 * Three clocks, never mixed in one number: arrival on this page (ms, one
 * clock for every step), the AMQP `timestamp` a publisher stamped (whole
 * seconds, its own clock), and a Celery event's `timestamp` (the worker's
 * or client's clock, sub-second).
 */
import type { MessageBuffer } from '../capture/index.ts';
import { headerOf, type TracedMessage } from '../model/index.ts';
import type { Conversation } from './conversation.ts';
import type { ConversationIndex } from './conversation-index.ts';
import { isReply, isRequest, isTaskEventMessage, readTaskEvents, replySaysFailure, requestKey, retriesOf } from './message-links.ts';

export type StepKind = 'request' | 'reply' | 'task-received' | 'task-started' | 'task-succeeded' | 'task-failed' | 'other';

export interface ConversationStep {
  seq: number;
  kind: StepKind;
  /** What happened, as a person reads it: "request", "reply", "task-sent", "task-retried", ... */
  label: string;
  /** Arrival on this page, epoch ms. */
  arrivedAt: number;
  /** When the sender says it sent it, epoch ms, and whose clock that is; null when it does not say. */
  sentAt: number | null;
  sentClock: 'amqp' | 'event' | null;
  /** A short detail: retries, status, hostname, runtime. */
  detail: string;
}

const EVENT_KINDS: ReadonlySet<string> = new Set(['task-received', 'task-started', 'task-succeeded', 'task-failed']);

export function conversationSteps(index: ConversationIndex, buffer: MessageBuffer, c: Conversation): ConversationStep[] {
  const steps: ConversationStep[] = [];
  let replies = 0;
  for (const seq of index.membersOf(c)) {
    const m = buffer.get(seq);
    if (m === undefined) continue;
    if (isTaskEventMessage(m)) {
      for (const e of readTaskEvents(m)) {
        if (e.uuid !== c.key) continue;
        const fields = eventDetail(e.type, e.retries, e.runtime);
        steps.push({
          seq,
          kind: EVENT_KINDS.has(e.type) ? (e.type as StepKind) : 'other',
          label: e.type || 'event',
          arrivedAt: m.receivedAt,
          sentAt: e.timestamp === null ? null : e.timestamp * 1000,
          sentClock: e.timestamp === null ? null : 'event',
          detail: [e.hostname, fields].filter(Boolean).join(' · '),
        });
      }
      continue;
    }
    const amqp = amqpTimestamp(m);
    const base = { seq, arrivedAt: m.receivedAt, sentAt: amqp, sentClock: amqp === null ? null : ('amqp' as const) };
    if (isRequest(m) && requestKey(m) === c.key) {
      const retries = retriesOf(m);
      steps.push({ ...base, kind: 'request', label: retries > 0 ? `request (retry ${retries})` : 'request', detail: requestDetail(m) });
    } else if (isReply(m) && m.correlationId === c.key) {
      replies++;
      const failed = replySaysFailure(m);
      steps.push({ ...base, kind: 'reply', label: replies > 1 ? 'reply (duplicate)' : 'reply', detail: failed ? 'status FAILURE' : '' });
    } else {
      steps.push({ ...base, kind: 'other', label: 'message', detail: `${m.exchange || '(default)'} ${m.routingKey}` });
    }
  }
  return steps;
}

/** A node of a Celery workflow: a task and the tasks it started. */
export interface WorkflowNode {
  conversation: Conversation;
  children: WorkflowNode[];
}

/**
 * The workflow tree around `c` (tasks sharing its root id, linked by parent
 * id), or null when it is a lone task. A task without a parent id (a group
 * member) hangs from the root; one whose parent is not known, from the top.
 */
export function workflowTree(index: ConversationIndex, c: Conversation): WorkflowNode[] | null {
  const members = index.workflowOf(c);
  if (members.length <= 1) return null;
  const nodes = new Map<string, WorkflowNode>();
  for (const m of members) nodes.set(m.key, { conversation: m, children: [] });
  const top: WorkflowNode[] = [];
  for (const node of nodes.values()) {
    const { parentKey, rootKey } = node.conversation;
    // A group's members name the root but no parent: they hang from the root.
    const parent = nodes.get(parentKey !== '' ? parentKey : rootKey);
    if (parent !== undefined && parent !== node) parent.children.push(node);
    else top.push(node);
  }
  return top;
}

function amqpTimestamp(m: TracedMessage): number | null {
  const raw = headerOf(m, 'timestamp');
  const seconds = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null;
}

function requestDetail(m: TracedMessage): string {
  return `${m.exchange || '(default)'} ${m.routingKey}`;
}

function eventDetail(type: string, retries: number, runtime: number): string {
  if (type === 'task-succeeded' && !Number.isNaN(runtime)) return `runtime ${(runtime * 1000).toFixed(runtime < 1 ? 1 : 0)} ms (worker)`;
  if (retries > 0) return `retries ${retries}`;
  return '';
}
