/**
 * The requests view against the real stack: this test's own RPC requests and
 * replies, published on the ORIGIN and mirrored by the shovels, counted
 * exactly in the row of their request routing key; a row click filters the
 * table to its conversations.
 */
import { expect, test, type Page } from './support/test.ts';
import type { OutgoingMessage } from '../generator/message.ts';
import { numbered, runId, withOriginPublisher } from './support/origin.ts';

function rpcRequest(seq: number, routingKey: string, correlationId: string, replyTo: string): OutgoingMessage {
  const m = numbered(seq, { exchange: 'app.events', routingKey, body: JSON.stringify({ sku: `sku-${seq}` }) });
  return { ...m, options: { ...m.options, correlationId, replyTo } };
}

function rpcReply(seq: number, replyTo: string, correlationId: string): OutgoingMessage {
  const m = numbered(seq, { exchange: 'celery.replies', routingKey: replyTo, body: JSON.stringify({ price_cents: 1299 }) });
  return { ...m, options: { ...m.options, correlationId } };
}

async function openWithRequests(page: Page, subscriptions: string[], requests: boolean): Promise<void> {
  const params = new URLSearchParams();
  for (const sub of subscriptions) params.append('sub', sub);
  if (requests) params.set('requests', '1');
  await page.goto(`/?${params}`);
  await expect(page.getByTestId('connection-status')).toContainText('connected');
  for (const sub of subscriptions) {
    await expect(page.locator(`[data-testid="subscription-list"] li[data-destination="${sub}"]`)).toHaveAttribute('data-state', 'active');
  }
}

test('?requests=1 counts RPC requests by routing key: replied, timed out, latency; a row click filters the table', async ({ page }) => {
  const run = runId();
  const key = `${run}.rpc.quote`;
  const replyTo = `${run}.reply`;
  // Replies come back under the reply queue's name: this run's only.
  await openWithRequests(page, [`/exchange/app.events/${run}.#`, `/exchange/celery.replies/${run}.#`], true);
  await expect(page.getByTestId('requests-view')).toBeVisible();

  await withOriginPublisher(async (publisher) => {
    for (let i = 1; i <= 5; i++) await publisher.publish(rpcRequest(i, key, `${run}-c${i}`, replyTo));
    for (let i = 1; i <= 3; i++) await publisher.publish(rpcReply(100 + i, replyTo, `${run}-c${i}`));
    await publisher.waitForConfirms();
  });

  const row = page.locator(`[data-testid="requests-row"][data-name="${key}"]`);
  await expect(row.getByTestId('requests-count')).toHaveAttribute('data-value', '5');
  await expect(row.getByTestId('requests-replied')).toHaveAttribute('data-value', '3');
  await expect(row.getByTestId('requests-pending')).toHaveAttribute('data-value', '2');
  await expect(row.getByTestId('requests-timed-out')).toHaveAttribute('data-value', '0');
  await expect(row).toHaveAttribute('data-kind', 'rpc');
  // Three latencies (one page clock, whole ms): a value, and p50 ≤ p95 ≤ max.
  const latency = async (id: string) => Number(await row.getByTestId(id).getAttribute('data-value'));
  await expect(row.getByTestId('requests-p50')).not.toHaveAttribute('data-value', '');
  expect(await latency('requests-p50')).toBeLessThanOrEqual(await latency('requests-p95'));
  expect(await latency('requests-p95')).toBeLessThanOrEqual(await latency('requests-max'));
  await expect(row.getByTestId('requests-runtime-p50')).toHaveAttribute('data-value', '');

  // The two unanswered requests time out once the timeout is shorter than their wait.
  await page.getByTestId('requests-timeout-input').fill('1');
  await page.getByTestId('requests-timeout-input').press('Enter');
  await expect(row.getByTestId('requests-timed-out')).toHaveAttribute('data-value', '2');
  await expect(row.getByTestId('requests-pending')).toHaveAttribute('data-value', '0');
  await expect(row.getByTestId('requests-replied')).toHaveAttribute('data-value', '3');

  // A click filters the table to the row's conversations (5 requests + 3 replies) and draws its histogram.
  await row.click();
  await expect(page.getByTestId('filter-input')).toHaveValue(`task:${key}`);
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '8');
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('requests-histogram')).toHaveAttribute('data-total', '3');
  // Clicking it again shows everything again.
  await row.click();
  await expect(page.getByTestId('filter-input')).toHaveValue('');
  await expect(page.getByTestId('requests-histogram')).toHaveCount(0);
});

test('the Requests button opens and closes the view; sorting a column reorders the rows', async ({ page }) => {
  const run = runId();
  const replyTo = `${run}.reply`;
  await openWithRequests(page, [`/exchange/app.events/${run}.#`, `/exchange/celery.replies/${run}.#`], false);
  await expect(page.getByTestId('requests-view')).toHaveCount(0);
  await page.getByTestId('requests-tab').click();
  await expect(page.getByTestId('requests-view')).toBeVisible();

  // Three keys with 1, 2 and 3 requests; a name with a space and a quote tests the filter's quoting.
  const keys = [`${run}.a`, `${run}.b "x y"`, `${run}.c`];
  await withOriginPublisher(async (publisher) => {
    let seq = 1;
    for (const [n, key] of keys.entries()) for (let i = 0; i <= n; i++) await publisher.publish(rpcRequest(seq, key, `${run}-${seq++}`, replyTo));
    await publisher.waitForConfirms();
  });
  const names = () => page.getByTestId('requests-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));
  await expect.poll(names).toEqual([keys[2], keys[1], keys[0]]); // default: count, largest first
  await page.getByTestId('requests-sort-count').click();
  await expect.poll(names).toEqual(keys);

  // A CSS string takes JSON's escapes for the quote.
  await page.locator(`[data-testid="requests-row"][data-name=${JSON.stringify(keys[1])}]`).click();
  await expect(page.getByTestId('filter-input')).toHaveValue(`task:"${run}.b \\"x y\\""`);
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '2');
  await page.getByTestId('requests-clear').click();
  await expect(page.getByTestId('filter-input')).toHaveValue('');

  await page.getByTestId('requests-tab').click();
  await expect(page.getByTestId('requests-view')).toHaveCount(0);
});
