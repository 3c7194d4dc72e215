import { deflateSync, gzipSync, strToU8, zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeBody, decodeBodyInFull, DEFAULT_BODY_LIMIT_BYTES } from './body.ts';
import { capturedFrames } from './fixtures/captured-frames.ts';
import { appEvent, messageOf } from './fixtures/messages.ts';

const JSON_HEADERS = { 'content-type': 'application/json' };

describe('decodeBody: classification', () => {
  it('parses a JSON body labelled application/json (captured)', () => {
    const decoded = decodeBody(messageOf(capturedFrames.celeryResult()));
    expect(decoded.kind).toBe('json');
    if (decoded.kind !== 'json') return;
    expect(decoded.value).toMatchObject({ status: 'SUCCESS', result: 5, task_id: '0f0e1c4a-3b6e-4b1a-9c2d-4e5f6a7b8c9d' });
    expect(decoded.text).toContain('"date_done"');
    expect(decoded).toMatchObject({ truncated: false, decompressed: null, wireBytes: 158, totalBytes: 158 });
    expect(decoded).not.toHaveProperty('warning');
  });

  it('sniffs unlabelled JSON, and keeps unlabelled almost-JSON as text without a warning', () => {
    expect(decodeBody(appEvent({}, '[1, {"a": 2}]')).kind).toBe('json');
    const broken = decodeBody(appEvent({}, '{not json}'));
    expect(broken.kind).toBe('text');
    expect(broken).not.toHaveProperty('warning');
  });

  it('reports malformed JSON labelled application/json as text with the parse error', () => {
    const decoded = decodeBody(appEvent(JSON_HEADERS, '{"order": 42,'));
    expect(decoded.kind).toBe('text');
    if (decoded.kind !== 'text') return;
    expect(decoded.text).toBe('{"order": 42,');
    expect(decoded.warning).toMatch(/^Labelled application\/json but is not valid JSON: .+/);
  });

  it('accepts +json content types with parameters', () => {
    expect(decodeBody(appEvent({ 'content-type': 'application/vnd.shop+json; charset=utf-8' }, '{"a":1}')).kind).toBe('json');
  });

  it('warns when JSON holds integers JavaScript cannot represent', () => {
    const decoded = decodeBody(appEvent(JSON_HEADERS, '{"id": 12345678901234567890}'));
    expect(decoded.kind).toBe('json');
    expect(decoded.warning).toMatch(/2\^53/);
  });

  it('decodes valid UTF-8 as text', () => {
    const decoded = decodeBody(appEvent({ 'content-type': 'text/plain' }, 'héllo\nwörld 🐇'));
    expect(decoded).toMatchObject({ kind: 'text', text: 'héllo\nwörld 🐇', truncated: false });
  });

  it('honours a charset parameter', () => {
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9]); // "café" in ISO-8859-1
    expect(decodeBody(appEvent({ 'content-type': 'text/plain; charset=iso-8859-1' }, latin1))).toMatchObject({ kind: 'text', text: 'café' });
  });

  it('classifies invalid UTF-8 and control-heavy bytes as binary (captured)', () => {
    const decoded = decodeBody(messageOf(capturedFrames.binary()));
    expect(decoded.kind).toBe('binary');
    if (decoded.kind !== 'binary') return;
    expect(Array.from(decoded.bytes)).toEqual([0, 1, 2, 255, 254, 10, 65]);
    expect(decodeBody(appEvent({}, new Uint8Array([1, 2, 3, 4]))).kind).toBe('binary');
  });

  it('gives empty text for an empty body', () => {
    expect(decodeBody(messageOf(capturedFrames.empty()))).toMatchObject({ kind: 'text', text: '', wireBytes: 0, totalBytes: 0 });
  });
});

