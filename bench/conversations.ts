/**
 * Phase "conversations" (issue 13): what the conversation index
 * (src/conversations, `session.conversations`) costs.
 * - Capacity with the Celery mix (bench/page/celery-frames.ts): `count`
 *   retained, JS heap after GC (+ ArrayBuffers), the index's conversation
 *   count, re-filters by `task:` and `conv:` through the filter box's own
 *   function, and the requests view's read (`requestRows()`); then the same
 *   load on a page whose index is detached, for the index's own heap.
 * - Ingest cost, same run: parse + ingest rate of `rateCount` synthetic
 *   frames with the index attached and detached (`dispose()` on a fresh page
 *   before loading), for the Celery and the domain mix, interleaved and
 *   repeated (median), so machine drift hits both sides alike; and on one
 *   more page, batch against batch (attached / detached alternately).
 */
import type { CdpPage } from './cdp.ts';
import { heapAfterGc, timeRefilterCase, type HeapUsage, type RefilterCase } from './capacity.ts';
import type { ConversationIndexProbe, SyntheticLoadResult, SyntheticMix } from './hook-api.ts';
import { callHook, openBenchPage } from './page.ts';
import type { BenchEnv } from './setup.ts';
import { sampleCpu, type CpuUsage } from './cpu.ts';
import { distribution, median, ratePerSecond, withTimeout, type Distribution } from './stats.ts';

export interface IndexedCapacity {
  count: number;
  retained: number;
  /** False: the page's index was detached before loading. */
  withIndex: boolean;
  /** Per routing key counts included: a handful of keys in either mix. */
  load: SyntheticLoadResult;
  ingestRate: number;
  heapBefore: HeapUsage;
  heapAfter: HeapUsage;
  /** (used + backing stores) after − before, per retained message. */
  bytesPerMessage: number;
  /** The index after the load (conversations 0 when detached). */
  index: ConversationIndexProbe;
}

export interface CeleryCapacity extends IndexedCapacity {
  /** Tasks loaded: the conversations the index should hold. */
  expectedConversations: number;
  /** `requestRows()` over REPEATS reads. */
  requestRows: Distribution;
  refilter: RefilterCase[];
}

export interface IngestCostPair {
  mix: SyntheticMix;
  count: number;
  /** Parse + ingest msg/s of each repeat. */
  withIndex: number[];
  withoutIndex: number[];
  /** median(with) / median(without). */
  ratio: number;
  /**
   * One more page, its batches of BATCH frames alternating between the index attached and
   * detached: per pair of adjacent batches, rate with / rate without. Far less noisy on a
   * shared machine than whole pages, since both sides of a pair run within a second.
   */
  pairRatios: number[];
  /** Frames per batch of the paired load. */
  batch: number;
}

export interface ConversationsResult {
  capacity: CeleryCapacity;
  /** The same Celery load with the index detached: heap only. */
  capacityWithoutIndex: IndexedCapacity;
  ingestCost: IngestCostPair[];
  /** CPU use during the ingest-cost runs: what else the machine was doing (the runs' noise). */
  ingestCostCpu: CpuUsage;
}

const REPEATS = 5;
/** A multiple of the Celery mix's 20-frame cycle: a paired load indexes whole conversations or none. */
const BATCH = 2000;

/** Loads `count` frames of `mix` on a fresh page with room for all of them; `inspect` runs before the page closes. */
async function loadOnFreshPage<T>(
  env: BenchEnv,
  count: number,
  mix: SyntheticMix,
  withIndex: boolean,
  inspect: (page: CdpPage, measured: IndexedCapacity) => Promise<T>,
): Promise<T> {
  const page = await openBenchPage(env, { capacity: String(count), broker: '' });
  try {
    await page.send('HeapProfiler.enable');
    if (!withIndex) await callHook(page, 'detachConversationIndex');
    const heapBefore = await heapAfterGc(page);
    const load = await withTimeout(callHook(page, 'loadSynthetic', count, BATCH, mix), 15 * 60_000, 'synthetic load did not finish');
    const retained = await callHook(page, 'retained');
    const heapAfter = await heapAfterGc(page);
    const used = (h: HeapUsage) => h.usedSize + h.backingStorageSize;
    return await inspect(page, {
      count,
      retained,
      withIndex,
      load,
      ingestRate: ratePerSecond(count, load.parseAndIngestMs),
      heapBefore,
      heapAfter,
      bytesPerMessage: (used(heapAfter) - used(heapBefore)) / Math.max(1, retained),
      index: await callHook(page, 'conversationIndex'),
    });
  } finally {
    await page.close();
  }
}

