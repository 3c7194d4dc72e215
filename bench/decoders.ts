/**
 * Phase "decoders" (issue 14), in Node, no browser: what reading one body
 * costs in each format, through the same `readPayload` the page's
 * PayloadDecoding.valueOf uses (the filters' field terms, field charts and
 * the diff call it per message). One realistic ~330-byte order document
 * (bench/fixtures/order-300.json.zst holds it, zstd-compressed once with the
 * zstd CLI) is published as JSON, MessagePack, CBOR, zstd-compressed JSON,
 * base64 JSON and protobuf (e2e/fixtures/shop.proto), and each is reported
 * as time per message and as a ratio to JSON.parse of the same document's
 * text, measured in the same run (interleaved rounds, median).
 *
 * Run alone: `npx tsx bench/decoders.ts [--quick]`.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { encode as encodeMsgpack } from '@msgpack/msgpack';
import { encode as encodeCbor } from 'cborg';
import protobuf from 'protobufjs';
import { compileSchemaLazily, readPayload, SchemaRegistry, type TracedMessage } from '../src/model/index.ts';
import type { Row } from './report.ts';
import { median } from './stats.ts';

export interface DecoderTiming {
  format: string;
  /** Median time to read one message, microseconds. */
  microsPerMessage: number;
  /** microsPerMessage / JSON.parse's, same run. */
  ratioToJsonParse: number;
}

export interface DecodersResult {
  documentBytes: number;
  iterations: number;
  rounds: number;
  jsonParseMicros: number;
  timings: DecoderTiming[];
}

const DOCUMENT_TEXT = readFileSync(new URL('./fixtures/order-300.json', import.meta.url), 'utf8');

function message(seq: number, routingKey: string, headers: Record<string, string>, body: Uint8Array): TracedMessage {
  return {
    seq,
    receivedAt: 0,
    subscriptionId: 'bench',
    exchange: 'app.events',
    routingKey,
    size: body.length,
    contentType: headers['content-type'] ?? '',
    contentEncoding: headers['content-encoding'] ?? '',
    correlationId: '',
    taskName: '',
    warrenSeq: -1,
    headers,
    body,
  };
}

async function formats(): Promise<{ registry: SchemaRegistry; cases: { format: string; msg: TracedMessage }[] }> {
  const doc = JSON.parse(DOCUMENT_TEXT) as Record<string, unknown>;
  const proto = readFileSync(new URL('../e2e/fixtures/shop.proto', import.meta.url), 'utf8');
  const registry = new SchemaRegistry();
  const compiled = await compileSchemaLazily({ id: 'bench', fileName: 'shop.proto', kind: 'proto', content: proto, mappings: [{ kind: 'routing-key', pattern: 'orders.pb', messageType: 'shop.v1.Order' }] });
  if (!compiled.ok) throw new Error(compiled.error.message);
  registry.add(compiled.schema);
  const { root } = protobuf.parse(proto.replace(/^import .*$/m, '').replace(/^\s*google\.protobuf\.Timestamp .*$/m, ''), { keepCase: true });
  const Order = root.lookupType('shop.v1.Order');
  const zstd = new Uint8Array(readFileSync(new URL('./fixtures/order-300.json.zst', import.meta.url)));
  const text = new TextEncoder().encode(DOCUMENT_TEXT);
  const cases = [
    { format: 'JSON', msg: message(1, 'orders.json', { 'content-type': 'application/json' }, text) },
    { format: 'MessagePack', msg: message(2, 'orders.mp', { 'content-type': 'application/msgpack' }, encodeMsgpack(doc)) },
    { format: 'CBOR', msg: message(3, 'orders.cbor', { 'content-type': 'application/cbor' }, encodeCbor(doc)) },
    { format: 'zstd JSON', msg: message(4, 'orders.zstd', { 'content-type': 'application/json', 'content-encoding': 'zstd' }, zstd) },
    { format: 'base64 JSON', msg: message(5, 'orders.b64', {}, new TextEncoder().encode(btoa(DOCUMENT_TEXT))) },
    { format: 'protobuf', msg: message(6, 'orders.pb', {}, Order.encode(Order.fromObject(doc)).finish()) },
  ];
  for (const { format, msg } of cases) {
    // Same document whatever the format (CBOR sorts keys: compared without order).
    const value = readPayload(msg, null, registry).value;
    if (!isDeepStrictEqual(value, doc)) {
      throw new Error(`decoders bench: ${format} did not decode to the document (${JSON.stringify(value)})`);
    }
  }
  return { registry, cases };
}

/** What PayloadDecoding.valueOf asks for. */
const VALUE_ONLY = { valueOnly: true };

/** Microseconds per call of `fn`, over `iterations` calls. */
function timePerCall(iterations: number, fn: () => unknown): number {
  let sink = 0;
  const start = performance.now();
  for (let i = 0; i < iterations; i++) if (fn() !== undefined) sink++;
  const elapsed = performance.now() - start;
  if (sink < 0) console.log(sink);
  return (elapsed * 1000) / iterations;
}

export async function measureDecoders(quick: boolean, log: (line: string) => void = console.log): Promise<DecodersResult> {
  const { registry, cases } = await formats();
  const iterations = quick ? 5_000 : 20_000;
  const rounds = quick ? 5 : 9;
  const samples = new Map<string, number[]>([['JSON.parse', []], ...cases.map(({ format }) => [format, []] as [string, number[]])]);
  for (let round = 0; round < rounds; round++) {
    samples.get('JSON.parse')?.push(timePerCall(iterations, () => JSON.parse(DOCUMENT_TEXT)));
    for (const { format, msg } of cases) samples.get(format)?.push(timePerCall(iterations, () => readPayload(msg, null, registry, VALUE_ONLY).value));
  }
  const jsonParseMicros = median(samples.get('JSON.parse') ?? []);
  const timings = cases.map(({ format }) => {
    const micros = median(samples.get(format) ?? []);
    return { format, microsPerMessage: micros, ratioToJsonParse: micros / jsonParseMicros };
  });
  log(`decoders: ${DOCUMENT_TEXT.length}-byte order, JSON.parse ${jsonParseMicros.toFixed(2)} µs; ${timings.map((t) => `${t.format} ${t.microsPerMessage.toFixed(2)} µs (${t.ratioToJsonParse.toFixed(1)}x)`).join(', ')}`);
  return { documentBytes: DOCUMENT_TEXT.length, iterations, rounds, jsonParseMicros, timings };
}

/** One row per format: µs per message and the ratio to JSON.parse (informational: the issue sets no target). */
export function decoderRows(result: DecodersResult): Row[] {
  return result.timings.map((t) => ({
    metric: `read a ${result.documentBytes}-byte order as ${t.format} (per message; JSON.parse ${result.jsonParseMicros.toFixed(2)} µs)`,
    value: `${t.microsPerMessage.toFixed(2)} µs (${t.ratioToJsonParse.toFixed(1)}x JSON.parse)`,
    target: '—',
    verdict: '—',
  }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await measureDecoders(process.argv.includes('--quick'));
  console.table(result.timings.map((t) => ({ format: t.format, 'µs/message': t.microsPerMessage.toFixed(2), 'x JSON.parse': t.ratioToJsonParse.toFixed(2) })));
}