describe('decodeBody: content-encoding', () => {
  it('gunzips JSON (captured)', () => {
    const decoded = decodeBody(messageOf(capturedFrames.gzipJson()));
    expect(decoded).toMatchObject({ kind: 'json', value: { zipped: true }, decompressed: 'gzip', wireBytes: 35, totalBytes: 15 });
  });

  it('says when a gzip body is cut short: inside its header (nothing inflates) or its trailer (the data does)', () => {
    const whole = gzipSync(strToU8(JSON.stringify({ a: 'x'.repeat(50), b: [1, 2, 3] })));
    const cut = (n: number) => decodeBody(appEvent({ 'content-encoding': 'gzip' }, whole.subarray(0, n)));
    expect(cut(5)).toMatchObject({ kind: 'binary', warning: expect.stringMatching(/cut short \(5 bytes/) });
    expect(cut(whole.length - 2)).toMatchObject({ kind: 'json', value: { b: [1, 2, 3] }, warning: expect.stringMatching(/trailer says .* cut short or corrupt/) });
    expect(cut(whole.length)).not.toHaveProperty('warning');
  });

  it('inflates deflate bodies, zlib-wrapped (captured) or raw', () => {
    expect(decodeBody(messageOf(capturedFrames.deflateText()))).toMatchObject({ kind: 'text', text: 'hello deflate', decompressed: 'zlib' });
    const raw = appEvent({ 'content-encoding': 'deflate' }, deflateSync(strToU8('raw deflate')));
    expect(decodeBody(raw)).toMatchObject({ kind: 'text', text: 'raw deflate', decompressed: 'deflate' });
  });

  it("understands kombu's compression header (zlib data)", () => {
    const body = zlibSync(strToU8('[[2, 3], {}, {}]'));
    const msg = appEvent({ 'content-type': 'application/json', 'content-encoding': 'utf-8', compression: 'application/x-gzip' }, body);
    expect(decodeBody(msg)).toMatchObject({ kind: 'json', value: [[2, 3], {}, {}], decompressed: 'zlib' });
  });

  it('turns a corrupt gzip body into binary with a clear message, without throwing', () => {
    const good = gzipSync(strToU8(JSON.stringify({ order: 42, items: ['a', 'b', 'c'] })));
    const cut = appEvent({ 'content-type': 'application/json', 'content-encoding': 'gzip' }, good.subarray(0, good.length - 12));
    const decoded = decodeBody(cut);
    expect(decoded.kind).toBe('binary');
    expect(decoded.warning).toBe(`Could not decompress (content-encoding gzip): unexpected EOF. Showing the ${good.length - 12} bytes as received.`);
  });

  it('refuses to "gunzip" a body without a gzip header', () => {
    const decoded = decodeBody(appEvent({ 'content-encoding': 'gzip' }, 'plain text, not gzip'));
    expect(decoded.kind).toBe('binary');
    expect(decoded.warning).toMatch(/does not start with a gzip header/);
  });

  it('shows bodies in an unsupported encoding as received, with a warning', () => {
    const decoded = decodeBody(appEvent({ 'content-encoding': 'br' }, new Uint8Array([0x8b, 0x02, 0x80])));
    expect(decoded.kind).toBe('binary');
    expect(decoded.warning).toMatch(/br is not supported/);
  });
});

describe('decodeBody: limits', () => {
  const bigJson = JSON.stringify({ rows: Array.from({ length: 40_000 }, (_, i) => ({ id: i, name: `row ${i}` })) });

  it('decodes a large body only up to the limit', () => {
    expect(bigJson.length).toBeGreaterThan(1_000_000);
    const decoded = decodeBody(appEvent(JSON_HEADERS, bigJson));
    expect(decoded).toMatchObject({ kind: 'text', truncated: true, decodedBytes: DEFAULT_BODY_LIMIT_BYTES, totalBytes: bigJson.length });
    if (decoded.kind === 'text') expect(decoded.text).toBe(bigJson.slice(0, DEFAULT_BODY_LIMIT_BYTES));
    expect(decoded.warning).toMatch(/JSON is not parsed/);
  });

  it('says why a cut unlabelled JSON body is text', () => {
    expect(decodeBody(appEvent({}, bigJson)).warning).toMatch(/JSON is not parsed/);
    expect(decodeBody(appEvent({}, 'plain words '.repeat(30_000)))).not.toHaveProperty('warning');
  });

  it('decodes in full on demand', () => {
    const decoded = decodeBodyInFull(appEvent(JSON_HEADERS, bigJson));
    expect(decoded).toMatchObject({ kind: 'json', truncated: false, totalBytes: bigJson.length });
  });

  it('does not cut a UTF-8 character in two at the limit', () => {
    const decoded = decodeBody(appEvent({}, 'aé€'), { limitBytes: 4 }); // a(1) é(2) €(3): cut inside €
    expect(decoded).toMatchObject({ kind: 'text', text: 'aé', truncated: true });
  });

  it('stops inflating at the limit (decompression bomb)', () => {
    const bomb = gzipSync(new Uint8Array(8 * 1024 * 1024).fill(0x61), { level: 9 });
    expect(bomb.length).toBeLessThan(20_000);
    const decoded = decodeBody(appEvent({ 'content-encoding': 'gzip' }, bomb));
    expect(decoded).toMatchObject({ kind: 'text', truncated: true, totalBytes: null, decodedBytes: DEFAULT_BODY_LIMIT_BYTES });
  });
});
