import { describe, expect, it } from 'vitest';
import { TraceCapture } from '../capture/index.ts';
import { stompFrame } from '../model/fixtures/messages.ts';
import { emptyKeyFields, MessageBatchReader, MessageBatcher, PackedMessage, type MessageBatch } from '../model/index.ts';
import { ConversationIndex } from './conversation-index.ts';
import { conversationSteps, workflowTree } from './conversation-steps.ts';
import { MAX_PENDING } from './pending-requests.ts';

const T0 = 1_700_000_000_000;

/** A capture + index on a hand-driven clock; each helper ingests one message at `clock.now`. */
function setup(capacity = 100, timeoutMs = 30_000) {
  const clock = { now: T0 };
  const capture = new TraceCapture({ capacity, now: () => clock.now });
  const index = new ConversationIndex(capture, { timeoutMs, now: () => clock.now });
  const json = 'application/json';
  const send = {
    task(id: string, name = 'proj.add', extra: Record<string, string> = {}) {
      capture.ingest(stompFrame(`/exchange/celery/celery`, { task: name, id, 'correlation-id': id, 'reply-to': '/reply-queue/client-1', 'content-type': json, ...extra }, '[[1],{},{}]'), 's1');
    },
    rpc(id: string, key = 'rpc.pricing.quote', extra: Record<string, string> = {}) {
      capture.ingest(stompFrame(`/exchange/app.events/${key}`, { 'correlation-id': id, 'reply-to': '/reply-queue/client-1', 'content-type': json, ...extra }, '{}'), 's1');
    },
    reply(id: string, status = 'SUCCESS') {
      capture.ingest(stompFrame(`/exchange/celery.replies/client-1`, { 'correlation-id': id, 'content-type': json }, JSON.stringify({ task_id: id, status })), 's2');
    },
    events(...events: Record<string, unknown>[]) {
      const key = events.length === 1 ? String(events[0]!['type']).replace('-', '.') : 'task.multi';
      capture.ingest(stompFrame(`/exchange/celeryev/${key}`, { 'content-type': json }, JSON.stringify(events.length === 1 ? events[0] : events)), 's3');
    },
    other(key = 'orders.created') {
      capture.ingest(stompFrame(`/exchange/app.events/${key}`, {}, '{}'), 's1');
    },
  };
  const row = (name: string) => index.requestRows(clock.now).find((r) => r.name === name);
  return { clock, capture, index, send, row };
}

