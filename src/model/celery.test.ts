import { describe, expect, it } from 'vitest';
import { decodeBody } from './body.ts';
import { decodeCelery, decodeCeleryEvent, decodeCeleryResult, decodeCeleryTask } from './celery.ts';
import { capturedFrames } from './fixtures/captured-frames.ts';
import { messageOf, stompFrame } from './fixtures/messages.ts';

const TASK_ID = '0f0e1c4a-3b6e-4b1a-9c2d-4e5f6a7b8c9d';

/** Headers a Celery 5 client's retried child task arrives with over STOMP (None/False/list headers dropped). */
function childTaskHeaders(): Record<string, string> {
  return {
    'content-type': 'application/json',
    'content-encoding': 'utf-8',
    persistent: 'true',
    priority: '0',
    'correlation-id': 'c6a1e2f0-7d3b-4c5e-9f80-112233445566',
    'reply-to': '/reply-queue/b3b1f0a2-5a4e-3c1d-8e7f-0a1b2c3d4e5f',
    task: 'proj.email.send_welcome',
    id: 'c6a1e2f0-7d3b-4c5e-9f80-112233445566',
    root_id: TASK_ID,
    parent_id: TASK_ID,
    group: '9d8c7b6a-5f4e-3d2c-1b0a-998877665544',
    retries: '2',
    eta: '2026-11-23T12:40:00.000000+00:00',
    expires: '2026-11-23T13:40:00.000000+00:00',
    argsrepr: '(4711,)',
    kwargsrepr: "{'locale': 'de', 'template': 'welcome_v2'}",
    origin: 'gen4242@web-1',
    lang: 'py',
  };
}

describe('decodeCeleryTask', () => {
  it('decodes a captured protocol v2 task', () => {
    expect(decodeCeleryTask(messageOf(capturedFrames.celeryTask()))).toEqual({
      task: 'proj.tasks.add',
      id: TASK_ID,
      args: [2, 3],
      kwargs: {},
      embed: { callbacks: null, errbacks: null, chain: null, chord: null },
      retries: 0,
      rootId: TASK_ID,
      parentId: null, // sent as None: dropped by STOMP
      group: null,
      eta: null,
      expires: null,
      argsrepr: '(2, 3)',
      kwargsrepr: '{}',
      origin: 'gen4242@host',
      bodyProblem: null,
    });
  });

  it('reads lineage, schedule and workflow fields', () => {
    const chain = [{ task: 'proj.tasks.log', args: [], kwargs: {}, options: {}, subtask_type: null, immutable: false }];
    const body = JSON.stringify([[4711], { locale: 'de', template: 'welcome_v2' }, { callbacks: null, errbacks: null, chain, chord: null }]);
    const task = decodeCeleryTask(messageOf(stompFrame('/exchange/celery/email', childTaskHeaders(), body)));
    expect(task).toMatchObject({
      task: 'proj.email.send_welcome',
      args: [4711],
      kwargs: { locale: 'de', template: 'welcome_v2' },
      retries: 2,
      rootId: TASK_ID,
      parentId: TASK_ID,
      group: '9d8c7b6a-5f4e-3d2c-1b0a-998877665544',
      eta: '2026-11-23T12:40:00.000000+00:00',
      expires: '2026-11-23T13:40:00.000000+00:00',
      origin: 'gen4242@web-1',
    });
    expect(task?.embed?.chain).toEqual(chain);
  });

  it('reuses an already decoded body', () => {
    const msg = messageOf(capturedFrames.celeryTask());
    const decoded = decodeBody(msg);
    expect(decodeCeleryTask(msg, decoded)?.args).toEqual([2, 3]);
  });

  it('keeps the headers when the body is not JSON (pickle serializer)', () => {
    const headers = { ...childTaskHeaders(), 'content-type': 'application/x-python-serialize', 'content-encoding': 'binary' };
    const pickle = new Uint8Array([0x80, 0x04, 0x95, 0x1f, 0, 0, 0, 0, 0, 0, 0, 0x5d, 0x94]);
    const task = decodeCeleryTask(messageOf(stompFrame('/exchange/celery/email', headers, pickle)));
    expect(task).toMatchObject({ task: 'proj.email.send_welcome', args: null, kwargs: null, argsrepr: '(4711,)' });
    expect(task?.bodyProblem).toMatch(/not JSON/);
  });

  it('flags a JSON body of the wrong shape', () => {
    const task = decodeCeleryTask(messageOf(stompFrame('/exchange/celery/email', childTaskHeaders(), '{"task": "x"}')));
    expect(task?.bodyProblem).toMatch(/\[args, kwargs, embed\]/);
  });

  it('is null without both task and id headers', () => {
    expect(decodeCeleryTask(messageOf(capturedFrames.orderCreated()))).toBeNull();
    const noId = childTaskHeaders();
    delete noId['id'];
    expect(decodeCeleryTask(messageOf(stompFrame('/exchange/celery/email', noId, '[[],{},{}]')))).toBeNull();
  });
});

