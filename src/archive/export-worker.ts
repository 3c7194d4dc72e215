/**
 * The export's second half, in a dedicated worker: the page encodes lines
 * into ~1 MB chunks and transfers each here (no copy); this worker gzips
 * them when asked and stores them, on the other core, and transfers each
 * chunk's buffer back for the page to fill again (blob-sink.ts). One export per
 * worker; the page ends it when done.
 *
 * Where they go: a big export (export-size.ts) to a file in the origin's
 * private file system (file-chunks.ts), on disk; others, and any where
 * there is no such file system, to Blobs (blob-chunks.ts). A Blob chunk
 * counts as taken once the browser holds its bytes (a read of one byte
 * waits for that): the browser's Blob store is limited (~470 MB in the
 * bench's Chromium, 2026-12-03), and past it an export used to end with a
 * file that could not be read ("NotReadableError"). It now fails with a
 * message that says what to do.
 */
import { BlobChunks } from './blob-chunks.ts';
import { FileChunks } from './file-chunks.ts';
import type { FromExportWorker, ToExportWorker } from './export-worker-protocol.ts';
import { hasNativeGzip, nativeGzip, type ByteStore } from './native-gzip.ts';

interface WorkerScope {
  postMessage(message: FromExportWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToExportWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;

/** Where this export's bytes go: each push resolves when the chunk is safe (the page may then send more). */
type ChunkStore = ByteStore;

/** Resolves once the browser has the Blob's bytes (a read waits for its construction); rejects when it could not keep them. */
const held = (blob: Blob): Promise<unknown> => (blob.size === 0 ? Promise.resolve() : blob.slice(0, 1).arrayBuffer());

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

/** @param gzip whether this store gzips (with fflate); `gzipped`, whether the file is gzip at all (for the advice when full). */
function blobStore(gzip: boolean, gzipped = gzip): ChunkStore {
  const chunks = new BlobChunks(gzip);
  return {
    push: (bytes) => {
      const made = chunks.push(bytes);
      const total = chunks.bytes;
      return Promise.all(made.map(held)).then(
        () => undefined,
        () => Promise.reject(storageFull(total, gzipped)),
      );
    },
    finish: (type) => Promise.resolve(chunks.finish(type)),
    onDisk: false,
  };
}

async function fileStore(gzip: boolean): Promise<ChunkStore> {
  const file = await FileChunks.open(gzip);
  return {
    push: (bytes) => {
      file.push(bytes);
      return Promise.resolve();
    },
    finish: (type) => file.finish(type),
    onDisk: true,
  };
}

/** The export under way; pushes run in order on it (a file store opens asynchronously). */
let store: Promise<ChunkStore> | null = null;

function fail(e: unknown): void {
  scope.postMessage({ kind: 'failed', reason: e instanceof Error ? e.message : String(e) });
}

scope.onmessage = ({ data }) => {
  if (data.kind === 'start') {
    // gzip by the browser's zlib where there is one (native-gzip.ts), else fflate inside the store.
    const native = data.gzip && hasNativeGzip();
    const storeGzip = data.gzip && !native;
    // No file system here (an old browser, some private windows): the Blob store, with its limit.
    const plain = data.toFile ? fileStore(storeGzip).catch(() => blobStore(storeGzip, data.gzip)) : Promise.resolve(blobStore(storeGzip, data.gzip));
    store = native ? plain.then(nativeGzip) : plain;
    return;
  }
  if (store === null) return fail(new Error(`export worker: ${data.kind} before start`));
  if (data.kind === 'chunk') {
    // Every store has copied the bytes when its push resolves (a Blob, fflate's window, a file write): the buffer goes back.
    const { buffer } = data.bytes;
    store.then((s) => s.push(data.bytes)).then(() => scope.postMessage({ kind: 'taken', buffer }, [buffer]), fail);
  } else {
    store.then((s) => s.finish(data.type).then((blob) => scope.postMessage({ kind: 'done', blob, onDisk: s.onDisk }))).catch(fail);
  }
};
