/**
 * Bounded Zstandard decompression with fzstd's streaming decoder, the
 * counterpart of decompress.ts's inflatePrefix for gzip/deflate.
 *
 * Two things bound the memory a hostile body can take:
 * - the window: fzstd allocates the frame's declared window (up to 2 GiB)
 *   up front, so the frame header is read here first and a window or
 *   content size over MAX_ZSTD_WINDOW_BYTES is refused;
 * - the output: input is fed in small chunks and feeding stops once the
 *   limit is reached. One chunk can hold at most CHUNK/4 blocks (an RLE
 *   block is 4 bytes) of at most 128 KiB each: 2 MiB past the limit.
 */
import { Decompress } from 'fzstd';

/** Larger windows than zstd's default levels use (8 MiB) by a wide margin; `--long` (128 MiB) is refused. */
export const MAX_ZSTD_WINDOW_BYTES = 32 * 1024 * 1024;
const INPUT_CHUNK_BYTES = 64;
const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

export type ZstdResult = { ok: true; bytes: Uint8Array; complete: boolean } | { ok: false; error: string };

/** True when the bytes start with a Zstandard frame's magic number. */
export function isZstdFrame(bytes: Uint8Array): boolean {
  return ZSTD_MAGIC.every((byte, at) => bytes[at] === byte);
}

/**
 * The window a frame header asks for, per RFC 8878 §3.1.1.1: the declared
 * content size for single-segment frames, else the window descriptor.
 * Null when the header is too short to tell.
 */
export function zstdWindowBytes(bytes: Uint8Array): number | null {
  if (bytes.length < 6) return null;
  const descriptor = bytes[4] ?? 0;
  const singleSegment = (descriptor >> 5) & 1;
  if (!singleSegment) {
    const windowByte = bytes[5] ?? 0;
    const base = 2 ** (10 + (windowByte >> 3));
    return base + (base / 8) * (windowByte & 7);
  }
  const sizeFlag = descriptor >> 6;
  const dictBytes = [0, 1, 2, 4][descriptor & 3] ?? 0;
  const sizeBytes = sizeFlag === 0 ? 1 : 2 ** sizeFlag;
  const at = 5 + dictBytes;
  if (bytes.length < at + sizeBytes) return null;
  let size = 0;
  for (let i = sizeBytes - 1; i >= 0; i--) size = size * 256 + (bytes[at + i] ?? 0);
  return sizeFlag === 1 ? size + 256 : size;
}

/** Decompresses until `maxOutput` bytes exist (Infinity for all). Never throws. */
export function unzstdPrefix(input: Uint8Array, maxOutput: number): ZstdResult {
  if (!isZstdFrame(input)) return { ok: false, error: 'the body does not start with a Zstandard frame (28 b5 2f fd)' };
  const window = zstdWindowBytes(input);
  if (window === null) return { ok: false, error: 'the frame header is truncated' };
  if (window > MAX_ZSTD_WINDOW_BYTES) {
    return { ok: false, error: `the frame asks for a ${window}-byte window, more than the ${MAX_ZSTD_WINDOW_BYTES} bytes Warren allows` };
  }
  const parts: Uint8Array[] = [];
  let produced = 0;
  let fedAll = false;
  const stream = new Decompress((chunk) => {
    if (chunk.length > 0) {
      // fzstd reuses its window buffer: keep a copy of what we keep.
      const kept = Math.min(chunk.length, Math.max(0, maxOutput - produced));
      if (kept > 0) parts.push(chunk.slice(0, kept));
      produced += chunk.length;
    }
  });
  try {
    for (let at = 0; at < input.length && produced <= maxOutput; at += INPUT_CHUNK_BYTES) {
      const end = Math.min(at + INPUT_CHUNK_BYTES, input.length);
      stream.push(input.subarray(at, end), end === input.length);
      fedAll = end === input.length;
    }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const total = Math.min(produced, maxOutput);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  // fzstd fails a final push that ends mid-frame, so every byte fed without error is the whole content.
  return { ok: true, bytes, complete: fedAll && produced <= maxOutput };
}
