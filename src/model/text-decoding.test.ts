import { describe, expect, it } from 'vitest';
import { decodeTextStrict, decodeUtf8 } from './text-decoding.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('decodeUtf8', () => {
  it('reads ASCII, UTF-8 and invalid bytes as TextDecoder does', () => {
    const samples = [
      bytes(''),
      bytes('{"uuid":"5ea957be","type":"task-sent"}'),
      bytes('{"name":"Zoë","city":"Kraków","emoji":"🐇"}'),
      new Uint8Array([0x7b, 0xff, 0x22, 0xc3]),
      bytes('x'.repeat(5000)),
      bytes(`${'x'.repeat(5000)}é`),
      new Uint8Array([0, 1, 2, 127]),
    ];
    const reference = new TextDecoder();
    for (const sample of samples) expect(decodeUtf8(sample)).toBe(reference.decode(sample));
  });

  it('reads a view of a larger buffer, not the whole buffer', () => {
    const whole = bytes('abc{"k":1}xyz');
    expect(decodeUtf8(whole.subarray(3, 10))).toBe('{"k":1}');
  });
});

describe('decodeTextStrict', () => {
  it('returns null for bytes that are not valid UTF-8, and the text for those that are', () => {
    expect(decodeTextStrict(new Uint8Array([0x61, 0xff]), 'utf-8', false)).toBeNull();
    expect(decodeTextStrict(bytes('plain ascii'), 'utf-8', false)).toBe('plain ascii');
    expect(decodeTextStrict(bytes('Zoë 🐇'), 'UTF-8', false)).toBe('Zoë 🐇');
  });

  it('decodes other charsets by their label, and unknown labels as UTF-8', () => {
    expect(decodeTextStrict(new Uint8Array([0x43, 0x61, 0x66, 0xe9]), 'iso-8859-1', false)).toBe('Café');
    expect(decodeTextStrict(new Uint8Array([0x68, 0x00, 0x69, 0x00]), 'utf-16le', false)).toBe('hi');
    expect(decodeTextStrict(bytes('né'), 'no-such-charset', false)).toBe('né');
  });

  it('drops a character cut at the end of a prefix, and the next whole body is not affected by it', () => {
    const cut = bytes('ab€').subarray(0, 4); // "ab" and two of the euro sign's three bytes
    expect(decodeTextStrict(cut, 'utf-8', true)).toBe('ab');
    expect(decodeTextStrict(cut, 'utf-8', false)).toBeNull();
    expect(decodeTextStrict(bytes('€'), 'utf-8', false)).toBe('€');
    expect(decodeTextStrict(bytes('ok'), 'utf-8', true)).toBe('ok');
  });
});
