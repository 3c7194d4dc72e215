/** Messages between the page and the export worker (export-worker.ts). Types only. */

export type ToExportWorker =
  | { kind: 'start'; gzip: boolean }
  /** The next bytes of the file; `bytes` is transferred. */
  | { kind: 'chunk'; bytes: Uint8Array<ArrayBuffer> }
  | { kind: 'finish'; type: string };

export type FromExportWorker =
  /** One chunk is in a Blob (so the page may send more). */
  | { kind: 'taken' }
  | { kind: 'done'; blob: Blob }
  | { kind: 'failed'; reason: string };
