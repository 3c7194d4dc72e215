import { expect, test } from './support/test.ts';
import { expectAllSeqs, openDashboard } from './support/page.ts';
import { publishPaced, runId } from './support/origin.ts';
import { startStack, stopMirror } from './support/stack-control.ts';
import { startTcpProxy } from './support/tcp-proxy.ts';
import { loadStackConfig } from '../stack/config.ts';

const stack = loadStackConfig();

/**
 * Keep tracing through outages, with durable capture (on by default for the
 * local stack): every loss count is exact, by x-warren-seq. These tests mostly
 * wait (a 30 s outage, a 10 s cut, two 8 s windows that watch for a reconnect
 * storm): npm test runs them after the soak, beside the cluster tests
 * (playwright.config.ts's "outages" project; faults.spec.ts has the rest).
 */
test.describe.configure({ mode: 'serial' });

// A test that fails while the mirror is stopped must not leave it stopped
// for every test after it (starting a running stack is a quick no-op).
test.afterEach(async () => {
  await startStack();
});

test("the browser's WebSocket is cut for 10 s: nothing lost", async ({ page }) => {
  test.setTimeout(120_000);
  const run = runId();
  const proxy = await startTcpProxy(stack.mirror.webStompPort?.port ?? 15674);
  try {
    const sub = `/exchange/app.events/${run}.#`;
    await page.goto(`/?broker=${encodeURIComponent(`ws://127.0.0.1:${proxy.port}/ws`)}&login=warren&vhost=%2F&sub=${encodeURIComponent(sub)}`);
    await page.getByTestId('connect-passcode').fill(stack.tracer.passcode);
    await page.getByTestId('connect-button').click();
    await expect(page.locator('[data-testid="subscription-list"] li')).toHaveAttribute('data-state', 'active');
    const publishing = publishPaced(`${run}.cut`, 1500, 100);
    await page.waitForTimeout(2000);
    proxy.cut();
    await expect(page.getByTestId('connection-status')).toContainText('connecting');
    await page.waitForTimeout(10_000);
    proxy.restore();
    await expect(page.getByTestId('connection-status')).toContainText('connected', { timeout: 10_000 });
    await publishing;
    await expectAllSeqs(page, 1500);
  } finally {
    await proxy.close();
  }
});

test('the mirror is down for 30 s while production keeps publishing: every message arrives afterwards', async ({ page }) => {
  test.setTimeout(180_000);
  const run = runId();
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });
  await stopMirror();
  const down = Date.now();
  // Production does not notice: the shovel keeps the messages on the origin until the mirror confirms them.
  await publishPaced(`${run}.down`, 1000, 50);
  await page.waitForTimeout(Math.max(0, 30_000 - (Date.now() - down)));
  await startStack();
  await expectAllSeqs(page, 1000);
});

test('a refused subscription and a refused login cause no reconnect storm', async ({ page }) => {
  const run = runId();
  const proxy = await startTcpProxy(stack.mirror.webStompPort?.port ?? 15674);
  try {
    const broker = encodeURIComponent(`ws://127.0.0.1:${proxy.port}/ws`);
    const good = `/exchange/app.events/${run}.#`;
    const missing = `/exchange/missing-${run}/#`;
    await page.goto(`/?broker=${broker}&login=warren&vhost=%2F&sub=${encodeURIComponent(good)}&sub=${encodeURIComponent(missing)}`);
    await page.getByTestId('connect-passcode').fill(stack.tracer.passcode);
    await page.getByTestId('connect-button').click();
    await expect(page.locator(`[data-testid="subscription-list"] li[data-destination="${missing}"]`)).toHaveAttribute('data-state', 'failed');
    await expect(page.locator(`[data-testid="subscription-list"] li[data-destination="${good}"]`)).toHaveAttribute('data-state', 'active');
    await page.waitForTimeout(8000);
    // The first connection, and the one reconnect without the refused subscription: nothing since.
    expect(proxy.connections).toBe(2);

    await page.getByTestId('connect-button').click(); // disconnect
    await page.getByTestId('connect-passcode').fill('wrong');
    await page.getByTestId('connect-button').click();
    await expect(page.getByTestId('connection-status')).toContainText('error');
    await page.waitForTimeout(8000);
    expect(proxy.connections, 'one attempt for the refused login').toBe(3);
  } finally {
    await proxy.close();
  }
});
