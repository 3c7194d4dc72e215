/**
 * Phase archive: export and import of `count` retained messages (issue 11:
 * each ≤ 15 s, peak heap ≤ 2× the retained size). A page with no broker is
 * filled with synthetic frames through the real ingest (as the capacity
 * phase), then everything is exported, plain and gzip'd, and each file is
 * imported back through the product's import path into a page emptied
 * first (as a fresh tab is: the messages it held are garbage-collected
 * before the import starts, not counted in its peak). The heap (JS heap +
 * ArrayBuffer backing stores) of the page and of its workers (export,
 * import reading and parsing) is sampled over CDP every 100 ms while each
 * step runs; the slices yield every ~40 ms, so the samples get answered.
 *
 * WARREN_BENCH_PROFILE_ARCHIVE=1 also runs each step under Chrome's CPU
 * profiler (main thread only; slows it, so the times are then not the
 * bench's): the top functions by self time are logged and the raw profiles
 * written to test-results/bench/archive-<step>.cpuprofile.
 * WARREN_BENCH_TRACE_ARCHIVE=1 records a browser trace of each step instead,
 * every thread sampled by V8's profiler (the import's workers included):
 * test-results/bench/archive-<step>.trace.json, for DevTools' Performance
 * panel.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ARCHIVE_BENCH_GLOBAL, type ArchiveBenchApi, type ArchiveExportTiming, type ArchiveImportTiming } from './archive-hook-api.ts';
import { startTracing, type CdpPage } from './cdp.ts';
import { sampleCpu, type CpuUsage } from './cpu.ts';
import { callHook, openBenchPage } from './page.ts';
import { summariseProfile, type CpuProfile } from './profile.ts';
import type { BenchEnv } from './setup.ts';
import { sleep, withTimeout } from './stats.ts';

export interface ArchiveStep<T> {
  timing: T;
  /** Highest JS heap + ArrayBuffers sampled while the step ran, bytes. */
  peakHeap: number;
  /** (peak − empty page) / (retained − empty page): the issue's "× the retained size". */
  peakRatio: number;
  /** Heap after GC once the step finished: what it left behind (after an import: what the imported messages keep). */
  heapAfter: number;
  /** Who used the CPU while the step ran (the machine is shared: compare steps within a run). */
  cpu: CpuUsage;
}

/** A step that ended in an error (the page's message); the steps after it still run. */
export interface ArchiveFailure {
  failed: string;
}

export interface ArchiveResult {
  count: number;
  retained: number;
  /** Heap after GC: the empty page, and with everything loaded. */
  heapEmpty: number;
  heapLoaded: number;
  exportPlain: ArchiveStep<ArchiveExportTiming> | ArchiveFailure;
  /** Null when there was no file to import (its export failed). */
  importPlain: ArchiveStep<ArchiveImportTiming> | ArchiveFailure | null;
  exportGzip: ArchiveStep<ArchiveExportTiming> | ArchiveFailure;
  importGzip: ArchiveStep<ArchiveImportTiming> | ArchiveFailure | null;
}

/**
 * The page's dedicated workers (the export worker, the import's reading and
 * parse workers), attached as they start: their heaps count in the peak as
 * much as the page's own.
 */
async function attachWorkers(page: CdpPage): Promise<Set<string>> {
  const sessions = new Set<string>();
  page.cdp.on('Target.attachedToTarget', (params, parent) => {
    const info = params['targetInfo'] as { type?: string } | undefined;
    if (parent === page.sessionId && info?.type === 'worker') sessions.add(String(params['sessionId']));
  });
  page.cdp.on('Target.detachedFromTarget', (params, parent) => {
    if (parent === page.sessionId) sessions.delete(String(params['sessionId']));
  });
  await page.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true });
  return sessions;
}

/** JS heap + ArrayBuffer backing stores of the page and of each of its live workers. */
async function heapBytes(page: CdpPage, gc: boolean, workers: Set<string>): Promise<number> {
  const ofSession = async (sessionId: string) => {
    if (gc) {
      await page.cdp.send('HeapProfiler.collectGarbage', {}, sessionId);
      await page.cdp.send('HeapProfiler.collectGarbage', {}, sessionId);
    }
    const usage = await page.cdp.send<{ usedSize: number; backingStorageSize?: number }>('Runtime.getHeapUsage', {}, sessionId);
    return usage.usedSize + (usage.backingStorageSize ?? 0);
  };
  // A worker that ends between the listing and the question has nothing left
  // to count (CdpConnection rejects what it never answers; the timeout is
  // there in case even its detach never comes).
  const heaps = await Promise.all([
    ofSession(page.sessionId),
    ...[...workers].map((sessionId) => withTimeout(ofSession(sessionId), 10_000, 'a worker heap').catch(() => 0)),
  ]);
  return heaps.reduce((sum, bytes) => sum + bytes, 0);
}

const STEP_TIMEOUT_MS = 5 * 60_000;

interface Profiling {
  outDir: string;
  log(line: string): void;
}

