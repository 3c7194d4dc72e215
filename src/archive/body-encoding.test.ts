import { describe, expect, it } from 'vitest';
import { base64ToBytes, BodyScratch, bytesToBase64, decodeBody, decodeBodyInto, encodeBody } from './body-encoding.ts';

const bytes = (...values: number[]) => new Uint8Array(values);
const roundTrip = (body: Uint8Array) => {
  const encoded = encodeBody(body);
  return { encoded, back: decodeBody(encoded.bodyEncoding, encoded.body) };
};

describe('message bodies in a JSON line', () => {
  it('keeps valid UTF-8 as text, astral characters included', () => {
    const text = 'naïve café — 日本語 — 😀🦄 𝄞';
    const { encoded, back } = roundTrip(new TextEncoder().encode(text));
    expect(encoded).toEqual({ bodyEncoding: 'utf8', body: text });
    expect(back).toEqual(new TextEncoder().encode(text));
  });

  it('keeps ASCII with control characters, quotes and backslashes as text, through JSON and back', () => {
    const text = 'a\u0000b\u001f"c\\d\r\n\u007f';
    const { encoded, back } = roundTrip(new TextEncoder().encode(text));
    expect(encoded).toEqual({ bodyEncoding: 'utf8', body: text });
    expect(JSON.parse(JSON.stringify(encoded.body))).toBe(text);
    expect(back).toEqual(new TextEncoder().encode(text));
  });

  it('writes an empty body as empty text', () => {
    const { encoded, back } = roundTrip(new Uint8Array(0));
    expect(encoded).toEqual({ bodyEncoding: 'utf8', body: '' });
    expect(back).toEqual(new Uint8Array(0));
  });

  it('keeps a leading byte-order mark (a plain TextDecoder would strip it)', () => {
    const body = bytes(0xef, 0xbb, 0xbf, 0x68, 0x69);
    const { encoded, back } = roundTrip(body);
    expect(encoded.bodyEncoding).toBe('utf8');
    expect(back).toEqual(body);
  });

  it.each([
    ['an encoded lone surrogate (CESU-style ED A0 80)', bytes(0x61, 0xed, 0xa0, 0x80, 0x62)],
    ['a lone continuation byte', bytes(0x61, 0x80)],
    ['a sequence cut short', bytes(0x61, 0xf0, 0x9f, 0x98)],
    ['an overlong slash', bytes(0xc0, 0xaf)],
    ['a NUL-free binary blob', bytes(0xff, 0xfe, 0xfd, 0x01, 0x02)],
  ])('writes %s as base64, exactly', (_label, body) => {
    const { encoded, back } = roundTrip(body);
    expect(encoded.bodyEncoding).toBe('base64');
    expect(back).toEqual(body);
  });

  it('round-trips every byte value, and a body past the fromCharCode chunk', () => {
    const all = new Uint8Array(256 * 300).map((_, i) => (i * 7919) % 256);
    const { encoded, back } = roundTrip(all);
    expect(encoded.bodyEncoding).toBe('base64');
    expect(back).toEqual(all);
    expect(encoded.body.startsWith('AO/e')).toBe(true); // bytes 00 ef de
  });

  it.each(['abc', 'ab c', 'ab=c', 'a===', '====', 'YWJj\n', 'YW*j', 'YWJjZA', 'YWJjZA=', 'é===', 'YWJj ZA=='])('refuses %j as base64', (text) => {
    expect(base64ToBytes(text)).toBeNull();
  });

  it('reads strict base64, padded or not needing padding', () => {
    expect(base64ToBytes('')).toEqual(new Uint8Array(0));
    expect(base64ToBytes('YWJj')).toEqual(bytes(0x61, 0x62, 0x63));
    expect(base64ToBytes('YWJjZA==')).toEqual(bytes(0x61, 0x62, 0x63, 0x64));
    expect(base64ToBytes(bytesToBase64(bytes(1, 2, 3, 4, 5)))).toEqual(bytes(1, 2, 3, 4, 5));
  });
});

describe('decoding into a reused scratch (import)', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it.each([
    ['ASCII', 'utf8', '{"order":1}'],
    ['text that turns non-ASCII midway', 'utf8', 'abc naïve 😀 end'],
    ['an empty body', 'utf8', ''],
    ['base64', 'base64', bytesToBase64(bytes(0, 0xff, 0xed, 0xa0, 0x80))],
  ] as const)('gives the same bytes as decodeBody: %s', (_label, encoding, body) => {
    expect(decodeBodyInto(encoding, body, new BodyScratch(1024))).toEqual(decodeBody(encoding, body));
  });

  it('refuses what decodeBody refuses', () => {
    expect(decodeBodyInto('base64', 'YW*j', new BodyScratch(1024))).toBeNull();
  });

  it('hands small bodies over as views of one buffer, each decode overwriting the last', () => {
    const scratch = new BodyScratch(1024);
    const first = decodeBodyInto('utf8', 'first', scratch);
    const second = decodeBodyInto('utf8', 'other', scratch);
    expect(second?.buffer).toBe(first?.buffer);
    expect(first).toEqual(utf8('other'));
  });

  it('gives a body larger than maxBytes bytes of its own, also when only its UTF-8 is larger', () => {
    const scratch = new BodyScratch(8);
    const small = decodeBodyInto('utf8', 'x', scratch);
    for (const text of ['0123456789', 'éééééé' /* 6 characters, 12 bytes */]) {
      const own = decodeBodyInto('utf8', text, scratch);
      expect(own).toEqual(utf8(text));
      expect(own?.buffer).not.toBe(small?.buffer);
    }
    const binary = decodeBodyInto('base64', bytesToBase64(new Uint8Array(9).fill(7)), scratch);
    expect(binary).toEqual(new Uint8Array(9).fill(7));
    expect(binary?.buffer).not.toBe(small?.buffer);
  });
});
