/**
 * Bench-only: `window.__warrenArchiveBench` (contract in
 * bench/archive-hook-api.ts) runs the product's own export and import
 * paths on the page's session, as the Capture file panel does, minus the
 * download click and the file picker.
 */
import { exportMessages, exportsToFile } from '../../src/archive/index.ts';
import { exportSourceOf } from '../../src/features/archive/export-source.ts';
import { importIntoSession } from '../../src/features/archive/import-into-session.ts';
import type { TraceSession } from '../../src/session/index.ts';
import { ARCHIVE_BENCH_GLOBAL, type ArchiveBenchApi } from '../archive-hook-api.ts';

export function installArchiveBenchHook(session: TraceSession): void {
  let lastFile: File | null = null;
  const api: ArchiveBenchApi = {
    async exportAll(gzip) {
      lastFile = null;
      const started = performance.now();
      const source = exportSourceOf(session, 'all');
      // Where the panel would put it: the Blob store, or a file on disk when too big for it.
      const { blob, written } = await exportMessages(source, { gzip, toFile: exportsToFile(source, gzip, false) });
      const ms = performance.now() - started;
      if (blob === null) throw new Error('export cancelled');
      // A File over the Blob, as the picker would hand one over; no copy.
      lastFile = new File([blob], gzip ? 'bench.ndjson.gz' : 'bench.ndjson');
      return { ms, written, bytes: blob.size };
    },
    clearCapture: () => session.capture.clear(),
    async importLast() {
      if (lastFile === null) throw new Error('importLast: no exportAll before');
      const started = performance.now();
      const summary = await importIntoSession(session, lastFile, { signal: new AbortController().signal, onProgress: () => undefined });
      return { ms: performance.now() - started, messages: summary.messages, kept: summary.kept, badLines: summary.badLineCount };
    },
  };
  (window as unknown as Record<string, unknown>)[ARCHIVE_BENCH_GLOBAL] = api;
}
