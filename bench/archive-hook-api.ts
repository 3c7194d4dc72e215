/**
 * The contract between bench/archive.ts (Node) and bench/page/archive-hook.ts
 * (the bench build's page): export and import of capture files timed inside
 * the page. Types and constants only, so both sides compile it.
 */

export const ARCHIVE_BENCH_GLOBAL = '__warrenArchiveBench';

export interface ArchiveExportTiming {
  /** From the call until the Blob is complete (what the user waits for before the download starts). */
  ms: number;
  written: number;
  /** Size of the file. */
  bytes: number;
}

export interface ArchiveImportTiming {
  /** From the call until the last line is ingested. */
  ms: number;
  messages: number;
  /** Retained afterwards. */
  kept: number;
  badLines: number;
}

/** window.__warrenArchiveBench */
export interface ArchiveBenchApi {
  /** Exports everything retained through the product's export path; keeps the file for importLast. */
  exportAll(gzip: boolean): Promise<ArchiveExportTiming>;
  /** Forgets everything captured (what a fresh tab starts from), keeping the last exported file. */
  clearCapture(): void;
  /** Imports the file of the last exportAll through the product's import path (disconnect, clear, ingest). */
  importLast(): Promise<ArchiveImportTiming>;
}
