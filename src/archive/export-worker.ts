/**
 * The export's second half, in a dedicated worker: the page encodes lines
 * into ~1 MB chunks and transfers each here (no copy); this worker gzips
 * them when asked and turns them into Blobs (blob-chunks.ts), on the other
 * core. One export per worker; the page ends it when done.
 */
import { BlobChunks } from './blob-chunks.ts';
import type { FromExportWorker, ToExportWorker } from './export-worker-protocol.ts';

interface WorkerScope {
  postMessage(message: FromExportWorker): void;
  onmessage: ((event: MessageEvent<ToExportWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;
let chunks: BlobChunks | null = null;

scope.onmessage = ({ data }) => {
  try {
    if (data.kind === 'start') chunks = new BlobChunks(data.gzip);
    else if (chunks === null) throw new Error(`export worker: ${data.kind} before start`);
    else if (data.kind === 'chunk') {
      chunks.push(data.bytes);
      scope.postMessage({ kind: 'taken' });
    } else scope.postMessage({ kind: 'done', blob: chunks.finish(data.type) });
  } catch (e) {
    scope.postMessage({ kind: 'failed', reason: e instanceof Error ? e.message : String(e) });
  }
};
