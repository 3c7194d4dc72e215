/**
 * Where an export should go: the browser's Blob store holds a few hundred
 * MB at most (~470 MB in the bench's Chromium, 2026-12-03, where a plain
 * export of 1,000,000 messages is ~800 MB), so a bigger one goes to a file
 * on disk (file-chunks.ts). The size is estimated from a sample of lines.
 */
import type { ExportSource } from './export-messages.ts';
import { recordLine, type ArchivableMessage } from './record.ts';

/**
 * Estimated bytes above which an export goes to a file: well under the Blob
 * store's limit on a machine with less memory than the bench's, and low
 * enough that big gzip exports go too. On disk, the browser process does
 * not copy each chunk into its Blob store (3 % of a core against 30-36 % in
 * the bench's 1,000,000-message exports): plain export 9.4-14.1 s on disk,
 * 15.3-17.7 s through Blobs, 2026-12-03.
 */
export const FILE_EXPORT_BYTES = 16 * 2 ** 20;
/** Lines written to estimate from, evenly spread over the export. */
const SAMPLE_LINES = 1000;
/** gzip at level 1 on JSON lines: 12× on the bench's synthetic traffic; counted as 8× to err towards the file. */
const GZIP_RATIO = 8;

/** The export's size, estimated from up to SAMPLE_LINES of its lines (a few milliseconds). */
export function estimateExportBytes<M extends ArchivableMessage>(source: ExportSource<M>, gzip: boolean): number {
  const count = source.count;
  const samples = Math.min(count, SAMPLE_LINES);
  let chars = 0;
  let seen = 0;
  for (let k = 0; k < samples; k++) {
    const message = source.at(Math.floor((k * count) / samples));
    if (message === undefined) continue;
    chars += recordLine(message, source.subscriptionOf(message)).length + 1;
    seen++;
  }
  const bytes = seen === 0 ? 0 : (chars / seen) * count;
  return gzip ? bytes / GZIP_RATIO : bytes;
}

/** The export goes to a file on disk rather than the Blob store. `forced`: `?exportTo=file` (tests, and anyone who wants it). */
export function exportsToFile<M extends ArchivableMessage>(source: ExportSource<M>, gzip: boolean, forced: boolean): boolean {
  return forced || estimateExportBytes(source, gzip) > FILE_EXPORT_BYTES;
}
