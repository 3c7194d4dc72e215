import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { NdjsonReader, type BadLine } from './ndjson-reader.ts';
import { NdjsonWriter } from './ndjson-writer.ts';
import { recordLine, type ArchivableMessage } from './record.ts';

const encoder = new TextEncoder();

function messageNumber(n: number, body: Uint8Array | string = `{"n":${n}}`): ArchivableMessage {
  return {
    receivedAt: 1_700_000_000_000 + n,
    exchange: 'app.events',
    routingKey: `orders.${n}`,
    headers: { destination: `/exchange/app.events/orders.${n}`, 'x-warren-seq': String(n), 'x-note': 'ünïcödé 😀' },
    body: typeof body === 'string' ? encoder.encode(body) : body,
  };
}

interface ReadBack {
  records: { line: number; routingKey: string; bytes: Uint8Array }[];
  bad: BadLine[];
  fatal: string | null;
}

function read(chunks: Uint8Array[]): ReadBack {
  const out: ReadBack = { records: [], bad: [], fatal: null };
  const reader = new NdjsonReader({
    onRecord: ({ record, bytes }, line) => out.records.push({ line, routingKey: record.routingKey, bytes }),
    onBadLine: (bad) => out.bad.push(bad),
  });
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  out.fatal = reader.fatalError;
  return out;
}

/** The file cut in two at `at`, and in three pieces around it: every kind of boundary. */
const cutAt = (file: Uint8Array, at: number) => [file.subarray(0, at), file.subarray(at)];

function writeFile(messages: ArchivableMessage[], gzip: boolean): Uint8Array {
  const chunks: Uint8Array[] = [];
  const writer = new NdjsonWriter((c) => chunks.push(c), { gzip });
  for (const m of messages) writer.writeLine(recordLine(m, '/exchange/app.events/#'));
  writer.finish();
  const file = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    file.set(c, offset);
    offset += c.length;
  }
  return file;
}

const sample = [
  messageNumber(1),
  messageNumber(2, new Uint8Array([0xff, 0x00, 0xfe, 0xed, 0xa0, 0x80])),
  messageNumber(3, ''),
  messageNumber(4, '日本語 and 🦄 over a boundary'),
];