async function celeryCapacity(env: BenchEnv, count: number, log: (line: string) => void): Promise<CeleryCapacity> {
  log(`conversations: loading ${count.toLocaleString('en-US')} Celery-mix frames with the conversation index`);
  return loadOnFreshPage(env, count, 'celery', true, async (page, measured) => {
    const celery = measured.load.celery;
    if (!celery) throw new Error('the Celery load reported no task stats');
    const reads: number[] = [];
    for (let i = 0; i < REPEATS; i++) reads.push((await callHook(page, 'conversationIndex')).requestRowsMs);
    const [name, frames] = Object.entries(celery.taskNameFrames).sort(([a], [b]) => a.localeCompare(b))[0] ?? ['', 0];
    log('conversations: timing task: and conv: re-filters');
    const refilter = [
      await timeRefilterCase(page, 'task name', `task:${name}`, frames),
      await timeRefilterCase(page, 'conversation id', `conv:${celery.sample.id}`, celery.sample.frames),
    ];
    return { ...measured, expectedConversations: celery.tasks, requestRows: distribution(reads), refilter };
  });
}

/** Parse + ingest rates with and without the index, interleaved (ABBA) over `rounds`. */
async function ingestCost(env: BenchEnv, mix: SyntheticMix, count: number, rounds: number, log: (line: string) => void): Promise<IngestCostPair> {
  const rates = { with: [] as number[], without: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [true, false] : [false, true];
    for (const withIndex of order) {
      const rate = await loadOnFreshPage(env, count, mix, withIndex, (_page, m) => Promise.resolve(m.ingestRate));
      (withIndex ? rates.with : rates.without).push(rate);
      log(`conversations: ${mix} mix, ${count.toLocaleString('en-US')} frames, index ${withIndex ? 'attached' : 'detached'}: ${Math.round(rate).toLocaleString('en-US')} msg/s`);
    }
  }
  const page = await openBenchPage(env, { capacity: String(count), broker: '' });
  let pairRatios: number[];
  try {
    pairRatios = (await withTimeout(callHook(page, 'loadSyntheticPaired', count, BATCH, mix), 15 * 60_000, 'paired load did not finish')).pairRatios ?? [];
  } finally {
    await page.close();
  }
  log(`conversations: ${mix} mix, batches with / without the index on one page: median ${median(pairRatios).toFixed(2)}× over ${pairRatios.length} pairs`);
  return { mix, count, withIndex: rates.with, withoutIndex: rates.without, ratio: median(rates.with) / median(rates.without), pairRatios, batch: BATCH };
}

export async function measureConversations(env: BenchEnv, count: number, rateCount: number, rounds: number, log: (line: string) => void): Promise<ConversationsResult> {
  const capacity = await celeryCapacity(env, count, log);
  log(`conversations: the same ${count.toLocaleString('en-US')} Celery-mix frames with the index detached`);
  const capacityWithoutIndex = await loadOnFreshPage(env, count, 'celery', false, (_page, m) => Promise.resolve(m));
  const stopCpu = sampleCpu(env.stack);
  const ingestCostPairs = [await ingestCost(env, 'celery', rateCount, rounds, log), await ingestCost(env, 'domain', rateCount, rounds, log)];
  return { capacity, capacityWithoutIndex, ingestCost: ingestCostPairs, ingestCostCpu: stopCpu() };
}
