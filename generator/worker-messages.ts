/**
 * What a Celery worker emits, as pure functions: celeryev events (celery/events
 * dispatcher format) and RPC results (celery/backends/rpc format). The worker
 * module only does I/O around these.
 */
import { pyIsoformat } from './celery-task.ts';
import { EVENTS_EXCHANGE, REPLIES_EXCHANGE } from './exchanges.ts';
import { DROP_REPLY_HEADER, int64, jsonBuffer, ORIGIN_SEQ_HEADER, readIntHeader, SEQ_HEADER } from './message.ts';
import type { Headers, JsonValue, OutgoingMessage } from './message.ts';
import { pyRepr } from './python-repr.ts';
import { hex, randInt } from './random.ts';
import type { Rng } from './random.ts';

/** A consumed task, decoded from a protocol v2 message. */
export interface ReceivedTask {
  id: string;
  name: string;
  args: JsonValue[];
  kwargs: Record<string, JsonValue>;
  argsrepr: string;
  kwargsrepr: string;
  rootId: string | null;
  parentId: string | null;
  retries: number;
  eta: string | null;
  expires: string | null;
  replyTo: string | null;
  /** The generator's x-warren-seq of this task, copied onto everything it causes. */
  originSeq: number | null;
  /** The x-warren-drop-reply header was present: act as a worker that died mid-task. */
  dropReply: boolean;
}

