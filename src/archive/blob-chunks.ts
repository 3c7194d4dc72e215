/**
 * The file's bytes → Blobs, gzip'd on the way when asked (fflate's streaming
 * Gzip). Runs in the export worker (export-worker.ts), or in the page where
 * there are no workers (tests in Node).
 *
 * Each chunk becomes a Blob at once: the Blob constructor copies the bytes
 * into the browser's blob storage, outside the JS heap, so what is kept here
 * is a list of handles. In Chromium that copy costs ~10 ms a megabyte
 * whatever the chunk size (256 KB to 16 MB measured, bench machine,
 * 2026-12): a quarter of an export's time on the page's main thread, hence
 * the worker.
 */
import { Gzip } from 'fflate';

/**
 * fflate's level 1: JSON lines compress well even at the fastest level
 * (about 12× on the bench's synthetic events), and an export is waited for.
 */
export const GZIP_LEVEL = 1;

/** The export's gzip stream (the same settings wherever it runs): `onChunk` gets each compressed piece, a fresh array. */
export function gzipStream(onChunk: (chunk: Uint8Array<ArrayBuffer>) => void): Gzip {
  return new Gzip({ level: GZIP_LEVEL, mtime: 0 }, (chunk) => onChunk(chunk));
}

export class BlobChunks {
  private readonly blobs: Blob[] = [];
  private blobBytes = 0;
  private readonly gzip: Gzip | null;

  constructor(gzip: boolean) {
    this.gzip = gzip ? gzipStream((chunk) => this.blobs.push(new Blob([chunk]))) : null;
  }

  /**
   * The next bytes of the file (copied: the caller may reuse `bytes`).
   * Returns the Blobs this made (none, one, or with gzip several), for the
   * export worker to wait until the browser holds them (export-worker.ts).
   */
  push(bytes: Uint8Array<ArrayBuffer>): Blob[] {
    const before = this.blobs.length;
    if (this.gzip !== null) this.gzip.push(bytes, false);
    else if (bytes.length > 0) this.blobs.push(new Blob([bytes]));
    const made = this.blobs.slice(before);
    for (const blob of made) this.blobBytes += blob.size;
    return made;
  }

  /** Bytes of the file made into Blobs so far (compressed when gzip). */
  get bytes(): number {
    return this.blobBytes;
  }

  /** The whole file, one flat Blob over the chunks' Blobs. */
  finish(type: string): Blob {
    this.gzip?.push(new Uint8Array(0), true);
    return new Blob(this.blobs, { type });
  }
}
