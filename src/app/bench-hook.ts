/**
 * Bench-only instrumentation for `npm run bench`. main.tsx imports this file
 * dynamically, and only when the URL has `?bench`, so it is a separate chunk
 * that a normal visit never downloads and the ingest path never pays for.
 *
 * It installs `window.__warrenBench` (contract in bench/hook-api.ts):
 * - an ingest probe: `ingest.ingest` is wrapped on this page only, to record
 *   the time of the first and last call and, during a latency run, each
 *   message's `x-bench-sent` header and the time the ingest returned;
 * - "painted": a MutationObserver sees rows (`data-warren-seq`) enter the DOM;
 *   React commits them inside the frame's rAF callback, before that frame's
 *   paint, so a MessageChannel task posted from the observer runs right after
 *   the rendering update that drew them. Its Date.now() is the paint time of
 *   every message up to the newest row on screen (the latency run's seqs
 *   arrive in order; a following table skips rows that scroll past within
 *   one frame, and those count as shown when a newer one is);
 * - a synthetic loader that feeds real STOMP MESSAGE frame bytes through
 *   stompjs's own Parser and FrameImpl.fromRawFrame into `ingest.ingest`;
 * - re-filter timing through the same `applyFilterText` as the filter box.
 */
import { FrameImpl, Parser, type IRawFrameType } from '@stomp/stompjs';
import { BENCH_GLOBAL, type LatencySample, type SeqStats, type SyntheticLoadResult, type WarrenBenchApi } from '../../bench/hook-api.ts';
import { useViewStore } from '../store/index.ts';
import { applyFilterText, ingest } from './trace-session.ts';

const SYNTHETIC_SUBSCRIPTION = 'bench-synthetic';

let probeCount = 0;
let probeFirst = -1;
let probeLast = -1;
let latencyPrefix: string | null = null;
const latency = new Map<number, LatencySample>();
/** The latency samples in arrival order, and the first one not yet painted. */
let arrivals: LatencySample[] = [];
let nextUnpainted = 0;

const ingestOriginal = ingest.ingest.bind(ingest);
ingest.ingest = (frame, subscriptionId) => {
  ingestOriginal(frame, subscriptionId);
  const now = performance.now();
  if (probeFirst < 0) probeFirst = now;
  probeLast = now;
  probeCount++;
  if (latencyPrefix !== null) recordLatency(latencyPrefix);
};

function recordLatency(prefix: string): void {
  const message = ingest.buffer.get(ingest.buffer.lastSeq);
  if (!message || !message.routingKey.startsWith(prefix)) return;
  const sentAt = Number(message.headers['x-bench-sent']);
  if (!Number.isFinite(sentAt) || message.warrenSeq < 0) return;
  const sample: LatencySample = { warrenSeq: message.warrenSeq, sentAt, ingestedAt: Date.now(), paintedAt: -1, rowSeen: false };
  latency.set(sample.warrenSeq, sample);
  arrivals.push(sample);
}

// --- "painted": rows entering the DOM, stamped by the task after the frame ---
let pendingPaint: LatencySample[] = [];
const afterFrame = new MessageChannel();
afterFrame.port1.onmessage = () => {
  const now = Date.now();
  for (const sample of pendingPaint) sample.paintedAt = now;
  pendingPaint = [];
};
const rowObserver = new MutationObserver(() => {
  let newest = -1;
  for (const row of document.querySelectorAll<HTMLElement>('[data-testid="message-row"]')) {
    const sample = latency.get(Number(row.dataset.warrenSeq));
    if (!sample) continue;
    sample.rowSeen = true;
    newest = Math.max(newest, sample.warrenSeq);
  }
  const before = pendingPaint.length;
  for (let s = arrivals[nextUnpainted]; s !== undefined && s.warrenSeq <= newest; s = arrivals[++nextUnpainted]) pendingPaint.push(s);
  if (before === 0 && pendingPaint.length > 0) afterFrame.port2.postMessage(null);
});

function afterNextPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );
}

const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

