/**
 * Where an export's encoded chunks go: the export worker when the page can
 * start one (the bytes are transferred, and the gzip and the Blob copies
 * run on the other core), else BlobChunks in the same thread (Node, tests).
 */
import { BlobChunks } from './blob-chunks.ts';
import type { FromExportWorker, ToExportWorker } from './export-worker-protocol.ts';

/** The file, and whether it was written to disk first (too big for the Blob store). */
export interface FinishedFile {
  blob: Blob;
  onDisk: boolean;
}

export interface BlobSink {
  /** The next bytes of the file; copied, so the caller may reuse them. */
  push(bytes: Uint8Array<ArrayBuffer>): void;
  /** Resolves once the sink holds few enough chunks not yet in Blobs. */
  drained(): Promise<void>;
  finish(type: string): Promise<FinishedFile>;
  /** Ends the sink without a file (cancel, failure). */
  close(): void;
}

/**
 * Chunks sent and not yet in a Blob: a bound on what waits in the worker
 * (~1 MB each) when the page encodes faster than the worker copies.
 */
const MAX_IN_FLIGHT = 8;

/** @param toFile into a file in the origin's private file system (the worker's file-chunks.ts), for exports too big for the Blob store. */
export function blobSink(gzip: boolean, toFile = false): BlobSink {
  return typeof Worker === 'function' ? new WorkerBlobSink(gzip, toFile) : new LocalBlobSink(gzip);
}

class LocalBlobSink implements BlobSink {
  private readonly chunks: BlobChunks;
  constructor(gzip: boolean) {
    this.chunks = new BlobChunks(gzip);
  }
  push(bytes: Uint8Array<ArrayBuffer>): void {
    this.chunks.push(bytes);
  }
  drained(): Promise<void> {
    return Promise.resolve();
  }
  finish(type: string): Promise<FinishedFile> {
    return Promise.resolve({ blob: this.chunks.finish(type), onDisk: false });
  }
  close(): void {}
}

class WorkerBlobSink implements BlobSink {
  private readonly worker = new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module', name: 'warren-export' });
  private inFlight = 0;
  private failure: Error | null = null;
  private closed = false;
  private waiters: (() => void)[] = [];
  private result: { resolve(file: FinishedFile): void; reject(e: Error): void } | null = null;

  constructor(gzip: boolean, toFile: boolean) {
    this.worker.onmessage = ({ data }: MessageEvent<FromExportWorker>) => {
      if (data.kind === 'taken') {
        this.inFlight--;
        this.wake();
      } else if (data.kind === 'done') {
        this.result?.resolve({ blob: data.blob, onDisk: data.onDisk });
        this.close();
      } else this.fail(new Error(data.reason));
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.fail(new Error(`the export worker failed (${event.message || 'could not start'})`));
    };
    this.post({ kind: 'start', gzip, toFile });
  }

  push(bytes: Uint8Array<ArrayBuffer>): void {
    // A copy of exactly the chunk (~0.1 ms a MB), transferred: the page's heap keeps nothing of it.
    const own = bytes.slice();
    this.inFlight++;
    this.post({ kind: 'chunk', bytes: own }, [own.buffer]);
  }

  drained(): Promise<void> {
    if (this.failure !== null) return Promise.reject(this.failure);
    if (this.inFlight <= MAX_IN_FLIGHT || this.closed) return Promise.resolve();
    return new Promise<void>((resolve) => this.waiters.push(resolve)).then(() => this.drained());
  }

  finish(type: string): Promise<FinishedFile> {
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise<FinishedFile>((resolve, reject) => {
      this.result = { resolve, reject };
      this.post({ kind: 'finish', type });
    });
  }

  close(): void {
    this.closed = true;
    this.worker.terminate();
    this.wake();
  }

  private post(message: ToExportWorker, transfer: Transferable[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.result?.reject(e);
    this.close();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
