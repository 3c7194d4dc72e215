import { describe, expect, it } from 'vitest';
import { BodySlab, MAX_PACKED_BODY, SLAB_BYTES } from './body-slab.ts';

describe('BodySlab', () => {
  it('packs small bodies side by side in one block, bytes intact', () => {
    const slab = new BodySlab();
    const a = slab.store(Uint8Array.from([1, 2, 3]));
    const b = slab.store(Uint8Array.from([4, 5]));
    expect(Array.from(a)).toEqual([1, 2, 3]);
    expect(Array.from(b)).toEqual([4, 5]);
    expect(a.buffer).toBe(b.buffer);
    expect(b.byteOffset).toBe(3);
  });

  it('starts a new block when the current one is full', () => {
    const slab = new BodySlab();
    const chunk = new Uint8Array(MAX_PACKED_BODY).fill(7);
    const views = Array.from({ length: Math.ceil(SLAB_BYTES / MAX_PACKED_BODY) + 1 }, () => slab.store(chunk));
    expect(views[0]!.buffer).not.toBe(views.at(-1)!.buffer);
    expect(views.every((v) => v.length === MAX_PACKED_BODY && v[0] === 7 && v[MAX_PACKED_BODY - 1] === 7)).toBe(true);
  });

  it('keeps large and empty bodies as they are', () => {
    const slab = new BodySlab();
    const big = new Uint8Array(MAX_PACKED_BODY + 1);
    expect(slab.store(big)).toBe(big);
    const empty = new Uint8Array(0);
    expect(slab.store(empty)).toBe(empty);
  });
});
