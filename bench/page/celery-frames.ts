/**
 * Synthetic Celery traffic, byte for byte what RabbitMQ 3.10 web_stomp sends
 * for what the generator publishes (generator/celery-task.ts,
 * client-events.ts, worker-messages.ts, task-event-batch.ts): headers in wire
 * order (subscription, destination, message-id, redelivered, then the AMQP
 * headers sorted by name as RabbitMQ keeps them, then the properties, see
 * src/model/fixtures/captured-frames.ts); None/False/list headers dropped.
 *
 * A deterministic cycle of 20 frames = 4 tasks, 5 frames per task (so the
 * conversation index holds count / 5 conversations), covering each way the
 * index links a message:
 *   t0: task, task.sent, task.multi [received, started], task.succeeded (one event, unbuffered), reply
 *   t1: a child of t0 (root_id, parent_id); its success as a one-event task.multi
 *   t2, t3: task(t2), sent, multi [received t2, started t2], task(t3), sent,
 *       multi [succeeded t2, received t3, started t3] (one batch, two tasks, as a
 *       Celery 5 worker flushes), reply(t2), multi [succeeded|failed t3], reply(t3)
 *   a worker-heartbeat (a celeryev message of no conversation).
 * One task in 20 fails (task-failed, reply status FAILURE).
 */
import { CELERY_FAILURE, celeryTask, celeryTaskFails, pyDict, pyRepr, pyTuple, type CeleryTask } from './celery-tasks.ts';
import { messageFrameText, mix } from './frame-text.ts';

export const CELERY_FRAMES_PER_TASK = 5;
const CYCLE_FRAMES = 20;
const CYCLE_TASKS = 4;

const CLIENT = 'gen4242@bench-client';
const WORKER = 'celery@bench-worker-1';
const REPLY_QUEUE = 'warren-client-5eedbe7c';
const SESSION = 'session-benchSyntheticCelery0';

export interface CeleryFrame {
  text: string;
  key: string;
  bodyBytes: number;
  /** The tasks whose conversations the frame belongs to (none for the heartbeat). */
  tasks: readonly number[];
}

const routed = (sub: string, exchange: string, key: string, i: number): [string, string][] => [
  ['subscription', sub],
  ['destination', `/exchange/${exchange}/${key}`],
  ['message-id', `T_${sub}@@${SESSION}@@${i + 1}`],
  ['redelivered', 'false'],
];
const JSON_UTF8: [string, string][] = [['content-encoding', 'utf-8'], ['content-type', 'application/json']];

function taskMessage(k: CeleryTask, i: number, epochMs: number): CeleryFrame {
  const body = JSON.stringify([k.args, k.kwargs, { callbacks: null, errbacks: null, chain: null, chord: null }]);
  const headers: [string, string][] = [
    ...routed('sub-1', 'celery', k.queue, i),
    ['argsrepr', pyTuple(k.args)],
    ['id', k.id],
    ['kwargsrepr', pyDict(k.kwargs)],
    ['lang', 'py'],
    ['origin', CLIENT],
    ...(k.parentId === null ? [] : ([['parent_id', k.parentId]] as [string, string][])),
    ['retries', '0'],
    ['root_id', k.rootId],
    ['task', k.name],
    ['x-shovelled-timestamp', String(Math.floor(epochMs / 1000))],
    ['x-warren-seq', String(k.t + 1)],
    ['reply-to', `/reply-queue/${REPLY_QUEUE}`],
    ['correlation-id', k.id],
    ['priority', '0'],
    ['persistent', 'true'],
    ...JSON_UTF8,
  ];
  return { text: messageFrameText(headers, body), key: k.queue, bodyBytes: body.length, tasks: [k.t] };
}

type EventFields = Record<string, string | number | null | (string | number)[]>;

/** One event object in Celery's field order: hostname, utcoffset, pid, clock, fields, timestamp, type. */
function eventBody(type: string, fields: EventFields, hostname: string, clock: number, epochMs: number): EventFields {
  return { hostname, utcoffset: 0, pid: hostname === CLIENT ? 4242 : 31337, clock, ...fields, timestamp: epochMs / 1000, type };
}

function taskEventFields(type: string, k: CeleryTask): EventFields {
  const described = { name: k.name, args: pyTuple(k.args), kwargs: pyDict(k.kwargs), root_id: k.rootId, parent_id: k.parentId, retries: 0, eta: null, expires: null };
  switch (type) {
    case 'task-sent':
      return { uuid: k.id, root_id: k.rootId, parent_id: k.parentId, name: k.name, args: described.args, kwargs: described.kwargs, retries: 0, eta: null, expires: null, queue: k.queue, exchange: 'celery', routing_key: k.queue };
    case 'task-received':
      return { uuid: k.id, ...described };
    case 'task-succeeded':
      return { uuid: k.id, result: typeof k.result === 'object' ? pyDict(k.result) : pyRepr(k.result), runtime: (1 + (mix(k.t) % 8000)) / 1_000_000 };
    case 'task-failed':
      return { uuid: k.id, exception: `${CELERY_FAILURE.excType}(${pyRepr(CELERY_FAILURE.excMessage)})`, traceback: CELERY_FAILURE.traceback };
    default:
      return { uuid: k.id };
  }
}

