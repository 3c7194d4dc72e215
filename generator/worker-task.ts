/**
 * What the worker does with one delivery: task-received → task-started →
 * (sleep) → task-succeeded/failed + the RPC result, then the ack. The events
 * go through the event sink (batched or not); the result is published with a
 * confirm and the task acked only after it, so a crash in between redelivers.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { ConsumeMessage } from 'amqplib';
import type { ConsumerSession } from './consumer-session.ts';
import type { Rng } from './random.ts';
import type { TaskEventSink } from './worker-event-sink.ts';
import { buildResult, decodeTask, outcomeFields, runTask, taskDurationMs, taskEventFields } from './worker-messages.ts';

export interface WorkerStats {
  processed: number;
  succeeded: number;
  failed: number;
  rejected: number;
  /** Tasks whose reply and terminal event were withheld on purpose (x-warren-drop-reply). */
  dropped: number;
  /** Tasks cut off by a lost connection: the broker redelivers them. */
  abandoned: number;
  inFlight: number;
}

export const newWorkerStats = (): WorkerStats => ({ processed: 0, succeeded: 0, failed: 0, rejected: 0, dropped: 0, abandoned: 0, inFlight: 0 });

export interface TaskContext {
  rng: Rng;
  failRate: number;
  sink: TaskEventSink;
  stats: WorkerStats;
}

export async function handleTask(msg: ConsumeMessage, session: ConsumerSession, ctx: TaskContext): Promise<void> {
  const { stats, sink } = ctx;
  const task = decodeTask(msg);
  if (task === null) {
    // What Celery does with a message that is not a task: log and drop, never requeue-loop.
    session.channel.reject(msg, false);
    stats.rejected++;
    return;
  }
  stats.inFlight++;
  try {
    sink.emit('task-received', taskEventFields('task-received', task), task.originSeq);
    sink.emit('task-started', taskEventFields('task-started', task), task.originSeq);
    const t0 = performance.now();
    await sleep(taskDurationMs(task, ctx.rng));
    const runtime = (performance.now() - t0) / 1000;
    if (task.dropReply) {
      // As if the worker died here; acked so the broker does not hand it to anyone again.
      session.channel.ack(msg);
      stats.dropped++;
      return;
    }
    const outcome = runTask(task, ctx.rng, ctx.rng.next() < ctx.failRate);
    const { type, fields } = outcomeFields(task, outcome, runtime);
    sink.emit(type, fields, task.originSeq);
    const result = buildResult(task, outcome, Date.now());
    if (result !== null) await session.publisher.publishConfirmed(result);
    else await session.publisher.waitForConfirms();
    session.channel.ack(msg);
    stats.processed++;
    if (outcome.ok) stats.succeeded++;
    else stats.failed++;
  } catch {
    // The connection went while the task ran: its ack can no longer be sent and the broker redelivers it.
    stats.abandoned++;
  } finally {
    stats.inFlight--;
  }
}
