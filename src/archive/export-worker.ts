/**
 * The export's second half, in a dedicated worker: the page encodes lines
 * into ~1 MB chunks and transfers each here (no copy); this worker gzips
 * them when asked and turns them into Blobs (blob-chunks.ts), on the other
 * core. One export per worker; the page ends it when done.
 *
 * A chunk counts as taken once the browser holds its Blob's bytes (a read
 * of one byte waits for that). The browser keeps Blobs in a store of its
 * own, and when that is full it makes Blobs that cannot be read: an export
 * then used to end with a file whose download failed ("NotReadableError";
 * at ~470 MB in the bench's Chromium, 2026-12-03). Now it fails with a
 * message that says what to do.
 */
import { BlobChunks } from './blob-chunks.ts';
import type { FromExportWorker, ToExportWorker } from './export-worker-protocol.ts';

interface WorkerScope {
  postMessage(message: FromExportWorker): void;
  onmessage: ((event: MessageEvent<ToExportWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;
let chunks: BlobChunks | null = null;
let gzipping = false;

/** Resolves once the browser has the Blob's bytes (a read waits for its construction); rejects when it could not keep them. */
const held = (blob: Blob): Promise<unknown> => (blob.size === 0 ? Promise.resolve() : blob.slice(0, 1).arrayBuffer());

function fail(e: unknown): void {
  scope.postMessage({ kind: 'failed', reason: e instanceof Error ? e.message : String(e) });
}

/**
 * A Blob the browser would not keep: its Blob storage is full (in the
 * bench's Chromium, at ~470 MB whatever the chunk size, 2026-12-03). Said
 * with what the user can do about it.
 */
function storageFull(bytes: number, gzip: boolean): Error {
  const mb = Math.round(bytes / 2 ** 20);
  const advice = gzip ? 'export fewer rows (a filter or a time window)' : 'export with gzip (about 12 times smaller) or fewer rows';
  return new Error(`the browser would not hold more of the file after ${mb} MB (its storage for downloads is full): ${advice}`);
}

scope.onmessage = ({ data }) => {
  try {
    if (data.kind === 'start') {
      chunks = new BlobChunks(data.gzip);
      gzipping = data.gzip;
    }
    else if (chunks === null) throw new Error(`export worker: ${data.kind} before start`);
    else if (data.kind === 'chunk') {
      const made = chunks.push(data.bytes);
      const bytes = chunks.bytes;
      Promise.all(made.map(held)).then(
        () => scope.postMessage({ kind: 'taken' }),
        () => fail(storageFull(bytes, gzipping)),
      );
    } else scope.postMessage({ kind: 'done', blob: chunks.finish(data.type) });
  } catch (e) {
    fail(e);
  }
};
