/**
 * The page's own cost, without a broker: the capacity run's synthetic
 * MESSAGE frames, through the same Parser and ingest, fed at a steady rate
 * into a page whose table follows and whose charts are on, and the main
 * thread's busy time read from Chromium (CDP Performance.getMetrics). In the
 * ingest runs the brokers take most of the machine and the numbers swing
 * from run to run; here nothing else competes, so a change to rendering
 * shows. The busy time includes building the synthetic frames (a few µs
 * each), which a live page does not do.
 */
import type { BenchEnv } from './setup.ts';
import { callHook, FRAME_RECORDER, frameStats, openBenchPage, type FrameStats } from './page.ts';
import { EVENT_TIMING_RECORDER, measureInputLatency, type InputLatency } from './input-latency.ts';
import { sleep } from './stats.ts';

export interface PageCostResult {
  rate: number;
  seconds: number;
  /** Main-thread task time as a share of the wall time, %. */
  busyPercent: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  frames: FrameStats;
}

type Metrics = Record<string, number>;

/** Feeds `rate` frames a second for `seconds` from a 60 Hz timer; resolves with [start, end] page times. */
const feedExpression = (rate: number, seconds: number) => `new Promise((resolve) => {
  const start = performance.now();
  let fed = 0;
  const tick = () => {
    const now = performance.now();
    const n = Math.floor((rate * (now - start)) / 1000) - fed;
    if (n > 0) {
      window.__warrenBench.loadSynthetic(n, n);
      fed += n;
    }
    if (now - start < seconds * 1000) setTimeout(tick, 1000 / 60);
    else resolve([start, performance.now()]);
  };
  const rate = ${rate}, seconds = ${seconds};
  tick();
})`;

export async function measurePageCost(env: BenchEnv, rates: number[], seconds: number, log: (line: string) => void): Promise<PageCostResult[]> {
  const results: PageCostResult[] = [];
  for (const rate of rates) {
    const page = await openBenchPage(env, { capacity: '200000', broker: '' });
    try {
      await page.send('Performance.enable');
      // A screenful first, so the table starts following a full view.
      await callHook(page, 'loadSynthetic', 2000, 2000);
      await sleep(1500);
      const metrics = async (): Promise<Metrics> =>
        Object.fromEntries((await page.send<{ metrics: { name: string; value: number }[] }>('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
      log(`page cost: ${rate.toLocaleString('en-US')} synthetic msg/s for ${seconds} s, no broker`);
      const before = await metrics();
      const [from, to] = await page.evaluate<[number, number]>(feedExpression(rate, seconds));
      const after = await metrics();
      const spent = (name: string) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
      results.push({
        rate,
        seconds,
        busyPercent: (spent('TaskDuration') / (to - from)) * 100,
        scriptMs: spent('ScriptDuration'),
        layoutMs: spent('LayoutDuration'),
        styleMs: spent('RecalcStyleDuration'),
        frames: await frameStats(page, from, to),
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
    const feeding = page.evaluate(feedExpression(rate, seconds)).finally(() => (fed = true));
    const input = await measureInputLatency(page, 1000, 200, () => fed);
    await feeding;
    return { ...input, rate };
  } finally {
    await page.close();
  }
}
