import { describe, expect, it } from 'vitest';
import { diffBytes } from './binary.ts';

describe('diffBytes', () => {
  it('counts differing offsets, finds the first and dumps the lines around it', () => {
    const left = new Uint8Array(64).map((_, i) => i);
    const right = left.slice();
    right[40] = 0xff;
    right[50] = 0xee;
    const diff = diffBytes(left, right);
    expect(diff).toMatchObject({ differing: 2, firstOffset: 40, leftLength: 64, rightLength: 64 });
    expect(diff.entries).toEqual([{ path: 'offset:40', kind: 'changed', old: '0x28', new: '0xff' }]);
    expect(diff.leftHex.split('\n').map((l) => l.slice(0, 8))).toEqual(['00000010', '00000020', '00000030']);
    expect(diff.rightHex).toContain('ff');
  });

  it('counts the extra bytes of a longer body', () => {
    const diff = diffBytes(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3, 4]));
    expect(diff).toMatchObject({ differing: 2, firstOffset: 2 });
    expect(diff.entries[0]).toEqual({ path: 'offset:2', kind: 'changed', old: '(end of body)', new: '0x03' });
  });

  it('finds nothing in equal bytes', () => {
    expect(diffBytes(new Uint8Array([9, 9]), new Uint8Array([9, 9]))).toMatchObject({ differing: 0, firstOffset: -1, entries: [] });
  });
});
