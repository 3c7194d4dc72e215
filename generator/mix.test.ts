import { describe, expect, it } from 'vitest';
import { AWKWARD_KINDS } from './awkward.ts';
import { SEQ_HEADER } from './message.ts';
import type { OutgoingMessage } from './message.ts';
import { createMix } from './mix.ts';
import type { MixName } from './mix.ts';
import { createRng } from './random.ts';
import { wireHeaders } from './test-helpers.ts';

function run(mix: MixName, n: number, seed = 1, seqStart = 1, awkwardEvery?: number): OutgoingMessage[] {
  const m = createMix({ mix, rng: createRng(seed), replyTo: 'warren-client-x', origin: 'gen1@h', awkwardEvery });
  return Array.from({ length: n }, (_, i) => m.next(seqStart + i, Date.UTC(2024, 0, 1) + i * 20));
}

describe('traffic mixes', () => {
  it('numbers every message, +1 from --seq-start', () => {
    for (const mix of ['default', 'events', 'celery'] as const) {
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
});
