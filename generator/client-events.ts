/**
 * The `task-sent` event a Celery client publishes right after each task when
 * `task_send_sent_event` is on (celery/app/amqp.py, send_task_message: the
 * sent_event dict, then queue/exchange/routing_key, published through the
 * client's EventDispatcher with its own Lamport clock; the client's hostname
 * is anon_nodename(), `gen<pid>@<host>`, the same as the task's `origin`).
 */
import type { CeleryTaskInput } from './celery-task.ts';
import type { OutgoingMessage } from './message.ts';
import { buildEvent } from './worker-messages.ts';

export interface ClientEventSource {
  /** `gen<pid>@<host>`. */
  hostname: string;
  pid: number;
  /** Ticks the client's Lamport clock. */
  tick(): number;
}

export function createClientEventSource(hostname: string, pid: number): ClientEventSource {
  let clock = 0;
  return { hostname, pid, tick: () => ++clock };
}

/** Carries x-warren-origin-seq = the task's x-warren-seq (it is the task's shadow, not a numbered message of its own). */
export function buildTaskSentEvent(input: CeleryTaskInput, task: OutgoingMessage, source: ClientEventSource, now: number): OutgoingMessage {
  const { spec, lineage } = input;
  const headers = task.options.headers ?? {};
  const fields = {
    uuid: lineage.id,
    root_id: lineage.rootId,
    parent_id: lineage.parentId,
    name: spec.name,
    args: typeof headers.argsrepr === 'string' ? headers.argsrepr : '()',
    kwargs: typeof headers.kwargsrepr === 'string' ? headers.kwargsrepr : '{}',
    retries: lineage.retries,
    eta: input.eta,
    expires: input.expires,
    queue: spec.queue,
    exchange: task.exchange,
    routing_key: task.routingKey,
  };
  return buildEvent('task-sent', fields, { hostname: source.hostname, pid: source.pid, clock: source.tick(), now }, input.seq);
}
