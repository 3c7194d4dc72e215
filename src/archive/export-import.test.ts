import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { TraceCapture } from '../capture/index.ts';
import { stompFrame } from '../model/fixtures/messages.ts';
import type { TracedMessage } from '../model/index.ts';
import { MAX_PACKED_BODY } from '../model/body-slab.ts';
import { exportMessages, type ExportSource } from './export-messages.ts';
import { inProcessImportWorkers } from './fixtures/in-process-import-workers.ts';
import { importMessagesInWorkers } from './import-in-workers.ts';
import { importMessages, type ImportOptions, type ImportResult, type ImportTarget } from './import-messages.ts';

const SUBSCRIPTION = '/exchange/app.events/#';

/** A capture holding messages of every awkward kind, arrived at known times. */
function capturedSample(): TraceCapture {
  const capture = new TraceCapture({ capacity: 100 });
  const frames = [
    stompFrame('/exchange/app.events/orders.eu.created', { 'content-type': 'application/json', 'x-warren-seq': '1', 'correlation-id': 'c-1' }, '{"a":1}'),
    stompFrame('/exchange/app.events/bin', { 'content-type': 'application/octet-stream' }, new Uint8Array([0, 0xff, 0xed, 0xa0, 0x80])),
    stompFrame('/exchange/app.events/unicode', { 'x-name': 'Zoë 😀' }, 'ünïcödé 🦄'),
    stompFrame('/exchange/app.events/empty', {}, ''),
    stompFrame('/topic/a%2Fslash.key', { 'x-huge': 'h'.repeat(1024 * 1024) }, 'x'),
    stompFrame('/queue/reply.q', { 'reply-to': '/reply-queue/amq.gen-1', priority: '5', timestamp: '1700000000' }, '<script>alert(1)</script>'),
  ];
  frames.forEach((frame, i) => capture.ingest(frame, 'sub-1', 1_700_000_000_000 + i * 1000));
  return capture;
}

function everything(capture: TraceCapture): ExportSource<TracedMessage> {
  const first = capture.buffer.firstSeq;
  return { count: capture.buffer.size, at: (i) => capture.buffer.get(first + i), subscriptionOf: () => SUBSCRIPTION };
}

const retained = (capture: TraceCapture) => [...capture.buffer.retained()];

type Importer = (file: Blob, target: ImportTarget, options: ImportOptions) => Promise<ImportResult>;

/**
 * Every import test runs on the page's thread (importMessages) and in
 * workers (in-process ones, with blocks of 200 bytes so that even these
 * small files are several blocks, parsed out of order).
 */
const importers: [string, Importer][] = [
  ['on the page', importMessages],
  ['in workers', (file, target, options) => importMessagesInWorkers(file, target, options, inProcessImportWorkers({ parsers: 3, blockBytes: 200 }))],
];