describe('ConversationIndex', () => {
  it('pairs a request with its reply and times it on the arrival clock', () => {
    const { clock, index, send, row } = setup();
    send.rpc('c1');
    clock.now += 120;
    send.other();
    send.reply('c1');
    const r = row('rpc.pricing.quote');
    expect(r).toMatchObject({ kind: 'rpc', count: 1, replied: 1, pending: 0, timedOut: 0, failed: 0 });
    expect(r?.latency.quantile(0.5)).toBeCloseTo(120, -1);
    const c = index.byId('c1');
    expect(c?.state).toBe('replied');
    expect(index.membersOf(c!)).toEqual([1, 3]);
  });

  it('follows a Celery task through its events (task.multi batches of several tasks) to its reply', () => {
    const { clock, capture, index, send, row } = setup();
    send.task('t1', 'proj.add');
    send.task('t2', 'proj.mul');
    clock.now += 5;
    send.events({ type: 'task-received', uuid: 't1', name: 'proj.add', timestamp: 1 }, { type: 'task-received', uuid: 't2', name: 'proj.mul', timestamp: 1 }, { type: 'task-started', uuid: 't1', timestamp: 1.001 });
    clock.now += 200;
    send.events({ type: 'task-succeeded', uuid: 't1', runtime: 0.2, timestamp: 1.2 }, { type: 'task-failed', uuid: 't2', exception: 'boom', timestamp: 1.2 });
    send.reply('t1');
    expect(row('proj.add')).toMatchObject({ kind: 'celery', count: 1, replied: 1 });
    expect(row('proj.mul')).toMatchObject({ count: 1, failed: 1, replied: 0 });
    expect(row('proj.add')?.runtime.quantile(0.5)).toBeCloseTo(200, -1);
    // Answered by the terminal event, 205 ms after the request; the reply after it changes nothing.
    expect(row('proj.add')?.latency.max).toBe(205);
    const steps = conversationSteps(index, capture.buffer, index.byId('t1')!);
    expect(steps.map((s) => s.kind)).toEqual(['request', 'task-received', 'task-started', 'task-succeeded', 'reply']);
    expect(steps.map((s) => s.seq)).toEqual([1, 3, 3, 4, 5]);
    expect(index.conversationsOf(3).map((c) => c.key)).toEqual(['t1', 't2']);
  });

  it('works from events alone when the task message and the reply are not mirrored', () => {
    const { clock, send, row } = setup();
    send.events({ type: 'task-sent', uuid: 'e1', name: 'proj.email' });
    clock.now += 50;
    send.events({ type: 'task-received', uuid: 'e1', name: 'proj.email' }, { type: 'task-started', uuid: 'e1' });
    clock.now += 50;
    send.events({ type: 'task-succeeded', uuid: 'e1', runtime: 0.04 });
    expect(row('proj.email')).toMatchObject({ count: 1, replied: 1 });
    expect(row('proj.email')?.latency.max).toBe(100);
  });

  it('pairs a reply that arrives before its request, and counts it once', () => {
    const { clock, index, send, row } = setup();
    send.reply('early');
    expect(index.answersWithoutRequest).toBe(1);
    expect(index.byId('early')?.state).toBe('request-not-seen');
    clock.now += 30;
    send.rpc('early');
    expect(index.answersWithoutRequest).toBe(0);
    expect(row('rpc.pricing.quote')).toMatchObject({ count: 1, replied: 1, pending: 0 });
    expect(index.byId('early')?.answeredBeforeRequest).toBe(true);
    expect(row('rpc.pricing.quote')?.latency.max).toBe(0);
  });

  it('counts duplicate replies and duplicate copies of a request once', () => {
    const { index, send, row } = setup();
    send.rpc('d1', 'rpc.q', { 'x-warren-seq': '7' });
    send.rpc('d1', 'rpc.q', { 'x-warren-seq': '7' }); // the same message through a second subscription
    send.reply('d1');
    send.reply('d1');
    expect(row('rpc.q')).toMatchObject({ count: 1, replied: 1, duplicateReplies: 1 });
    expect(index.byId('d1')).toMatchObject({ duplicateRequests: 1, duplicateReplies: 1 });
  });

  it('starts a new conversation when an answered correlation id is reused by a new request', () => {
    const { index, send, row } = setup();
    send.rpc('r1', 'rpc.q', { 'x-warren-seq': '1' });
    send.reply('r1');
    const first = index.byId('r1');
    send.rpc('r1', 'rpc.q', { 'x-warren-seq': '2' });
    expect(index.byId('r1')).not.toBe(first);
    expect(row('rpc.q')).toMatchObject({ count: 2, replied: 1, pending: 1 });
    send.reply('r1');
    expect(row('rpc.q')).toMatchObject({ count: 2, replied: 2, pending: 0 });
    expect(index.conversationsOf(1)[0]).toBe(first);
    expect(index.conversationsOf(3)[0]).toBe(index.byId('r1'));
  });

  it('keeps a retried Celery task (same id, retries + 1) as one conversation with a new attempt', () => {
    const { capture, index, send, row } = setup();
    send.task('x1');
    send.events({ type: 'task-retried', uuid: 'x1' });
    send.task('x1', 'proj.add', { retries: '1' });
    send.events({ type: 'task-succeeded', uuid: 'x1', runtime: 0.01 });
    expect(row('proj.add')).toMatchObject({ count: 1, replied: 1, pending: 0 });
    expect(index.byId('x1')?.retries).toBe(1);
    const labels = conversationSteps(index, capture.buffer, index.byId('x1')!).map((s) => s.label);
    expect(labels).toEqual(['request', 'task-retried', 'request (retry 1)', 'task-succeeded']);
  });

  it('times out a request with no answer, and a late answer still settles it', () => {
    const { clock, index, send, row } = setup(100, 1000);
    send.rpc('slow');
    send.rpc('fast');
    send.reply('fast');
    clock.now += 999;
    expect(row('rpc.pricing.quote')).toMatchObject({ pending: 1, timedOut: 0 });
    clock.now += 2;
    expect(row('rpc.pricing.quote')).toMatchObject({ count: 2, replied: 1, pending: 0, timedOut: 1 });
    expect(index.byId('slow')?.state).toBe('timed-out');
    send.reply('slow');
    expect(row('rpc.pricing.quote')).toMatchObject({ replied: 2, timedOut: 0 });
    expect(row('rpc.pricing.quote')?.latency.max).toBe(1001);
  });

  it('re-judges pending and timed-out requests when the timeout changes', () => {
    const { clock, index, send, row } = setup(100, 30_000);
    send.rpc('a');
    clock.now += 5000;
    expect(row('rpc.pricing.quote')).toMatchObject({ pending: 1, timedOut: 0 });
    index.setTimeoutMs(1000);
    expect(row('rpc.pricing.quote')).toMatchObject({ pending: 0, timedOut: 1 });
    index.setTimeoutMs(60_000);
    expect(row('rpc.pricing.quote')).toMatchObject({ pending: 1, timedOut: 0 });
  });

  it('keeps counts exact after eviction, and forgets answered conversations whose messages are gone', () => {
    const { send, index, row, capture } = setup(4);
    for (let i = 0; i < 10; i++) {
      send.rpc(`e${i}`);
      send.reply(`e${i}`);
    }
    expect(capture.buffer.dropped).toBe(16);
    expect(row('rpc.pricing.quote')).toMatchObject({ count: 10, replied: 10 });
    expect(index.size).toBe(2);
    expect(index.byId('e0')).toBeUndefined();
  });

  it('keeps a pending request whose message was evicted until it times out', () => {
    const { clock, send, index, row } = setup(2, 1000);
    send.rpc('p1');
    send.other();
    send.other();
    expect(index.byId('p1')?.members).toBe(0);
    send.reply('p1');
    expect(row('rpc.pricing.quote')).toMatchObject({ count: 1, replied: 1 });
    send.rpc('p2');
    send.other();
    send.other();
    clock.now += 2000;
    expect(row('rpc.pricing.quote')).toMatchObject({ count: 2, timedOut: 1 });
    expect(index.byId('p2')).toBeUndefined();
  });

  it('holds 100,000 pending requests, and gives up the oldest beyond its bound', () => {
    const { send, row, index } = setup(1000);
    const total = MAX_PENDING + 10;
    for (let i = 0; i < total; i++) send.rpc(`q${i}`);
    expect(row('rpc.pricing.quote')).toMatchObject({ count: total, pending: MAX_PENDING, timedOut: 10 });
    expect(index.size).toBeLessThanOrEqual(MAX_PENDING + 1000);
  });

  it('links a workflow into a tree by root and parent ids', () => {
    const { index, send } = setup();
    send.task('root', 'proj.flow', { root_id: 'root' });
    send.task('child1', 'proj.a', { root_id: 'root', parent_id: 'root' });
    send.task('child2', 'proj.b', { root_id: 'root', parent_id: 'root' });
    send.task('grandchild', 'proj.c', { root_id: 'root', parent_id: 'child1' });
    send.task('member', 'proj.e', { root_id: 'root', group: 'g1' });
    send.task('orphan', 'proj.f', { root_id: 'root', parent_id: 'evicted' });
    send.task('alone', 'proj.d', { root_id: 'alone' });
    const tree = workflowTree(index, index.byId('grandchild')!);
    expect(tree?.map((n) => n.conversation.key)).toEqual(['root', 'orphan']);
    expect(tree?.[0]?.children.map((n) => n.conversation.key)).toEqual(['child1', 'child2', 'member']);
    expect(tree?.[0]?.children[0]?.children.map((n) => n.conversation.key)).toEqual(['grandchild']);
    expect(workflowTree(index, index.byId('alone')!)).toBeNull();
  });

  it('forgets everything on clear (a rewind or an import starts over)', () => {
    const { capture, index, send } = setup();
    send.rpc('z');
    capture.clear();
    expect(index.requestRows()).toEqual([]);
    expect(index.size).toBe(0);
    send.reply('z');
    expect(index.answersWithoutRequest).toBe(1);
  });

  it('links live messages read from their packed headers, unpacking no batch', () => {
    const capture = new TraceCapture({ capacity: 10, now: () => T0 });
    const index = new ConversationIndex(capture, { timeoutMs: 30_000, now: () => T0 });
    const frames = [
      stompFrame('/exchange/celery/celery', { task: 'proj.add', id: 't1', 'correlation-id': 't1', 'reply-to': '/reply-queue/client-1', root_id: 't0', 'content-type': 'application/json' }, '[[1],{},{}]'),
      stompFrame('/exchange/celery.replies/client-1', { 'correlation-id': 't1', 'content-type': 'application/json' }, '{"task_id":"t1","status":"SUCCESS"}'),
    ];
    let sent: MessageBatch | null = null;
    const batcher = new MessageBatcher((batch) => (sent = structuredClone(batch)));
    for (const frame of frames) batcher.ingest(frame, 'sub-0', T0);
    batcher.flush();
    if (sent === null) throw new Error('no batch');
    const reader = new MessageBatchReader(sent);
    frames.forEach((_, i) => capture.ingestPacked(reader.keyAt(i, emptyKeyFields()), reader.block, i, reader.bodyAt(i).slice(), false, 's1', T0));
    const c = index.byId('t1');
    expect(c).toMatchObject({ state: 'replied', rootKey: 't0' });
    expect(index.membersOf(c!)).toEqual([1, 2]);
    // Reading `headers` would have unpacked the whole batch: 3x slower Celery ingest (bench: conversations).
    const first = capture.buffer.get(1);
    expect(first).toBeInstanceOf(PackedMessage);
    expect((first as PackedMessage).headersUnpacked).toBe(false);
  });
});