/** Runs one hook method while sampling the heap; the page is GC'd first so the step starts from what it keeps. */
async function step<M extends keyof ArchiveBenchApi>(
  page: CdpPage,
  workers: Set<string>,
  stack: BenchEnv['stack'],
  profiling: Profiling | null,
  method: M,
  ...args: Parameters<ArchiveBenchApi[M]>
) {
  await heapBytes(page, true, workers);
  const stopCpu = sampleCpu(stack);
  const stopTrace = process.env['WARREN_BENCH_TRACE_ARCHIVE'] === '1' ? await startTracing(page.cdp, TRACE_CATEGORIES) : null;
  if (profiling) {
    await page.send('Profiler.enable');
    await page.send('Profiler.setSamplingInterval', { interval: 500 });
    await page.send('Profiler.start');
  }
  let peak = 0;
  let running = true;
  const sampler = (async () => {
    while (running) {
      peak = Math.max(peak, await heapBytes(page, false, workers));
      await sleep(100);
    }
  })();
  try {
    const call = page.evaluate<Awaited<ReturnType<ArchiveBenchApi[M]>>>(`window.${ARCHIVE_BENCH_GLOBAL}.${method}(...${JSON.stringify(args)})`);
    const timing = await withTimeout(call, STEP_TIMEOUT_MS, `archive: ${method} did not finish`);
    const cpu = stopCpu();
    peak = Math.max(peak, await heapBytes(page, false, workers));
    const name = `${method}-${args.join('-') || 'file'}`;
    if (profiling) writeProfile((await page.send<{ profile: CpuProfile }>('Profiler.stop')).profile, name, profiling);
    if (stopTrace) writeBenchFile(`archive-${name}.trace.json`, await stopTrace());
    return { timing, peak, heapAfter: await heapBytes(page, true, workers), cpu };
  } finally {
    running = false;
    await sampler;
  }
}

const TRACE_CATEGORIES = ['devtools.timeline', 'v8', 'disabled-by-default-v8.cpu_profiler'];

function writeBenchFile(name: string, text: string): void {
  const dir = resolve(import.meta.dirname, '..', 'test-results', 'bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(resolve(dir, name), text);
}

function writeProfile(profile: CpuProfile, name: string, { outDir, log }: Profiling): void {
  writeBenchFile(`archive-${name}.cpuprofile`, JSON.stringify(profile));
  const summary = summariseProfile(profile, outDir, 18);
  log(`archive profile ${name}: ${(summary.totalMs / 1000).toFixed(1)} s sampled`);
  for (const a of summary.areas.slice(0, 8)) log(`  area ${a.percent.toFixed(1).padStart(5)} %  ${a.area}`);
  for (const f of summary.functions) log(`  ${f.percent.toFixed(1).padStart(5)} %  ${f.name}  ${f.where}`);
}

export async function measureArchive(env: BenchEnv, count: number, log: (line: string) => void): Promise<ArchiveResult> {
  const page = await openBenchPage(env, { capacity: String(count), broker: '' });
  try {
    await page.send('HeapProfiler.enable');
    const workers = await attachWorkers(page);
    const heapEmpty = await heapBytes(page, true, workers);
    log(`archive: loading ${count.toLocaleString('en-US')} synthetic frames`);
    await withTimeout(callHook(page, 'loadSynthetic', count, 2000), 15 * 60_000, 'synthetic load did not finish');
    const retained = await callHook(page, 'retained');
    const heapLoaded = await heapBytes(page, true, workers);
    const profiling = process.env['WARREN_BENCH_PROFILE_ARCHIVE'] === '1' ? { outDir: env.outDir, log } : null;
    const ratio = (peak: number) => (peak - heapEmpty) / Math.max(1, heapLoaded - heapEmpty);
    const measured = <T extends { ms: number }>({ timing, peak, heapAfter, cpu }: { timing: T; peak: number; heapAfter: number; cpu: CpuUsage }): ArchiveStep<T> => {
      const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
      log(`archive: ${(timing.ms / 1000).toFixed(1)} s, peak ${mb(peak)} (${ratio(peak).toFixed(2)}×), after GC ${mb(heapAfter)} (loaded: ${mb(heapLoaded)})`);
      log(`  CPU: machine ${cpu.machinePercent.toFixed(0)} % of ${cpu.cores * 100} %; ${cpu.groups.slice(0, 6).map((g) => `${g.group} ${g.percent.toFixed(0)} %`).join(', ')}`);
      return { timing, peakHeap: peak, peakRatio: ratio(peak), heapAfter, cpu };
    };

    // A step that fails (a browser that will not hold a file that big) is reported, and the others still run.
    const attempt = async <T extends { ms: number }>(label: string, run: () => Promise<{ timing: T; peak: number; heapAfter: number; cpu: CpuUsage }>): Promise<ArchiveStep<T> | ArchiveFailure> => {
      log(`archive: ${label}`);
      try {
        return measured(await run());
      } catch (e) {
        const failed = e instanceof Error ? e.message : String(e);
        log(`archive: ${label} FAILED: ${failed}`);
        return { failed };
      }
    };
    const importOf = async (label: string, exported: ArchiveStep<ArchiveExportTiming> | ArchiveFailure) => {
      if ('failed' in exported) return null;
      await page.evaluate(`window.${ARCHIVE_BENCH_GLOBAL}.clearCapture()`);
      return attempt(label, () => step(page, workers, env.stack, profiling, 'importLast'));
    };
    const exportPlain = await attempt('export, plain', () => step(page, workers, env.stack, profiling, 'exportAll', false));
    const importPlain = await importOf('import of that file', exportPlain);
    // The gzip export writes what the capture holds: the imported messages, or the loaded ones when there was no import.
    const exportGzip = await attempt('export, gzip', () => step(page, workers, env.stack, profiling, 'exportAll', true));
    const importGzip = await importOf('import of the gzip file', exportGzip);
    return { count, retained, heapEmpty, heapLoaded, exportPlain, importPlain, exportGzip, importGzip };
  } finally {
    await page.close();
  }
}