/** A celeryev message: one event (routing key = its type, '-' → '.') or a `task.multi` batch of them. */
function eventMessage(events: [string, CeleryTask][], batch: boolean, i: number, epochMs: number): CeleryFrame {
  const [first] = events;
  const hostname = first?.[0] === 'task-sent' ? CLIENT : WORKER;
  const bodies = events.map(([type, k], n) => eventBody(type, taskEventFields(type, k), hostname, 3 * i + n, epochMs));
  const body = JSON.stringify(batch ? bodies : bodies[0]);
  const key = batch ? 'task.multi' : (first?.[0] ?? '').replaceAll('-', '.');
  const seqs = events.map(([, k]) => k.t + 1);
  const sameTask = seqs.every((s) => s === seqs[0]);
  const headers: [string, string][] = [
    ...routed('sub-2', 'celeryev', key, i),
    ['hostname', hostname],
    ['x-shovelled-timestamp', String(Math.floor(epochMs / 1000))],
    ...(sameTask ? ([['x-warren-origin-seq', String(seqs[0])]] as [string, string][]) : []),
    ...(batch ? ([['x-warren-origin-seqs', seqs.join(',')]] as [string, string][]) : []),
    ['persistent', '1'],
    ...JSON_UTF8,
  ];
  return { text: messageFrameText(headers, body), key, bodyBytes: body.length, tasks: [...new Set(events.map(([, k]) => k.t))] };
}

function heartbeat(i: number, epochMs: number): CeleryFrame {
  const fields = { freq: 2, sw_ident: 'py-celery', sw_ver: '5.4.0', sw_sys: 'Linux', active: 1, processed: Math.floor(i / CELERY_FRAMES_PER_TASK), loadavg: [0.1, 0.2, 0.3] };
  const body = JSON.stringify(eventBody('worker-heartbeat', fields, WORKER, 3 * i, epochMs));
  const headers: [string, string][] = [
    ...routed('sub-2', 'celeryev', 'worker.heartbeat', i),
    ['hostname', WORKER],
    ['x-shovelled-timestamp', String(Math.floor(epochMs / 1000))],
    ['persistent', '1'],
    ...JSON_UTF8,
  ];
  return { text: messageFrameText(headers, body), key: 'worker.heartbeat', bodyBytes: body.length, tasks: [] };
}

/** The RPC result on celery.replies (generator/worker-messages.ts buildResult). */
function reply(k: CeleryTask, i: number, epochMs: number): CeleryFrame {
  const failed = celeryTaskFails(k.t);
  const body = JSON.stringify({
    task_id: k.id,
    status: failed ? 'FAILURE' : 'SUCCESS',
    result: failed ? { exc_type: CELERY_FAILURE.excType, exc_message: [CELERY_FAILURE.excMessage], exc_module: 'builtins' } : k.result,
    traceback: failed ? CELERY_FAILURE.traceback : null,
    children: [],
    date_done: new Date(epochMs).toISOString().replace('Z', '000+00:00'),
  });
  const headers: [string, string][] = [
    ...routed('sub-3', 'celery.replies', REPLY_QUEUE, i),
    ['x-shovelled-timestamp', String(Math.floor(epochMs / 1000))],
    ['x-warren-origin-seq', String(k.t + 1)],
    ['correlation-id', k.id],
    ['persistent', '1'],
    ...JSON_UTF8,
  ];
  return { text: messageFrameText(headers, body), key: REPLY_QUEUE, bodyBytes: body.length, tasks: [k.t] };
}

/** Frame `i` of the Celery mix (see the cycle above). */
export function celeryFrame(i: number, epochMs: number): CeleryFrame {
  const base = Math.floor(i / CYCLE_FRAMES) * CYCLE_TASKS;
  const [t0, t1, t2, t3] = [celeryTask(base), celeryTask(base + 1), celeryTask(base + 2), celeryTask(base + 3)];
  const terminal = (k: CeleryTask) => (celeryTaskFails(k.t) ? 'task-failed' : 'task-succeeded');
  const ev = (events: [string, CeleryTask][], batch = true) => eventMessage(events, batch, i, epochMs);
  switch (i % CYCLE_FRAMES) {
    case 0: return taskMessage(t0, i, epochMs);
    case 1: return ev([['task-sent', t0]], false);
    case 2: return ev([['task-received', t0], ['task-started', t0]]);
    case 3: return ev([[terminal(t0), t0]], false);
    case 4: return reply(t0, i, epochMs);
    case 5: return taskMessage(t1, i, epochMs);
    case 6: return ev([['task-sent', t1]], false);
    case 7: return ev([['task-received', t1], ['task-started', t1]]);
    case 8: return ev([[terminal(t1), t1]]);
    case 9: return reply(t1, i, epochMs);
    case 10: return taskMessage(t2, i, epochMs);
    case 11: return ev([['task-sent', t2]], false);
    case 12: return ev([['task-received', t2], ['task-started', t2]]);
    case 13: return taskMessage(t3, i, epochMs);
    case 14: return ev([['task-sent', t3]], false);
    case 15: return ev([[terminal(t2), t2], ['task-received', t3], ['task-started', t3]]);
    case 16: return reply(t2, i, epochMs);
    case 17: return ev([[terminal(t3), t3]]);
    case 18: return reply(t3, i, epochMs);
    default: return heartbeat(i, epochMs);
  }
}
