/**
 * The rate charts against the real stack: known bursts published on the
 * origin must show up in the chart's exposed data in the right series and
 * seconds, exactly; clicking a series filters the table to exactly its keys;
 * brushing seconds limits the table to them; pause freezes the charts.
 */
import { expect, test, type Page } from './support/test.ts';
import { allRoutingKeys, counter, openDashboard } from './support/page.ts';
import { publishNumbered, runId } from './support/origin.ts';

const chart = (page: Page) => page.getByTestId('rate-chart');

/** {series label: messages in the window}, as the panel exposes it. */
async function seriesTotals(page: Page): Promise<Record<string, number>> {
  return JSON.parse((await chart(page).getAttribute('data-series')) ?? '{}') as Record<string, number>;
}

/** The data table: for each series, its non-zero counts by epoch second. */
async function countsBySecond(page: Page): Promise<Record<string, Record<number, number>>> {
  return page.getByTestId('rate-chart-data').locator('tbody tr').evaluateAll((rows) => {
    const out: Record<string, Record<number, number>> = {};
    for (const row of rows) {
      const second = Number(row.getAttribute('data-second'));
      for (const cell of Array.from(row.querySelectorAll('td[data-series]'))) {
        const count = Number(cell.getAttribute('data-count'));
        const name = cell.getAttribute('data-series') ?? '';
        if (count > 0) (out[name] ??= {})[second] = count;
      }
    }
    return out;
  });
}

async function groupBy(page: Page, depth: '1' | '2' | '3' | 'full'): Promise<void> {
  await page.locator(`[data-testid="rate-depth"] button[data-value="${depth}"]`).click();
  await expect(chart(page)).toHaveAttribute('data-depth', depth);
}

/** The plot area of the messages/s chart. */
async function plotBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.locator('[data-testid="rate-chart-messages"] .recharts-cartesian-grid').boundingBox();
  if (!box) throw new Error('the messages/s chart has no plot area');
  return box;
}

/**
 * Points at the newest seconds one by one until the tooltip names `label`,
 * and returns that x: a second where the series has messages.
 */
async function hoverSeries(page: Page, label: string): Promise<number> {
  const box = await plotBox(page);
  const start = Number(await chart(page).getAttribute('data-start-second'));
  const end = Number(await chart(page).getAttribute('data-end-second'));
  const tooltip = page.locator('.rate-tooltip');
  for (let second = end; second > end - 15; second--) {
    const x = box.x + ((second - start) / (end - start)) * box.width;
    await page.mouse.move(x, box.y + box.height - 2);
    const shown = await expect(tooltip).toContainText(label, { timeout: 200 }).then(() => true, () => false);
    if (shown) return x;
  }
  throw new Error(`no second of ${label} found under the pointer`);
}

const publish = (count: number, routingKey: string, firstSeq = 1) =>
  publishNumbered(count, () => ({ exchange: 'app.events', routingKey }), firstSeq);

test('bursts land in their series and seconds exactly, and clicking a series filters the table to exactly its keys', async ({ page }) => {
  const run = runId();
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });
  await groupBy(page, 'full');

  await publish(300, `${run}.burst.a`);
  await publish(100, `${run}.burst.b`, 301);
  await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', '400');

  // The panel re-reads every 2 s: poll until it has caught up, then it must be exact.
  await expect.poll(() => seriesTotals(page)).toEqual({ [`${run}.burst.a`]: 300, [`${run}.burst.b`]: 100 });
  await expect(chart(page)).toHaveAttribute('data-total', '400');

  await page.getByTestId('rate-data-toggle').click();
  const bySecond = await countsBySecond(page);
  for (const [key, total] of [[`${run}.burst.a`, 300], [`${run}.burst.b`, 100]] as const) {
    const seconds = Object.keys(bySecond[key] ?? {}).map(Number).sort();
    const counts = Object.values(bySecond[key] ?? {});
    expect(counts.reduce((a, b) => a + b, 0), `${key} summed over its seconds`).toBe(total);
    expect(seconds.length, `${key} spans ${seconds.join(', ')}`).toBeLessThanOrEqual(2);
    if (seconds.length === 2) expect((seconds[1] ?? 0) - (seconds[0] ?? 0)).toBe(1);
  }
  // Each row's total is the sum of its series: nothing is drawn twice or dropped.
  const rowTotals = await page.getByTestId('rate-chart-data').locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => [Number(r.getAttribute('data-total')), Array.from(r.querySelectorAll('td[data-count]')).reduce((n, td) => n + Number(td.getAttribute('data-count')), 0)]),
  );
  for (const [total, sum] of rowTotals) expect(sum).toBe(total);
  await page.getByTestId('rate-data-toggle').click();

  await page.locator(`[data-testid="rate-series"][data-series-name="${run}.burst.a"]`).click();
  await expect(page.getByTestId('filter-input')).toHaveValue(`key:${run}.burst.a`);
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '300');
  const keys = await allRoutingKeys(page);
  expect(keys).toHaveLength(300);
  expect(new Set(keys)).toEqual(new Set([`${run}.burst.a`]));
  await expect.poll(() => new URL(page.url()).searchParams.get('filter')).toBe(`key:${run}.burst.a`);
});

