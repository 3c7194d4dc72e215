/**
 * The socket worker's half of the synthetic load (synthetic-load.ts): the
 * frames are built here, each read as the socket worker reads the mirror's
 * (readMessageFrame) and batched as it batches them (MessageBatcher), so
 * the page does only what it does in the product. The counts the bench
 * checks come back with the batches.
 */
import { HeaderTokenCache, MAX_BATCH_BYTES, MAX_BATCH_MESSAGES, readMessageFrame, type MessageFrameParts } from '../../src/connection/index.ts';
import { MessageBatcher, type MessageBatch } from '../../src/model/index.ts';
import type { SyntheticMix } from '../hook-api.ts';
import { celeryFrame } from './celery-frames.ts';
import { celeryTaskName } from './celery-tasks.ts';
import { syntheticFrame } from './domain-frames.ts';

export interface SyntheticRequest {
  from: number;
  to: number;
  mix: SyntheticMix;
  epochStart: number;
  /** The task whose frames are counted in `sampleFrames` (Celery). */
  sampleTask: number;
}

export interface SyntheticBatches {
  batches: MessageBatch[];
  keys: string[];
  tenants: string[];
  /** Per frame, the task names it belongs to (Celery only). */
  taskNames: string[][];
  sampleFrames: number;
  frameBytes: number;
  bodyBytes: number;
}

interface WorkerScope {
  postMessage(message: SyntheticBatches, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<SyntheticRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const parts: MessageFrameParts = { headers: {}, bodyStart: 0, bodyEnd: 0 };
const tokens = new HeaderTokenCache();

scope.onmessage = ({ data: request }) => {
  const batches: MessageBatch[] = [];
  const transfer: ArrayBuffer[] = [];
  const batcher = new MessageBatcher((batch, buffers) => {
    batches.push(batch);
    transfer.push(...buffers);
  });
  const out: SyntheticBatches = { batches, keys: [], tenants: [], taskNames: [], sampleFrames: 0, frameBytes: 0, bodyBytes: 0 };
  for (let i = request.from; i < request.to; i++) {
    const f = request.mix === 'celery' ? celeryFrame(i, request.epochStart + i) : syntheticFrame(i, request.epochStart + i);
    out.keys.push(f.key);
    if ('tenant' in f && f.tenant !== undefined) out.tenants.push(f.tenant);
    if ('tasks' in f && f.tasks !== undefined) {
      out.taskNames.push([...new Set(f.tasks.map(celeryTaskName))]);
      if (f.tasks.includes(request.sampleTask)) out.sampleFrames++;
    }
    const bytes = encoder.encode(f.text);
    out.frameBytes += bytes.length;
    out.bodyBytes += f.bodyBytes;
    if (!readMessageFrame(bytes, decoder, true, parts, tokens)) throw new Error(`synthetic frame ${i} is not read as web_stomp's would be`);
    batcher.ingest({ headers: parts.headers, binaryBody: bytes.subarray(parts.bodyStart, parts.bodyEnd) }, parts.headers['subscription'] ?? '', Date.now());
    if (batcher.bodyBytes >= MAX_BATCH_BYTES || batcher.size >= MAX_BATCH_MESSAGES) batcher.flush();
  }
  batcher.flush();
  scope.postMessage(out, transfer);
};
