/**
 * The worker half of bench/frame-read.ts: reads and batches the domain
 * mix's synthetic frames as the socket worker does, with and without a
 * HeaderTokenCache, alternating, and posts the medians (µs a frame).
 */
import { HeaderTokenCache, readMessageFrame, type MessageFrameParts } from '../../src/connection/index.ts';
import { MessageBatcher } from '../../src/model/index.ts';
import { syntheticFrame } from './domain-frames.ts';

const FRAMES = 20_000;
const PASSES = 15;
const BATCH = 300;
const encoder = new TextEncoder();
const frames: ArrayBuffer[] = [];
for (let i = 0; i < FRAMES; i++) frames.push(encoder.encode(syntheticFrame(i, 1_796_492_748_000 + i).text).buffer as ArrayBuffer);
const decoder = new TextDecoder();
const parts: MessageFrameParts = { headers: {}, bodyStart: 0, bodyEnd: 0 };
let batched = 0;
const batcher = new MessageBatcher((batch) => (batched += batch.count), { acks: true });

/** One pass over every frame: µs a frame. */
function pass(cache: HeaderTokenCache | undefined): number {
  const started = performance.now();
  for (const data of frames) {
    if (!readMessageFrame(new Uint8Array(data), decoder, true, parts, cache)) throw new Error('a synthetic frame was not read as the socket worker reads the mirror\'s');
    const headers = parts.headers;
    batcher.ingest({ headers, binaryBody: new Uint8Array(data, parts.bodyStart, parts.bodyEnd - parts.bodyStart) }, headers['subscription'] ?? '', Date.now());
    if (batcher.size >= BATCH) batcher.flush();
  }
  batcher.flush();
  return ((performance.now() - started) / FRAMES) * 1000;
}

/** What the worker posts back. */
export interface FrameReadResult {
  without: number;
  withCache: number;
  frames: number;
  passes: number;
  batched: number;
}
const scope = self as unknown as { postMessage(result: FrameReadResult): void };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;
const cache = new HeaderTokenCache();
const without: number[] = [];
const withCache: number[] = [];
for (let i = 0; i < PASSES; i++) {
  without.push(pass(undefined));
  withCache.push(pass(cache));
}
scope.postMessage({ without: median(without), withCache: median(withCache), frames: FRAMES, passes: PASSES, batched });