test('grouping by first words, and a group click filters the table with its topic pattern', async ({ page }) => {
  const run = runId();
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });
  await publish(20, `${run}.x.one`);
  await publish(10, `${run}.x.two`, 21);
  await publish(5, `${run}.y`, 31);
  await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', '35');

  await expect.poll(() => seriesTotals(page)).toEqual({ [`${run}.#`]: 35 });
  await groupBy(page, '2');
  await expect.poll(() => seriesTotals(page)).toEqual({ [`${run}.x.#`]: 30, [`${run}.y`]: 5 });
  await groupBy(page, '3');
  expect(await seriesTotals(page)).toEqual({ [`${run}.x.one`]: 20, [`${run}.x.two`]: 10, [`${run}.y`]: 5 });

  await groupBy(page, '2');
  await page.locator(`[data-testid="rate-series"][data-series-name="${run}.x.#"]`).click();
  await expect(page.getByTestId('filter-input')).toHaveValue(`${run}.x.#`);
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '30');
  expect(new Set(await allRoutingKeys(page))).toEqual(new Set([`${run}.x.one`, `${run}.x.two`]));

  // The area itself is clickable too: the only series left at depth 1 is the whole run.
  // Paused, the chart holds still under the pointer (the axis moves on as time does).
  await groupBy(page, '1');
  await page.getByTestId('pause-button').click();
  await expect(chart(page)).toHaveAttribute('data-frozen', 'true');
  const x = await hoverSeries(page, `${run}.#`);
  const box = await plotBox(page);
  await page.mouse.click(x, box.y + box.height - 2);
  await expect(page.getByTestId('filter-input')).toHaveValue(`${run}.#`);
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '35');
});

test('hovering shows the values of a second', async ({ page }) => {
  const run = runId();
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });
  await publish(25, `${run}.hover`);
  await expect.poll(() => seriesTotals(page)).toEqual({ [`${run}.#`]: 25 });
  const tooltip = page.locator('.rate-tooltip');
  // The tooltip keeps the hovered index while the chart moves on a second a
  // second, so it is read in one go, and hovered again if the chart moved.
  await expect(async () => {
    await hoverSeries(page, `${run}.#`);
    const cells = await tooltip.locator('tr').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => td.textContent ?? '')));
    expect(cells.at(-1)?.[0]).toBe('total msg/s');
    expect(cells[0]?.[0]).toContain(`${run}.#`);
    // The burst's seconds add up to it: the tooltip's count is one of them.
    const count = Number(cells[0]?.[1]?.replace(/,/g, ''));
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(25);
  }).toPass({ timeout: 15_000 });
});

test('brushing seconds limits the table to them; clearing returns to live', async ({ page }) => {
  const run = runId();
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });
  await publish(50, `${run}.early`);
  await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', '50');
  await expect.poll(() => seriesTotals(page)).toEqual({ [`${run}.#`]: 50 });

  // Let the chart move a few seconds past the burst, so the right edge is newer
  // than the burst even if the panel's last re-read (every 2 s) is late.
  await page.waitForTimeout(4500);
  // Drag from mid-chart to the right edge (the newest second): the window holds the burst.
  const box = await plotBox(page);
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.5, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.8, y, { steps: 8 });
  await page.mouse.move(box.x + box.width - 1, y, { steps: 8 });
  await page.mouse.up();

  const bar = page.getByTestId('time-window');
  await expect(bar).toBeVisible();
  await expect(bar).toContainText('Time window');
  const from = Number(await bar.getAttribute('data-from-second'));
  const to = Number(await bar.getAttribute('data-to-second'));
  const end = Number(await chart(page).getAttribute('data-end-second'));
  await expect(page.getByTestId('visible-count'), `window ${from}..${to}, chart ends ${end}`).toHaveAttribute('data-value', '50');

  // Published after the window's last second: counted and charted, not shown.
  await page.waitForTimeout(Math.max(0, (to + 1) * 1000 - Date.now() + 200));
  await publish(30, `${run}.late`, 51);
  await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', '80');
  await expect.poll(() => seriesTotals(page)).toEqual({ [`${run}.#`]: 80 });
  expect(await counter(page, 'visible')).toBe(50);
  expect(new Set(await allRoutingKeys(page))).toEqual(new Set([`${run}.early`]));

  await page.getByTestId('time-window-clear').click();
  await expect(bar).toBeHidden();
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '80');
});

test('pause freezes the charts while counting continues; resume catches them up', async ({ page }) => {
  const run = runId();
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });
  await publish(40, `${run}.before`);
  await expect.poll(() => seriesTotals(page)).toEqual({ [`${run}.#`]: 40 });

  await page.getByTestId('pause-button').click();
  await expect(chart(page)).toHaveAttribute('data-frozen', 'true');
  await publish(60, `${run}.during`, 41);
  await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', '100');
  await page.waitForTimeout(1500); // three refresh periods: a live chart would have moved
  expect(await seriesTotals(page)).toEqual({ [`${run}.#`]: 40 });

  await page.getByTestId('pause-button').click();
  await expect(chart(page)).toHaveAttribute('data-frozen', 'false');
  await expect.poll(() => seriesTotals(page), { timeout: 2000 }).toEqual({ [`${run}.#`]: 100 });
});
