/**
 * Celery protocol v2 task messages, as celery/app/amqp.py `as_task_v2` builds
 * them and py-amqp encodes them. Headers Celery sends as None, False or a list
 * are sent the same way on purpose: RabbitMQ's STOMP adapter drops those, and
 * the dashboard has to cope with exactly that.
 */
import { CELERY_EXCHANGE } from './exchanges.ts';
import { DROP_REPLY_HEADER, int32, int64, jsonBuffer, SEQ_HEADER } from './message.ts';
import type { Headers, JsonValue, OutgoingMessage } from './message.ts';
import { pyRepr, pyTupleRepr } from './python-repr.ts';
import { hex, pick, randInt } from './random.ts';
import type { Rng } from './random.ts';

export interface TaskSpec {
  name: string;
  /** Celery routes by queue name: the routing key equals the queue (celery or email, or a test's own). */
  queue: string;
  args: JsonValue[];
  kwargs: Record<string, JsonValue>;
}

/** Where a task sits in its workflow; Celery tracks this through root_id/parent_id/group. */
export interface TaskLineage {
  id: string;
  rootId: string;
  parentId: string | null;
  groupId: string | null;
  groupIndex: number | null;
  retries: number;
}

export interface CeleryTaskInput {
  seq: number;
  spec: TaskSpec;
  lineage: TaskLineage;
  /** The client's reply queue; the worker publishes the result with this routing key. */
  replyTo: string;
  /** Celery's `origin` header: `gen<pid>@<hostname>` of the publishing process. */
  origin: string;
  eta: string | null;
  expires: string | null;
  /** [hard, soft] seconds, or [None, None]. */
  timeLimit: [number | null, number | null];
  /** Adds x-warren-drop-reply: the worker will never answer it. */
  dropReply?: boolean;
}

export function buildCeleryTask(input: CeleryTaskInput): OutgoingMessage {
  const { spec, lineage } = input;
  const headers: Headers = {
    lang: 'py',
    task: spec.name,
    id: lineage.id,
    shadow: null,
    eta: input.eta,
    expires: input.expires,
    group: lineage.groupId,
    group_index: lineage.groupIndex === null ? null : int32(lineage.groupIndex),
    retries: int32(lineage.retries),
    timelimit: input.timeLimit.map((t) => (t === null ? null : int32(t))),
    root_id: lineage.rootId,
    parent_id: lineage.parentId,
    argsrepr: pyTupleRepr(spec.args),
    kwargsrepr: pyRepr(spec.kwargs),
    origin: input.origin,
    ignore_result: false,
    [SEQ_HEADER]: int64(input.seq),
  };
  if (input.dropReply === true) headers[DROP_REPLY_HEADER] = '1';
  const embed = { callbacks: null, errbacks: null, chain: null, chord: null };
  return {
    exchange: CELERY_EXCHANGE,
    routingKey: spec.queue,
    content: jsonBuffer([spec.args, spec.kwargs, embed]),
    options: {
      headers,
      correlationId: lineage.id,
      replyTo: input.replyTo,
      contentType: 'application/json',
      contentEncoding: 'utf-8',
      deliveryMode: 2,
      priority: 0,
    },
  };
}

const TEMPLATES = ['welcome_v2', 'welcome_v3_beta'];
const REPORTS = ['sales', 'churn', 'inventory', 'refunds'];
const CURRENCIES = ['EUR', 'USD', 'GBP'];

export const TASK_NAMES = [
  'proj.tasks.add',
  'proj.email.send_welcome',
  'proj.reports.generate',
  'proj.billing.charge',
  'proj.email.send_receipt',
] as const;
export type TaskName = (typeof TASK_NAMES)[number];

/** Python's `datetime.isoformat()` for an aware UTC datetime, which is how Celery writes eta/expires. */
export function pyIsoformat(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('Z', '000+00:00');
}

/** A task from a small realistic catalogue (names a Django/Celery shop would have), with fresh arguments. */
export function randomTaskSpec(rng: Rng, name: TaskName = pick(rng, TASK_NAMES)): TaskSpec {
  switch (name) {
    case 'proj.tasks.add':
      return { name: 'proj.tasks.add', queue: 'celery', args: [randInt(rng, 0, 999), randInt(rng, 0, 999)], kwargs: {} };
    case 'proj.email.send_welcome':
      return {
        name: 'proj.email.send_welcome',
        queue: 'email',
        args: [randInt(rng, 1000, 99999)],
        kwargs: { locale: pick(rng, ['en', 'de', 'fr', 'es']), template: pick(rng, TEMPLATES) },
      };
    case 'proj.reports.generate':
      return {
        name: 'proj.reports.generate',
        queue: 'celery',
        args: [pick(rng, REPORTS), `2024-${String(randInt(rng, 1, 12)).padStart(2, '0')}`],
        kwargs: { format: pick(rng, ['pdf', 'csv', 'xlsx']), requested_by: randInt(rng, 1000, 99999) },
      };
    case 'proj.billing.charge':
      return {
        name: 'proj.billing.charge',
        queue: 'celery',
        args: [`cus_${hex(rng, 14)}`, randInt(rng, 100, 250000)],
        kwargs: { currency: pick(rng, CURRENCIES), idempotency_key: hex(rng, 32) },
      };
    case 'proj.email.send_receipt':
      return {
        name: 'proj.email.send_receipt',
        queue: 'email',
        args: [`ord_${hex(rng, 12)}`],
        kwargs: { email: `customer${randInt(rng, 1, 9999)}@example.com`, attach_pdf: rng.next() < 0.5 },
      };
  }
}
