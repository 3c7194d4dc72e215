/**
 * What a message says about the conversation it belongs to, read at ingest.
 * Headers are read one by one (headerOf): a live message's headers stay
 * packed in its batch, and reading `headers` would unpack the whole batch's
 * (bench: conversations, Celery mix ingest with the index 0.3× of without).
 * Headers need no body parse; only Celery task events (whose task id is in
 * the body) and replies (whose failure status is) have their body read, and
 * only for the fields the index needs.
 */
import { CELERY_EVENT_EXCHANGE, decodeBody, decodeUtf8, headerOf, type TracedMessage } from '../model/index.ts';

/** The fields of one Celery task event that the index uses. */
export interface TaskEventLink {
  type: string;
  /** The task's id. */
  uuid: string;
  /** Task name: task-sent and task-received carry it. */
  name: string;
  /** task-received / task-sent `retries`; 0 when absent. */
  retries: number;
  /** task-succeeded `runtime`, seconds on the worker's clock; NaN when absent. */
  runtime: number;
  rootId: string;
  parentId: string;
  /** Epoch seconds on the sender's clock; null when absent. */
  timestamp: number | null;
  hostname: string;
}

/** Event types that stand for the request when the task message itself is not seen. */
export const REQUEST_EVENTS: ReadonlySet<string> = new Set(['task-sent', 'task-received']);
/** Event types that end a task, and whether they mean failure. */
export const TERMINAL_EVENTS: ReadonlyMap<string, boolean> = new Map([
  ['task-succeeded', false],
  ['task-failed', true],
  ['task-rejected', true],
  ['task-revoked', true],
]);

/** A task event message on `celeryev` (`task.*` keys: one event, or a `task.multi` batch). */
export function isTaskEventMessage(m: TracedMessage): boolean {
  return m.exchange === CELERY_EVENT_EXCHANGE && m.routingKey.startsWith('task.');
}

/**
 * The task events of a celeryev message, in body order: one object, or an
 * array of them for `task.multi`. Entries without a string `uuid` are skipped;
 * an unreadable body gives none.
 */
export function readTaskEvents(m: TracedMessage): TaskEventLink[] {
  const value = readJson(m);
  if (value === undefined) return [];
  const items: unknown[] = Array.isArray(value) ? value : [value];
  const events: TaskEventLink[] = [];
  for (const item of items) {
    if (item === null || typeof item !== 'object') continue;
    const e = item as Record<string, unknown>;
    const uuid = e['uuid'];
    if (typeof uuid !== 'string' || uuid === '') continue;
    events.push({
      type: typeof e['type'] === 'string' ? e['type'] : '',
      uuid,
      name: typeof e['name'] === 'string' ? e['name'] : '',
      retries: typeof e['retries'] === 'number' ? e['retries'] : 0,
      runtime: typeof e['runtime'] === 'number' ? e['runtime'] : NaN,
      rootId: typeof e['root_id'] === 'string' ? e['root_id'] : '',
      parentId: typeof e['parent_id'] === 'string' ? e['parent_id'] : '',
      timestamp: typeof e['timestamp'] === 'number' ? e['timestamp'] : null,
      hostname: typeof e['hostname'] === 'string' ? e['hostname'] : '',
    });
  }
  return events;
}

/** Is this message a request: a Celery task message, or anything with reply_to and a correlation id? */
export function isRequest(m: TracedMessage): boolean {
  return m.taskName !== '' ? headerOf(m, 'id') !== undefined : m.correlationId !== '' && headerOf(m, 'reply-to') !== undefined;
}

/** The id a request is answered under: the Celery task id, else the correlation id. */
export function requestKey(m: TracedMessage): string {
  return m.taskName !== '' ? (headerOf(m, 'id') ?? '') : m.correlationId;
}

/** Is this message an answer: a correlation id without reply_to, and not a task? */
export function isReply(m: TracedMessage): boolean {
  return m.correlationId !== '' && m.taskName === '' && headerOf(m, 'reply-to') === undefined;
}

/** Celery's `retries` header of a task message; 0 when absent or odd. */
export function retriesOf(m: TracedMessage): number {
  const raw = headerOf(m, 'retries');
  const n = raw === undefined ? 0 : Number.parseInt(raw, 10);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/** Largest reply whose body is read for a failure status: bigger ones count as answered. */
const REPLY_STATUS_LIMIT = 64 * 1024;

/** The bytes of `FAILURE`: a reply without them cannot say so, and is not parsed. */
const FAILURE_BYTES = new TextEncoder().encode('FAILURE');

/** A reply whose JSON body says `"status": "FAILURE"` (Celery's result format). */
export function replySaysFailure(m: TracedMessage): boolean {
  if (m.size === 0 || m.size > REPLY_STATUS_LIMIT) return false;
  // Most replies succeed: a byte search spares them the parse (compressed bodies are parsed anyway).
  if (isPlainText(m) && !containsBytes(m.body, FAILURE_BYTES)) return false;
  const value = readJson(m);
  if (value === null || typeof value !== 'object') return false;
  return (value as Record<string, unknown>)['status'] === 'FAILURE';
}

const PLAIN_ENCODINGS = new Set(['', 'utf-8', 'utf8', 'identity']);

/** Bytes that are UTF-8 text as they are: no compression, no other charset named. */
function isPlainText(m: TracedMessage): boolean {
  return PLAIN_ENCODINGS.has(m.contentEncoding.toLowerCase()) && headerOf(m, 'compression') === undefined && !m.contentType.includes('charset=');
}

/**
 * The body as JSON, or undefined. Plain UTF-8 bodies (all of Celery's) are
 * parsed directly: the inspector's decodeBody also classifies, sniffs and
 * checks integers, which cost the ingest a third of its rate on Celery
 * traffic (bench: conversations). Anything else goes through decodeBody.
 */
function readJson(m: TracedMessage): unknown {
  if (!isPlainText(m)) {
    const body = decodeBody(m);
    return body.kind === 'json' ? body.value : undefined;
  }
  try {
    return JSON.parse(decodeUtf8(m.body)) as unknown;
  } catch {
    return undefined;
  }
}

function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  const last = haystack.length - needle.length;
  outer: for (let i = 0; i <= last; i++) {
    if (haystack[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Two copies of one request message (two subscriptions, a redelivery), told by AMQP message id or x-warren-seq. */
export function sameRequestMessage(a: TracedMessage, b: TracedMessage): boolean {
  if (a.exchange !== b.exchange || a.routingKey !== b.routingKey || retriesOf(a) !== retriesOf(b)) return false;
  const idA = headerOf(a, 'amqp-message-id');
  if (idA !== undefined && idA === headerOf(b, 'amqp-message-id')) return true;
  return a.warrenSeq >= 0 && a.warrenSeq === b.warrenSeq;
}
