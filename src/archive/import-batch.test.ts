import { describe, expect, it } from 'vitest';
import { MAX_PACKED_BODY, type StompMessageFrame } from '../model/index.ts';
import { TraceCapture } from '../capture/index.ts';
import { BATCH_MESSAGES, ingestMessageBatch, MessageBatcher, type MessageBatch } from '../model/index.ts';

interface Ingested {
  headers: Record<string, string>;
  body: Uint8Array;
  subscriptionId: string;
  receivedAt: number;
}

/** Batches as the worker makes them, each through a structured clone (what postMessage does), into a target that keeps copies. */
function roundTrip(frames: { frame: StompMessageFrame; subscription: string; receivedAt: number }[]) {
  const batches: MessageBatch[] = [];
  const batcher = new MessageBatcher((batch) => batches.push(structuredClone(batch)));
  for (const { frame, subscription, receivedAt } of frames) {
    // The reader reuses its body buffer for the next line: the batcher must have copied it.
    const reused = frame.binaryBody;
    batcher.ingest(frame, subscription, receivedAt);
    reused.fill(0x21);
  }
  batcher.flush();
  const ingested: Ingested[] = [];
  const bodyBuffers = new Set<ArrayBufferLike>();
  let taken = 0;
  for (const batch of batches) {
    taken += ingestMessageBatch(
      batch,
      {
        ingest: (frame, subscriptionId, receivedAt) => {
          if (frame.binaryBody.length > MAX_PACKED_BODY) bodyBuffers.add(frame.binaryBody.buffer);
          ingested.push({ headers: frame.headers, body: frame.binaryBody.slice(), subscriptionId, receivedAt });
          return !frame.headers['copy'];
        },
      },
      (subscription) => `id:${subscription}`,
    );
  }
  return { batches, ingested, taken, bodyBuffers };
}

const encoder = new TextEncoder();

describe('import batches (worker → page)', () => {
  it('carries every message across batches: headers, body bytes, subscription, arrival time', () => {
    const count = BATCH_MESSAGES * 2 + 17;
    const frames = Array.from({ length: count }, (_, i) => ({
      frame: { headers: { destination: `/exchange/x/k.${i}`, 'x-warren-seq': String(i), ...(i === 5 ? { copy: 'yes' } : {}) }, binaryBody: encoder.encode(i % 3 === 0 ? '' : `{"n":${i},"é":"ü"}`) },
      subscription: i % 2 ? '/exchange/x/#' : 'imported',
      receivedAt: 1_700_000_000_000 + i * 0.5,
    }));
    const { batches, ingested, taken } = roundTrip(frames);
    expect(batches.length).toBe(3);
    expect(ingested.length).toBe(count);
    expect(taken).toBe(count - 1);
    ingested.forEach((m, i) => {
      expect(m.headers['x-warren-seq']).toBe(String(i));
      expect(new TextDecoder().decode(m.body)).toBe(i % 3 === 0 ? '' : `{"n":${i},"é":"ü"}`);
      expect(m.subscriptionId).toBe(i % 2 ? 'id:/exchange/x/#' : 'id:imported');
      expect(m.receivedAt).toBe(1_700_000_000_000 + i * 0.5);
    });
  });

  it('sends a batch early when its bodies grow large, and a large body gets a buffer of its own', () => {
    const big = (fill: number) => new Uint8Array(MAX_PACKED_BODY + 1000).fill(fill);
    const frames = Array.from({ length: 300 }, (_, i) => ({ frame: { headers: { n: String(i) }, binaryBody: big(i % 200) }, subscription: 's', receivedAt: i }));
    const { batches, ingested, bodyBuffers } = roundTrip(frames);
    expect(batches.length).toBeGreaterThan(1);
    expect(ingested.map((m) => m.body[0])).toEqual(frames.map((_, i) => i % 200));
    expect(ingested.every((m) => m.body.length === MAX_PACKED_BODY + 1000)).toBe(true);
    // No large body is a view of its batch: keeping one message would keep the whole batch.
    expect(bodyBuffers.size).toBe(300);
  });

  it('lets a capture keep its small bodies as views of the batch (adoptBodies), unless the batch holds a large one', () => {
    const capture = new TraceCapture({ capacity: 100 });
    const small = Array.from({ length: 5 }, (_, i) => ({ frame: { headers: { destination: '/exchange/x/k' }, binaryBody: encoder.encode(`s${i}`) }, subscription: 's', receivedAt: i }));
    const mixed = [...small, { frame: { headers: { destination: '/exchange/x/k' }, binaryBody: new Uint8Array(MAX_PACKED_BODY + 1) }, subscription: 's', receivedAt: 9 }];
    for (const [frames, adopted] of [
      [small, true],
      [mixed, false],
    ] as const) {
      capture.clear();
      const batches: MessageBatch[] = [];
      const batcher = new MessageBatcher((batch) => batches.push(structuredClone(batch)));
      for (const { frame, subscription, receivedAt } of frames) batcher.ingest(frame, subscription, receivedAt);
      batcher.flush();
      const [batch] = batches;
      ingestMessageBatch(batch!, capture, () => 'sub');
      const bodies = Array.from({ length: capture.buffer.size }, (_, i) => capture.buffer.get(capture.buffer.firstSeq + i)!.body);
      expect(bodies.slice(0, 5).map((b) => new TextDecoder().decode(b))).toEqual(['s0', 's1', 's2', 's3', 's4']);
      expect(bodies.slice(0, 5).every((b) => b.buffer === batch!.bodies.buffer)).toBe(adopted);
      // Adopted for that batch only: a later body in the same buffer is copied, so the capture holds the batch no longer than its messages.
      capture.ingest({ headers: { destination: '/exchange/x/k' }, binaryBody: new Uint8Array(batch!.bodies.buffer, 0, 2) }, 'sub', 10);
      expect(capture.buffer.get(capture.buffer.lastSeq)!.body.buffer).not.toBe(batch!.bodies.buffer);
    }
  });
});
