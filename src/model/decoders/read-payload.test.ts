import { encode as encodeMsgpack } from '@msgpack/msgpack';
import { encode as encodeCbor } from 'cborg';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ZSTD_ORDER } from './fixtures/zstd-frames.ts';
import { decodeBody } from '../body.ts';
import { appEvent } from '../fixtures/messages.ts';
import { MAX_DECODE_OVERRIDES, PayloadDecoding } from '../payload-decoding.ts';
import { autoChoice } from './decoder-choice.ts';
import { NOT_PLAIN_JSON, plainJsonValue } from './plain-json-value.ts';
import { readPayload } from './read-payload.ts';
import { valueAtPath, type FieldSegment } from '../value-at-path.ts';
import { SchemaRegistry } from './schema-registry.ts';

const ORDER = { order_id: 'ord_1', total_cents: 7350 };
const none = new SchemaRegistry();
const zstdOrder = ZSTD_ORDER;

describe('auto choice from the headers', () => {
  it.each([
    ['application/msgpack', 'msgpack'],
    ['application/x-msgpack', 'msgpack'],
    ['application/vnd.msgpack', 'msgpack'],
    ['application/cbor', 'cbor'],
    ['application/json; charset=utf-8', 'json'],
    ['application/x-protobuf', 'protobuf'],
    ['application/vnd.google.protobuf; proto=shop.Order', 'protobuf'],
    ['text/base64', 'base64-json'],
  ])('%s → %s', (contentType, decoder) => {
    expect(autoChoice(appEvent({ 'content-type': contentType }, 'x'), none)?.decoder).toBe(decoder);
  });

  it('sniffs unlabelled, text and octet-stream bodies', () => {
    expect(autoChoice(appEvent({}, 'x'), none)).toBeNull();
    expect(autoChoice(appEvent({ 'content-type': 'text/plain' }, 'x'), none)).toBeNull();
    expect(autoChoice(appEvent({ 'content-type': 'application/octet-stream' }, 'x'), none)).toBeNull();
  });
});

describe('readPayload', () => {
  it('decodes MessagePack and CBOR by content type', () => {
    const msgpack = readPayload(appEvent({ 'content-type': 'application/msgpack' }, encodeMsgpack(ORDER)), null, none);
    expect(msgpack).toMatchObject({ label: 'MessagePack', hasValue: true, value: ORDER, auto: { decoder: 'msgpack' } });
    expect(msgpack.body.kind).toBe('binary');
    const cbor = readPayload(appEvent({ 'content-type': 'application/cbor' }, encodeCbor(ORDER)), null, none);
    expect(cbor).toMatchObject({ label: 'CBOR', hasValue: true, value: ORDER });
  });

  it('undoes zstd (content-encoding and kombu header) and gzip before decoding', () => {
    const zstd = readPayload(appEvent({ 'content-type': 'application/json', 'content-encoding': 'zstd' }, zstdOrder), null, none);
    expect(zstd).toMatchObject({ label: 'JSON', hasValue: true, value: { order_id: 'ord_zstd_1', total_cents: 7350 } });
    expect(zstd.body.decompressed).toBe('zstd');
    const kombu = decodeBody(appEvent({ 'content-type': 'application/json', compression: 'application/zstd' }, zstdOrder));
    expect(kombu).toMatchObject({ kind: 'json', decompressed: 'zstd' });
    const packed = readPayload(appEvent({ 'content-type': 'application/msgpack', 'content-encoding': 'gzip' }, gzipSync(encodeMsgpack(ORDER))), null, none);
    expect(packed).toMatchObject({ hasValue: true, value: ORDER });
  });

  it('explains a corrupt zstd body with the bytes as received', () => {
    const corrupt = zstdOrder.slice();
    corrupt.fill(0xff, 8, 40);
    const reading = readPayload(appEvent({ 'content-encoding': 'zstd' }, corrupt), null, none);
    expect(reading.hasValue).toBe(false);
    expect(reading.body.kind).toBe('binary');
    expect(reading.body.warning).toMatch(/^Could not decompress \(content-encoding zstd\)/);
  });

  it('fails a corrupt MessagePack body with a note naming the decoder', () => {
    const reading = readPayload(appEvent({ 'content-type': 'application/msgpack' }, new Uint8Array([0x82, 0xa1, 0x61])), null, none);
    expect(reading.hasValue).toBe(false);
    expect(reading.error).toBe('MessagePack decoding failed: the body ends in the middle of a value (truncated or not MessagePack)');
  });

  it('sniffs base64 JSON only on unlabelled or text bodies', () => {
    const b64 = btoa(JSON.stringify(ORDER));
    expect(readPayload(appEvent({}, b64), null, none)).toMatchObject({ label: 'Base64 → JSON', value: ORDER });
    expect(readPayload(appEvent({ 'content-type': 'application/xml' }, b64), null, none)).toMatchObject({ label: 'Text', hasValue: false });
  });

  it('honours an override, including one that fails', () => {
    const msg = appEvent({}, encodeMsgpack(ORDER));
    expect(readPayload(msg, null, none)).toMatchObject({ label: 'Hex', hasValue: false });
    expect(readPayload(msg, { decoder: 'msgpack' }, none)).toMatchObject({ label: 'MessagePack', hasValue: true, value: ORDER, override: { decoder: 'msgpack' } });
    expect(readPayload(msg, { decoder: 'cbor' }, none)).toMatchObject({ hasValue: false, error: expect.stringMatching(/^CBOR decoding failed/) });
    const json = appEvent({ 'content-type': 'application/json' }, JSON.stringify(ORDER));
    expect(readPayload(json, { decoder: 'text' }, none)).toMatchObject({ label: 'Text', hasValue: false });
    expect(readPayload(json, { decoder: 'hex' }, none)).toMatchObject({ label: 'Hex', hasValue: false });
    expect(readPayload(appEvent({ 'content-type': 'text/plain' }, '[1,2]'), { decoder: 'json' }, none)).toMatchObject({ hasValue: true, value: [1, 2] });
  });

  it('does not decode a binary format from a truncated prefix', () => {
    const big = encodeMsgpack({ blob: 'x'.repeat(5000) });
    const reading = readPayload(appEvent({ 'content-type': 'application/msgpack' }, big), null, none, { limitBytes: 1000 });
    expect(reading.hasValue).toBe(false);
    expect(reading.error).toMatch(/only the first 1000 bytes/);
  });
});