function seqStats(prefix: string, expected: number): SeqStats {
  const seen = new Uint8Array(expected + 1);
  const stats: SeqStats = { matched: 0, distinct: 0, duplicates: 0, outOfRange: 0 };
  const { buffer } = ingest;
  for (let seq = buffer.firstSeq; seq <= buffer.lastSeq; seq++) {
    const m = buffer.get(seq);
    if (!m || !m.routingKey.startsWith(prefix)) continue;
    stats.matched++;
    const w = m.warrenSeq;
    if (!Number.isInteger(w) || w < 1 || w > expected) stats.outOfRange++;
    else if (seen[w] === 1) stats.duplicates++;
    else {
      seen[w] = 1;
      stats.distinct++;
    }
  }
  return stats;
}

// --- synthetic MESSAGE frames, shaped like RabbitMQ 3.10 web_stomp sends them ---
const KEYS = [
  'orders.eu.created', 'orders.us.created', 'orders.apac.created', 'orders.us.cancelled', 'orders.eu.shipped',
  'payments.eu.failed', 'payments.us.captured', 'users.signup', 'users.eu.deleted', 'inventory.eu.low',
  'shipments.eu.delayed', 'invoices.us.issued',
];
const TENANTS = ['acme', 'globex', 'initech', 'umbrella', 'hooli'];
const COUNTRIES = ['DE', 'FR', 'NL', 'IE', 'US'];

/** A cheap deterministic 32-bit hash (so a reload builds the same frames). */
function mix(n: number): number {
  let h = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0').slice(-width);

/** STOMP 1.2 header escaping (the values here never need it, but frames must be right). */
const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/:/g, '\\c');

interface SyntheticFrame {
  text: string;
  key: string;
  tenant: string;
  bodyBytes: number;
}

function syntheticFrame(i: number, epochMs: number): SyntheticFrame {
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
    ['content-length', String(body.length)], // ASCII only: chars == bytes
  ];
  const head = headers.map(([k, v]) => `${k}:${esc(v)}`).join('\n');
  return { text: `MESSAGE\n${head}\n\n${body}\0`, key, tenant, bodyBytes: body.length };
}

async function loadSynthetic(count: number, batch: number): Promise<SyntheticLoadResult> {
  const started = performance.now();
  const encoder = new TextEncoder();
  const keyCounts: Record<string, number> = {};
  const tenantCounts: Record<string, number> = {};
  // Exactly what stompjs's StompHandler does per frame, minus its debug line and ack()/nack().
  const parser = new Parser(
    (raw: IRawFrameType) => ingest.ingest(FrameImpl.fromRawFrame(raw, true), SYNTHETIC_SUBSCRIPTION),
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
      const f = syntheticFrame(i, epochStart + i);
      keyCounts[f.key] = (keyCounts[f.key] ?? 0) + 1;
      tenantCounts[f.tenant] = (tenantCounts[f.tenant] ?? 0) + 1;
      const bytes = encoder.encode(f.text);
      frameBytes = bytes.length;
      bodyBytes = f.bodyBytes;
      chunks.push(bytes.buffer);
    }
    const t0 = performance.now();
    for (const chunk of chunks) parser.parseChunk(chunk);
    parseAndIngestMs += performance.now() - t0;
    await yieldToEventLoop();
  }
  return { count, wallMs: performance.now() - started, parseAndIngestMs, keyCounts, tenantCounts, frameBytes, bodyBytes };
}

const api: WarrenBenchApi = {
  resetProbe() {
    probeCount = 0;
    probeFirst = -1;
    probeLast = -1;
  },
  probe: () => ({ count: probeCount, firstAt: probeFirst, lastAt: probeLast }),
  seqStats,
  startLatency(prefix) {
    latency.clear();
    arrivals = [];
    nextUnpainted = 0;
    pendingPaint = [];
    latencyPrefix = prefix;
    rowObserver.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-warren-seq'] });
  },
  stopLatency() {
    latencyPrefix = null;
    rowObserver.disconnect();
    return [...latency.values()];
  },
  loadSynthetic,
  async refilter(text) {
    const t0 = performance.now();
    applyFilterText(text);
    const syncMs = performance.now() - t0;
    await afterNextPaint();
    return { text, syncMs, paintedMs: performance.now() - t0, visible: useViewStore.getState().visible };
  },
  retained: () => ingest.buffer.size,
};

(window as unknown as Record<string, unknown>)[BENCH_GLOBAL] = api;
