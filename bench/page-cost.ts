/**
 * The page's own cost, without a broker: the capacity run's synthetic
 * MESSAGE frames, through the same Parser and ingest, fed at a steady rate
 * into a page whose table follows and whose charts are on, and the main
 * thread's busy time read from Chromium (CDP Performance.getMetrics). In the
 * ingest runs the brokers take most of the machine and the numbers swing
 * from run to run; here nothing else competes, so a change to rendering
 * shows.
 *
 * The frames are handed over as the socket worker hands the mirror's over:
 * one batch per batch delay of the page's state (publish-cadence.ts), not a
 * few messages 60 times a second, which no live page receives. Each rate is
 * measured twice: first with nothing but the page asking for frames (its
 * busy time), then with the bench's frame loop on (the frame intervals, and
 * the busy time with that loop's 60 frames a second, as older runs read it).
 * The busy time includes building the synthetic frames (a few µs each),
 * which a live page does not do.
 */
import type { BenchEnv } from './setup.ts';
import { LIVE_BATCH_DELAY_MS, TRICKLE_BATCH_DELAY_MS, TRICKLE_MSG_PER_S } from '../src/session/publish-cadence.ts';
import { callHook, FRAME_RECORDER, frameStats, openBenchPage, pageMetrics, SWITCHED_FRAME_RECORDER, type FrameStats } from './page.ts';
import { EVENT_TIMING_RECORDER, measureInputLatency, type InputLatency } from './input-latency.ts';
import { sleep } from './stats.ts';

export interface PageCostResult {
  rate: number;
  seconds: number;
  /** Main-thread task time as a share of the wall time, %: the page alone asking for frames. */
  busyPercent: number;
  /** The same while the bench's frame loop runs (frames below): how earlier runs measured busy time (absent in their result files). */
  busyWithFrameLoopPercent?: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  frames: FrameStats;
}

/** The socket worker's batch delay while following `rate` msg/s live, attended (publish-cadence.ts). */
const batchDelayAt = (rate: number) => (rate < TRICKLE_MSG_PER_S ? TRICKLE_BATCH_DELAY_MS : LIVE_BATCH_DELAY_MS);

/** Feeds `rate` frames a second for `seconds`, a batch every `everyMs`; resolves with [start, end] page times. */
const feedExpression = (rate: number, seconds: number, everyMs: number) => `new Promise((resolve) => {
  const start = performance.now();
  let fed = 0;
  const tick = () => {
    const now = performance.now();
    const n = Math.floor((rate * (now - start)) / 1000) - fed;
    if (n > 0) {
      window.__warrenBench.loadSynthetic(n, n);
      fed += n;
    }
    if (now - start < seconds * 1000) setTimeout(tick, everyMs);
    else resolve([start, performance.now()]);
  };
  const rate = ${rate}, seconds = ${seconds}, everyMs = ${everyMs};
  tick();
})`;

export async function measurePageCost(env: BenchEnv, rates: number[], seconds: number, log: (line: string) => void): Promise<PageCostResult[]> {
  const results: PageCostResult[] = [];
  for (const rate of rates) {
    const page = await openBenchPage(env, { capacity: '200000', broker: '' }, SWITCHED_FRAME_RECORDER);
    try {
      await page.send('Performance.enable');
      // A screenful first, so the table starts following a full view.
      await callHook(page, 'loadSynthetic', 2000, 2000);
      await sleep(1500);
      const feed = async () => {
        const before = await pageMetrics(page);
        const [from, to] = await page.evaluate<[number, number]>(feedExpression(rate, seconds, batchDelayAt(rate)));
        const after = await pageMetrics(page);
        const spent = (name: string) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
        return { from, to, spent, busyPercent: (spent('TaskDuration') / (to - from)) * 100 };
      };
      log(`page cost: ${rate.toLocaleString('en-US')} synthetic msg/s for ${seconds} s, no broker, a batch every ${batchDelayAt(rate)} ms; then as long with the frame loop on`);
      const alone = await feed();
      await page.evaluate('window.__benchFrameProbe(true)');
      const probed = await feed();
      results.push({
        rate,
        seconds,
        busyPercent: alone.busyPercent,
        busyWithFrameLoopPercent: probed.busyPercent,
        scriptMs: alone.spent('ScriptDuration'),
        layoutMs: alone.spent('LayoutDuration'),
        styleMs: alone.spent('RecalcStyleDuration'),
        frames: await frameStats(page, probed.from, probed.to),
      });
    } finally {
      await page.close();
    }
  }
  return results;
}

/**
 * Input latency on the page alone: `rate` synthetic msg/s for `seconds`, and
 * meanwhile a keystroke in the filter or a row click every 200 ms.
 */
export async function measurePageInput(env: BenchEnv, rate: number, seconds: number, log: (line: string) => void): Promise<InputLatency & { rate: number }> {
  const page = await openBenchPage(env, { capacity: '200000', broker: '' }, FRAME_RECORDER + EVENT_TIMING_RECORDER);
  try {
    await callHook(page, 'loadSynthetic', 2000, 2000);
    await sleep(1500);
    log(`input latency: ${rate.toLocaleString('en-US')} synthetic msg/s for ${seconds} s, no broker; typing and clicking rows`);
    let fed = false;
    const feeding = page.evaluate(feedExpression(rate, seconds, batchDelayAt(rate))).finally(() => (fed = true));
    const input = await measureInputLatency(page, 1000, 200, () => fed);
    await feeding;
    return { ...input, rate };
  } finally {
    await page.close();
  }
}
