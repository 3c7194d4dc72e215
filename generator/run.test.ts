import { describe, expect, it } from 'vitest';
import { SEQ_HEADER } from './message.ts';
import type { OutgoingMessage } from './message.ts';
import { createMix } from './mix.ts';
import { createRng } from './random.ts';
import { runGenerator } from './run.ts';
import { wireHeaders } from './test-helpers.ts';

function setup() {
  const sent: OutgoingMessage[] = [];
  const publisher = { publish: async (m: OutgoingMessage) => void sent.push(m) };
  const mix = createMix({ mix: 'events', rng: createRng(1), replyTo: 'q', origin: 'o' });
  return { sent, publisher, mix };
}

describe('paced publish loop', () => {
  it('stops after --count with contiguous seqs', async () => {
    const { sent, publisher, mix } = setup();
    const result = await runGenerator({ rate: 5000, durationMs: null, count: 120, seqStart: 10, mix, publisher, signal: new AbortController().signal });
    expect(result).toEqual({ sent: 120, reason: 'count' });
    expect(sent.map((m) => wireHeaders(m)[SEQ_HEADER])).toEqual(Array.from({ length: 120 }, (_, i) => 10 + i));
  });

  it('holds the rate over a duration', async () => {
    const { sent, publisher, mix } = setup();
    const result = await runGenerator({ rate: 200, durationMs: 500, count: null, seqStart: 1, mix, publisher, signal: new AbortController().signal });
    expect(result.reason).toBe('duration');
    expect(sent.length).toBeGreaterThanOrEqual(90);
    expect(sent.length).toBeLessThanOrEqual(102);
  });

  it('stops on abort', async () => {
    const { publisher, mix } = setup();
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 50);
    const result = await runGenerator({ rate: 10, durationMs: null, count: null, seqStart: 1, mix, publisher, signal: stop.signal });
    expect(result.reason).toBe('signal');
    expect(result.sent).toBeGreaterThanOrEqual(1);
  });
});
