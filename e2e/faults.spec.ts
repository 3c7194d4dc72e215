import { expect, test } from './support/test.ts';
import { openPublisher } from '../generator/publisher.ts';
import { originUrl } from '../generator/origin-url.ts';
import { expectAllSeqs, openDashboard } from './support/page.ts';
import { numbered, publishPaced, runId } from './support/origin.ts';
import { startStack, stopMirror } from './support/stack-control.ts';

/**
 * Keep tracing through failures, with durable capture (on by default for the
 * local stack): every loss count is exact, by x-warren-seq. The outages whose
 * tests mostly wait are in outages.spec.ts (run later by npm test).
 */
test.describe.configure({ mode: 'serial' });

// A test that fails while the mirror is stopped must not leave it stopped
// for every test after it (starting a running stack is a quick no-op).
test.afterEach(async () => {
  await startStack();
});

test('two durable subscriptions stream side by side on one connection without it ever dropping', async ({ page }) => {
  // Publishing 4,000 and reading them back by scrolling took up to 45 s on a 2-core CI box (now ~15 s): room for a slow one.
  test.setTimeout(120_000);
  const run = runId();
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`, `/exchange/celery/${run}.#`] });
  // Record every status the page shows from now on.
  await page.getByTestId('connection-status').evaluate((el) => {
    const seen: string[] = [];
    (window as unknown as { __statuses: string[] }).__statuses = seen;
    new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, { subtree: true, characterData: true, childList: true });
  });
  const publisher = await openPublisher(originUrl(), { connectionName: 'warren-e2e-two-durable' });
  for (let seq = 1; seq <= 4000; seq++) {
    await publisher.publish(numbered(seq, { exchange: seq % 2 ? 'app.events' : 'celery', routingKey: `${run}.k` }));
  }
  await publisher.close();
  await expectAllSeqs(page, 4000);
  expect(await page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses)).toEqual([]);
});

test('the mirror restarts mid-stream: the page reconnects within 5 s, resubscribes, and loses nothing', async ({ page }) => {
  test.setTimeout(120_000);
  const run = runId();
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });
  await expect(page.locator('[data-testid="subscription-list"] li')).toHaveAttribute('data-durable', 'true');
  const publishing = publishPaced(`${run}.restart`, 1500, 150);
  await page.waitForTimeout(2000);
  await stopMirror();
  await expect(page.getByTestId('connection-status')).not.toContainText(/^connected/);
  await startStack();
  const back = Date.now();
  await expect(page.getByTestId('connection-status')).toContainText('connected', { timeout: 10_000 });
  const reconnectMs = Date.now() - back;
  console.log(`[faults] reconnected ${reconnectMs} ms after the mirror was back`);
  expect(reconnectMs).toBeLessThanOrEqual(5_000);
  await publishing;
  await expectAllSeqs(page, 1500);
});
