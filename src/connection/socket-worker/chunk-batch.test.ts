import { describe, expect, it } from 'vitest';
import { ChunkBatch } from './chunk-batch.ts';

const bytes = (text: string) => new TextEncoder().encode(text).buffer;
const text = (buffer: ArrayBuffer | null) => (buffer ? new TextDecoder().decode(buffer) : null);

describe('ChunkBatch', () => {
  it('joins messages in arrival order and empties itself', () => {
    const batch = new ChunkBatch();
    batch.add(bytes('MESSAGE\na:1\n\nx\0'));
    batch.add(bytes('\n'));
    batch.add(bytes('MESSAGE\na:2\n\ny\0'));
    expect(batch.bytes).toBe(31);
    expect(text(batch.take())).toBe('MESSAGE\na:1\n\nx\0\nMESSAGE\na:2\n\ny\0');
    expect(batch.bytes).toBe(0);
    expect(batch.take()).toBeNull();
  });

  it('hands a lone message over without copying it, and ignores empty ones', () => {
    const batch = new ChunkBatch();
    const only = bytes('CONNECTED\n\n\0');
    batch.add(new ArrayBuffer(0));
    batch.add(only);
    expect(batch.take()).toBe(only);
  });
});
