import { describe, expect, it } from 'vitest';
import { AWKWARD_KINDS } from './awkward.ts';
import { DROP_REPLY_HEADER, ORIGIN_SEQ_HEADER, SEQ_HEADER } from './message.ts';
import type { OutgoingMessage } from './message.ts';
import { createMix } from './mix.ts';
import type { MixName, MixOptions } from './mix.ts';
import { createRng } from './random.ts';
import { parseJson, wireHeaders } from './test-helpers.ts';

/** Every message of n steps, task-sent events included. */
function runAll(mix: MixName, n: number, seed = 1, seqStart = 1, extra: Partial<MixOptions> = {}): OutgoingMessage[] {
  const m = createMix({ mix, rng: createRng(seed), replyTo: 'warren-client-x', origin: 'gen1@h', pid: 1, ...extra });
  return Array.from({ length: n }, (_, i) => m.next(seqStart + i, Date.UTC(2024, 0, 1) + i * 20)).flat();
}

/** The numbered messages of n steps (a task's task-sent event left out). */
function run(mix: MixName, n: number, seed = 1, seqStart = 1, awkwardEvery?: number): OutgoingMessage[] {
  return runAll(mix, n, seed, seqStart, { awkwardEvery }).filter((m) => m.routingKey !== 'task.sent');
}

describe('traffic mixes', () => {
  it('numbers every message, +1 from --seq-start', () => {
    for (const mix of ['default', 'events', 'celery', 'rpc', 'requests'] as const) {
      const seqs = run(mix, 600, 5, 1000).map((m) => wireHeaders(m)[SEQ_HEADER]);
      expect(seqs).toEqual(Array.from({ length: 600 }, (_, i) => 1000 + i));
    }
  });

  it('is reproducible for a seed', () => {
    const a = run('default', 300, 99);
    const b = run('default', 300, 99);
    expect(a.map((m) => m.content.toString('base64'))).toEqual(b.map((m) => m.content.toString('base64')));
    expect(a.map((m) => m.routingKey)).toEqual(b.map((m) => m.routingKey));
  });

  it('mixes tasks and events, with one awkward message per cycle in a fixed order', () => {
    const msgs = run('default', 250 * AWKWARD_KINDS.length);
    const awkward = msgs.filter((m) => m.routingKey.startsWith('awkward.')).map((m) => m.routingKey);
    expect(awkward).toEqual(AWKWARD_KINDS.map((k) => `awkward.${k}`));
    expect(msgs[10]?.routingKey).toBe('awkward.text');
    const tasks = msgs.filter((m) => m.exchange === 'celery').length;
    expect(tasks / msgs.length).toBeGreaterThan(0.3);
    expect(tasks / msgs.length).toBeLessThan(0.5);
  });

  it('awkward mix cycles through every kind', () => {
    expect(run('awkward', 7).map((m) => m.routingKey)).toEqual([...AWKWARD_KINDS, AWKWARD_KINDS[0]].map((k) => `awkward.${k}`));
  });

  it('chains some tasks to earlier ones through root_id/parent_id', () => {
    const headers = run('celery', 500).map(wireHeaders);
    const ids = new Set(headers.map((h) => h.id));
    const children = headers.filter((h) => typeof h.parent_id === 'string');
    expect(children.length).toBeGreaterThan(20);
    for (const child of children) {
      expect(ids.has(child.parent_id)).toBe(true);
      expect(ids.has(child.root_id)).toBe(true);
    }
    expect(headers.some((h) => typeof h.group === 'string')).toBe(true);
    expect(headers.some((h) => typeof h.retries === 'number' && h.retries > 0 && typeof h.eta === 'string')).toBe(true);
    expect(headers.filter((h) => h.parent_id === null).every((h) => h.root_id === h.id || typeof h.group === 'string' || (h.retries as number) > 0)).toBe(true);
  });

  it('follows each task with its task-sent event, as a client with task_send_sent_event does', () => {
    const all = runAll('celery', 3, 4, 50);
    expect(all.map((m) => m.exchange)).toEqual(['celery', 'celeryev', 'celery', 'celeryev', 'celery', 'celeryev']);
    expect(all.filter((_, i) => i % 2 === 1).map((m) => m.routingKey)).toEqual(['task.sent', 'task.sent', 'task.sent']);
    const [task, sent] = all;
    if (task === undefined || sent === undefined) throw new Error('no messages');
    const h = wireHeaders(task);
    expect(wireHeaders(sent)).toEqual({ hostname: 'gen1@h', [ORIGIN_SEQ_HEADER]: 50 });
    expect(parseJson(sent)).toEqual({
      hostname: 'gen1@h',
      utcoffset: 0,
      pid: 1,
      clock: 1,
      uuid: h.id,
      root_id: h.root_id,
      parent_id: h.parent_id,
      name: h.task,
      args: h.argsrepr,
      kwargs: h.kwargsrepr,
      retries: h.retries,
      eta: h.eta,
      expires: h.expires,
      queue: task.routingKey,
      exchange: 'celery',
      routing_key: task.routingKey,
      timestamp: Date.UTC(2024, 0, 1) / 1000,
      type: 'task-sent',
    });
    expect((parseJson(all[3] as OutgoingMessage) as { clock: number }).clock).toBe(2);
  });

  it('routes tasks to --task-queue and prefixes RPC keys', () => {
    const routed = runAll('celery', 20, 1, 1, { taskQueue: 'tq' }).filter((m) => m.exchange === 'celery');
    expect(new Set(routed.map((m) => m.routingKey))).toEqual(new Set(['tq']));
    const rpc = runAll('rpc', 20, 1, 1, { rpcKeyPrefix: 't1.' });
    expect(new Set(rpc.map((m) => m.routingKey))).toEqual(new Set(['t1.rpc.pricing.quote', 't1.rpc.inventory.reserve']));
  });

  it('marks about --drop-reply-rate of the tasks and requests, and none by default', () => {
    const marked = (msgs: OutgoingMessage[]) => msgs.filter((m) => wireHeaders(m)[DROP_REPLY_HEADER] !== undefined).length;
    expect(marked(runAll('default', 2000))).toBe(0);
    const msgs = runAll('default', 4000, 2, 1, { dropReplyRate: 0.1 });
    const asked = msgs.filter((m) => m.exchange === 'celery' || m.routingKey.startsWith('rpc.')).length;
    expect(marked(msgs) / asked).toBeGreaterThan(0.07);
    expect(marked(msgs) / asked).toBeLessThan(0.13);
  });

  it('sends some RPC requests in the default mix, each with reply_to and a correlation id', () => {
    const rpc = run('default', 2000).filter((m) => m.routingKey.startsWith('rpc.'));
    expect(rpc.length).toBeGreaterThan(60);
    expect(rpc.length).toBeLessThan(140);
    for (const m of rpc) expect(m.options).toMatchObject({ replyTo: 'warren-client-x', correlationId: expect.any(String), contentType: 'application/json' });
  });
});
