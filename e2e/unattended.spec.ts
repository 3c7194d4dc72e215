import { expect, test, type Page } from './support/test.ts';
import { collectRowAttribute, openDashboard } from './support/page.ts';
import { publishPaced, runId } from './support/origin.ts';

/** How many times the received counter moved (each is one update of the page) while `publish` ran. */
async function updatesWhile(page: Page, publish: Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const counter = document.querySelector('[data-testid="received-count"]');
    const w = window as unknown as { updates: number; updateObserver?: MutationObserver };
    w.updateObserver?.disconnect();
    w.updates = 0;
    w.updateObserver = new MutationObserver(() => w.updates++);
    if (counter) w.updateObserver.observe(counter, { attributes: true, attributeFilter: ['data-value'] });
  });
  await publish;
  return page.evaluate(() => (window as unknown as { updates: number }).updates);
}

test('beside other work: a page nobody attends follows once a second, catches up when looked at, and loses nothing', async ({ page }) => {
  const run = runId();
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });

  // 4 s at 100 msg/s, attended (Playwright's page has focus): the counters follow four times a second.
  const attended = await updatesWhile(page, publishPaced(`${run}.attended`, 400, 100));
  await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', '400');

  // The window loses focus and the pointer is elsewhere, as a browser tells the page.
  await page.evaluate(() => {
    window.dispatchEvent(new FocusEvent('blur'));
    document.documentElement.dispatchEvent(new PointerEvent('pointerleave'));
  });
  const glancing = await updatesWhile(page, publishPaced(`${run}.glancing`, 400, 100));
  expect(attended, 'updates in 4 s, attended').toBeGreaterThanOrEqual(10);
  expect(glancing, 'updates in 4 s, nobody attending').toBeGreaterThanOrEqual(2);
  expect(glancing, 'updates in 4 s, nobody attending').toBeLessThanOrEqual(6);
  // Still following, once a second: everything arrives.
  await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', '800');

  // Focus back: the full cadence again, and every message is a row.
  await page.evaluate(() => window.dispatchEvent(new FocusEvent('focus')));
  const again = await updatesWhile(page, publishPaced(`${run}.again`, 400, 100));
  expect(again, 'updates in 4 s, attended again').toBeGreaterThanOrEqual(10);
  await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', '1200');
  await expect(page.getByTestId('message-table')).toHaveAttribute('data-following', 'true');
  const keys = await collectRowAttribute(page, 'data-routing-key');
  expect(keys.filter((k) => k === `${run}.attended`)).toHaveLength(400);
  expect(keys.filter((k) => k === `${run}.glancing`)).toHaveLength(400);
  expect(keys.filter((k) => k === `${run}.again`)).toHaveLength(400);
});
