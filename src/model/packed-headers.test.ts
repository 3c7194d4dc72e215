import { describe, expect, it } from 'vitest';
import { HeaderPacker, unpackHeaders } from './packed-headers.ts';
import { HeaderBlock } from './packed-message.ts';

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

  it("keep web_stomp's message-id and ack as their prefix once and a counter, and give back the very same text", () => {
    const session = 'T_sub-0@@session-VSdSoJHBFZEjaB35hnMZww@@';
    const messages = [1, 2, 999_999_999].map((n) => ({ subscription: 'sub-0', 'message-id': `${session}${n}`, redelivered: 'false', ack: `${session}${n}` }));
    const packer = new HeaderPacker(2);
    for (const headers of messages) packer.add(headers);
    const packed = structuredClone(packer.take());
    expect(unpackHeaders(packed)).toEqual(messages);
    // No counter in the text, the prefix once: one shape, its positions 1 and 3 numbered.
    expect(packed.text.split('session-')).toHaveLength(2);
    expect(packed.text).not.toMatch(/@@\d/);
    expect(packed.shapes).toHaveLength(1);
    expect(packed.numbered).toEqual([0b1010]);
    expect([...packed.numbers]).toEqual([1, 2, 999_999_999]);
    // Read one by one, by name, as a filter or the acker does.
    const block = new HeaderBlock(packed);
    expect(block.valueOf(2, 'ack')).toBe(`${session}999999999`);
    expect(block.valueOf(0, 'subscription')).toBe('sub-0');
  });

  it('store whole what does not come back from a number: leading zeros, too many digits, no @@, another counter, other names', () => {
    const messages: Record<string, string>[] = [
      { 'message-id': 'T_sub-0@@s@@007' },
      { 'message-id': 'T_sub-0@@s@@1234567890' },
      { 'message-id': 'T_sub-0@@s@@12a' },
      { 'message-id': 'no-mark-42' },
      { 'message-id': '@@' },
      { 'message-id': 'T_sub-0@@s@@5', ack: 'T_sub-0@@s@@6' },
      { 'message-id': 'T_sub-0@@s@@0', 'x-other': 'T_sub-0@@s@@7' },
      { 'message-id': '' },
    ];
    const packer = new HeaderPacker(2);
    for (const headers of messages) packer.add(headers);
    const packed = structuredClone(packer.take());
    expect(unpackHeaders(packed)).toEqual(messages);
    // Only the message-id of the sixth (its ack has another counter) and of the seventh were cut.
    expect([...packed.numbers]).toEqual([0, 0, 0, 0, 0, 5, 0, 0]);
    expect(packed.shapeOf[5]).not.toBe(packed.shapeOf[0]);
    expect(packed.numbered[packed.shapeOf[6] ?? 0]).toBe(0b01);
    expect(packed.numbered[packed.shapeOf[0] ?? 0]).toBe(0);
    messages.forEach((headers, i) => expect(new HeaderBlock(packed).valueOf(i, 'message-id')).toBe(headers['message-id']));
  });
});