describe('decodeCeleryResult', () => {
  it('decodes a captured RPC result', () => {
    expect(decodeCeleryResult(messageOf(capturedFrames.celeryResult()))).toEqual({
      taskId: TASK_ID,
      status: 'SUCCESS',
      result: 5,
      traceback: null,
      children: [],
      dateDone: '2026-11-23T12:33:22.401234+00:00',
    });
  });

  it('decodes a failure with its traceback', () => {
    const body = JSON.stringify({
      status: 'FAILURE',
      result: { exc_type: 'ValueError', exc_message: ['bad card'], exc_module: 'builtins' },
      traceback: 'Traceback (most recent call last):\n  ...\nValueError: bad card\n',
      children: [],
      date_done: '2026-11-23T12:33:23.000000+00:00',
      task_id: TASK_ID,
    });
    const headers = { 'content-type': 'application/json', 'content-encoding': 'utf-8', 'correlation-id': TASK_ID };
    const result = decodeCeleryResult(messageOf(stompFrame('/queue/b3b1f0a2-5a4e-3c1d-8e7f-0a1b2c3d4e5f', headers, body)));
    expect(result).toMatchObject({ status: 'FAILURE', traceback: expect.stringContaining('ValueError: bad card') });
  });

  it('is null for non-result JSON, tasks, and messages without correlation-id', () => {
    expect(decodeCeleryResult(messageOf(capturedFrames.gzipJson()))).toBeNull();
    expect(decodeCeleryResult(messageOf(capturedFrames.celeryTask()))).toBeNull();
    const headers = { 'content-type': 'application/json', 'correlation-id': 'x' };
    expect(decodeCeleryResult(messageOf(stompFrame('/queue/r', headers, '{"status": "SUCCESS"}')))).toBeNull();
  });
});

describe('decodeCeleryEvent and decodeCelery', () => {
  it('recognises a captured celeryev event', () => {
    const info = decodeCelery(messageOf(capturedFrames.celeryEvent()));
    expect(info?.kind).toBe('event');
    if (info?.kind !== 'event') return;
    expect(info.eventType).toBe('task-succeeded');
    expect(info.events[0]).toMatchObject({ type: 'task-succeeded', taskId: TASK_ID, hostname: 'celery@w1', timestamp: 1795451602.396 });
  });

  it('splits grouped *.multi events', () => {
    const events = [
      { type: 'task-received', uuid: 'a', hostname: 'celery@w1', timestamp: 1.5 },
      { type: 'task-started', uuid: 'a', hostname: 'celery@w1', timestamp: 1.6 },
    ];
    const msg = messageOf(stompFrame('/exchange/celeryev/task.multi', { 'content-type': 'application/json' }, JSON.stringify(events)));
    const info = decodeCeleryEvent(msg);
    expect(info).toMatchObject({ kind: 'event', eventType: 'task-multi', bodyProblem: null });
    expect(info?.kind === 'event' && info.events.map((e) => e.type)).toEqual(['task-received', 'task-started']);
  });

  it('classifies tasks and results, and ignores other traffic', () => {
    expect(decodeCelery(messageOf(capturedFrames.celeryTask()))?.kind).toBe('task');
    expect(decodeCelery(messageOf(capturedFrames.celeryResult()))?.kind).toBe('result');
    expect(decodeCelery(messageOf(capturedFrames.orderCreated()))).toBeNull();
    expect(decodeCelery(messageOf(capturedFrames.binary()))).toBeNull();
  });
});
