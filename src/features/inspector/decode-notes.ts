/**
 * The sentences that explain how a body was decoded: decompression, the
 * decode limit, and the decoder's own warning. Pure, so the wording is tested.
 */
import type { DecodedBody } from '../../model/index.ts';
import { formatBytes } from '../../ui/index.ts';
import { formatExactBytes } from './format.ts';

/** "gzip-decoded (812 bytes → 2,301 bytes)", or null when nothing was decompressed. */
export function decompressionNote(decoded: DecodedBody): string | null {
  if (decoded.decompressed === null) return null;
  const after = decoded.totalBytes === null ? `more than ${formatExactBytes(decoded.decodedBytes)}` : formatExactBytes(decoded.totalBytes);
  return `${decoded.decompressed}-decoded (${formatExactBytes(decoded.wireBytes)} → ${after})`;
}

/** "Showing the first 256 KiB of 1.0 MB", or null when the whole body was decoded. */
export function truncationNote(decoded: DecodedBody): string | null {
  if (!decoded.truncated) return null;
  // A compressed body stops inflating at the limit, so its full size is not known yet.
  const of = decoded.totalBytes === null ? `a larger body (${formatBytes(decoded.wireBytes)} compressed)` : formatBytes(decoded.totalBytes);
  return `Showing the first ${formatBytes(decoded.decodedBytes)} of ${of}`;
}
