/**
 * The page at rest on the real stack: what a tracer left open all day costs
 * the machine it shares with brokers. Live traffic at a low steady rate
 * (`npm start`'s generator runs at 50 msg/s) through the shovel into a page
 * that follows the tail, in the states a user leaves it in; for each, the
 * page's main-thread busy share (CDP Performance.getMetrics, TaskDuration
 * and ScriptDuration) and its long tasks. The page carries no frame
 * recorder here: asking for every animation frame would itself keep the
 * browser producing frames, which is part of what is measured.
 *
 * "unattended": the page visible but its window not focused and the pointer
 * elsewhere (a tracer beside other work, src/session/page-attention.ts).
 * Headless Chromium keeps every page focused (document.hasFocus() stays
 * true, whatever window is created or activated over CDP), so the page is
 * told as a browser tells it when its window loses focus: a `blur` event
 * at the window.
 *
 * "hidden tab": the page (charts open, following) behind another tab of
 * its window, at twice the rate: it must keep capturing and counting and draw
 * nothing. Headless Chromium keeps a lone tab visible whatever CDP says
 * (minimized windows, Page.setWebLifecycleState), but a second tab opened in
 * the same window hides the first, as a user's would. Closing that tab shows
 * the page again; the row also reports how long it took to show every
 * message received meanwhile.
 */
import { benchMessage, runPrefix } from './messages.ts';
import { frameStats, LONG_TASK_RECORDER, openBenchPage, pageMetrics, poll } from './page.ts';
import { publishPaced } from './publish.ts';
import type { BenchEnv } from './setup.ts';
import { sleep } from './stats.ts';

export type RestState = 'charts open' | 'charts collapsed' | 'unattended, charts open' | 'unattended, charts collapsed' | 'paused, charts collapsed' | 'hidden tab';

export interface PageRestResult {
  state: RestState;
  rate: number;
  seconds: number;
  /** Main-thread task time as a share of the wall time, %. */
  busyPercent: number;
  scriptPercent: number;
  /** Style recalculation and layout, % of the wall time (the rest of busy is mostly paint and compositing). */
  layoutStylePercent: number;
  longTasks: { count: number; totalMs: number; maxMs: number };
  /** Hidden tab only: from showing the page again to every message received being counted and drawn, ms. */
  caughtUpMs?: number;
}

const STATES: RestState[] = ['charts open', 'charts collapsed', 'unattended, charts open', 'unattended, charts collapsed', 'paused, charts collapsed', 'hidden tab'];
/** What the table and the counters show, for the hidden tab's catch-up check. */
const SHOWN = `(() => {
  const rows = document.querySelectorAll('[data-testid="message-row"]');
  const last = rows.length ? Math.max(...[...rows].map((r) => Number(r.dataset.seq))) : 0;
  return { received: Number(document.querySelector('[data-testid="received-count"]').dataset.value), lastRowSeq: last };
})()`;
const selector = (testId: string) => JSON.stringify(`[data-testid="${testId}"]`);

export async function measurePageRest(env: BenchEnv, rate: number, seconds: number, log: (line: string) => void): Promise<PageRestResult[]> {
  const results: PageRestResult[] = [];
  for (const state of STATES) {
    const prefix = runPrefix('rest');
    const sub = `/exchange/app.events/${prefix}.#`;
    const page = await openBenchPage(env, { sub }, LONG_TASK_RECORDER);
    let cover: string | null = null;
    try {
      await page.send('Performance.enable');
      const click = async (testId: string) => {
        // The chart panel is its own chunk: wait for it (or the button) to be there.
        if (!(await poll(page, `document.querySelector(${selector(testId)}) !== null`, 15_000))) throw new Error(`no ${testId} on the page`);
        await page.evaluate(`document.querySelector(${selector(testId)}).click()`);
      };
      // Open, the chart panel is loaded and drawing before the window starts.
      await poll(page, `document.querySelector('[data-testid="rate-chart-messages"]') !== null`, 15_000);
      if (!state.endsWith('charts open')) await click('rate-chart-toggle');
      if (state.startsWith('unattended')) await page.evaluate(`window.dispatchEvent(new FocusEvent('blur'))`);
      if (state === 'paused, charts collapsed') await click('pause-button');
      if (state === 'hidden tab') {
        cover = (await page.cdp.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank', newWindow: false })).targetId;
        if (!(await poll(page, `document.visibilityState === 'hidden'`, 5000))) throw new Error('the page did not become hidden behind a second tab');
      }
      await sleep(1000);
      const stateRate = state === 'hidden tab' ? rate * 2 : rate;
      log(`page at rest: ${stateRate} msg/s for ${seconds} s, ${state}`);
      const before = await pageMetrics(page);
      const from = await page.evaluate<number>('performance.now()');
      await publishPaced(stateRate, seconds, (seq, sentAt) => benchMessage(prefix, seq, sentAt));
      const to = await page.evaluate<number>('performance.now()');
      const after = await pageMetrics(page);
      let caughtUpMs: number | undefined;
      if (cover !== null) {
        await page.cdp.send('Target.closeTarget', { targetId: cover });
        cover = null;
        const shownAt = Date.now();
        const caughtUp = `(() => { const s = ${SHOWN}; return document.visibilityState === 'visible' && s.received >= ${stateRate * seconds} && s.lastRowSeq === s.received; })()`;
        if (!(await poll(page, caughtUp, 10_000))) throw new Error(`shown again, the page did not catch up: ${JSON.stringify(await page.evaluate(SHOWN))}`);
        caughtUpMs = Date.now() - shownAt;
      }
      const spent = (name: string) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
      const { longTasks } = await frameStats(page, from, to);
      results.push({
        state,
        rate: stateRate,
        seconds,
        caughtUpMs,
        busyPercent: (spent('TaskDuration') / (to - from)) * 100,
        scriptPercent: (spent('ScriptDuration') / (to - from)) * 100,
        layoutStylePercent: ((spent('LayoutDuration') + spent('RecalcStyleDuration')) / (to - from)) * 100,
        longTasks,
      });
    } finally {
      if (cover !== null) await page.cdp.send('Target.closeTarget', { targetId: cover }).catch(() => undefined);
      await page.close();
    }
  }
  return results;
}