describe('NdjsonReader', () => {
  it('reads every record back whatever the chunk boundary, bodies byte for byte', () => {
    const file = writeFile(sample, false);
    for (let at = 0; at <= file.length; at++) {
      const back = read(cutAt(file, at));
      expect(back.bad, `cut at ${at}`).toEqual([]);
      expect(back.records.map((r) => r.routingKey)).toEqual(['orders.1', 'orders.2', 'orders.3', 'orders.4']);
      expect(back.records.map((r) => Array.from(r.bytes))).toEqual(sample.map((m) => Array.from(m.body)));
    }
  });

  it('reads a file fed one byte at a time', () => {
    const file = writeFile(sample, false);
    const back = read(Array.from(file, (b) => new Uint8Array([b])));
    expect(back.records.map((r) => r.line)).toEqual([1, 2, 3, 4]);
  });

  it('recognises gzip by its magic bytes and reads it at any boundary', () => {
    const file = writeFile(sample, true);
    expect([file[0], file[1]]).toEqual([0x1f, 0x8b]);
    for (let at = 0; at <= file.length; at++) {
      const back = read(cutAt(file, at));
      expect(back.fatal, `cut at ${at}`).toBeNull();
      expect(back.records.map((r) => Array.from(r.bytes))).toEqual(sample.map((m) => Array.from(m.body)));
    }
  });

  it('reads a gzip file written by another tool (a whole file in one member)', () => {
    const plain = writeFile(sample, false);
    expect(read([gzipSync(plain, { level: 9 })]).records).toHaveLength(4);
  });

  it('reads CRLF line endings, a last line without newline, and ignores blank lines (still numbering them)', () => {
    const [a, b] = [recordLine(messageNumber(1), ''), recordLine(messageNumber(2), '')];
    const text = `\r\n${a}\r\n  \t\r\n\n${b}`;
    const file = encoder.encode(text);
    for (let at = 0; at <= file.length; at++) {
      const back = read(cutAt(file, at));
      expect(back.bad).toEqual([]);
      expect(back.records.map((r) => r.line)).toEqual([2, 5]);
    }
  });

  it('reports bad lines with their number and reason and reads the rest', () => {
    const good = (n: number) => recordLine(messageNumber(n), '');
    const lines = [good(1), good(2), '{"v":1, oops', good(3), JSON.stringify({ v: 1, receivedAt: 5, exchange: 'x', headers: {}, bodyEncoding: 'utf8', body: '' }), good(4),
      good(5).replace('"bodyEncoding":"utf8","body":"{\\"n\\":5}"', '"bodyEncoding":"base64","body":"%%%"'), good(6)];
    const back = read([encoder.encode(lines.join('\n') + '\n')]);
    expect(back.records.map((r) => r.routingKey)).toEqual(['orders.1', 'orders.2', 'orders.3', 'orders.4', 'orders.6']);
    expect(back.bad.map((b) => b.line)).toEqual([3, 5, 7]);
    expect(back.bad[0]?.reason).toMatch(/^not JSON \(/);
    expect(back.bad[1]?.reason).toBe('no routingKey');
    expect(back.bad[2]?.reason).toBe('body is not valid base64');
  });

  it('reports a line that is not UTF-8 (JSON text must be) and goes on', () => {
    const good = encoder.encode(recordLine(messageNumber(1), '') + '\n');
    const back = read([new Uint8Array([0x7b, 0xff, 0x7d, 0x0a]), good]);
    expect(back.bad).toEqual([{ line: 1, reason: 'not valid UTF-8' }]);
    expect(back.records.map((r) => r.line)).toEqual([2]);
  });

  it('numbers and reads every line of a chunk far larger than a decode piece: blank, CRLF, longer than a piece, not UTF-8', () => {
    const lines: (string | Uint8Array)[] = [];
    for (let n = 1; n <= 3000; n++) {
      if (n % 97 === 0) lines.push(n % 2 === 0 ? '' : '  ');
      else if (n === 1500) lines.push(new Uint8Array([0x7b, 0xff, 0x7d]));
      else if (n % 500 === 0) lines.push(recordLine(messageNumber(n, 'x'.repeat(40_000)), ''));
      else if (n === 2750) lines.push(recordLine(messageNumber(n, 'y'.repeat(150_000)), ''));
      else lines.push(recordLine(messageNumber(n), '') + (n % 7 === 0 ? '\r' : ''));
    }
    const parts = lines.flatMap((l) => [typeof l === 'string' ? encoder.encode(l) : l, new Uint8Array([0x0a])]);
    const file = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((offset, p) => (file.set(p, offset), offset + p.length), 0);
    const expected = Array.from({ length: 3000 }, (_, i) => i + 1).filter((n) => n % 97 !== 0 && n !== 1500);
    for (const chunking of [[file], cutAt(file, 70_001), Array.from({ length: Math.ceil(file.length / 100_000) }, (_, i) => file.subarray(i * 100_000, (i + 1) * 100_000))]) {
      const back = read(chunking);
      expect(back.bad).toEqual([{ line: 1500, reason: 'not valid UTF-8' }]);
      expect(back.records.map((r) => r.line)).toEqual(expected);
      expect(back.records.map((r) => r.routingKey)).toEqual(expected.map((n) => `orders.${n}`));
      expect(back.records.filter((r) => r.bytes.length === 40_000).map((r) => r.line)).toEqual([500, 1000, 2000, 2500, 3000]);
      expect(back.records.filter((r) => r.bytes.length === 150_000).map((r) => r.line)).toEqual([2750]);
    }
  });

  it('stops at a truncated gzip file with a reason, keeping the lines before', () => {
    const file = writeFile(Array.from({ length: 2000 }, (_, i) => messageNumber(i)), true);
    const back = read([file.subarray(0, file.length >> 1)]);
    expect(back.fatal).toMatch(/^the gzip data is corrupt after line \d+ \(/);
    expect(back.records.length).toBeGreaterThan(0);
  });

  it('survives gzip data garbled in the middle (fflate checks no CRC): bad lines or a reason, no throw', () => {
    const file = writeFile(Array.from({ length: 200 }, (_, i) => messageNumber(i)), true);
    const broken = file.slice();
    broken.fill(0x55, 40, 60);
    const back = read([broken]);
    expect(back.fatal !== null || back.bad.length > 0).toBe(true);
  });

  it('reads an empty file, and a file of one byte, without a crash', () => {
    expect(read([])).toEqual({ records: [], bad: [], fatal: null });
    expect(read([new Uint8Array([0x7b])]).bad).toEqual([{ line: 1, reason: expect.stringMatching(/^not JSON/) as unknown }]);
  });
});
