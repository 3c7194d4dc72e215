/**
 * Field charts against the real stack: a known series of order totals is
 * published on the origin over a few seconds; "chart" on the inspector's
 * numeric leaf draws $.total_cents, whose summary must give exactly the
 * series' min / mean / max; clicking a point, or the min, opens a message
 * that has that value. A dense series draws per-second steps, and a picked
 * second offers its own min and max messages.
 */
import { expect, test, type Locator, type Page } from './support/test.ts';
import { numbered, runId, withOriginPublisher, type NumberedMessage } from './support/origin.ts';
import { counter, openDashboard } from './support/page.ts';

/** Publishes `messages` in `batches` batches one second apart (numbered 1..n), waiting for the broker's confirms. */
async function publishOverSeconds(messages: NumberedMessage[], batches: number): Promise<void> {
  await withOriginPublisher(async (publisher) => {
    const size = Math.ceil(messages.length / batches);
    for (let start = 0; start < messages.length; start += size) {
      if (start > 0) await new Promise((resolve) => setTimeout(resolve, 1000));
      for (let i = start; i < Math.min(start + size, messages.length); i++) await publisher.publish(numbered(i + 1, messages[i] as NumberedMessage));
      await publisher.waitForConfirms();
    }
  });
}

const stats = (values: number[]) => ({
  count: values.length,
  min: Math.min(...values),
  max: Math.max(...values),
  mean: values.reduce((sum, v) => sum + v, 0) / values.length,
});

async function chartFieldOfRow(page: Page, routingKey: string, path: string): Promise<Locator> {
  await page.locator(`[data-testid="message-row"][data-routing-key="${routingKey}"]`).first().click();
  const tree = page.getByTestId('inspector-payload').locator('.json-tree');
  const button = tree.getByRole('button', { name: `Chart ${path}` });
  await button.locator('..').hover();
  await button.click();
  const chart = page.locator(`[data-testid="field-chart"][data-path=${JSON.stringify(path)}]`);
  await expect(chart).toBeVisible();
  await expect(tree.getByRole('button', { name: `Chart ${path}` })).toHaveText('charted');
  return chart;
}

async function expectSummary(chart: Locator, expected: { count: number; min: number; mean: number; max: number }): Promise<void> {
  const summary = chart.getByTestId('field-chart-summary');
  await expect(summary).toHaveAttribute('data-count', String(expected.count));
  await expect(summary).toHaveAttribute('data-min', String(expected.min));
  await expect(summary).toHaveAttribute('data-max', String(expected.max));
  expect(Number(await summary.getAttribute('data-mean'))).toBeCloseTo(expected.mean, 9);
  await expect(summary).toContainText(`min ${expected.min.toLocaleString('en-US')}`);
  await expect(summary).toContainText(`max ${expected.max.toLocaleString('en-US')}`);
}

/** The inspector shows a message whose payload has `$.total_cents` (or the given key) equal to `value`. */
async function expectInspected(page: Page, seq: number, key: string, value: number): Promise<void> {
  await expect(page.getByTestId('inspector')).toContainText(`#${seq}`);
  await expect(page.getByTestId('inspector-payload').locator('.json-tree')).toContainText(`${key}: ${value}`);
}

