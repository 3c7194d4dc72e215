/**
 * Phase 4, capacity: a page with `capacity` ≥ the load and no connection
 * (`broker=` empty) gets synthetic MESSAGE frames (real STOMP bytes, read in
 * a worker as the socket worker reads them, ingested by the page's own route;
 * see bench/page/synthetic-load.ts). Then: JS heap after a forced GC (CDP), and the time
 * to re-filter everything retained, through the filter box's own function.
 */
import type { CdpPage } from './cdp.ts';
import { parseFilterQuery } from '../src/filter/index.ts';
import type { BenchEnv } from './setup.ts';
import type { RefilterTiming, SyntheticLoadResult } from './hook-api.ts';
import { callHook, openBenchPage } from './page.ts';
import { syntheticFrame } from './page/domain-frames.ts';
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
  /** Until the rows were final (sliced re-filters go on after the call). */
  done: Distribution;
  /** The longest the main thread was held (the call, or the longest slice). */
  longestTask: Distribution;
  painted: Distribution;
  /** False when a run showed another number of rows than expected. */
  correct: boolean;
}

export interface CapacityResult {
  count: number;
  retained: number;
  load: Omit<SyntheticLoadResult, 'keyCounts' | 'tenantCounts'>;
  /** Messages per second through the page's ingest of the worker's batches (reading the frames, in a worker, excluded). */
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
    done: distribution(runs.map((r) => r.doneMs)),
    longestTask: distribution(runs.map((r) => r.longestTaskMs)),
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
    log(`capacity: loading ${count.toLocaleString('en-US')} synthetic frames, read in a worker, into the ingest`);
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
    refilter.push(...(await languageCases(timeCase, count, keyCounts, tenantCounts, log)));
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

/** Per-frame facts of the domain mix, read back from the frames' own JSON in Node: the reference the page's filter must agree with. */
interface DomainFacts {
  sizeOver220: number;
  amountOver50k: number;
  frOver50k: number;
  paymentsOrOver80k: number;
}

function domainFacts(count: number): DomainFacts {
  const facts: DomainFacts = { sizeOver220: 0, amountOver50k: 0, frOver50k: 0, paymentsOrOver80k: 0 };
  for (let i = 0; i < count; i++) {
    const frame = syntheticFrame(i, Date.now());
    const body = JSON.parse(frame.text.slice(frame.text.indexOf('\n\n') + 2, frame.text.lastIndexOf('\0'))) as { amount_cents: number; customer: { country: string } };
    if (frame.bodyBytes > 220) facts.sizeOver220++;
    if (body.amount_cents > 50_000) facts.amountOver50k++;
    if (body.amount_cents > 50_000 && body.customer.country === 'FR') facts.frOver50k++;
    if (frame.key.startsWith('payments.') || body.amount_cents > 80_000) facts.paymentsOrOver80k++;
  }
  return facts;
}

/**
 * Issue 14's terms, next to the key-only re-filters of the same run: a
 * header, the size, a regex on the key, a regex on the body, JSON fields
 * (every body decoded; sliced, so the page stays responsive) and an OR of a
 * key pattern and a field.
 */
async function languageCases(
  timeCase: (label: string, text: string, expected: number) => Promise<RefilterCase>,
  count: number,
  keyCounts: Record<string, number>,
  tenantCounts: Record<string, number>,
  log: (line: string) => void,
): Promise<RefilterCase[]> {
  log('capacity: timing the filter language (header, size, regexes, JSON fields, OR)');
  const facts = domainFacts(count);
  const keyRegex = /^orders\.(eu|us)\./;
  const keyRegexCount = Object.entries(keyCounts).reduce((sum, [key, n]) => sum + (keyRegex.test(key) ? n : 0), 0);
  return [
    await timeCase('header value', 'header:x-tenant=globex', tenantCounts['globex'] ?? 0),
    await timeCase('size', 'size>220', facts.sizeOver220),
    await timeCase('routing-key regex', '/^orders\\.(eu|us)\\./', keyRegexCount),
    await timeCase('body regex', 'body:/"tenant":"(globex|hooli)"/', (tenantCounts['globex'] ?? 0) + (tenantCounts['hooli'] ?? 0)),
    await timeCase('JSON field', '$.amount_cents>50000', facts.amountOver50k),
    await timeCase('JSON fields, two terms', '$.customer.country=FR $.amount_cents>50000', facts.frOver50k),
    await timeCase('OR of a key pattern and a JSON field', 'payments.# OR $.amount_cents>80000', facts.paymentsOrOver80k),
  ];
}
