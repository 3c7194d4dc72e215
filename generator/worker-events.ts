/**
 * The worker's event identity: hostname, pid and the Lamport clock that every
 * Celery event carries (monitors such as Flower order events by it).
 */
import type { OutgoingMessage } from './message.ts';
import { buildEvent, taskEventFields } from './worker-messages.ts';
import type { ReceivedTask, WorkerStamp } from './worker-messages.ts';

export interface WorkerCounters {
  processed: number;
  inFlight: number;
}

export interface WorkerEvents {
  /** A fresh stamp: ticks the clock. */
  stamp(): WorkerStamp;
  task(type: 'task-received' | 'task-started', task: ReceivedTask): OutgoingMessage;
  worker(type: 'worker-online' | 'worker-heartbeat' | 'worker-offline', counters: WorkerCounters): OutgoingMessage;
}

export function createWorkerEvents(hostname: string, pid: number, now: () => number = Date.now): WorkerEvents {
  let clock = 0;
  const stamp = (): WorkerStamp => ({ hostname, pid, clock: ++clock, now: now() });
  return {
    stamp,
    task: (type, task) => buildEvent(type, taskEventFields(type, task), stamp(), task.originSeq),
    worker: (type, counters) =>
      buildEvent(
        type,
        // Celery's worker events also carry loadavg/sw_* fields; freq 2.0 is its default heartbeat interval.
        { freq: 2.0, sw_ident: 'py-celery', sw_ver: '5.4.0', sw_sys: 'Linux', active: counters.inFlight, processed: counters.processed, loadavg: [0.1, 0.2, 0.3] },
        stamp(),
      ),
  };
}
