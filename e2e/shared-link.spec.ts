/**
 * A shared link reproduces the view, and what filters the table is always
 * on screen: the filter box shows the link's filter, and clearing the box
 * shows every row again. The product build carries no bench code, so
 * `?bench` does nothing.
 */
import { expect, test } from './support/test.ts';
import { allRoutingKeys, applyFilter, counter, openDashboard } from './support/page.ts';
import { publishNumbered, runId } from './support/origin.ts';

test("a shared link's filter is shown in the box, filters the rows, and clearing the box removes it", async ({ page }) => {
  const run = runId();
  const keys = [`${run}.orders.eu.created`, `${run}.orders.us.created`, `${run}.users.signup`, `${run}.orders.eu.shipped`];
  const filter = `${run}.orders.*.created`;
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`], filter });
  const box = page.getByTestId('filter-input');
  // From the first paint: the box is not empty, its placeholder is not what shows.
  await expect(box).toHaveValue(filter);
  await publishNumbered(keys.length, (seq) => ({ exchange: 'app.events', routingKey: keys[seq - 1] ?? '' }));
  await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', String(keys.length));
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '2');
  expect(await allRoutingKeys(page)).toEqual([keys[0], keys[1]]);

  await applyFilter(page, '');
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', String(keys.length));
  expect(await allRoutingKeys(page)).toEqual(keys);
  await expect.poll(() => new URL(page.url()).searchParams.has('filter')).toBe(false);
  expect(await counter(page, 'received')).toBe(keys.length);
});

test('the product build has no bench hook: ?bench does nothing', async ({ page }) => {
  await page.goto('/?bench');
  await expect(page.getByTestId('connection-status')).toContainText('connected');
  const hook = await page.evaluate(() => ({
    api: '__warrenBench' in window,
    build: document.documentElement.getAttribute('data-warren-build'),
  }));
  expect(hook).toEqual({ api: false, build: null });
});
