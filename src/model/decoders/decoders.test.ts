import { encode as encodeMsgpack } from '@msgpack/msgpack';
import { encode as encodeCbor, Tagged } from 'cborg';
import { describe, expect, it } from 'vitest';
import { ZSTD_ORDER, ZSTD_ZEROS_100MB } from './fixtures/zstd-frames.ts';
import { decodeBase64Json, sniffBase64Json } from './base64-json.ts';
import { decodeCbor } from './cbor.ts';
import { MAX_DECODED_DEPTH, toJsonFriendly } from './json-friendly.ts';
import { decodeMsgpack } from './msgpack.ts';
import { isZstdFrame, MAX_ZSTD_WINDOW_BYTES, unzstdPrefix, zstdWindowBytes } from './zstd.ts';

const ORDER = { order_id: 'ord_1', total_cents: 7350, customer: { country: 'FR' }, lines: [{ sku: 'A', qty: 2 }], paid: true, note: null };

describe('MessagePack', () => {
  it('decodes a document to the same JSON value', () => {
    expect(decodeMsgpack(encodeMsgpack(ORDER))).toEqual({ ok: true, value: ORDER });
  });

  it('maps bytes, big integers, extensions and timestamps to JSON-friendly values', () => {
    const value = { bin: new Uint8Array([1, 2, 255]), big: 2n ** 63n - 1n, at: new Date(Date.UTC(2026, 0, 2)) };
    const decoded = decodeMsgpack(encodeMsgpack(value, { useBigInt64: true }));
    expect(decoded).toEqual({ ok: true, value: { bin: { $bytes: 'AQL/' }, big: '9223372036854775807', at: '2026-01-02T00:00:00.000Z' } });
    // fixext1, type 5, data 0x2a
    expect(decodeMsgpack(new Uint8Array([0xd4, 0x05, 0x2a]))).toEqual({ ok: true, value: { $ext: 5, data: { $bytes: 'Kg==' } } });
  });

  it('turns a non-string key into its JSON text', () => {
    // {[1,2]: "x"}: a map whose key is an array
    const decoded = decodeMsgpack(new Uint8Array([0x81, 0x92, 0x01, 0x02, 0xa1, 0x78]));
    expect(decoded).toEqual({ ok: true, value: { '[1,2]': 'x' } });
  });

  it('fails clearly on truncated input, an empty body and trailing bytes', () => {
    const bytes = encodeMsgpack(ORDER);
    const cut = decodeMsgpack(bytes.subarray(0, bytes.length - 3));
    expect(cut.ok).toBe(false);
    if (!cut.ok) expect(cut.error).toMatch(/insufficient data/i);
    expect(decodeMsgpack(new Uint8Array(0))).toEqual({ ok: false, error: 'the body is empty' });
    expect(decodeMsgpack(new Uint8Array([0xc0, 0xc0])).ok).toBe(false);
  });

  it('refuses huge declared lengths without allocating them', () => {
    // array32 claiming 4,294,967,295 elements, str32 claiming 4 GB
    expect(decodeMsgpack(new Uint8Array([0xdd, 0xff, 0xff, 0xff, 0xff, 0x01])).ok).toBe(false);
    expect(decodeMsgpack(new Uint8Array([0xdb, 0xff, 0xff, 0xff, 0xff, 0x41])).ok).toBe(false);
  });

  it('refuses nesting deeper than the bound', () => {
    const deep = new Uint8Array(100_000).fill(0x91); // [[[[...
    const decoded = decodeMsgpack(deep);
    expect(decoded.ok).toBe(false);
    const ok = decodeMsgpack(new Uint8Array([...new Uint8Array(MAX_DECODED_DEPTH - 1).fill(0x91), 0x01]));
    expect(ok.ok).toBe(true);
  });

  it('reads a string holding invalid UTF-8 instead of failing', () => {
    // @msgpack/msgpack's decoder maps the stray byte to one character (U+FFFD for long strings): the rest survives.
    const decoded = decodeMsgpack(new Uint8Array([0xa3, 0x61, 0xff, 0x62]));
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(decoded.value).toMatch(/^a.b$/u);
  });

  it('keeps __proto__ as data or refuses it, never as a prototype', () => {
    const decoded = decodeMsgpack(encodeMsgpack(JSON.parse('{"__proto__": {"polluted": 1}}')));
    if (decoded.ok) expect(Object.getPrototypeOf(decoded.value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('CBOR', () => {
  it('decodes a document to the same JSON value', () => {
    expect(decodeCbor(encodeCbor(ORDER))).toEqual({ ok: true, value: ORDER });
  });

  it('maps integer keys, byte strings, tags, undefined and bigints deterministically', () => {
    const value = new Map<unknown, unknown>([
      [1, 'one'],
      ['bytes', new Uint8Array([0xde, 0xad])],
      ['tagged', new Tagged(1234, 'x')],
      ['big', 2n ** 64n - 1n],
    ]);
    const decoded = decodeCbor(encodeCbor(value));
    expect(decoded).toEqual({ ok: true, value: { 1: 'one', bytes: { $bytes: '3q0=' }, tagged: { $tag: 1234, value: 'x' }, big: '18446744073709551615' } });
    expect(decodeCbor(new Uint8Array([0xf7]))).toEqual({ ok: true, value: null }); // undefined
  });

  it('keeps maps with composite keys as $map entries', () => {
    // {[1]: 2}
    expect(decodeCbor(new Uint8Array([0xa1, 0x81, 0x01, 0x02]))).toEqual({ ok: true, value: { $map: [[[1], 2]] } });
  });

  it('fails clearly on truncated, huge-length and deeply nested input', () => {
    const bytes = encodeCbor(ORDER);
    expect(decodeCbor(bytes.subarray(0, bytes.length - 2)).ok).toBe(false);
    // byte string claiming 2^32 bytes
    expect(decodeCbor(new Uint8Array([0x5a, 0xff, 0xff, 0xff, 0xff, 0x00])).ok).toBe(false);
    // array claiming 2^64-1 elements
    expect(decodeCbor(new Uint8Array([0x9b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])).ok).toBe(false);
    const deep = decodeCbor(new Uint8Array(200_000).fill(0x81));
    expect(deep.ok).toBe(false);
  });
});

describe('Zstandard', () => {
  const order = ZSTD_ORDER;

  it('decompresses a frame made by the zstd CLI', () => {
    expect(isZstdFrame(order)).toBe(true);
    const result = unzstdPrefix(order, Infinity);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.complete).toBe(true);
    expect(JSON.parse(new TextDecoder().decode(result.bytes))).toMatchObject({ order_id: 'ord_zstd_1', total_cents: 7350 });
  });

  it('stops a 100 MB bomb at the limit', () => {
    const bomb = ZSTD_ZEROS_100MB;
    const result = unzstdPrefix(bomb, 64 * 1024);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.bytes.length).toBe(64 * 1024);
    expect(result.complete).toBe(false);
  });

  it('fails on truncated and corrupt frames', () => {
    expect(unzstdPrefix(order.subarray(0, order.length - 10), Infinity).ok).toBe(false);
    const corrupt = order.slice();
    corrupt.fill(0xff, 8, 40);
    expect(unzstdPrefix(corrupt, Infinity).ok).toBe(false);
    expect(unzstdPrefix(new Uint8Array([1, 2, 3]), Infinity)).toMatchObject({ ok: false });
  });

  it('refuses a header that asks for a huge window before allocating it', () => {
    // magic, descriptor 0 (not single segment), window byte: 2^(10+21) = 2 GiB
    const header = new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0x00, 21 << 3, 0, 0, 0]);
    expect(zstdWindowBytes(header)).toBe(2 ** 31);
    const result = unzstdPrefix(header, 1024);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(String(MAX_ZSTD_WINDOW_BYTES));
  });
});

describe('base64 JSON', () => {
  const b64 = (text: string) => btoa(text);

  it('decodes base64 (standard or URL-safe, wrapped) holding JSON', () => {
    expect(decodeBase64Json(b64(JSON.stringify(ORDER)))).toEqual({ ok: true, value: ORDER });
    const urlSafe = b64('{"a":"??>>"}').replace(/\+/g, '-').replace(/\//g, '_');
    expect(decodeBase64Json(urlSafe)).toEqual({ ok: true, value: { a: '??>>' } });
    const wrapped = b64(JSON.stringify(ORDER)).replace(/(.{20})/g, '$1\r\n');
    expect(sniffBase64Json(wrapped)).toEqual(ORDER);
  });

  it('leaves ordinary text alone when sniffing', () => {
    for (const text of ['deadbeef', 'hello world', 'ORDER1234', b64('plain text, not json'), b64('42'), 'abc', '']) {
      expect(sniffBase64Json(text)).toBeNull();
    }
  });

  it('says which step failed', () => {
    expect(decodeBase64Json('not base64!')).toEqual({ ok: false, error: 'the body is not base64 text' });
    expect(decodeBase64Json(btoa('\xff\xfe\xfd\xfc'))).toMatchObject({ ok: false, error: expect.stringMatching(/not UTF-8/) });
    expect(decodeBase64Json(b64('{"a":'))).toMatchObject({ ok: false, error: expect.stringMatching(/not JSON/) });
  });
});

describe('toJsonFriendly', () => {
  it('maps non-JSON numbers and keeps __proto__ as an own key', () => {
    const map = new Map<string, unknown>([['__proto__', { x: 1 }], ['n', NaN], ['i', -Infinity]]);
    const out = toJsonFriendly(map) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'n', 'i']);
    expect(out['n']).toBe('NaN');
    expect(out['i']).toBe('-Infinity');
  });
});
