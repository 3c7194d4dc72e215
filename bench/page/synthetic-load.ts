/**
 * Synthetic MESSAGE frames, byte for byte what RabbitMQ 3.10 web_stomp sends
 * for the generator's domain events (domain-frames.ts) or its Celery traffic
 * (celery-frames.ts), read and batched in a worker as the socket worker reads
 * the mirror's (synthetic-worker.ts), then handed to the page's own route for
 * them (MessageRoutes → the capture): the page's whole ingest path without a
 * broker (bench "page cost" and "capacity").
 */
import { CumulativeAcker, MessageRoutes } from '../../src/connection/index.ts';
import type { TraceCapture } from '../../src/capture/index.ts';
import type { StompMessageFrame } from '../../src/model/index.ts';
import type { SyntheticLoadResult, SyntheticMix } from '../hook-api.ts';
import { CELERY_FRAMES_PER_TASK } from './celery-frames.ts';
import { celeryTaskId } from './celery-tasks.ts';
import type { SyntheticBatches, SyntheticRequest } from './synthetic-worker.ts';

const SYNTHETIC_SUBSCRIPTION = 'bench-synthetic';
/**
 * The synthetic frames' STOMP subscription headers: the domain mix's one
 * (domain-frames.ts), the Celery mix's three (its task queues, celeryev and
 * the replies: celery-frames.ts). All go to the one synthetic subscription.
 */
const SYNTHETIC_STOMP_IDS = ['sub-0', 'sub-1', 'sub-2', 'sub-3'];

const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

let worker: Worker | null = null;
const waiting: ((batches: SyntheticBatches) => void)[] = [];

/** Frames [from, to) of the mix, read and batched in the worker. */
function framesFromWorker(request: SyntheticRequest): Promise<SyntheticBatches> {
  if (worker === null) {
    worker = new Worker(new URL('./synthetic-worker.ts', import.meta.url), { type: 'module', name: 'warren-bench-synthetic' });
    worker.onmessage = (event: MessageEvent<SyntheticBatches>) => waiting.shift()?.(event.data);
  }
  const w = worker;
  return new Promise((resolve) => {
    waiting.push(resolve);
    w.postMessage(request);
  });
}

/** The page's routes for the synthetic frames, as TraceConnection sets one up for a live subscription; `taken` counts what they deliver. */
function routesInto(capture: TraceCapture): { routes: MessageRoutes; taken: () => number } {
  let taken = 0;
  const routes = new MessageRoutes(
    {
      onPackedMessage: (key, block, index, body, redelivered, subscriptionId, receivedAt) => {
        taken++;
        capture.ingestPacked(key, block, index, body, redelivered, subscriptionId, receivedAt);
      },
    },
    new CumulativeAcker(() => undefined),
  );
  const deliver = (frame: StompMessageFrame) => {
    taken++;
    capture.ingest(frame, SYNTHETIC_SUBSCRIPTION);
  };
  for (const stompId of SYNTHETIC_STOMP_IDS) routes.set(stompId, { subscriptionId: SYNTHETIC_SUBSCRIPTION, packed: true, acks: false, deliver });
  return { routes, taken: () => taken };
}

/**
 * Loads `count` frames of `mixName` in batches of `batch`, yielding to the event loop in between.
 * With `setIndexAttached`, batches alternate between the conversation index attached and detached
 * (A B, B A, A B, ...: a trend hits both sides alike) and the result has each pair's rate ratio.
 */
export async function loadSynthetic(
  capture: TraceCapture,
  count: number,
  batch: number,
  mixName: SyntheticMix = 'domain',
  setIndexAttached?: (attached: boolean) => void,
): Promise<SyntheticLoadResult> {
  const started = performance.now();
  const keyCounts: Record<string, number> = {};
  const tenantCounts: Record<string, number> = {};
  /** Celery: frames that belong to a conversation of each task name (what `task:NAME` must show). */
  const taskNameFrames: Record<string, number> = {};
  // A task in the middle whose success shares a task.multi with the next task's events (`conv:` probe).
  const sampleTask = Math.floor(count / CELERY_FRAMES_PER_TASK / 8) * 4 + 2;
  let sampleFrames = 0;
  /** Per pair of batches: ms per frame with the index, and without it. */
  const pairs: { withMs: number; withoutMs: number }[] = [];
  const { routes, taken } = routesInto(capture);
  let parseAndIngestMs = 0;
  let frameBytes = 0;
  let bodyBytes = 0;
  const epochStart = Date.now() - count;
  const request = (from: number) => framesFromWorker({ from, to: Math.min(count, from + batch), mix: mixName, epochStart, sampleTask });
  // The worker reads the next frames while the page ingests these, as the socket worker does.
  let next = count > 0 ? request(0) : null;
  for (let from = 0; from < count; from += batch) {
    const read = await (next ?? request(from));
    next = from + batch < count ? request(from + batch) : null;
    for (const key of read.keys) keyCounts[key] = (keyCounts[key] ?? 0) + 1;
    for (const tenant of read.tenants) tenantCounts[tenant] = (tenantCounts[tenant] ?? 0) + 1;
    for (const names of read.taskNames) for (const name of names) taskNameFrames[name] = (taskNameFrames[name] ?? 0) + 1;
    sampleFrames += read.sampleFrames;
    frameBytes += read.frameBytes;
    bodyBytes += read.bodyBytes;
    const frames = read.keys.length;
    const k = Math.floor(from / batch);
    const attached = (k + (k >> 1)) % 2 === 0; // A B B A A B B A ...
    setIndexAttached?.(attached);
    const t0 = performance.now();
    for (const b of read.batches) routes.receive(b);
    const ms = performance.now() - t0;
    parseAndIngestMs += ms;
    if (setIndexAttached && frames === batch) {
      if (k % 2 === 0) pairs.push({ withMs: NaN, withoutMs: NaN });
      const pair = pairs[pairs.length - 1];
      if (pair) pair[attached ? 'withMs' : 'withoutMs'] = ms / frames;
    }
    await yieldToEventLoop();
  }
  // A frame no route takes is dropped as a live one for an unknown subscription would be: here that is a bench bug
  // (the Celery mix's frames went nowhere for a day, and only the conversations rows' counts showed it).
  if (taken() !== count) throw new Error(`the page's routes took ${taken()} of ${count} synthetic ${mixName} frames`);
  const celery =
    mixName === 'celery'
      ? { tasks: Math.ceil(count / CELERY_FRAMES_PER_TASK), taskNameFrames, sample: { id: celeryTaskId(sampleTask), frames: sampleFrames } }
      : undefined;
  setIndexAttached?.(true);
  const perFrame = (total: number) => Math.round(total / Math.max(1, count));
  // Rate with / rate without = time per frame without / with.
  const pairRatios = pairs.filter((p) => p.withMs > 0 && p.withoutMs > 0).map((p) => p.withoutMs / p.withMs);
  return {
    count,
    mix: mixName,
    wallMs: performance.now() - started,
    parseAndIngestMs,
    keyCounts,
    tenantCounts,
    frameBytes: perFrame(frameBytes),
    bodyBytes: perFrame(bodyBytes),
    ...(celery ? { celery } : {}),
    ...(setIndexAttached ? { pairRatios } : {}),
  };
}
