import { describe, expect, it } from 'vitest';
import type { TracedMessage } from '../model/types.ts';
import { MessageBuffer } from './message-buffer.ts';

const message = (seq: number): TracedMessage => ({
  seq,
  receivedAt: 0,
  subscriptionId: 's',
  exchange: 'x',
  routingKey: `k.${seq}`,
  size: 0,
  contentType: '',
  contentEncoding: '',
  correlationId: '',
  taskName: '',
  warrenSeq: seq,
  headers: {},
  body: new Uint8Array(0),
});

describe('MessageBuffer', () => {
  it('keeps messages addressable by seq until evicted', () => {
    const buffer = new MessageBuffer(3);
    for (let seq = 1; seq <= 5; seq++) buffer.append(message(seq));
    expect(buffer.firstSeq).toBe(3);
    expect(buffer.lastSeq).toBe(5);
    expect(buffer.size).toBe(3);
    expect(buffer.dropped).toBe(2);
    expect(buffer.received).toBe(5);
    expect(buffer.get(2)).toBeUndefined();
    expect(buffer.get(3)?.routingKey).toBe('k.3');
    expect(buffer.get(5)?.routingKey).toBe('k.5');
    expect(buffer.get(6)).toBeUndefined();
  });

  it('refuses an append out of sequence', () => {
    const buffer = new MessageBuffer(2);
    buffer.append(message(1));
    expect(() => buffer.append(message(3))).toThrow(/expected seq 2/);
  });

  it('clear() forgets every message and its counts, and seqs go on', () => {
    const buffer = new MessageBuffer(3);
    for (let seq = 1; seq <= 5; seq++) buffer.append(message(seq));
    buffer.clear();
    expect(buffer.size).toBe(0);
    expect(buffer.received).toBe(0);
    expect(buffer.dropped).toBe(0);
    expect(buffer.get(5)).toBeUndefined();
    expect([...buffer.retained()]).toEqual([]);
    expect(buffer.nextSeq).toBe(6);
    buffer.append(message(6));
    expect(buffer.get(6)?.seq).toBe(6);
    expect(buffer.received).toBe(1);
  });
});
