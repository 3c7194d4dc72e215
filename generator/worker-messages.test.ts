import { describe, expect, it } from 'vitest';
import { buildCeleryTask } from './celery-task.ts';
import { ORIGIN_SEQ_HEADER } from './message.ts';
import { createRng } from './random.ts';
import { parseJson, wireHeaders } from './test-helpers.ts';
import { createWorkerEvents } from './worker-events.ts';
import { buildResult, decodeTask, outcomeEvent, runTask, taskDurationMs } from './worker-messages.ts';
import type { ReceivedTask } from './worker-messages.ts';

function receivedTask(): ReceivedTask {
  const msg = buildCeleryTask({
    seq: 42,
    spec: { name: 'proj.tasks.add', queue: 'celery', args: [4, 5], kwargs: {} },
    lineage: { id: 'task-1', rootId: 'task-1', parentId: null, groupId: null, groupIndex: null, retries: 0 },
    replyTo: 'warren-client-q',
    origin: 'gen1@h',
    eta: null,
    expires: null,
    timeLimit: [null, null],
  });
  const task = decodeTask({ content: msg.content, properties: { headers: wireHeaders(msg), replyTo: msg.options.replyTo } });
  if (task === null) throw new Error('not decoded');
  return task;
}

const stamp = { hostname: 'celery@h', pid: 7, clock: 3, now: 1_700_000_000_500 };

describe('worker messages', () => {
  it('decodes a generated task', () => {
    expect(receivedTask()).toMatchObject({ id: 'task-1', name: 'proj.tasks.add', args: [4, 5], replyTo: 'warren-client-q', originSeq: 42, retries: 0, parentId: null });
  });

  it('ignores messages that are not Celery tasks', () => {
    expect(decodeTask({ content: Buffer.from('{}'), properties: { headers: {} } })).toBeNull();
  });

  it('computes results and failure tracebacks', () => {
    const task = receivedTask();
    expect(runTask(task, createRng(1), false)).toEqual({ ok: true, result: 9 });
    const failed = runTask(task, createRng(1), true);
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.traceback).toContain('Traceback (most recent call last)');
  });

  it('emits celeryev events with Celery field names and the origin seq', () => {
    const task = receivedTask();
    const events = createWorkerEvents('celery@h', 7, () => 1_700_000_000_500);
    const received = events.task('task-received', task);
    expect(received).toMatchObject({ exchange: 'celeryev', routingKey: 'task.received' });
    expect(parseJson(received)).toMatchObject({ type: 'task-received', uuid: 'task-1', name: 'proj.tasks.add', args: '(4, 5)', hostname: 'celery@h', clock: 1, timestamp: 1_700_000_000.5 });
    expect(wireHeaders(received)[ORIGIN_SEQ_HEADER]).toBe(42);
    const done = outcomeEvent(task, { ok: true, result: 9 }, 0.004, stamp);
    expect(done.routingKey).toBe('task.succeeded');
    expect(parseJson(done)).toMatchObject({ type: 'task-succeeded', result: '9', runtime: 0.004 });
    const failed = outcomeEvent(task, { ok: false, excType: 'ValueError', excMessage: 'x', traceback: 'tb' }, 0.1, stamp);
    expect(failed.routingKey).toBe('task.failed');
    expect(parseJson(failed)).toMatchObject({ exception: "ValueError('x')", traceback: 'tb' });
    expect(events.worker('worker-heartbeat', { processed: 1, inFlight: 0 }).routingKey).toBe('worker.heartbeat');
  });

  it('replies through celery.replies with reply_to as key and the task id as correlation_id', () => {
    const reply = buildResult(receivedTask(), { ok: true, result: 9 }, stamp.now);
    expect(reply).toMatchObject({ exchange: 'celery.replies', routingKey: 'warren-client-q' });
    expect(reply?.options).toMatchObject({ correlationId: 'task-1', contentType: 'application/json' });
    expect(reply && parseJson(reply)).toEqual({ task_id: 'task-1', status: 'SUCCESS', result: 9, traceback: null, children: [], date_done: '2023-11-14T22:13:20.500000+00:00' });
    expect(reply && wireHeaders(reply)[ORIGIN_SEQ_HEADER]).toBe(42);
    expect(buildResult({ ...receivedTask(), replyTo: null }, { ok: true, result: 1 }, 0)).toBeNull();
  });

  it('warren.sleep sleeps exactly its argument, never fails, and returns it', () => {
    const task = { ...receivedTask(), name: 'warren.sleep', args: [250] };
    expect(taskDurationMs(task, createRng(1))).toBe(250);
    expect(runTask(task, createRng(1), true)).toEqual({ ok: true, result: 250 });
    expect(taskDurationMs({ ...task, args: ['x'] }, createRng(1))).toBe(0);
  });

  it('reads x-warren-drop-reply, whatever its value', () => {
    const msg = buildCeleryTask({
      seq: 1,
      spec: { name: 'warren.sleep', queue: 't1', args: [5], kwargs: {} },
      lineage: { id: 'a', rootId: 'a', parentId: null, groupId: null, groupIndex: null, retries: 0 },
      replyTo: 'q',
      origin: 'o',
      eta: null,
      expires: null,
      timeLimit: [null, null],
      dropReply: true,
    });
    expect(decodeTask({ content: msg.content, properties: { headers: wireHeaders(msg) } })?.dropReply).toBe(true);
    expect(decodeTask({ content: msg.content, properties: { headers: { ...wireHeaders(msg), 'x-warren-drop-reply': 0 } } })?.dropReply).toBe(true);
    expect(receivedTask().dropReply).toBe(false);
  });
});