describe('PayloadDecoding', () => {
  it('gives every reader the decoded value and moves its version on an override', () => {
    const payloads = new PayloadDecoding();
    const msg = { ...appEvent({}, encodeMsgpack(ORDER)), seq: 7 };
    let calls = 0;
    payloads.subscribe(() => calls++);
    expect(payloads.valueOf(msg)).toBeUndefined();
    const before = payloads.version;
    payloads.setOverride(7, { decoder: 'msgpack' });
    expect(payloads.version).toBe(before + 1);
    expect(calls).toBe(1);
    expect(payloads.valueOf(msg)).toEqual(ORDER);
    payloads.setOverride(7, null);
    expect(payloads.overrideOf(7)).toBeNull();
  });

  it('keeps at most MAX_DECODE_OVERRIDES choices, forgetting the oldest', () => {
    const payloads = new PayloadDecoding();
    for (let seq = 1; seq <= MAX_DECODE_OVERRIDES + 2; seq++) payloads.setOverride(seq, { decoder: 'hex' });
    expect(payloads.overrideOf(1)).toBeNull();
    expect(payloads.overrideOf(2)).toBeNull();
    expect(payloads.overrideOf(3)).toEqual({ decoder: 'hex' });
    expect(payloads.overrideOf(MAX_DECODE_OVERRIDES + 2)).toEqual({ decoder: 'hex' });
  });
});

describe('readPayload for values only', () => {
  it('gives the same values as the full reading', () => {
    const cases = [
      appEvent({ 'content-type': 'application/json' }, JSON.stringify(ORDER)),
      appEvent({}, ' [1, {"a": 2}] '),
      appEvent({}, btoa(JSON.stringify(ORDER))),
      appEvent({ 'content-type': 'application/msgpack' }, encodeMsgpack(ORDER)),
      appEvent({ 'content-type': 'application/json' }, '{"broken":'),
      appEvent({}, 'plain text'),
      appEvent({ 'content-type': 'application/json', 'content-encoding': 'zstd' }, ZSTD_ORDER),
    ];
    for (const msg of cases) {
      expect(readPayload(msg, null, none, { valueOnly: true }).value).toEqual(readPayload(msg, null, none).value);
    }
  });
});

