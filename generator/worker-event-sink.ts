/**
 * Where the worker's task events go: batched into `task.multi` messages as a
 * Celery 5 worker does by default (task-event-batch.ts), or one message per
 * event (`--single-events`, what Celery does without an event loop, e.g. with
 * the eventlet/gevent pools, and what Celery 4 monitors expect).
 */
import type { JsonValue, OutgoingMessage } from './message.ts';
import { buildTaskEventBatch, createTaskEventBuffer } from './task-event-batch.ts';
import type { TaskEventBufferOptions } from './task-event-batch.ts';
import { buildEvent, eventBody } from './worker-messages.ts';
import type { WorkerStamp } from './worker-messages.ts';

export type TaskEventType = 'task-received' | 'task-started' | 'task-succeeded' | 'task-failed';

export interface TaskEventSink {
  emit(type: TaskEventType, fields: Record<string, JsonValue>, originSeq: number | null): void;
  /** Sends buffered events now (before a worker-offline, say). */
  flush(): void;
}

export interface TaskEventSinkOptions {
  /** Ticks the worker's Lamport clock: one stamp per event, in emit order, batched or not. */
  stamp: () => WorkerStamp;
  hostname: string;
  batch: boolean;
  publish: (message: OutgoingMessage) => void;
  schedule?: TaskEventBufferOptions['schedule'];
}

export function createTaskEventSink(options: TaskEventSinkOptions): TaskEventSink {
  if (!options.batch) {
    return {
      emit: (type, fields, originSeq) => options.publish(buildEvent(type, fields, options.stamp(), originSeq)),
      flush: () => undefined,
    };
  }
  const buffer = createTaskEventBuffer({
    send: (batch) => options.publish(buildTaskEventBatch(batch, options.hostname)),
    ...(options.schedule ? { schedule: options.schedule } : {}),
  });
  return {
    emit: (type, fields, originSeq) => buffer.add({ body: eventBody(type, fields, options.stamp()), originSeq }),
    flush: () => buffer.flush(),
  };
}
