/**
 * Phase archive: export and import of `count` retained messages (issue 11:
 * each ≤ 15 s, peak heap ≤ 2× the retained size). A page with no broker is
 * filled with synthetic frames through the real ingest (as the capacity
 * phase), then everything is exported, plain and gzip'd, and each file is
 * imported back through the product's import path into a page emptied
 * first (as a fresh tab is: the messages it held are garbage-collected
 * before the import starts, not counted in its peak). The page's heap (JS heap
 * + ArrayBuffer backing stores) is sampled over CDP every 100 ms while each
 * step runs; the slices yield every ~40 ms, so the samples get answered.
 */
import { ARCHIVE_BENCH_GLOBAL, type ArchiveBenchApi, type ArchiveExportTiming, type ArchiveImportTiming } from './archive-hook-api.ts';
import type { CdpPage } from './cdp.ts';
import { callHook, openBenchPage } from './page.ts';
import type { BenchEnv } from './setup.ts';
import { sleep, withTimeout } from './stats.ts';

export interface ArchiveStep<T> {
  timing: T;
  /** Highest JS heap + ArrayBuffers sampled while the step ran, bytes. */
  peakHeap: number;
  /** (peak − empty page) / (retained − empty page): the "× the retained size". */
  peakRatio: number;
}

export interface ArchiveResult {
  count: number;
  retained: number;
  /** Heap after GC: the empty page, and with everything loaded. */
  heapEmpty: number;
  heapLoaded: number;
  exportPlain: ArchiveStep<ArchiveExportTiming>;
  importPlain: ArchiveStep<ArchiveImportTiming>;
  exportGzip: ArchiveStep<ArchiveExportTiming>;
  importGzip: ArchiveStep<ArchiveImportTiming>;
}

async function heapBytes(page: CdpPage, gc: boolean): Promise<number> {
  if (gc) {
    await page.send('HeapProfiler.collectGarbage');
    await page.send('HeapProfiler.collectGarbage');
  }
  const usage = await page.send<{ usedSize: number; backingStorageSize?: number }>('Runtime.getHeapUsage');
  return usage.usedSize + (usage.backingStorageSize ?? 0);
}

const STEP_TIMEOUT_MS = 5 * 60_000;

/** Runs one hook method while sampling the heap; the page is GC'd first so the step starts from what it keeps. */
async function step<M extends keyof ArchiveBenchApi>(page: CdpPage, method: M, ...args: Parameters<ArchiveBenchApi[M]>) {
  await heapBytes(page, true);
  let peak = 0;
  let running = true;
  const sampler = (async () => {
    while (running) {
      peak = Math.max(peak, await heapBytes(page, false));
      await sleep(100);
    }
  })();
  try {
    const call = page.evaluate<Awaited<ReturnType<ArchiveBenchApi[M]>>>(`window.${ARCHIVE_BENCH_GLOBAL}.${method}(...${JSON.stringify(args)})`);
    const timing = await withTimeout(call, STEP_TIMEOUT_MS, `archive: ${method} did not finish`);
    peak = Math.max(peak, await heapBytes(page, false));
    return { timing, peak };
  } finally {
    running = false;
    await sampler;
  }
}

export async function measureArchive(env: BenchEnv, count: number, log: (line: string) => void): Promise<ArchiveResult> {
  const page = await openBenchPage(env, { capacity: String(count), broker: '' });
  try {
    await page.send('HeapProfiler.enable');
    const heapEmpty = await heapBytes(page, true);
    log(`archive: loading ${count.toLocaleString('en-US')} synthetic frames`);
    await withTimeout(callHook(page, 'loadSynthetic', count, 2000), 15 * 60_000, 'synthetic load did not finish');
    const retained = await callHook(page, 'retained');
    const heapLoaded = await heapBytes(page, true);
    const ratio = (peak: number) => (peak - heapEmpty) / Math.max(1, heapLoaded - heapEmpty);
    const measured = <T>({ timing, peak }: { timing: T; peak: number }): ArchiveStep<T> => ({ timing, peakHeap: peak, peakRatio: ratio(peak) });

    log('archive: export, plain');
    const exportPlain = measured(await step(page, 'exportAll', false));
    log('archive: import of that file');
    await page.evaluate(`window.${ARCHIVE_BENCH_GLOBAL}.clearCapture()`);
    const importPlain = measured(await step(page, 'importLast'));
    log('archive: export, gzip');
    const exportGzip = measured(await step(page, 'exportAll', true));
    log('archive: import of the gzip file');
    await page.evaluate(`window.${ARCHIVE_BENCH_GLOBAL}.clearCapture()`);
    const importGzip = measured(await step(page, 'importLast'));
    return { count, retained, heapEmpty, heapLoaded, exportPlain, importPlain, exportGzip, importGzip };
  } finally {
    await page.close();
  }
}
