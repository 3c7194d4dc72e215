/**
 * Phase 4, capacity: a page with `capacity` ≥ the load and no connection
 * (`broker=` empty) gets synthetic MESSAGE frames (real STOMP bytes, parsed by
 * stompjs's own Parser, fed to the real `ingest.ingest`; see
 * bench/page/bench-hook.ts). Then: JS heap after a forced GC (CDP), and the time
 * to re-filter everything retained, through the filter box's own function.
 */
import type { CdpPage } from './cdp.ts';
import { parseFilterQuery } from '../src/filter/index.ts';
import type { BenchEnv } from './setup.ts';
import type { RefilterTiming, SyntheticLoadResult } from './hook-api.ts';
import { callHook, openBenchPage } from './page.ts';
import { distribution, ratePerSecond, withTimeout, type Distribution } from './stats.ts';
import { sampleCpu, type CpuUsage } from './cpu.ts';

export interface HeapUsage {
  usedSize: number;
  totalSize: number;
  /** ArrayBuffer backing stores (the bodies live there), outside usedSize; 0 if CDP does not say. */
  backingStorageSize: number;
}

export interface RefilterCase {
  label: string;
  text: string;
  /** Visible rows the filter must leave, from the loaded key/tenant counts. */
  expected: number;
  /** All timed runs (the first one included). */
  runs: RefilterTiming[];
  sync: Distribution;
  painted: Distribution;
  /** False when a run showed another number of rows than expected. */
  correct: boolean;
}

export interface CapacityResult {
  count: number;
  retained: number;
  load: Omit<SyntheticLoadResult, 'keyCounts' | 'tenantCounts'>;
  /** Messages per second through Parser + fromRawFrame + ingest (building bytes excluded). */
  ingestRate: number;
  heapBefore: HeapUsage;
  heapAfter: HeapUsage;
  /** (used + backing stores) after − before, per retained message. */
  bytesPerMessage: number;
  refilter: RefilterCase[];
  /** null when the filter grammar has a body term; else why body search was not measured. */
  bodySearch: string | null;
  /** CPU use while loading and re-filtering (how much other processes took from the page). */
  cpu: CpuUsage;
}

export async function heapAfterGc(page: CdpPage): Promise<HeapUsage> {
  await page.send('HeapProfiler.collectGarbage');
  await page.send('HeapProfiler.collectGarbage');
  const usage = await page.send<{ usedSize: number; totalSize: number; backingStorageSize?: number }>('Runtime.getHeapUsage');
  return { usedSize: usage.usedSize, totalSize: usage.totalSize, backingStorageSize: usage.backingStorageSize ?? 0 };
}

const REPEATS = 5;

/** Times a re-filter to `text` REPEATS times (clearing in between), through the filter box's own function. */
export async function timeRefilterCase(page: CdpPage, label: string, text: string, expected: number): Promise<RefilterCase> {
  const runs: RefilterTiming[] = [];
  for (let i = 0; i < REPEATS; i++) {
    runs.push(await callHook(page, 'refilter', text));
    await callHook(page, 'refilter', '');
  }
  return {
    label,
    text,
    expected,
    runs,
    sync: distribution(runs.map((r) => r.syncMs)),
    painted: distribution(runs.map((r) => r.paintedMs)),
    correct: runs.every((r) => r.visible === expected),
  };
}

export async function measureCapacity(env: BenchEnv, count: number, log: (line: string) => void): Promise<CapacityResult> {
  const page = await openBenchPage(env, { capacity: String(count), broker: '' });
  try {
    await page.send('HeapProfiler.enable');
    const heapBefore = await heapAfterGc(page);
    const stopCpu = sampleCpu(env.stack);
    log(`capacity: loading ${count.toLocaleString('en-US')} synthetic frames through stompjs's Parser into the ingest`);
    const loaded = await withTimeout(callHook(page, 'loadSynthetic', count, 2000), 15 * 60_000, 'synthetic load did not finish');
    const retained = await callHook(page, 'retained');
    const heapAfter = await heapAfterGc(page);
    const { keyCounts, tenantCounts, ...load } = loaded;

    const expectedFor = (text: string): number => {
      const parsed = parseFilterQuery(text);
      if (!parsed.ok) throw new Error(`bench filter "${text}" does not parse: ${parsed.error}`);
      return Object.entries(keyCounts).reduce((sum, [key, n]) => sum + (parsed.filter.matchesKey('app.events', key) ? n : 0), 0);
    };
    const timeCase = (label: string, text: string, expected: number) => timeRefilterCase(page, label, text, expected);

    log('capacity: timing re-filters');
    const refilter = [
      await timeCase('routing-key pattern', 'orders.*.created', expectedFor('orders.*.created')),
      await timeCase('routing-key substring', 'eu', expectedFor('eu')),
      await timeCase('clear (show all)', '', count),
    ];
    // A body term matches bodies holding the tenant name, never a routing key (no key contains one).
    const needle = 'globex';
    const probe = await callHook(page, 'refilter', `body:${needle}`);
    await callHook(page, 'refilter', '');
    let bodySearch: string | null = null;
    if (probe.visible === 0) {
      bodySearch = 'not implemented: the filter grammar (src/filter/query.ts) has no body term; `body:x` is routing-key text';
    } else {
      refilter.push(await timeCase('body substring', `body:${needle}`, tenantCounts[needle] ?? 0));
    }
    const cpu = stopCpu();
    return {
      count,
      retained,
      load,
      ingestRate: ratePerSecond(count, load.parseAndIngestMs),
      heapBefore,
      heapAfter,
      bytesPerMessage:
        (heapAfter.usedSize + heapAfter.backingStorageSize - heapBefore.usedSize - heapBefore.backingStorageSize) / Math.max(1, retained),
      refilter,
      bodySearch,
      cpu,
    };
  } finally {
    await page.close();
  }
}
