/** Messages between the page and the export worker (export-worker.ts). Types only. */

export type ToExportWorker =
  /** `toFile`: into a file in the origin's private file system instead of the Blob store (file-chunks.ts). */
  | { kind: 'start'; gzip: boolean; toFile: boolean }
  /** The next bytes of the file; `bytes` is transferred. */
  | { kind: 'chunk'; bytes: Uint8Array<ArrayBuffer> }
  | { kind: 'finish'; type: string };

export type FromExportWorker =
  /** One chunk is stored (so the page may send more); its buffer comes back, transferred, for a later chunk. */
  | { kind: 'taken'; buffer: ArrayBuffer }
  /** `onDisk`: the file was written to the origin's private file system (a `toFile` export where it exists). */
  | { kind: 'done'; blob: Blob; onDisk: boolean }
  | { kind: 'failed'; reason: string };
