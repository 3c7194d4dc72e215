import { describe, expect, it } from 'vitest';
import { HeaderPacker, unpackHeaders } from './packed-headers.ts';

/** What a message's headers are once read back from a capture file's line. */
const fromJson = (headers: Record<string, string>) => JSON.parse(JSON.stringify(headers)) as Record<string, string>;

describe('packed headers', () => {
  it('keep their ids in the narrowest array that holds them, and read back the same whatever it is', () => {
    for (const [distinct, kind] of [
      [200, Uint8Array],
      [3_000, Uint16Array],
      [70_000, Uint32Array],
    ] as const) {
      const messages = Array.from({ length: distinct }, (_, i) => ({ id: `v${i}`, same: 'x' }));
      const packer = new HeaderPacker(16);
      for (const headers of messages) packer.add(headers);
      const packed = structuredClone(packer.take());
      expect(packed.valueIds).toBeInstanceOf(kind);
      expect(packed.shapeOf).toBeInstanceOf(Uint8Array);
      // The text's length decides the ends' array: 70,000 values of 2-6 characters run past 65,535.
      expect(packed.ends).toBeInstanceOf(distinct > 10_000 ? Uint32Array : Uint16Array);
      expect(unpackHeaders(packed)).toEqual(messages);
    }
  });

  it('give back the same objects, names in the same order, whatever the names', () => {
    const odd = JSON.parse('{"__proto__":"p","constructor":"c","2":"two","a\\nb":"newline","":"empty name","é😀":"ü\\u0000"}') as Record<string, string>;
    const messages = [
      { destination: '/exchange/x/a', 'content-type': 'application/json', 'x-warren-seq': '1' },
      { destination: '/exchange/x/b', 'content-type': 'text/plain', 'x-warren-seq': '2' },
      {},
      odd,
      { 'x-warren-seq': '3', destination: '/exchange/x/c' },
      { a: 'x', b: 'y' },
      { 'a","b': 'x' },
      { destination: '/exchange/x/d', 'content-type': '', 'x-warren-seq': '4' },
    ].map(fromJson);
    const packer = new HeaderPacker(2);
    for (const headers of messages) packer.add(headers);
    const packed = structuredClone(packer.take());
    const unpacked = unpackHeaders(packed);
    expect(unpacked).toEqual(messages);
    unpacked.forEach((headers, i) => expect(Object.keys(headers)).toEqual(Object.keys(messages[i]!)));
    // The __proto__ header is a value, not the object's prototype.
    expect(Object.getPrototypeOf(unpacked[3])).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(unpacked[3], '__proto__')?.value).toBe('p');
    // Messages with the same names share one shape; {"a","b"} is not {"a\nb"} nor {'a","b'}.
    expect(packed.shapes.length).toBe(6);
    expect([...packed.shapeOf]).toEqual([0, 0, 1, 2, 3, 4, 5, 0]);
  });

  it('writes a repeated value once per batch, and gives every message its own value back', () => {
    const messages = [1, 2, 3].map((n) => ({ destination: '/exchange/app.events/orders.eu.created', 'x-warren-seq': String(1000 + n), id: '1001', short: 'abc', empty: '' }));
    const packer = new HeaderPacker(4);
    for (const headers of messages) packer.add(headers);
    const packed = structuredClone(packer.take());
    expect(unpackHeaders(packed)).toEqual(messages);
    // Each distinct value once: the destination, "abc", "", "1001" (the id, and the first message's seq) and two more seqs.
    expect(packed.text.split('orders.eu.created')).toHaveLength(2);
    expect(packed.ends).toHaveLength(6);
    expect(packed.valueIds).toHaveLength(15);
    expect(unpackHeaders(packed).every((h) => typeof h.id === 'string' && h.id === '1001')).toBe(true);
    // Starts afresh: a value seen in the last batch is written out again.
    packer.add(messages[0]!);
    expect(unpackHeaders(packer.take())).toEqual([messages[0]]);
  });

  it('starts afresh after take()', () => {
    const packer = new HeaderPacker(4);
    packer.add({ a: '1' });
    packer.take();
    packer.add({ b: '2' });
    const packed = packer.take();
    expect(unpackHeaders(packed)).toEqual([{ b: '2' }]);
    expect(packed.shapes).toEqual([['b']]);
  });
});
