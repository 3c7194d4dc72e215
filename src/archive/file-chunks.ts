/**
 * The file's bytes → a file in the origin's private file system (OPFS),
 * gzip'd on the way when asked, in the export worker. For exports too big
 * for the browser's Blob store (blob-chunks.ts): a File read from OPFS is
 * on disk, and a download reads it from there.
 *
 * One export file is kept: the one before is removed when the next export
 * starts (its download has long been saved by then). A cancelled export's
 * worker is terminated, which releases the file; the next export removes it.
 */
import type { Gzip } from 'fflate';
import { gzipStream } from './blob-chunks.ts';

const PREFIX = 'warren-export-';

/** What the worker needs of OPFS (lib.dom's types lack createSyncAccessHandle in some versions). */
interface SyncAccessHandle {
  write(buffer: Uint8Array, options: { at: number }): number;
  truncate(size: number): void;
  flush(): void;
  close(): void;
}
interface WritableFileHandle extends FileSystemFileHandle {
  createSyncAccessHandle(): Promise<SyncAccessHandle>;
}

export class FileChunks {
  private written = 0;
  private readonly gzip: Gzip | null;

  private constructor(
    private readonly file: WritableFileHandle,
    private readonly handle: SyncAccessHandle,
    gzip: boolean,
  ) {
    this.gzip = gzip ? gzipStream((chunk) => this.write(chunk)) : null;
  }

  /** A new export file (the previous one removed); rejects where there is no OPFS with sync access (not a worker, an old browser). */
  static async open(gzip: boolean): Promise<FileChunks> {
    // Not a secure context (served over plain http to another host): no navigator.storage, and the caller falls back.
    const root = await navigator.storage.getDirectory();
    const stale: string[] = [];
    for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys()) if (name.startsWith(PREFIX)) stale.push(name);
    for (const name of stale) await root.removeEntry(name).catch(() => undefined);
    const file = (await root.getFileHandle(`${PREFIX}${Date.now()}`, { create: true })) as WritableFileHandle;
    const handle = await file.createSyncAccessHandle();
    handle.truncate(0);
    return new FileChunks(file, handle, gzip);
  }

  /** The next bytes of the file (written before this returns: the caller may reuse `bytes`). */
  push(bytes: Uint8Array): void {
    if (this.gzip !== null) this.gzip.push(bytes, false);
    else this.write(bytes);
  }

  /** The whole file, as a Blob of `type` over the file on disk (no copy). */
  async finish(type: string): Promise<Blob> {
    this.gzip?.push(new Uint8Array(0), true);
    this.handle.flush();
    this.handle.close();
    return new Blob([await this.file.getFile()], { type });
  }

  private write(bytes: Uint8Array): void {
    let at = 0;
    while (at < bytes.length) {
      const n = this.handle.write(bytes.subarray(at), { at: this.written + at });
      if (n <= 0) throw new Error(`the disk took no more of the file after ${Math.round((this.written + at) / 2 ** 20)} MB`);
      at += n;
    }
    this.written += bytes.length;
  }
}