describe.each(importers)('export then import, %s', (_, importMessages) => {
  for (const gzip of [false, true]) {
    it(`gives back the same messages${gzip ? ' through gzip' : ''}: exchange, key, headers, body bytes, arrival time`, async () => {
      const original = capturedSample();
      const exported = await exportMessages(everything(original), { gzip });
      expect(exported.written).toBe(6);
      expect(exported.blob).not.toBeNull();
      const copy = new TraceCapture({ capacity: 100 });
      const subscriptions: string[] = [];
      const result = await importMessages(exported.blob as Blob, copy, {
        subscriptionIdFor: (s) => {
          subscriptions.push(s);
          return `file:${s}`;
        },
      });
      expect(result).toMatchObject({ messages: 6, ingested: 6, badLineCount: 0, fatalError: null, cancelled: false });
      expect(new Set(subscriptions)).toEqual(new Set([SUBSCRIPTION]));
      const pick = (m: TracedMessage) => [m.receivedAt, m.exchange, m.routingKey, m.headers, Array.from(m.body), m.contentType, m.correlationId, m.warrenSeq];
      expect(retained(copy).map(pick)).toEqual(retained(original).map(pick));
      expect(retained(copy)[4]?.routingKey).toBe('a/slash.key');
    });
  }

  it('keeps every body its own bytes around the size the capture packs (bodies are decoded into a reused buffer)', async () => {
    const capture = new TraceCapture({ capacity: 100 });
    const sizes = [MAX_PACKED_BODY - 1, MAX_PACKED_BODY, MAX_PACKED_BODY + 1, 3, MAX_PACKED_BODY * 2, 0, 5];
    sizes.forEach((size, i) => capture.ingest(stompFrame(`/exchange/x/k.${i}`, {}, String.fromCharCode(97 + i).repeat(size)), 's', i));
    // Two-byte characters: under the limit in characters, over it in bytes.
    capture.ingest(stompFrame('/exchange/x/wide', {}, 'é'.repeat(MAX_PACKED_BODY / 2 + 1)), 's', 99);
    for (const gzip of [false, true]) {
      const copy = new TraceCapture({ capacity: 100 });
      await importMessages((await exportMessages(everything(capture), { gzip })).blob!, copy, { subscriptionIdFor: () => 'file' });
      expect(retained(copy).map((m) => Array.from(m.body))).toEqual(retained(capture).map((m) => Array.from(m.body)));
    }
  });

  it('asks for the id of each subscription once, and gives every message of it the same string', async () => {
    const capture = new TraceCapture({ capacity: 100 });
    ['/exchange/a/#', '/exchange/b/#', '/exchange/a/#'].forEach((_, i) => capture.ingest(stompFrame(`/exchange/x/k.${i}`, {}, 'b'), 's', i));
    const subscriptionOf = (m: TracedMessage) => ['/exchange/a/#', '/exchange/b/#', '/exchange/a/#'][m.seq - 1] ?? '';
    const exported = await exportMessages({ ...everything(capture), subscriptionOf }, { gzip: false });
    const asked: string[] = [];
    const copy = new TraceCapture({ capacity: 100 });
    await importMessages(exported.blob!, copy, { subscriptionIdFor: (s) => (asked.push(s), `file:${s}`) });
    expect(asked).toEqual(['/exchange/a/#', '/exchange/b/#']);
    expect(retained(copy).map((m) => m.subscriptionId)).toEqual(['file:/exchange/a/#', 'file:/exchange/b/#', 'file:/exchange/a/#']);
  });

  it('imports the rest of a file with three bad lines and lists them by number', async () => {
    const exported = await exportMessages(everything(capturedSample()), { gzip: false });
    const lines = (await (exported.blob as Blob).text()).split('\n');
    lines.splice(1, 0, 'not json');
    lines.splice(3, 0, '{"v":7}');
    lines.splice(5, 0, '{"v":1,"receivedAt":1,"exchange":"x","routingKey":"k","headers":{},"bodyEncoding":"base64","body":"@@@@"}');
    const copy = new TraceCapture();
    const result = await importMessages(new Blob([lines.join('\r\n')]), copy, { subscriptionIdFor: () => 'file' });
    expect(result.messages).toBe(6);
    expect(copy.buffer.size).toBe(6);
    expect(result.badLines.map((b) => b.line)).toEqual([2, 4, 6]);
    expect(result.badLines.map((b) => b.reason)).toEqual([
      expect.stringMatching(/^not JSON \(/),
      'unknown version 7 (this Warren reads version 1)',
      'body is not valid base64',
    ]);
  });

  it('reads a gzip file of several members (cat a.gz b.gz), numbering lines across them', async () => {
    const plain = await (await exportMessages(everything(capturedSample()), { gzip: false })).blob!.bytes();
    const twice = new Blob([gzipSync(plain), gzipSync(new TextEncoder().encode('not json\n')), gzipSync(plain)]);
    const copy = new TraceCapture({ capacity: 100 });
    const result = await importMessages(twice, copy, { subscriptionIdFor: () => 'file' });
    expect(result).toMatchObject({ messages: 12, ingested: 12, badLineCount: 1, fatalError: null });
    expect(result.badLines.map((b) => b.line)).toEqual([7]);
    expect(retained(copy).slice(6).map((m) => Array.from(m.body))).toEqual(retained(capturedSample()).map((m) => Array.from(m.body)));
  });

  it('keeps the lines before the cut of a truncated gzip file and says why it stopped', async () => {
    const capture = new TraceCapture({ capacity: 5000 });
    for (let i = 0; i < 5000; i++) capture.ingest(stompFrame(`/exchange/x/k.${i}`, { 'x-i': String(i) }, `{"i":${i},"pad":"${'p'.repeat(i % 300)}"}`), 's', i);
    const file = await (await exportMessages(everything(capture), { gzip: true })).blob!.bytes();
    const copy = new TraceCapture({ capacity: 5000 });
    const result = await importMessages(new Blob([file.subarray(0, file.length >> 1)]), copy, { subscriptionIdFor: () => 'file' });
    // The browser's inflate fails on the cut; fflate reads again and goes on after the lines already read: none twice.
    expect(result.fatalError).toMatch(/^the gzip data is corrupt after line \d+ \(/);
    expect(retained(copy).map((m) => m.headers['x-i'])).toEqual(Array.from({ length: result.messages }, (_, i) => String(i)));
    expect(result.messages).toBeGreaterThan(0);
    expect(result.messages).toBeLessThan(5000);
    expect(result.badLineCount).toBeLessThanOrEqual(1);
  });

  it('reports the bad lines of a gzip file by the same numbers as in the plain file', async () => {
    const exported = await exportMessages(everything(capturedSample()), { gzip: false });
    const lines = (await exported.blob!.text()).split('\n');
    lines.splice(1, 0, 'not json');
    lines.splice(4, 0, '{"v":7}');
    const gz = new Blob([gzipSync(new TextEncoder().encode(lines.join('\n')))]);
    const result = await importMessages(gz, new TraceCapture(), { subscriptionIdFor: () => 'file' });
    expect(result).toMatchObject({ messages: 6, fatalError: null });
    expect(result.badLines.map((b) => b.line)).toEqual([2, 5]);
  });

  it('writes a destination from exchange and routing key when a line has none', async () => {
    const line = (exchange: string, routingKey: string) =>
      JSON.stringify({ v: 1, receivedAt: 5, exchange, routingKey, headers: { 'x-a': '1' }, bodyEncoding: 'utf8', body: 'b' });
    const copy = new TraceCapture();
    await importMessages(new Blob([`${line('app.events', 'a/b.ü')}\n${line('', 'q')}\n`]), copy, { subscriptionIdFor: () => 'file' });
    expect(retained(copy).map((m) => [m.exchange, m.routingKey, m.receivedAt])).toEqual([
      ['app.events', 'a/b.ü', 5],
      ['', 'q', 5],
    ]);
  });
});

describe('export', () => {
  it('skips messages evicted while the export ran, and counts them', async () => {
    const capture = capturedSample();
    const source = everything(capture);
    const result = await exportMessages({ ...source, at: (i) => (i === 2 ? undefined : source.at(i)) }, { gzip: false });
    expect(result).toMatchObject({ written: 5, missing: 1 });
  });

  it('stops when cancelled, between slices', async () => {
    const capture = new TraceCapture({ capacity: 50_000 });
    const body = 'x'.repeat(2000);
    for (let i = 0; i < 50_000; i++) capture.ingest(stompFrame(`/exchange/x/k.${i}`, {}, body), 's', i);
    const controller = new AbortController();
    const progress: number[] = [];
    const result = await exportMessages(everything(capture), {
      gzip: false,
      signal: controller.signal,
      onProgress: (done) => {
        progress.push(done);
        controller.abort();
      },
    });
    expect(result.blob).toBeNull();
    expect(progress).toHaveLength(1);
    expect(result.written).toBeLessThan(50_000);
  });
});

describe('import in workers', () => {
  /** 3,000 messages, bodies from empty to past what the capture packs, and a bad line every 500. */
  async function bigFile(): Promise<Uint8Array<ArrayBuffer>> {
    const capture = new TraceCapture({ capacity: 3000 });
    for (let i = 0; i < 3000; i++) capture.ingest(stompFrame(`/exchange/x/k.${i % 17}`, { 'x-i': String(i) }, 'é'.repeat(i % 250 === 0 ? MAX_PACKED_BODY : (i * 37) % 700)), `s${i % 3}`, i);
    const lines = (await (await exportMessages(everything(capture), { gzip: false })).blob!.text()).split('\n');
    for (let at = 500; at < lines.length; at += 500) lines.splice(at, 0, `bad ${at}`);
    return new TextEncoder().encode(lines.join('\n'));
  }
  const pick = (m: TracedMessage) => [m.receivedAt, m.routingKey, m.headers['x-i'], m.subscriptionId, Array.from(m.body)];

  it('ingests in the file order whatever order the blocks come back in, with the same bad lines, as the page alone', async () => {
    const file = new Blob([await bigFile()]);
    const alone = new TraceCapture({ capacity: 5000 });
    const expected = await importMessages(file, alone, { subscriptionIdFor: (s) => `file:${s}` });
    for (const parsers of [1, 2, 4]) {
      const copy = new TraceCapture({ capacity: 5000 });
      const result = await importMessagesInWorkers(file, copy, { subscriptionIdFor: (s) => `file:${s}` }, inProcessImportWorkers({ parsers, blockBytes: 16_384 }));
      expect(result).toEqual(expected);
      expect(retained(copy).map(pick)).toEqual(retained(alone).map(pick));
    }
    expect(expected.badLines.map((b) => b.line)).toEqual([501, 1001, 1501, 2001, 2501, 3001]);
  });

  it('stops and says so when a worker fails, and when cancelled', async () => {
    const file = new Blob([await bigFile()]);
    const options = { subscriptionIdFor: () => 'file' };
    await expect(importMessagesInWorkers(file, new TraceCapture(), options, inProcessImportWorkers({ failOnBlock: 3, blockBytes: 16_384 }))).rejects.toThrow(
      'the import failed in a parse worker: a test said so',
    );
    // Cancelled as the first block is ingested: the read stops at its next chunk.
    const controller = new AbortController();
    const capture = new TraceCapture();
    const cancelling: ImportTarget = { ingest: (...args) => (controller.abort(), capture.ingest(...args)) };
    const result = await importMessagesInWorkers(file, cancelling, { ...options, signal: controller.signal }, inProcessImportWorkers({ blockBytes: 16_384 }));
    expect(result.cancelled).toBe(true);
    expect(result.messages).toBeLessThan(3000);
  });
});
