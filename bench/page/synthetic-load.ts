/**
 * Synthetic MESSAGE frames, byte for byte what RabbitMQ 3.10 web_stomp sends
 * for the generator's domain events, fed through stompjs's own Parser and
 * FrameImpl.fromRawFrame into the session's capture: the page's whole
 * ingest path without a broker (bench "page cost" and "capacity").
 */
import { FrameImpl, Parser, type IRawFrameType } from '@stomp/stompjs';
import type { TraceCapture } from '../../src/capture/index.ts';
import type { SyntheticLoadResult } from '../hook-api.ts';

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

/** Loads `count` frames in batches of `batch`, yielding to the event loop in between. */
export async function loadSynthetic(capture: TraceCapture, count: number, batch: number): Promise<SyntheticLoadResult> {
  const started = performance.now();
  const encoder = new TextEncoder();
  const keyCounts: Record<string, number> = {};
  const tenantCounts: Record<string, number> = {};
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

