/**
 * Bounded decompression with fflate's streaming inflaters.
 *
 * The input is fed in small chunks and feeding stops as soon as enough output
 * exists, so a preview of a 10 MB gzip body inflates only its first few KiB,
 * and a decompression bomb costs at most one chunk's worth of output
 * (DEFLATE expands at most ~1032:1, i.e. ~4 MiB for a 4 KiB chunk) beyond
 * the limit.
 */
import { Gunzip, Inflate, Unzlib } from 'fflate';
import { unzstdPrefix } from './decoders/zstd.ts';

/** Container format found from the first bytes (zstd: named by the headers, checked by its magic). */
export type CompressedFormat = 'gzip' | 'zlib' | 'deflate' | 'zstd';

/** Outcome of {@link inflatePrefix}; never an exception. */
export type InflateResult =
  | {
      ok: true;
      format: CompressedFormat;
      /** The first `min(total, maxOutput)` decompressed bytes. */
      bytes: Uint8Array;
      /** False when output beyond `maxOutput` exists (or may exist) and was not produced. */
      complete: boolean;
      /** The data inflated but is not whole (a gzip body cut in its trailer): show it, and say so. */
      warning?: string;
    }
  | { ok: false; format: CompressedFormat | null; error: string };

const INPUT_CHUNK_BYTES = 4096;

/**
 * Finds the format from magic bytes: gzip (1f 8b 08), zlib (a valid CMF/FLG
 * pair for deflate), otherwise raw DEFLATE. `gzipOnly` refuses anything but
 * gzip: raw DEFLATE cannot be recognised, and "inflating" text that was never
 * compressed can produce garbage instead of an error.
 */
export function detectCompressedFormat(bytes: Uint8Array, gzipOnly: boolean): CompressedFormat | null {
  const b0 = bytes[0] ?? -1;
  const b1 = bytes[1] ?? -1;
  if (b0 === 0x1f && b1 === 0x8b && bytes[2] === 8) return 'gzip';
  // zlib: compression method 8 in the low nibble, window <= 32K, header divisible by 31.
  const isZlib = b0 >= 0 && b1 >= 0 && (b0 & 0x0f) === 8 && b0 >> 4 <= 7 && ((b0 << 8) | b1) % 31 === 0;
  if (isZlib) return 'zlib';
  return gzipOnly ? null : 'deflate';
}

/**
 * Decompresses `input` until `maxOutput` bytes exist (use Infinity for all).
 * Corrupt or truncated data becomes `{ ok: false, error }` with fflate's
 * reason (e.g. "unexpected EOF", "invalid block type").
 */
export function inflatePrefix(input: Uint8Array, gzipOnly: boolean, maxOutput: number): InflateResult {
  const format = detectCompressedFormat(input, gzipOnly);
  if (format === null) return { ok: false, format, error: 'the body does not start with a gzip header (1f 8b 08)' };
  const parts: Uint8Array[] = [];
  let produced = 0;
  let finished = false;
  const onData = (chunk: Uint8Array, final: boolean): void => {
    if (chunk.length > 0) {
      parts.push(chunk);
      produced += chunk.length;
    }
    if (final) finished = true;
  };
  const stream = format === 'gzip' ? new Gunzip(onData) : format === 'zlib' ? new Unzlib(onData) : new Inflate(onData);
  try {
    for (let at = 0; at < input.length && produced <= maxOutput; at += INPUT_CHUNK_BYTES) {
      const end = Math.min(at + INPUT_CHUNK_BYTES, input.length);
      stream.push(input.subarray(at, end), end === input.length);
    }
  } catch (error) {
    return { ok: false, format, error: error instanceof Error ? error.message : String(error) };
  }
  const complete = finished && produced <= maxOutput;
  const bytes = concatPrefix(parts, Math.min(produced, maxOutput));
  if (format === 'gzip' && complete) {
    // fflate checks neither a gzip member's length nor its trailer: a body cut
    // inside its 10-byte header inflates to nothing, "successfully".
    if (input.length < GZIP_MIN_BYTES) return { ok: false, format, error: `the gzip data is cut short (${input.length} bytes; a gzip member has at least ${GZIP_MIN_BYTES})` };
    const isize = gzipTrailerSize(input);
    if (isize !== produced >>> 0) return { ok: true, format, bytes, complete, warning: `The gzip trailer says ${isize} bytes but ${produced} were inflated: the body is cut short or corrupt.` };
  }
  return { ok: true, format, bytes, complete };
}

/** Header (10) + empty deflate block (2) + CRC32 and ISIZE (8): no gzip member is shorter. */
const GZIP_MIN_BYTES = 20;

/** ISIZE, the last 4 bytes of a gzip member: the inflated size modulo 2^32, little-endian. */
function gzipTrailerSize(input: Uint8Array): number {
  const n = input.length;
  return ((input[n - 4] ?? 0) | ((input[n - 3] ?? 0) << 8) | ((input[n - 2] ?? 0) << 16) | ((input[n - 1] ?? 0) << 24)) >>> 0;
}

/**
 * {@link inflatePrefix}, or Zstandard when `zstd` (same bounds, same result
 * shape; see decoders/zstd.ts for how a zstd bomb is bounded).
 */
export function decompressPrefix(input: Uint8Array, codec: { gzipOnly: boolean; zstd?: boolean }, maxOutput: number): InflateResult {
  if (codec.zstd !== true) return inflatePrefix(input, codec.gzipOnly, maxOutput);
  const result = unzstdPrefix(input, maxOutput);
  return result.ok ? { ok: true, format: 'zstd', bytes: result.bytes, complete: result.complete } : { ok: false, format: null, error: result.error };
}

function concatPrefix(parts: Uint8Array[], length: number): Uint8Array {
  const first = parts[0];
  if (parts.length === 1 && first !== undefined) return length === first.length ? first : first.subarray(0, length);
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    if (at >= length) break;
    const take = Math.min(part.length, length - at);
    out.set(take === part.length ? part : part.subarray(0, take), at);
    at += take;
  }
  return out;
}
