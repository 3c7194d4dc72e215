import { describe, expect, it } from 'vitest';
import { ORIGIN_SEQ_HEADER } from './message.ts';
import type { OutgoingMessage } from './message.ts';
import { buildTaskEventBatch, CELERY_BUFFER_LIMIT, createTaskEventBuffer, ORIGIN_SEQS_HEADER } from './task-event-batch.ts';
import type { BufferedEvent } from './task-event-batch.ts';
import { parseJson, wireHeaders } from './test-helpers.ts';
import { createTaskEventSink } from './worker-event-sink.ts';

const ev = (clock: number, originSeq: number | null = clock): BufferedEvent => ({ body: { type: 'task-received', uuid: `u${clock}`, clock }, originSeq });

/** A scheduler the test turns by hand, standing in for the next event-loop turn. */
function manualTurns() {
  let queued: (() => void)[] = [];
  return {
    schedule: (fn: () => void) => void queued.push(fn),
    turn() {
      const run = queued;
      queued = [];
      for (const fn of run) fn();
    },
    get waiting() {
      return queued.length;
    },
  };
}

describe('Celery 5 task event buffer', () => {
  it('sends everything emitted in one event-loop turn as one batch, after the turn', () => {
    const loop = manualTurns();
    const sent: BufferedEvent[][] = [];
    const buffer = createTaskEventBuffer({ send: (b) => sent.push(b), schedule: loop.schedule });
    buffer.add(ev(1));
    buffer.add(ev(2));
    buffer.add(ev(3));
    expect(sent).toEqual([]);
    expect(loop.waiting).toBe(1); // one flush scheduled, as hub._ready is a set
    loop.turn();
    expect(sent.map((b) => b.map((e) => e.body.clock))).toEqual([[1, 2, 3]]);
    buffer.add(ev(4));
    loop.turn();
    expect(sent.map((b) => b.length)).toEqual([3, 1]);
  });

  it('flushes at once when buffer_limit (24) events are waiting, and sends no empty batch after', () => {
    const loop = manualTurns();
    const sent: BufferedEvent[][] = [];
    const buffer = createTaskEventBuffer({ send: (b) => sent.push(b), schedule: loop.schedule });
    for (let i = 1; i <= CELERY_BUFFER_LIMIT + 2; i++) buffer.add(ev(i));
    expect(sent.map((b) => b.length)).toEqual([24]);
    expect(buffer.pending).toBe(2);
    loop.turn();
    expect(sent.map((b) => b.length)).toEqual([24, 2]);
    loop.turn();
    expect(sent).toHaveLength(2);
  });

  it('builds task.multi: a JSON array on celeryev, transient, with the hostname header and the origin seqs', () => {
    const msg = buildTaskEventBatch([ev(1, 7), ev(2, 7), ev(3, null), ev(4, 9)], 'celery@h');
    expect(msg).toMatchObject({ exchange: 'celeryev', routingKey: 'task.multi' });
    expect(msg.options).toMatchObject({ contentType: 'application/json', deliveryMode: 1 });
    expect(parseJson(msg)).toEqual([1, 2, 3, 4].map((c) => ev(c).body));
    const headers = wireHeaders(msg);
    expect(headers).toMatchObject({ hostname: 'celery@h', [ORIGIN_SEQS_HEADER]: '7,7,,9' });
    expect(headers[ORIGIN_SEQ_HEADER]).toBeUndefined();
    expect(wireHeaders(buildTaskEventBatch([ev(1, 7), ev(2, 7)], 'h'))[ORIGIN_SEQ_HEADER]).toBe(7);
  });
});

describe('task event sink', () => {
  const setup = (batch: boolean) => {
    const loop = manualTurns();
    const published: OutgoingMessage[] = [];
    let clock = 0;
    const sink = createTaskEventSink({
      stamp: () => ({ hostname: 'celery@h', pid: 3, clock: ++clock, now: 1_700_000_000_000 }),
      hostname: 'celery@h',
      batch,
      publish: (m) => published.push(m),
      schedule: loop.schedule,
    });
    return { loop, published, sink };
  };

  it('batches by default: events keep their own type, uuid and clock inside task.multi', () => {
    const { loop, published, sink } = setup(true);
    sink.emit('task-received', { uuid: 'a', name: 'proj.tasks.add' }, 1);
    sink.emit('task-started', { uuid: 'a' }, 1);
    sink.emit('task-received', { uuid: 'b', name: 'proj.tasks.add' }, 2);
    loop.turn();
    expect(published.map((m) => m.routingKey)).toEqual(['task.multi']);
    expect(parseJson(published[0] as OutgoingMessage)).toEqual([
      { hostname: 'celery@h', utcoffset: 0, pid: 3, clock: 1, uuid: 'a', name: 'proj.tasks.add', timestamp: 1_700_000_000, type: 'task-received' },
      { hostname: 'celery@h', utcoffset: 0, pid: 3, clock: 2, uuid: 'a', timestamp: 1_700_000_000, type: 'task-started' },
      { hostname: 'celery@h', utcoffset: 0, pid: 3, clock: 3, uuid: 'b', name: 'proj.tasks.add', timestamp: 1_700_000_000, type: 'task-received' },
    ]);
  });

  it('--single-events publishes each event at once under its own key', () => {
    const { published, sink } = setup(false);
    sink.emit('task-received', { uuid: 'a' }, 1);
    sink.emit('task-succeeded', { uuid: 'a', result: '1', runtime: 0.1 }, 1);
    expect(published.map((m) => m.routingKey)).toEqual(['task.received', 'task.succeeded']);
    expect(wireHeaders(published[1] as OutgoingMessage)[ORIGIN_SEQ_HEADER]).toBe(1);
  });
});