test('a field chart of a known series shows its exact min, mean and max, and a click opens the message', async ({ page }) => {
  const run = runId();
  // 60 orders with known totals on two keys, 5 without a total, one whose total is a string.
  const totals = Array.from({ length: 60 }, (_, i) => 1000 + ((i * 7919) % 997) * 10 + (i % 3));
  const messages: NumberedMessage[] = totals.map((total, i) => ({
    exchange: 'app.events',
    routingKey: `${run}.orders.${i % 3 === 0 ? 'us' : 'eu'}`,
    body: JSON.stringify({ order: i + 1, customer: { country: 'FR' }, total_cents: total }),
  }));
  for (let i = 0; i < 5; i++) messages.push({ exchange: 'app.events', routingKey: `${run}.notes`, body: JSON.stringify({ note: i }) });
  messages.push({ exchange: 'app.events', routingKey: `${run}.orders.odd`, body: JSON.stringify({ total_cents: '123' }) });

  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });
  await publishOverSeconds(messages, 3);
  await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', String(messages.length));

  const chart = await chartFieldOfRow(page, `${run}.orders.eu`, '$.total_cents');
  const expected = stats(totals);
  await expectSummary(chart, expected);
  const counts = chart.getByTestId('field-chart-counts');
  await expect(counts).toHaveAttribute('data-values', '60');
  await expect(counts).toHaveAttribute('data-absent', '5');
  await expect(counts).toHaveAttribute('data-not-number', '1');
  await expect(chart).toContainText('over messages that have this field');
  // Split by routing key: each key's number of values in the legend.
  for (const region of ['eu', 'us']) {
    const key = `${run}.orders.${region}`;
    const count = messages.filter((m) => m.routingKey === key).length;
    await expect(chart.locator(`.field-chart-legend li[data-key="${key}"]`)).toHaveAttribute('data-count', String(count));
  }

  // Sparse (60 values in 5 minutes): the values themselves, each opening its message.
  await expect(chart).toHaveAttribute('data-mode', 'points');
  const points = chart.getByTestId('field-chart-point');
  await expect(points).toHaveCount(60);
  // Points of the same seconds overlap: take one drawn on top of the others (once the chart is laid out).
  const pointOnTop = () =>
    points.evaluateAll((circles) =>
      circles.findIndex((c) => {
        const r = c.getBoundingClientRect();
        return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === c;
      }),
    );
  await expect.poll(pointOnTop).toBeGreaterThanOrEqual(0);
  const point = points.nth(await pointOnTop());
  const seq = Number(await point.getAttribute('data-seq'));
  const value = Number(await point.getAttribute('data-value'));
  expect(totals).toContain(value);
  await point.click();
  await expectInspected(page, seq, 'total_cents', value);

  // The summary's max opens the message that has it.
  await chart.getByTestId('field-chart-open-max').click();
  await expectInspected(page, Number(await chart.getByTestId('field-chart-summary').getAttribute('data-max-seq')), 'total_cents', expected.max);

  await page.screenshot({ path: 'test-results/field-chart-points.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('button', { name: '1 min' }).click();
  await expect(points).toHaveCount(60);
  await page.screenshot({ path: 'test-results/field-chart-points-dark.png' });

  // A second field, then removing the first: each chart is its own.
  await chartFieldOfRow(page, `${run}.orders.eu`, '$.order');
  await expectSummary(page.locator('[data-testid="field-chart"][data-path="$.order"]'), stats(totals.map((_, i) => i + 1)));
  await chart.getByRole('button', { name: 'Remove the chart of $.total_cents' }).click();
  await expect(page.getByTestId('field-chart')).toHaveCount(1);
  await expect(page.getByTestId('inspector-payload').getByRole('button', { name: 'Chart $.total_cents' })).toHaveText('chart');
});

test('a dense field draws per-second steps; a picked second offers its min and max messages', async ({ page }) => {
  const run = runId();
  // 900 values (more than 2 a second over 5 minutes): steps, not points.
  const values = Array.from({ length: 900 }, (_, i) => ((i * 37) % 101) - 50);
  const messages: NumberedMessage[] = values.map((v, i) => ({
    exchange: 'app.events',
    routingKey: `${run}.metrics.${['a', 'b', 'c'][i % 3] ?? 'a'}`,
    body: JSON.stringify({ sample: { 'latency ms': v } }),
  }));
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });
  await publishOverSeconds(messages, 3);
  await expect.poll(() => counter(page, 'received')).toBe(messages.length);

  const path = '$.sample["latency ms"]';
  const chart = await chartFieldOfRow(page, `${run}.metrics.a`, path);
  await expectSummary(chart, stats(values));
  await expect(chart).toHaveAttribute('data-mode', 'steps');

  // On the 1 min axis (still dense: 900 values), paused (the axis stops moving: pause freezes the
  // charts), click the plot at the newest second that has values.
  await page.getByRole('button', { name: '1 min' }).click();
  await page.getByTestId('pause-button').click();
  await expect(page.getByTestId('pause-button')).toHaveAttribute('aria-pressed', 'true');
  const frozenEnd = await chart.getAttribute('data-end-second');
  await page.waitForTimeout(1500);
  await expect(chart).toHaveAttribute('data-end-second', frozenEnd ?? '');
  const box = await chart.locator('.recharts-cartesian-grid').boundingBox();
  if (box === null) throw new Error('the field chart has no plot area');
  const [start, end, newest] = await Promise.all(['start', 'end', 'newest'].map(async (n) => Number(await chart.getAttribute(`data-${n}-second`))));
  const x = box.x + ((Number(newest) + 0.2 - Number(start)) / (Number(end) + 1 - Number(start))) * box.width;
  await page.mouse.move(x - 3, box.y + box.height / 2);
  await page.mouse.move(x, box.y + box.height / 2);
  await page.mouse.click(x, box.y + box.height / 2);
  const picked = chart.getByTestId('field-chart-picked');
  await expect(picked).toHaveAttribute('data-second', String(newest));
  const minButton = chart.getByTestId('field-chart-step-min');
  const [, minText, minSeq] = /min (-?[\d,]+) \(#(\d+)\)/.exec((await minButton.textContent()) ?? '') ?? [];
  await minButton.click();
  await expectInspected(page, Number(minSeq), '"latency ms"', Number((minText ?? '').replace(/,/g, '')));
  await page.screenshot({ path: 'test-results/field-chart-steps.png' });
});