/** The part of an amqplib message the decoder needs (so tests can pass plain objects). */
export interface DeliveredMessage {
  content: Buffer;
  properties: { headers?: Record<string, unknown> | undefined; replyTo?: unknown; correlationId?: unknown };
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const isRecord = (v: unknown): v is Record<string, JsonValue> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Decodes a task, or returns null for anything that is not a protocol v2 Celery task. */
export function decodeTask(msg: DeliveredMessage): ReceivedTask | null {
  const h = msg.properties.headers ?? {};
  const id = str(h.id);
  const name = str(h.task);
  if (id === null || name === null) return null;
  let args: JsonValue[] = [];
  let kwargs: Record<string, JsonValue> = {};
  try {
    const body: unknown = JSON.parse(msg.content.toString('utf8'));
    if (Array.isArray(body) && Array.isArray(body[0]) && isRecord(body[1])) {
      args = body[0] as JsonValue[];
      kwargs = body[1];
    }
  } catch {
    // Celery would fail to deserialize and reject; the worker reports it as a failed task instead.
  }
  return {
    id,
    name,
    args,
    kwargs,
    argsrepr: str(h.argsrepr) ?? '()',
    kwargsrepr: str(h.kwargsrepr) ?? '{}',
    rootId: str(h.root_id),
    parentId: str(h.parent_id),
    retries: readIntHeader(h, 'retries') ?? 0,
    eta: str(h.eta),
    expires: str(h.expires),
    replyTo: str(msg.properties.replyTo),
    originSeq: readIntHeader(h, SEQ_HEADER) ?? null,
    dropReply: h[DROP_REPLY_HEADER] !== undefined,
  };
}

export type Outcome = { ok: true; result: JsonValue } | { ok: false; excType: string; excMessage: string; traceback: string };

const FAILURES: Record<string, [string, string, string]> = {
  'proj.billing.charge': ['CardError', 'card_declined', 'proj/billing.py'],
  'proj.email.send_welcome': ['SMTPServerDisconnected', 'Connection unexpectedly closed', 'proj/email.py'],
  'proj.email.send_receipt': ['SMTPRecipientsRefused', 'recipient refused', 'proj/email.py'],
  'proj.reports.generate': ['TimeoutError', 'query exceeded 30s', 'proj/reports.py'],
};

/**
 * The deterministic task for tests: args [ms]. The worker sleeps exactly ms
 * (nothing else), never fails it, and returns ms; task-succeeded's runtime is
 * the measured sleep.
 */
export const SLEEP_TASK = 'warren.sleep';

/** How long the task "runs": exactly ms for warren.sleep, 1-8 ms of pretend work otherwise. */
export function taskDurationMs(task: ReceivedTask, rng: Rng): number {
  if (task.name !== SLEEP_TASK) return randInt(rng, 1, 8);
  const ms = task.args[0];
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 ? ms : 0;
}

/** Simulates running the task; `fail` is decided by the caller so the failure rate is one knob. */
export function runTask(task: ReceivedTask, rng: Rng, fail: boolean): Outcome {
  if (fail && task.name !== SLEEP_TASK) {
    const [excType, excMessage, file] = FAILURES[task.name] ?? ['ValueError', 'simulated failure', 'proj/tasks.py'];
    const fn = task.name.split('.').pop() ?? 'run';
    const traceback = `Traceback (most recent call last):\n  File "/usr/lib/python3/site-packages/celery/app/trace.py", line 477, in trace_task\n    R = retval = fun(*args, **kwargs)\n  File "/app/${file}", line ${randInt(rng, 20, 200)}, in ${fn}\n    raise ${excType}(${pyRepr(excMessage)})\n${excType}: ${excMessage}\n`;
    return { ok: false, excType, excMessage, traceback };
  }
  const [a, b] = task.args;
  switch (task.name) {
    case 'proj.tasks.add':
      return { ok: true, result: typeof a === 'number' && typeof b === 'number' ? a + b : null };
    case 'proj.email.send_welcome':
    case 'proj.email.send_receipt':
      return { ok: true, result: { sent: true, provider_message_id: `<${hex(rng, 16)}@mail.example.com>` } };
    case 'proj.reports.generate':
      return { ok: true, result: { report_id: `rep_${hex(rng, 10)}`, rows: randInt(rng, 10, 50000), url: `s3://reports/${String(a)}/${String(b)}.pdf` } };
    case 'proj.billing.charge':
      return { ok: true, result: { charge_id: `ch_${hex(rng, 20)}`, status: 'captured' } };
    case SLEEP_TASK:
      return { ok: true, result: typeof a === 'number' ? a : null };
    default:
      return { ok: true, result: null };
  }
}

/** The worker's identity and Lamport clock, as every Celery event carries them. */
export interface WorkerStamp {
  hostname: string;
  pid: number;
  clock: number;
  /** Epoch milliseconds. */
  now: number;
}

function traceHeaders(hostname: string, originSeq: number | null): Headers {
  const headers: Headers = { hostname };
  if (originSeq !== null) headers[ORIGIN_SEQ_HEADER] = int64(originSeq);
  return headers;
}

/** An event object in the field order of Celery's `Event(type, hostname=, utcoffset=, pid=, clock=, **fields)`. */
export function eventBody(type: string, fields: Record<string, JsonValue>, stamp: WorkerStamp): Record<string, JsonValue> {
  return { hostname: stamp.hostname, utcoffset: 0, pid: stamp.pid, clock: stamp.clock, ...fields, timestamp: stamp.now / 1000, type };
}

/** A celeryev event; the routing key is the type with '-' → '.', as Celery's EventDispatcher does. */
export function buildEvent(type: string, fields: Record<string, JsonValue>, stamp: WorkerStamp, originSeq: number | null = null): OutgoingMessage {
  const body = eventBody(type, fields, stamp);
  return {
    exchange: EVENTS_EXCHANGE,
    routingKey: type.replaceAll('-', '.'),
    content: jsonBuffer(body),
    // Celery events are transient (delivery_mode 1): losing one on restart is acceptable.
    options: { contentType: 'application/json', contentEncoding: 'utf-8', deliveryMode: 1, headers: traceHeaders(stamp.hostname, originSeq) },
  };
}

export function taskEventFields(type: 'task-received' | 'task-started', task: ReceivedTask): Record<string, JsonValue> {
  if (type === 'task-started') return { uuid: task.id };
  return { uuid: task.id, name: task.name, args: task.argsrepr, kwargs: task.kwargsrepr, root_id: task.rootId, parent_id: task.parentId, retries: task.retries, eta: task.eta, expires: task.expires };
}

/** The terminal event: task-succeeded (result as Celery's saferepr, runtime in seconds) or task-failed. */
export function outcomeFields(task: ReceivedTask, outcome: Outcome, runtimeSeconds: number): { type: 'task-succeeded' | 'task-failed'; fields: Record<string, JsonValue> } {
  if (outcome.ok) return { type: 'task-succeeded', fields: { uuid: task.id, result: pyRepr(outcome.result), runtime: runtimeSeconds } };
  return { type: 'task-failed', fields: { uuid: task.id, exception: `${outcome.excType}(${pyRepr(outcome.excMessage)})`, traceback: outcome.traceback } };
}

export function outcomeEvent(task: ReceivedTask, outcome: Outcome, runtimeSeconds: number, stamp: WorkerStamp): OutgoingMessage {
  const { type, fields } = outcomeFields(task, outcome, runtimeSeconds);
  return buildEvent(type, fields, stamp, task.originSeq);
}

/** The RPC result, or null when the client gave no reply_to. */
export function buildResult(task: ReceivedTask, outcome: Outcome, now: number): OutgoingMessage | null {
  if (task.replyTo === null) return null;
  const body = {
    task_id: task.id,
    status: outcome.ok ? 'SUCCESS' : 'FAILURE',
    result: outcome.ok ? outcome.result : { exc_type: outcome.excType, exc_message: [outcome.excMessage], exc_module: 'builtins' },
    traceback: outcome.ok ? null : outcome.traceback,
    children: [],
    date_done: pyIsoformat(now),
  };
  const headers: Headers = {};
  if (task.originSeq !== null) headers[ORIGIN_SEQ_HEADER] = int64(task.originSeq);
  return {
    exchange: REPLIES_EXCHANGE,
    routingKey: task.replyTo,
    content: jsonBuffer(body),
    options: { correlationId: task.id, contentType: 'application/json', contentEncoding: 'utf-8', deliveryMode: 1, headers },
  };
}
