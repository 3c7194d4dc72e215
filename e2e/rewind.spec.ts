import { expect, test, type Page } from './support/test.ts';
import { applyFilter, collectRowAttribute, counter } from './support/page.ts';
import { publishNumbered, runId } from './support/origin.ts';
import { watchHistoryStream } from './support/stack-control.ts';

/**
 * Rewind reads the mirror's history stream of the subscription's exchange
 * (stack/provision.ts) and goes on live from the same stream: counted by
 * x-warren-seq, every message once, none missing at the join.
 */

async function waitForRewindDone(page: Page, timeout = 120_000): Promise<void> {
  await expect(page.getByTestId('rewind-status')).toHaveAttribute('data-state', 'done', { timeout });
}

async function seqsInTable(page: Page): Promise<number[]> {
  return (await collectRowAttribute(page, 'data-warren-seq')).map(Number);
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

test('?rewind=all loads every message published before the page opened, then goes on live with no duplicate and no gap', async ({ page }) => {
  test.setTimeout(240_000);
  const run = runId();
  const sub = `/exchange/app.events/${run}.#`;
  const mirror = await watchHistoryStream('app.events', `${run}.`);
  try {
    await publishNumbered(5000, (seq) => ({ exchange: 'app.events', routingKey: `${run}.orders.k${seq % 7}` }));
    // The page opens after the fact, once the mirror's stream has committed them all: everything it shows comes from there.
    await mirror.waitFor(5000);
  } finally {
    await mirror.close();
  }
  // History ends at the second the rewind begins, counted by the shovel's whole-second
  // stamp: what the shovel stamped in that same second goes on as live (61 of 5,000 once,
  // in a fresh-clone run). The rewind begins in the next second, after every stamp.
  await new Promise((r) => setTimeout(r, 1050 - (Date.now() % 1000)));
  await page.setViewportSize({ width: 1440, height: 1800 });
  await page.goto(`/?${new URLSearchParams({ sub, rewind: 'all' })}`);
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '5000', { timeout: 180_000 });
  await waitForRewindDone(page);
  // History is what the mirror had when the rewind began; what the shovel brought after counts as live.
  const loaded = Number(await page.getByTestId('rewind-status').getAttribute('data-loaded'));
  expect(loaded).toBe(5000);

  // Live from here, through the same stream.
  await publishNumbered(200, (seq) => ({ exchange: 'app.events', routingKey: `${run}.orders.k${seq % 7}` }), 5001);
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '5200');
  const seqs = await seqsInTable(page);
  expect(seqs).toEqual(range(1, 5200));
  expect(await counter(page, 'received')).toBe(5200);
});

test('a rewind with a topic pattern shows exactly what that pattern matches', async ({ page }) => {
  const run = runId();
  const keys = [`${run}.orders.eu.created`, `${run}.orders.us.created`, `${run}.orders.eu.cancelled`, `${run}.payments.eu.created`, `${run}.orders.eu.created.late`];
  await publishNumbered(500, (seq) => ({ exchange: 'app.events', routingKey: keys[seq % keys.length] ?? '' }));
  const sub = `/exchange/app.events/${run}.orders.*.created`;
  await page.setViewportSize({ width: 1440, height: 1800 });
  // The last 2 minutes hold this run's 500: the stream's older traffic (every earlier test's) is not the point here.
  await page.goto(`/?${new URLSearchParams({ sub, rewind: '2m' })}`);
  await waitForRewindDone(page);
  const expected = range(1, 500).filter((seq) => seq % keys.length < 2);
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', String(expected.length));
  expect(await seqsInTable(page)).toEqual(expected);
  const keysShown = new Set(await collectRowAttribute(page, 'data-routing-key'));
  expect([...keysShown].sort()).toEqual([keys[0], keys[1]].sort());
});

