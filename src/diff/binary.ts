/**
 * Two binary bodies: how many byte offsets differ (a length difference
 * counts every offset past the shorter body), the first one, and the hex
 * dump lines around it in each body.
 */
import { hexDump } from '../model/index.ts';
import type { DiffEntry } from './types.ts';

export interface BinaryDiff {
  /** Offsets whose byte differs or exists on one side only. */
  differing: number;
  /** The first such offset, or -1 when the bytes are equal. */
  firstOffset: number;
  leftLength: number;
  rightLength: number;
  /** `hexdump -C` lines from the line before the first difference to the line after, per side. */
  leftHex: string;
  rightHex: string;
  entries: DiffEntry[];
}

const LINE = 16;

/** Compares two byte arrays offset by offset. Never throws. */
export function diffBytes(left: Uint8Array, right: Uint8Array): BinaryDiff {
  const common = Math.min(left.length, right.length);
  let differing = Math.max(left.length, right.length) - common;
  let firstOffset = -1;
  for (let i = 0; i < common; i++) {
    if (left[i] !== right[i]) {
      differing++;
      if (firstOffset === -1) firstOffset = i;
    }
  }
  if (firstOffset === -1 && differing > 0) firstOffset = common;
  if (firstOffset === -1) return { differing: 0, firstOffset, leftLength: left.length, rightLength: right.length, leftHex: '', rightHex: '', entries: [] };
  const from = Math.max(0, Math.floor(firstOffset / LINE) * LINE - LINE);
  const leftHex = hexDump(left, from, 3 * LINE);
  const rightHex = hexDump(right, from, 3 * LINE);
  const entry: DiffEntry = { path: `offset:${firstOffset}`, kind: 'changed', old: byteAt(left, firstOffset), new: byteAt(right, firstOffset) };
  return { differing, firstOffset, leftLength: left.length, rightLength: right.length, leftHex, rightHex, entries: [entry] };
}

function byteAt(bytes: Uint8Array, offset: number): string {
  const byte = bytes[offset];
  return byte === undefined ? '(end of body)' : `0x${byte.toString(16).padStart(2, '0')}`;
}
