/**
 * What one redraw of the charts costs, alone: an idle page (no broker, no
 * traffic: the table and counters do not move) holding 2,000 synthetic
 * messages, measured with the charts open and then collapsed. Open, the
 * page's only work is the charts' redraw as their window slides; the
 * difference, per redraw seen, is its cost, follow-up frames included.
 *
 * - The rate charts (both, one render): a redraw every CHART_REFRESH_MS.
 * - One field chart of `$.amount_cents` (the domain mix has it on every
 *   order), rate charts collapsed: a redraw every 6 s when idle
 *   (use-chart-clock.ts), in its steps drawing (2,000 values is past the
 *   points drawing's limit): the min–max band and a mean line per key.
 */
import type { BenchEnv } from './setup.ts';
import { callHook, openBenchPage, pageMetrics, SWITCHED_FRAME_RECORDER } from './page.ts';
import type { CdpPage } from './cdp.ts';
import type { Row } from './report.ts';
import { sleep } from './stats.ts';

export interface ChartRefreshResult {
  seconds: number;
  /** Redraws seen while open (the chart's `data-end-second` moving). */
  refreshes: number;
  /** Main-thread busy, idle page, charts open / collapsed, %. */
  openPercent: number;
  collapsedPercent: number;
  /** (open − collapsed) main-thread time per redraw, ms. */
  msPerRefresh: number;
}

export interface FieldChartRefreshResult extends ChartRefreshResult {
  /** The chart's drawing: `steps` or `points` (its `data-mode`). */
  mode: string;
}

/** The charted field: a number on every order of the domain mix. */
export const FIELD_CHART_PATH = '$.amount_cents';

async function busyFor(page: CdpPage, seconds: number): Promise<number> {
  const read = async () => (await pageMetrics(page))['TaskDuration'] ?? 0;
  const before = await read();
  const t0 = Date.now();
  await sleep(seconds * 1000);
  return ((await read()) - before) / ((Date.now() - t0) / 1000);
}

/** Counts redraws of the first element matching `selector` (its `data-end-second` moving). */
const countRedraws = (selector: string) => `(() => {
  window.__benchChartRedraws = 0;
  const chart = document.querySelector(${JSON.stringify(selector)});
  new MutationObserver(() => window.__benchChartRedraws++).observe(chart, { attributeFilter: ['data-end-second'] });
})()`;

async function openCollapsed(page: CdpPage, selector: string, toggle: string, seconds: number): Promise<ChartRefreshResult> {
  await page.evaluate(countRedraws(selector));
  const open = await busyFor(page, seconds);
  const refreshes = await page.evaluate<number>('window.__benchChartRedraws');
  await page.evaluate(`document.querySelector(${JSON.stringify(toggle)}).click()`);
  await sleep(1000);
  const collapsed = await busyFor(page, seconds);
  return {
    seconds,
    refreshes,
    openPercent: open * 100,
    collapsedPercent: collapsed * 100,
    msPerRefresh: refreshes > 0 ? ((open - collapsed) * seconds * 1000) / refreshes : 0,
  };
}

async function idlePage(env: BenchEnv): Promise<CdpPage> {
  const page = await openBenchPage(env, { capacity: '200000', broker: '' }, SWITCHED_FRAME_RECORDER);
  await page.send('Performance.enable');
  await callHook(page, 'loadSynthetic', 2000, 2000);
  await sleep(3000);
  return page;
}

export async function measureChartRefresh(env: BenchEnv, seconds: number, log: (line: string) => void): Promise<ChartRefreshResult> {
  const page = await idlePage(env);
  try {
    log(`chart refresh: an idle page with 2,000 messages, ${seconds} s with the rate charts open, then ${seconds} s collapsed`);
    return await openCollapsed(page, '[data-testid="rate-chart"]', '[data-testid="rate-chart-toggle"]', seconds);
  } finally {
    await page.close();
  }
}

export async function measureFieldChartRefresh(env: BenchEnv, seconds: number, log: (line: string) => void): Promise<FieldChartRefreshResult> {
  const page = await idlePage(env);
  try {
    await page.evaluate(`document.querySelector('[data-testid="rate-chart-toggle"]').click()`);
    if (!(await callHook(page, 'chartField', FIELD_CHART_PATH))) throw new Error(`the page refused to chart ${FIELD_CHART_PATH}`);
    await sleep(3000);
    const mode = await page.evaluate<string>(`document.querySelector('[data-testid="field-chart"]')?.dataset.mode ?? 'none'`);
    log(`field chart refresh: an idle page with 2,000 messages, rate charts collapsed, ${seconds} s with a chart of ${FIELD_CHART_PATH} (${mode}), then ${seconds} s collapsed`);
    return { ...(await openCollapsed(page, '[data-testid="field-chart"]', '.field-charts-toggle', seconds)), mode };
  } finally {
    await page.close();
  }
}

const ms = (v: number) => `${v.toFixed(1)} ms`;
const refreshValue = (r: ChartRefreshResult) =>
  `${ms(r.msPerRefresh)} (${r.refreshes} redraws in ${r.seconds} s; busy ${r.openPercent.toFixed(1)} % open, ${r.collapsedPercent.toFixed(1)} % collapsed)`;

export function chartRefreshRows(rate: ChartRefreshResult | undefined, field: FieldChartRefreshResult | undefined): Row[] {
  const out: Row[] = [];
  if (rate) out.push({ metric: 'rate charts, one redraw of both (idle page alone, charts open − collapsed, per redraw): main thread', value: refreshValue(rate), target: '—', verdict: '—' });
  if (field) {
    out.push({
      metric: `field chart of \`${FIELD_CHART_PATH}\`, one redraw (${field.mode}; idle page alone, rate charts collapsed, field charts open − collapsed, per redraw): main thread`,
      value: refreshValue(field),
      target: '—',
      verdict: '—',
    });
  }
  return out;
}