test('the rewind menu starts the view over from the past, while the table stays usable', async ({ page }) => {
  const run = runId();
  const sub = `/exchange/app.events/${run}.#`;
  await page.setViewportSize({ width: 1440, height: 1800 });
  await page.goto(`/?${new URLSearchParams({ sub })}`);
  await expect(page.locator(`[data-testid="subscription-list"] li[data-destination="${sub}"]`)).toHaveAttribute('data-state', 'active');
  await publishNumbered(300, () => ({ exchange: 'app.events', routingKey: `${run}.a` }));
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '300');

  await page.getByTestId('rewind-button').click();
  await expect(page.getByTestId('rewind-option')).toHaveCount(4);
  await page.locator('[data-testid="rewind-option"][data-range="5m"]').click();
  await waitForRewindDone(page);
  // The same 300 again, read from history: the capture started over, nothing doubled.
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '300');
  await publishNumbered(50, () => ({ exchange: 'app.events', routingKey: `${run}.a` }), 301);
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '350');
  expect(await seqsInTable(page)).toEqual(range(1, 350));
  // The inspector reads a history row like any other.
  await page.getByTestId('message-row').first().click();
  await expect(page.getByTestId('inspector')).toBeVisible();
});

test('a subscription with no history stream says so and goes on live', async ({ page }) => {
  const run = runId();
  const sub = `/topic/${run}.#`;
  await page.goto(`/?${new URLSearchParams({ sub, rewind: '5m' })}`);
  await expect(page.getByTestId('rewind-status')).toContainText('only /exchange/ subscriptions have history');
  await expect(page.locator(`[data-testid="subscription-list"] li[data-destination="${sub}"]`)).toHaveAttribute('data-state', 'active');
});

test('a rewind that is not one says what is accepted', async ({ page }) => {
  await page.goto(`/?${new URLSearchParams({ sub: '/exchange/app.events/#', rewind: 'yesterday' })}`);
  await expect(page.getByRole('alert').filter({ hasText: '?rewind' })).toContainText('use 5m, 15m, 1h');
});

test('a new subscription can start with its history, alongside live ones, and goes on live', async ({ page }) => {
  // The exchange's stream holds every earlier test's traffic of the last 5 minutes (tens of thousands of
  // messages in a full run), all read and dropped by the pattern on the page before this run's 200.
  test.setTimeout(240_000);
  const run = runId();
  const live = `/exchange/app.events/${run}.live.#`;
  await publishNumbered(200, () => ({ exchange: 'app.events', routingKey: `${run}.past.x` }));
  await page.setViewportSize({ width: 1440, height: 1800 });
  await page.goto(`/?${new URLSearchParams({ sub: live })}`);
  await expect(page.locator(`[data-testid="subscription-list"] li[data-destination="${live}"]`)).toHaveAttribute('data-state', 'active');

  const withHistory = `/exchange/app.events/${run}.past.#`;
  await page.getByTestId('subscribe-input').fill(withHistory);
  await page.getByTestId('subscribe-history').selectOption('5m');
  await page.getByTestId('subscribe-button').click();
  const row = page.locator(`[data-testid="subscription-list"] li[data-destination="${withHistory}"]`);
  await expect(row).toHaveAttribute('data-source', 'stream');
  await expect(row).toHaveAttribute('data-state', 'active');
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '200', { timeout: 150_000 });
  await waitForRewindDone(page);
  await publishNumbered(20, () => ({ exchange: 'app.events', routingKey: `${run}.past.x` }), 201);
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '220');
  expect(await seqsInTable(page)).toEqual(range(1, 220));
});

test('reading a history stream directly needs no "consumes real messages" confirmation, and takes nothing', async ({ page }) => {
  const run = runId();
  await page.goto('/?sub=');
  const stream = '/amq/queue/warren.history.app.events';
  await page.getByTestId('subscribe-input').fill(stream);
  await page.getByTestId('subscribe-button').click(); // once: no second click asked
  await expect(page.getByTestId('subscribe-message')).toContainText('takes nothing from anyone');
  await expect(page.locator(`[data-testid="subscription-list"] li[data-destination="${stream}"]`)).toHaveAttribute('data-state', 'active');
  await applyFilter(page, `${run}.#`);
  await publishNumbered(30, () => ({ exchange: 'app.events', routingKey: `${run}.s` }));
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '30');
});
