/**
 * Recognising Celery traffic: protocol v2 task messages, RPC result replies,
 * and celeryev monitoring events.
 *
 * Only string and integer AMQP headers survive RabbitMQ's STOMP adapter, so
 * headers Celery sends as None/False/lists (shadow, eta=None, group=None,
 * timelimit, ignore_result) are simply absent: every header field is nullable.
 * Headers are checked first; the body is decoded only when they match.
 */
import { decodeBody } from './body.ts';
import type { DecodedBody } from './body.ts';
import { isJsonContentType } from './content-coding.ts';
import type { TracedMessage } from './types.ts';

/** The workflow options carried in the third element of a v2 body. */
export interface CeleryEmbed {
  callbacks: unknown[] | null;
  errbacks: unknown[] | null;
  chain: unknown[] | null;
  chord: unknown;
}

/** A Celery protocol v2 task message. */
export interface CeleryTask {
  task: string;
  id: string;
  /** Positional arguments, or null when the body could not be read (see bodyProblem). */
  args: unknown[] | null;
  kwargs: Record<string, unknown> | null;
  embed: CeleryEmbed | null;
  retries: number | null;
  rootId: string | null;
  parentId: string | null;
  group: string | null;
  /** ISO 8601 as Celery sends it; null when not scheduled. */
  eta: string | null;
  expires: string | null;
  /** Python repr of args/kwargs made by the client: readable even for non-JSON serializers. */
  argsrepr: string | null;
  kwargsrepr: string | null;
  /** `gen<pid>@<host>` of the publishing process. */
  origin: string | null;
  /** Why args/kwargs/embed are null: non-JSON serializer, truncated or odd body. Null when all is well. */
  bodyProblem: string | null;
}

/** A result sent back by the RPC result backend (`result_backend = 'rpc://'`). */
export interface CeleryResult {
  taskId: string;
  /** PENDING, STARTED, RETRY, FAILURE, SUCCESS, REVOKED. */
  status: string;
  result: unknown;
  traceback: string | null;
  children: unknown[];
  dateDone: string | null;
}

/** One event from the `celeryev` exchange (task-sent, task-succeeded, worker-heartbeat, ...). */
export interface CeleryEvent {
  type: string;
  /** The task's id (`uuid` field) for task events. */
  taskId: string | null;
  hostname: string | null;
  /** Epoch seconds (float) on the sender's clock. */
  timestamp: number | null;
  /** The whole event as sent. */
  fields: Record<string, unknown>;
}

/** A message on the celeryev exchange. */
export interface CeleryEventMessage {
  kind: 'event';
  /** The event's `type`; for grouped `*.multi` messages, from the routing key (`task-multi`). */
  eventType: string;
  /** One entry, or several for grouped `*.multi` messages; empty when the body is unreadable. */
  events: CeleryEvent[];
  bodyProblem: string | null;
}

/** What a message is, Celery-wise. */
export type CeleryInfo = { kind: 'task'; task: CeleryTask } | { kind: 'result'; result: CeleryResult } | CeleryEventMessage;

/** Exchange Celery publishes monitoring events to. */
export const CELERY_EVENT_EXCHANGE = 'celeryev';

/** Recognises any Celery message; null for non-Celery traffic. `decoded` must be this message's body, if given. */
export function decodeCelery(msg: TracedMessage, decoded?: DecodedBody): CeleryInfo | null {
  const task = decodeCeleryTask(msg, decoded);
  if (task !== null) return { kind: 'task', task };
  const event = decodeCeleryEvent(msg, decoded);
  if (event !== null) return event;
  const result = decodeCeleryResult(msg, decoded);
  return result === null ? null : { kind: 'result', result };
}

/** A protocol v2 task (headers `task` and `id`), with args/kwargs/embed from its `[args, kwargs, embed]` body. */
export function decodeCeleryTask(msg: TracedMessage, decoded?: DecodedBody): CeleryTask | null {
  const h = msg.headers;
  const task = h['task'];
  const id = h['id'];
  if (task === undefined || id === undefined) return null;
  const body = decoded ?? decodeBody(msg);
  const parts = readTaskBody(body);
  const retries = h['retries'] === undefined ? null : Number.parseInt(h['retries'], 10);
  return {
    task,
    id,
    args: parts.args,
    kwargs: parts.kwargs,
    embed: parts.embed,
    retries: retries === null || Number.isNaN(retries) ? null : retries,
    rootId: h['root_id'] ?? null,
    parentId: h['parent_id'] ?? null,
    group: h['group'] ?? null,
    eta: h['eta'] ?? null,
    expires: h['expires'] ?? null,
    argsrepr: h['argsrepr'] ?? null,
    kwargsrepr: h['kwargsrepr'] ?? null,
    origin: h['origin'] ?? null,
    bodyProblem: parts.problem,
  };
}

