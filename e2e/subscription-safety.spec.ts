import { expect, test } from './support/test.ts';
import { openDashboard } from './support/page.ts';
import { publishNumbered, runId } from './support/origin.ts';

test('a /queue/ destination asks for confirmation before consuming a real queue', async ({ page }) => {
  const run = runId();
  await openDashboard(page, { subscriptions: [] });
  const destination = `/queue/warren-e2e-${run}`;
  const listed = page.locator(`[data-testid="subscription-list"] li[data-destination="${destination}"]`);
  await page.getByTestId('subscribe-input').fill(destination);
  await page.getByTestId('subscribe-button').click();
  await expect(page.getByTestId('subscribe-message')).toContainText('taken away from its real consumers');
  await expect(listed).toHaveCount(0);
  // Only the second, explicit click subscribes.
  await expect(page.getByTestId('subscribe-button')).toHaveText('Consume anyway');
  await page.getByTestId('subscribe-button').click();
  await expect(listed).toHaveCount(1);
});

test('a syntax error in a destination is explained and nothing is sent', async ({ page }) => {
  await openDashboard(page, { subscriptions: [] });
  const before = await page.getByTestId('subscription-list').locator('li').count();
  await page.getByTestId('subscribe-input').fill('app.events/#');
  await page.getByTestId('subscribe-button').click();
  await expect(page.getByTestId('subscribe-message')).toContainText('Unknown destination');
  await expect(page.getByTestId('subscription-list').locator('li')).toHaveCount(before);
});

test("a subscription to a missing exchange shows the broker's reason while the other keeps receiving", async ({ page }) => {
  const run = runId();
  const good = `/exchange/app.events/${run}.#`;
  const missing = `/exchange/missing-${run}/#`;
  await page.goto(`/?sub=${encodeURIComponent(good)}&sub=${encodeURIComponent(missing)}`);

  const failed = page.locator(`[data-testid="subscription-list"] li[data-destination="${missing}"]`);
  await expect(failed).toHaveAttribute('data-state', 'failed');
  await expect(failed).toContainText('the broker closed the connection in answer to this SUBSCRIBE');
  // The connection comes back by itself, without the failed subscription.
  await expect(page.getByTestId('connection-status')).toContainText('connected');
  await expect(page.locator(`[data-testid="subscription-list"] li[data-destination="${good}"]`)).toHaveAttribute('data-state', 'active');

  await publishNumbered(10, () => ({ exchange: 'app.events', routingKey: `${run}.after` }));
  await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', '10');
  // Still failed: the error is not retried in a loop.
  await page.waitForTimeout(2000);
  await expect(failed).toHaveAttribute('data-state', 'failed');
});
