/**
 * Which bytes the Hex view dumps, and how many per step.
 */
import type { DecodedBody } from '../../model/index.ts';
import type { TracedMessage } from '../../model/types.ts';

/** Shown before any "show more": a screenful or two of hexdump -C lines. */
export const HEX_FIRST_BYTES = 4 * 1024;

export interface HexSource {
  bytes: Uint8Array;
  /** What the bytes are, for the caption. */
  caption: string;
}

/**
 * Binary bodies dump the decoded bytes (decompressed, when they were
 * compressed: that is the content); text and JSON dump the bytes as
 * received, which is what Hex is for there (encodings, BOMs, stray bytes).
 */
export function hexSource(msg: Pick<TracedMessage, 'body'>, decoded: DecodedBody): HexSource {
  if (decoded.kind === 'binary' && decoded.decompressed !== null) {
    return { bytes: decoded.bytes, caption: `${decoded.decompressed}-decompressed bytes` };
  }
  return { bytes: msg.body, caption: 'bytes as received' };
}

/** Bytes to show after one more step: four times as many, so even 10 MB is a few clicks. */
export function nextHexBytes(shown: number, total: number): number {
  return Math.min(total, shown * 4);
}
