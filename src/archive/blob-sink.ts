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

/**
 * A chunk buffer's least size: the writer's pieces are ~1 MB and at most
 * 1.125 MB (ndjson-writer.ts), so one size fits nearly all and every buffer
 * is reused. The buffers go to the worker and come back: a fresh megabyte
 * per chunk (a copy by `slice`) was a third of a plain export's main thread
 * (5.0 of 14.6 s in the export profile, 2026-12-04: new memory is zeroed and
 * faulted in page by page on this VM, then freed again).
 */
const CHUNK_BUFFER_BYTES = 5 << 18;

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
  /** Chunk buffers the worker gave back, to fill again. */
  private readonly spare: ArrayBuffer[] = [];
  private failure: Error | null = null;
  private closed = false;
  private waiters: (() => void)[] = [];
  private result: { resolve(file: FinishedFile): void; reject(e: Error): void } | null = null;

  constructor(gzip: boolean, toFile: boolean) {
    this.worker.onmessage = ({ data }: MessageEvent<FromExportWorker>) => {
      if (data.kind === 'taken') {
        this.spare.push(data.buffer);
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
    // Copied into a buffer that goes to the worker (transferred) and comes back.
    const buffer = this.bufferFor(bytes.length);
    const own = new Uint8Array(buffer, 0, bytes.length);
    own.set(bytes);
    this.inFlight++;
    this.post({ kind: 'chunk', bytes: own }, [buffer]);
  }

  private bufferFor(length: number): ArrayBuffer {
    const i = this.spare.findIndex((b) => b.byteLength >= length);
    if (i < 0) return new ArrayBuffer(Math.max(length, CHUNK_BUFFER_BYTES));
    const [buffer] = this.spare.splice(i, 1) as [ArrayBuffer];
    return buffer;
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
    this.spare.length = 0;
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
