/**
 * Payloads a tracer must survive without breaking or executing anything: text,
 * bytes that are not UTF-8, compressed JSON, a 1 MiB body, lying content types
 * and HTML/script in both body and headers. Sent on `app.events` as
 * `awkward.<kind>` so a test can subscribe to exactly these.
 */
import { gzipSync } from 'node:zlib';
import { APP_EVENTS_EXCHANGE } from './exchanges.ts';
import { int64, jsonBuffer, SEQ_HEADER } from './message.ts';
import type { BuildContext, Headers, OutgoingMessage } from './message.ts';
import { hex, randInt, randomBytes } from './random.ts';
import type { Rng } from './random.ts';

/** Cycled through in this order, so a run always covers every kind. */
export const AWKWARD_KINDS = ['text', 'binary', 'gzip', 'large', 'malformed', 'html'] as const;
export type AwkwardKind = (typeof AWKWARD_KINDS)[number];

/** Size of the `large` body: exactly 1 MiB, well above RabbitMQ's 128 KiB frame size. */
export const LARGE_BODY_BYTES = 1024 * 1024;

/** Starts with bytes that can never appear in UTF-8 (0xff, 0xfe), then a NUL and a lone continuation byte. */
export const BINARY_PREFIX = Buffer.from([0xff, 0xfe, 0x00, 0x80, 0xc3, 0x28, 0x00, 0xff]);

export const HTML_HEADER_VALUE = '<img src=x onerror=alert(1)>';

function largeJson(rng: Rng, ctx: BuildContext): Buffer {
  const rows = Array.from({ length: 50 }, (_, i) => ({ row: i, sku: `SKU-${hex(rng, 6)}`, qty: randInt(rng, 0, 500) }));
  const skeleton = { report_id: `rep_${hex(rng, 10)}`, generated_at: new Date(ctx.now).toISOString(), rows, padding: '' };
  const bare = jsonBuffer(skeleton).length;
  // Pad with a string so the body stays valid JSON and lands on exactly 1 MiB.
  skeleton.padding = 'x'.repeat(LARGE_BODY_BYTES - bare);
  return jsonBuffer(skeleton);
}

function kindMessage(kind: AwkwardKind, rng: Rng, ctx: BuildContext): { content: Buffer; contentType: string; contentEncoding?: string; headers?: Headers } {
  switch (kind) {
    case 'text':
      return {
        content: Buffer.from(`ALERT disk usage on db-${randInt(rng, 1, 9)} at 91%\nsecond line: ünïcödé ✓ 日本語\n`, 'utf8'),
        contentType: 'text/plain',
        // What a naive amqplib app sends: a bare small number (encoded as a byte),
        // a float and a boolean. RabbitMQ's STOMP adapter drops all three.
        headers: { 'x-naive-int': 7, 'x-float': 0.5, 'x-flag': true },
      };
    case 'binary':
      return { content: Buffer.concat([BINARY_PREFIX, randomBytes(rng, randInt(rng, 56, 248))]), contentType: 'application/octet-stream' };
    case 'gzip':
      return {
        content: gzipSync(jsonBuffer({ order_id: `ord_${hex(rng, 12)}`, compressed: true, lines: Array.from({ length: 20 }, (_, i) => `line ${i}`) })),
        contentType: 'application/json',
        contentEncoding: 'gzip',
      };
    case 'large':
      return { content: largeJson(rng, ctx), contentType: 'application/json' };
    case 'malformed':
      return { content: Buffer.from(`{"order_id": "ord_${hex(rng, 12)}", "total": NaN, "items": [1, 2,`, 'utf8'), contentType: 'application/json' };
    case 'html':
      return {
        content: Buffer.from('<html><body><h1>Invoice</h1><script>alert(1)</script><img src=x onerror=alert(1)></body></html>', 'utf8'),
        contentType: 'text/html',
        headers: { 'x-display-name': HTML_HEADER_VALUE },
      };
  }
}

export function buildAwkward(kind: AwkwardKind, seq: number, rng: Rng, ctx: BuildContext): OutgoingMessage {
  const m = kindMessage(kind, rng, ctx);
  const headers: Headers = { ...m.headers, [SEQ_HEADER]: int64(seq) };
  return {
    exchange: APP_EVENTS_EXCHANGE,
    routingKey: `awkward.${kind}`,
    content: m.content,
    options: { contentType: m.contentType, contentEncoding: m.contentEncoding, headers, appId: 'awkward-producer' },
  };
}
