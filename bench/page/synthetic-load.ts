/**
 * Synthetic MESSAGE frames, byte for byte what RabbitMQ 3.10 web_stomp sends
 * for the generator's domain events (the default mix) or its Celery traffic
 * (celery-frames.ts), fed through stompjs's own Parser and
 * FrameImpl.fromRawFrame into the session's capture: the page's whole
 * ingest path without a broker (bench "page cost" and "capacity").
 */
import { FrameImpl, Parser, type IRawFrameType } from '@stomp/stompjs';
import type { TraceCapture } from '../../src/capture/index.ts';
import type { SyntheticLoadResult, SyntheticMix } from '../hook-api.ts';
import { CELERY_FRAMES_PER_TASK, celeryFrame } from './celery-frames.ts';
import { celeryTaskId, celeryTaskName } from './celery-tasks.ts';
import { hex, messageFrameText, mix } from './frame-text.ts';

const SYNTHETIC_SUBSCRIPTION = 'bench-synthetic';

const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

const KEYS = [
  'orders.eu.created', 'orders.us.created', 'orders.apac.created', 'orders.us.cancelled', 'orders.eu.shipped',
  'payments.eu.failed', 'payments.us.captured', 'users.signup', 'users.eu.deleted', 'inventory.eu.low',
  'shipments.eu.delayed', 'invoices.us.issued',
];
const TENANTS = ['acme', 'globex', 'initech', 'umbrella', 'hooli'];
const COUNTRIES = ['DE', 'FR', 'NL', 'IE', 'US'];

interface SyntheticFrame {
  text: string;
  key: string;
  tenant: string;
  bodyBytes: number;
}

export function syntheticFrame(i: number, epochMs: number): SyntheticFrame {
  const h = mix(i);
  const key = KEYS[h % KEYS.length] ?? 'orders.eu.created';
  const tenant = TENANTS[(h >>> 8) % TENANTS.length] ?? 'acme';
  const verb = key.slice(key.lastIndexOf('.') + 1);
  const body =
    `{"event_id":"evt_${hex(mix(i + 1), 8)}${hex(i, 6)}","tenant":"${tenant}","order_id":"ord_${hex(mix(i + 2), 8)}",` +
    `"customer":{"id":"cus_${hex(mix(i + 3), 8)}","country":"${COUNTRIES[h % COUNTRIES.length] ?? 'DE'}"},` +
    `"amount_cents":${500 + (h % 90000)},"currency":"EUR","status":"${verb}","occurred_at":"${new Date(epochMs).toISOString()}"}`;
  const headers: [string, string][] = [
    ['subscription', 'sub-0'],
    ['destination', `/exchange/app.events/${key}`],
    ['message-id', `T_sub-0@@session-benchSyntheticFrames0@@${i + 1}`],
    ['redelivered', 'false'],
    ['x-warren-seq', String(i + 1)],
    ['x-tenant', tenant],
    ['x-request-id', `req_${hex(mix(i + 4), 8)}${hex(mix(i + 5), 8)}`],
    ['x-shovelled-timestamp', String(Math.floor(epochMs / 1000))],
    ['app-id', 'shop-backend'],
    ['timestamp', String(Math.floor(epochMs / 1000))],
    ['persistent', 'true'],
    ['content-type', 'application/json'],
  ];
  return { text: messageFrameText(headers, body), key, tenant, bodyBytes: body.length };
}

/** Frame `i` of the mix, with what the bench counts per frame. */
function frameOf(mixName: SyntheticMix, i: number, epochMs: number): { text: string; key: string; bodyBytes: number; tenant?: string; tasks?: readonly number[] } {
  return mixName === 'celery' ? celeryFrame(i, epochMs) : syntheticFrame(i, epochMs);
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
  const encoder = new TextEncoder();
  const keyCounts: Record<string, number> = {};
  const tenantCounts: Record<string, number> = {};
  /** Celery: frames that belong to a conversation of each task name (what `task:NAME` must show). */
  const taskNameFrames: Record<string, number> = {};
  // A task in the middle whose success shares a task.multi with the next task's events (`conv:` probe).
  const sampleTask = Math.floor(count / CELERY_FRAMES_PER_TASK / 8) * 4 + 2;
  let sampleFrames = 0;
  /** Per pair of batches: ms per frame with the index, and without it. */
  const pairs: { withMs: number; withoutMs: number }[] = [];
  // Exactly what stompjs's StompHandler does per frame, minus its debug line and ack()/nack().
  const parser = new Parser(
    (raw: IRawFrameType) => capture.ingest(FrameImpl.fromRawFrame(raw, true), SYNTHETIC_SUBSCRIPTION),
    () => undefined,
  );
  let parseAndIngestMs = 0;
  let frameBytes = 0;
  let bodyBytes = 0;
  const epochStart = Date.now() - count;
  for (let from = 0; from < count; from += batch) {
    // Each frame is its own chunk, as each web_stomp message arrives as its own WebSocket message.
    const chunks: ArrayBuffer[] = [];
    for (let i = from; i < Math.min(count, from + batch); i++) {
      const f = frameOf(mixName, i, epochStart + i);
      keyCounts[f.key] = (keyCounts[f.key] ?? 0) + 1;
      if (f.tenant !== undefined) tenantCounts[f.tenant] = (tenantCounts[f.tenant] ?? 0) + 1;
      if (f.tasks !== undefined) {
        for (const name of new Set(f.tasks.map(celeryTaskName))) taskNameFrames[name] = (taskNameFrames[name] ?? 0) + 1;
        if (f.tasks.includes(sampleTask)) sampleFrames++;
      }
      const bytes = encoder.encode(f.text);
      frameBytes += bytes.length;
      bodyBytes += f.bodyBytes;
      chunks.push(bytes.buffer);
    }
    const k = Math.floor(from / batch);
    const attached = (k + (k >> 1)) % 2 === 0; // A B B A A B B A ...
    setIndexAttached?.(attached);
    const t0 = performance.now();
    for (const chunk of chunks) parser.parseChunk(chunk);
    const ms = performance.now() - t0;
    parseAndIngestMs += ms;
    if (setIndexAttached && chunks.length === batch) {
      if (k % 2 === 0) pairs.push({ withMs: NaN, withoutMs: NaN });
      const pair = pairs[pairs.length - 1];
      if (pair) pair[attached ? 'withMs' : 'withoutMs'] = ms / chunks.length;
    }
    await yieldToEventLoop();
  }
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
