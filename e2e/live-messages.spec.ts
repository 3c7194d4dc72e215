import { expect, test } from '@playwright/test';
import { openDashboard, renderedWarrenSeqs } from './support/page.ts';
import { publishNumbered, runId } from './support/origin.ts';

test('the served dashboard connects to the local mirror on its own', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('connection-status')).toContainText('connected');
  // npm start's defaults, from the runtime config the server wrote.
  await expect(page.getByTestId('subscription-list')).toContainText('/exchange/app.events/#');
  await expect(page.getByTestId('subscription-list')).toContainText('/exchange/celery/#');
});

test('messages published on the origin appear on the page, each exactly once', async ({ page }) => {
  const run = runId();
  await page.setViewportSize({ width: 1440, height: 1800 });
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });

  const count = 40;
  await publishNumbered(count, (seq) => ({ exchange: 'app.events', routingKey: `${run}.orders.${seq % 2 ? 'eu' : 'us'}` }));

  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', String(count));
  const seqs = await renderedWarrenSeqs(page);
  expect(seqs).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  await expect(page.getByTestId('message-row').first()).toHaveAttribute('data-routing-key', `${run}.orders.eu`);
});