describe('the plain-JSON path of PayloadDecoding.valueOf', () => {
  const JSON_TYPE = { 'content-type': 'application/json' };
  const cases: [string, Record<string, string>, Uint8Array | string][] = [
    ['labelled ASCII JSON', JSON_TYPE, JSON.stringify(ORDER)],
    ['Celery: content-encoding utf-8', { ...JSON_TYPE, 'content-encoding': 'utf-8' }, '[[1, 2], {}, {"chain": null}]'],
    ['a +json type with a charset', { 'content-type': 'application/vnd.shop+json; charset=UTF-8' }, '{"a": [1, 2.5, "x"]}'],
    ['a bare number and a bare string', JSON_TYPE, '42'],
    ['non-ASCII UTF-8', JSON_TYPE, '{"city": "Kraków", "emoji": "🐇"}'],
    ['invalid UTF-8', JSON_TYPE, new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d])],
    ['malformed JSON', JSON_TYPE, '{"order": 42,'],
    ['empty', JSON_TYPE, ''],
    ['kombu zlib compression header', { ...JSON_TYPE, compression: 'application/x-gzip' }, JSON.stringify(ORDER)],
    ['gzip content-encoding', { ...JSON_TYPE, 'content-encoding': 'gzip' }, gzipSync(new TextEncoder().encode(JSON.stringify(ORDER)))],
    ['latin-1 charset', { 'content-type': 'application/json; charset=iso-8859-1' }, new Uint8Array([0x7b, 0x22, 0x63, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d])],
    ['unlabelled JSON', {}, JSON.stringify(ORDER)],
    ['MessagePack', { 'content-type': 'application/msgpack' }, encodeMsgpack(ORDER)],
    ['over the body limit', JSON_TYPE, `{"pad": "${'x'.repeat(300 * 1024)}"}`],
  ];

  it.each(cases)('%s: the same value as readPayload', (_name, headers, body) => {
    const m = appEvent(headers, body);
    expect(new PayloadDecoding().valueOf(m)).toEqual(readPayload(m, null, none, { valueOnly: true }).value);
  });

  it('takes the short path for labelled ASCII JSON only', () => {
    expect(plainJsonValue(appEvent(JSON_TYPE, JSON.stringify(ORDER)))).toEqual(ORDER);
    expect(plainJsonValue(appEvent({ ...JSON_TYPE, 'content-encoding': 'utf-8' }, '[1]'))).toEqual([1]);
    for (const [name, headers, body] of cases.slice(4)) expect(plainJsonValue(appEvent(headers, body)), name).toBe(NOT_PLAIN_JSON);
  });

  it.each(cases)('%s: fieldOf gives what valueOf has at the path', (_name, headers, body) => {
    const decoding = new PayloadDecoding();
    const m = appEvent(headers, body);
    for (const path of [['order_id'], ['total_cents'], ['order'], ['missing'], [0], []] as FieldSegment[][]) {
      expect(decoding.fieldOf(m, path), JSON.stringify(path)).toEqual(valueAtPath(decoding.valueOf(m), path));
    }
  });

  it('fieldOf follows a "decode as…" choice, and a message decoded for one field is not decoded again for the next', () => {
    const decoding = new PayloadDecoding();
    const packed = appEvent({ 'content-type': 'application/msgpack' }, encodeMsgpack(ORDER));
    expect(decoding.fieldOf(packed, ['total_cents'])).toBe(7350);
    expect(decoding.fieldOf(packed, ['order_id'])).toBe('ord_1');
    const json = appEvent(JSON_TYPE, JSON.stringify(ORDER));
    expect(decoding.fieldOf(json, ['total_cents'])).toBe(7350);
    decoding.setOverride(json.seq, { decoder: 'text' });
    expect(decoding.fieldOf(json, ['total_cents'])).toBeUndefined();
    decoding.setOverride(packed.seq, { decoder: 'text' });
    expect(decoding.fieldOf(packed, ['total_cents'])).toBeUndefined();
  });

  it('does not take it for a message with a "decode as…" choice', () => {
    const decoding = new PayloadDecoding();
    const m = appEvent(JSON_TYPE, JSON.stringify({ a: 1 }));
    expect(decoding.valueOf(m)).toEqual({ a: 1 });
    decoding.setOverride(m.seq, { decoder: 'text' });
    expect(decoding.valueOf(m)).toBeUndefined();
  });
});
