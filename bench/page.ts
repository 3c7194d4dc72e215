/**
 * Driving the dashboard page over CDP: opening it with the bench hook,
 * calling the hook, and reading the frame and long-task recorder that an init
 * script installs before any of the page's own scripts run.
 */
import { CdpPage } from './cdp.ts';
import { BENCH_BUILD_ATTRIBUTE, BENCH_GLOBAL, type WarrenBenchApi } from './hook-api.ts';
import type { BenchEnv } from './setup.ts';
import { distribution, sleep, type Distribution } from './stats.ts';

/**
 * Runs in the page before its scripts: records every requestAnimationFrame
 * timestamp and every long task (PerformanceObserver 'longtask', > 50 ms).
 * Page code is written as strings: tsx would wrap a function's inner
 * closures in a `__name` helper that does not exist in the page.
 */
export const FRAME_RECORDER = `(() => {
  const frames = (window.__benchFrames = []);
  const longTasks = (window.__benchLongTasks = []);
  requestAnimationFrame(function loop(t) {
    frames.push(t);
    requestAnimationFrame(loop);
  });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
})();`;

/**
 * FRAME_RECORDER with its frame loop off until `window.__benchFrameProbe(true)`:
 * a loop that asks for every animation frame makes the browser produce 60
 * frames a second whatever the page does, a cost the page's own busy time
 * should not carry (page-cost.ts reads that with the loop off, the frames with it on).
 */
export const SWITCHED_FRAME_RECORDER = `(() => {
  const frames = (window.__benchFrames = []);
  const longTasks = (window.__benchLongTasks = []);
  let on = false, scheduled = false;
  const loop = (t) => {
    scheduled = on;
    if (!on) return;
    frames.push(t);
    requestAnimationFrame(loop);
  };
  window.__benchFrameProbe = (wanted) => {
    on = wanted;
    if (on && !scheduled) {
      scheduled = true;
      requestAnimationFrame(loop);
    }
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
})();`;

/**
 * Long tasks only: for pages measured at rest, where a recorder that asks
 * for every animation frame would itself make the browser produce frames.
 */
export const LONG_TASK_RECORDER = `(() => {
  const longTasks = (window.__benchLongTasks = []);
  window.__benchFrames = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
})();`;

export const VIEWPORT = { width: 1440, height: 900 };

export async function poll(page: CdpPage, expression: string, timeoutMs: number): Promise<boolean> {
  for (const until = Date.now() + timeoutMs; Date.now() < until; await sleep(100)) if (await page.evaluate<boolean>(expression)) return true;
  return false;
}

/**
 * Opens the bench build's `/?...` in a new tab driven over raw CDP (see cdp.ts for why
 * not Playwright), waits for the hook and, with `sub`, for each subscription
 * to be active.
 */
export async function openBenchPage(env: BenchEnv, params: Record<string, string | string[]>, initScript = FRAME_RECORDER): Promise<CdpPage> {
  if (!env.cdp) throw new Error('no browser');
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) for (const v of [value].flat()) query.append(name, v);
  const page = await CdpPage.open(env.cdp, `${env.baseUrl}/?${query}`, VIEWPORT, initScript);
  try {
    const benchBuild = `document.documentElement.getAttribute('${BENCH_BUILD_ATTRIBUTE}') === 'bench' && '${BENCH_GLOBAL}' in window`;
    if (!(await poll(page, benchBuild, 30_000))) throw new Error('this is not the bench build (no bench hook): build with `vite build --mode bench`');
    // A hidden tab gets no animation frames: the page would fall back to timers and measure nothing real.
    if ((await page.evaluate<string>('document.visibilityState')) !== 'visible') throw new Error('the bench tab is not visible');
    for (const sub of [params.sub ?? []].flat()) {
      const selector = JSON.stringify(`[data-testid="subscription-list"] li[data-destination="${sub}"][data-state="active"]`);
      if (!(await poll(page, `document.querySelector(${selector}) !== null`, 30_000))) {
        const status = await page.evaluate<string>(`document.querySelector('[data-testid="connection-status"]')?.textContent ?? '?'`);
        throw new Error(`subscription ${sub} did not become active (connection status: ${status})`);
      }
    }
    return page;
  } catch (e) {
    await page.close();
    throw e;
  }
}

/** Chromium's own counters for the page (CDP Performance.getMetrics, after Performance.enable): TaskDuration, LayoutDuration, ... in seconds. */
export async function pageMetrics(page: CdpPage): Promise<Record<string, number>> {
  const { metrics } = await page.send<{ metrics: { name: string; value: number }[] }>('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

type Method = keyof WarrenBenchApi;

/** Calls one method of the page's window.__warrenBench and returns its (awaited) result. */
export function callHook<M extends Method>(page: CdpPage, method: M, ...args: Parameters<WarrenBenchApi[M]>): Promise<Awaited<ReturnType<WarrenBenchApi[M]>>> {
  return page.evaluate(`window.${BENCH_GLOBAL}.${method}(...${JSON.stringify(args)})`);
}

/** The table's data-following attribute: is it still following the newest row? */
export const isFollowing = (page: CdpPage): Promise<boolean> =>
  page.evaluate(`document.querySelector('[data-testid="message-table"]')?.getAttribute('data-following') === 'true'`);

export interface FrameStats {
  /** Intervals between consecutive rAF callbacks inside the window, ms. */
  interval: Distribution;
  longTasks: { count: number; totalMs: number; maxMs: number };
}

/** Frame intervals and long tasks between two page times (performance.now()). */
export async function frameStats(page: CdpPage, from: number, to: number): Promise<FrameStats> {
  const { frames, longTasks } = await page.evaluate<{ frames: number[]; longTasks: [number, number][] }>(`(() => {
    const from = ${from}, to = ${to};
    return {
      frames: window.__benchFrames.filter((t) => t >= from && t <= to),
      longTasks: window.__benchLongTasks.filter(([start, duration]) => start + duration >= from && start <= to),
    };
  })()`);
  const intervals = frames.slice(1).map((t, i) => t - (frames[i] ?? t));
  const durations = longTasks.map(([, d]) => d);
  return {
    interval: distribution(intervals),
    longTasks: { count: durations.length, totalMs: durations.reduce((s, d) => s + d, 0), maxMs: durations.length ? Math.max(...durations) : 0 },
  };
}
