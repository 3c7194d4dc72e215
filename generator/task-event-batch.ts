/**
 * Celery 5 batches a worker's TASK events: the worker's EventDispatcher is
 * created with buffer_group=['task'] (celery/worker/consumer/events.py, when
 * the worker runs its event loop, i.e. the default prefork pool on RabbitMQ),
 * so `send('task-…')` appends the event to a buffer instead of publishing it.
 * The buffer is flushed
 *   - at once when it holds buffer_limit (24) events, and
 *   - otherwise on the next turn of the worker's event loop: each buffered
 *     send calls on_send_buffered → hub._ready.add(_flush_events).
 * A flush publishes ONE message per group: routing key `task.multi`, body a
 * JSON array of the event objects (each still with its own type, uuid,
 * clock, timestamp...), headers {hostname}, delivery mode 1
 * (celery/events/dispatcher.py, EventDispatcher.send and flush). Worker
 * events (worker-heartbeat, -online, -offline) are not buffered.
 *
 * Here "the next turn of the event loop" is setImmediate: everything emitted
 * while handling one batch of socket reads goes out as one message.
 */
import { EVENTS_EXCHANGE } from './exchanges.ts';
import { int64, jsonBuffer, ORIGIN_SEQ_HEADER } from './message.ts';
import type { Headers, JsonValue, OutgoingMessage } from './message.ts';

/** Celery's EventDispatcher default buffer_limit. */
export const CELERY_BUFFER_LIMIT = 24;
/** Lists the x-warren-seq of the task behind each event of a batch, in order (a string: STOMP drops arrays). */
export const ORIGIN_SEQS_HEADER = 'x-warren-origin-seqs';

export interface BufferedEvent {
  body: Record<string, JsonValue>;
  /** The x-warren-seq of the task the event is about, when known. */
  originSeq: number | null;
}

/**
 * The `task.multi` message. Headers: Celery's {hostname}, plus
 * x-warren-origin-seqs ("12,12,13": one entry per event, '' for unknown), and
 * x-warren-origin-seq only when every event is about the same task.
 */
export function buildTaskEventBatch(events: readonly BufferedEvent[], hostname: string): OutgoingMessage {
  const headers: Headers = { hostname };
  const seqs = events.map((e) => e.originSeq);
  if (seqs.some((s) => s !== null)) headers[ORIGIN_SEQS_HEADER] = seqs.map((s) => (s === null ? '' : String(s))).join(',');
  const distinct = new Set(seqs);
  const [only] = distinct;
  if (distinct.size === 1 && only !== undefined && only !== null) headers[ORIGIN_SEQ_HEADER] = int64(only);
  return {
    exchange: EVENTS_EXCHANGE,
    routingKey: 'task.multi',
    content: jsonBuffer(events.map((e) => e.body)),
    options: { contentType: 'application/json', contentEncoding: 'utf-8', deliveryMode: 1, headers },
  };
}

export interface TaskEventBuffer {
  add(event: BufferedEvent): void;
  /** Sends what is buffered now (no-op when empty). */
  flush(): void;
  readonly pending: number;
}

export interface TaskEventBufferOptions {
  send: (batch: BufferedEvent[]) => void;
  limit?: number;
  /** Runs the flush after the current event-loop turn (Celery: hub._ready). Tests pass their own. */
  schedule?: (flush: () => void) => void;
}

export function createTaskEventBuffer(options: TaskEventBufferOptions): TaskEventBuffer {
  const limit = options.limit ?? CELERY_BUFFER_LIMIT;
  const schedule = options.schedule ?? ((fn: () => void) => void setImmediate(fn));
  let buffer: BufferedEvent[] = [];
  let scheduled = false;

  const flush = (): void => {
    // Celery 5.2 published an empty `[]` when a limit flush ran before the scheduled one; newer releases do not.
    if (buffer.length === 0) return;
    const batch = buffer;
    buffer = [];
    options.send(batch);
  };
  return {
    add(event) {
      buffer.push(event);
      if (buffer.length >= limit) flush();
      else if (!scheduled) {
        scheduled = true;
        schedule(() => {
          scheduled = false;
          flush();
        });
      }
    },
    flush,
    get pending() {
      return buffer.length;
    },
  };
}