/**
 * An RPC result reply: JSON, with a correlation-id (the task id), and a body
 * object holding `task_id` and `status`. Not a task itself.
 */
export function decodeCeleryResult(msg: TracedMessage, decoded?: DecodedBody): CeleryResult | null {
  if (msg.taskName !== '' || msg.correlationId === '' || !isJsonContentType(msg.contentType)) return null;
  const body = decoded ?? decodeBody(msg);
  if (body.kind !== 'json' || !isRecord(body.value)) return null;
  const v = body.value;
  if (typeof v['task_id'] !== 'string' || typeof v['status'] !== 'string') return null;
  return {
    taskId: v['task_id'],
    status: v['status'],
    result: v['result'] ?? null,
    traceback: typeof v['traceback'] === 'string' ? v['traceback'] : null,
    children: Array.isArray(v['children']) ? v['children'] : [],
    dateDone: typeof v['date_done'] === 'string' ? v['date_done'] : null,
  };
}

/** A celeryev message: one event object, or a list of them for `*.multi` routing keys. */
export function decodeCeleryEvent(msg: TracedMessage, decoded?: DecodedBody): CeleryEventMessage | null {
  if (msg.exchange !== CELERY_EVENT_EXCHANGE) return null;
  // Celery routes an event of type "task-succeeded" with key "task.succeeded".
  const eventType = msg.routingKey.replaceAll('.', '-');
  const body = decoded ?? decodeBody(msg);
  if (body.kind !== 'json') return { kind: 'event', eventType, events: [], bodyProblem: describeUnreadable(body) };
  const items = Array.isArray(body.value) ? body.value : [body.value];
  const events = items.filter(isRecord).map(toEvent);
  const problem = events.length === items.length ? null : 'Some entries are not event objects.';
  return { kind: 'event', eventType: events.length === 1 && events[0] ? events[0].type : eventType, events, bodyProblem: problem };
}

function toEvent(fields: Record<string, unknown>): CeleryEvent {
  const str = (key: string): string | null => {
    const value = fields[key];
    return typeof value === 'string' ? value : null;
  };
  const timestamp = fields['timestamp'];
  return {
    type: str('type') ?? '',
    taskId: str('uuid'),
    hostname: str('hostname'),
    timestamp: typeof timestamp === 'number' ? timestamp : null,
    fields,
  };
}

interface TaskBodyParts {
  args: unknown[] | null;
  kwargs: Record<string, unknown> | null;
  embed: CeleryEmbed | null;
  problem: string | null;
}

function readTaskBody(body: DecodedBody): TaskBodyParts {
  const none = (problem: string): TaskBodyParts => ({ args: null, kwargs: null, embed: null, problem });
  if (body.kind !== 'json') return none(describeUnreadable(body));
  const value = body.value;
  if (!Array.isArray(value) || !Array.isArray(value[0]) || !isRecord(value[1])) {
    return none('The body is JSON but not the protocol v2 shape [args, kwargs, embed].');
  }
  const embed = isRecord(value[2]) ? value[2] : {};
  return {
    args: value[0],
    kwargs: value[1],
    embed: {
      callbacks: arrayOrNull(embed['callbacks']),
      errbacks: arrayOrNull(embed['errbacks']),
      chain: arrayOrNull(embed['chain']),
      chord: embed['chord'] ?? null,
    },
    problem: null,
  };
}

function describeUnreadable(body: DecodedBody): string {
  if (body.truncated) return 'The body is larger than the decode limit: decode it in full to read it.';
  if (body.warning !== undefined) return body.warning;
  return `The body is ${body.kind === 'binary' ? 'binary' : 'text'}, not JSON (another serializer, e.g. pickle or msgpack?).`;
}

function arrayOrNull(value: unknown): unknown[] | null {
  return Array.isArray(value) ? value : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
