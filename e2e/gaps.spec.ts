import { expect, test, type Page } from './support/test.ts';
import { openPublisher } from '../generator/publisher.ts';
import { originUrl } from '../generator/origin-url.ts';
import { loadStackConfig } from '../stack/config.ts';
import { counter, openDashboard } from './support/page.ts';
import { numbered, publishNumbered, runId } from './support/origin.ts';
import { deleteMirrorPolicy, mirrorQueues, setMirrorQueuePolicy } from './support/stack-control.ts';
import { startTcpProxy } from './support/tcp-proxy.ts';

/**
 * What the broker never delivered is shown, exactly, from x-warren-seq: a
 * marker row where a subscription's numbers jump, and a "missing" counter.
 */
test.describe.configure({ mode: 'serial' });

const stack = loadStackConfig();

const missing = async (page: Page) => Number((await page.getByTestId('missing-count').getAttribute('data-value')) ?? 0);

/** The marker rows in the DOM, scrolled to the first one. */
async function gapRows(page: Page): Promise<{ missing: number; text: string }[]> {
  const row = page.getByTestId('gap-row').first();
  const body = page.locator('.table-body');
  // Markers are virtual rows like any other: scroll until one is rendered.
  for (let top = 0; (await row.count()) === 0; ) {
    const more = await body.evaluate((el, t) => {
      el.scrollTop = t;
      return t < el.scrollHeight;
    }, top);
    if (!more) break;
    top += 400;
  }
  return page.getByTestId('gap-row').evaluateAll((rows) => rows.map((r) => ({ missing: Number(r.getAttribute('data-missing')), text: r.textContent ?? '' })));
}

test('a slow page: the mirror queue holds at its bound, drops its oldest, and the page shows exactly how many', async ({ page }) => {
  test.setTimeout(120_000);
  const run = runId();
  const bound = 2_000;
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });
  await expect(page.locator('[data-testid="subscription-list"] li')).toHaveAttribute('data-durable', 'true');
  const tab = await page.evaluate(() => sessionStorage.getItem('warren.tab-id'));
  expect(tab).toMatch(/^[0-9a-f]{12}$/);
  const queue = (await mirrorQueues()).find((q) => q.name.includes(`-${tab}-`));
  expect(queue, 'the durable subscription queue on the mirror').toBeDefined();
  const policy = `warren-e2e-bound-${run}`;
  await setMirrorQueuePolicy(policy, `^stomp-subscription-warren-${tab}-`, { 'max-length': bound, overflow: 'drop-head' });
  try {
    const leadIn = 500;
    await publishNumbered(leadIn, () => ({ exchange: 'app.events', routingKey: `${run}.slow` }));
    await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', String(leadIn));

    // The page's main thread stops for 25 s: nothing is read, nothing acked.
    const blockedUntil = Date.now() + 25_000;
    const blocked = page.evaluate((until) => {
      while (Date.now() < until) { /* a page too slow to keep up */ }
    }, blockedUntil);
    const burst = 12_000;
    await publishNumbered(burst, () => ({ exchange: 'app.events', routingKey: `${run}.slow` }), leadIn + 1);
    expect(blockedUntil - Date.now(), 'the burst was on the origin while the page was still blocked').toBeGreaterThan(10_000);
    // The management API's counts lag by its 5 s statistics interval.
    let deepest = 0;
    let inFlight = 0;
    for (let i = 0; i < 6 && Date.now() < blockedUntil - 3_000; i++) {
      await new Promise((r) => setTimeout(r, 2_000));
      const q = (await mirrorQueues()).find((x) => x.name === queue?.name);
      deepest = Math.max(deepest, q?.messages_ready ?? 0);
      inFlight = Math.max(inFlight, q?.messages_unacknowledged ?? 0);
    }
    console.log(`[gaps] deepest the bounded queue got: ${deepest} ready (bound ${bound}) + ${inFlight} in flight to the page`);
    expect(deepest).toBeLessThanOrEqual(bound);
    expect(deepest).toBeGreaterThan(bound * 0.9);
    await blocked;

    const total = leadIn + burst;
    // Everything the queue still held arrives; the rest is counted as missing, exactly.
    await expect.poll(async () => (await counter(page, 'received')) + (await missing(page)), { timeout: 60_000 }).toBe(total);
    const lost = await missing(page);
    console.log(`[gaps] received ${await counter(page, 'received')}, missing ${lost} of ${total}`);
    expect(lost).toBeGreaterThan(burst / 2);
    const markers = await gapRows(page);
    expect(markers.map((m) => m.missing)).toEqual([lost]);
    expect(markers[0]?.text).toContain(`${lost.toLocaleString('en-US')} messages missing`);
    await expect(page.getByTestId('missing-count')).toHaveText(lost.toLocaleString('en-US'));
    await page.getByTestId('gap-row').first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: test.info().outputPath('gap-marker.png') });
  } finally {
    await deleteMirrorPolicy(policy);
  }
});

test('without durable capture, a cut connection leaves a marker row with the exact number missing', async ({ page }) => {
  test.setTimeout(120_000);
  const run = runId();
  const proxy = await startTcpProxy(stack.mirror.webStompPort?.port ?? 15674);
  try {
    const sub = `/exchange/app.events/${run}.#`;
    await page.goto(`/?broker=${encodeURIComponent(`ws://127.0.0.1:${proxy.port}/ws`)}&login=warren&vhost=%2F&durable=0&sub=${encodeURIComponent(sub)}`);
    await page.getByTestId('connect-passcode').fill(stack.tracer.passcode);
    await page.getByTestId('connect-button').click();
    await expect(page.locator('[data-testid="subscription-list"] li')).toHaveAttribute('data-state', 'active');
    await expect(page.locator('[data-testid="subscription-list"] li')).toHaveAttribute('data-durable', 'false');

    const count = 1_200;
    const publisher = await openPublisher(originUrl(), { connectionName: 'warren-e2e-gaps' });
    const started = Date.now();
    let cut = false;
    for (let seq = 1; seq <= count; seq++) {
      const due = started + seq * 10; // 100 msg/s
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
      if (seq === 300) {
        proxy.cut();
        cut = true;
      }
      if (cut && Date.now() - started > 3_000 + 5_000) {
        proxy.restore();
        cut = false;
      }
      await publisher.publish(numbered(seq, { exchange: 'app.events', routingKey: `${run}.cut` }));
    }
    await publisher.close();
    await expect(page.getByTestId('connection-status')).toContainText('connected');
    await expect.poll(async () => (await counter(page, 'received')) + (await missing(page)), { timeout: 30_000 }).toBe(count);
    const lost = await missing(page);
    console.log(`[gaps] non-durable cut: received ${await counter(page, 'received')}, missing ${lost} of ${count}`);
    expect(lost).toBeGreaterThan(200);
    expect((await gapRows(page)).map((m) => m.missing)).toEqual([lost]);
  } finally {
    await proxy.close();
  }
});

test('removing a durable subscription stops its consumer; the queue then expires by itself', async ({ page }) => {
  const run = runId();
  const sub = `/exchange/app.events/${run}.#`;
  await openDashboard(page, { subscriptions: [sub] });
  const tab = await page.evaluate(() => sessionStorage.getItem('warren.tab-id'));
  const ours = async () => (await mirrorQueues()).filter((q) => q.name.includes(`-${tab}-`));
  await expect.poll(async () => (await ours()).map((q) => q.consumers), { timeout: 10_000 }).toEqual([1]);
  await page.getByRole('button', { name: `Remove ${sub}` }).click();
  // RabbitMQ 3.10 deletes a durable subscription's queue on UNSUBSCRIBE only
  // for /topic/ destinations; an /exchange/ one is left unused, and x-expires
  // removes it a minute later (it stays bounded by the mirror's policy meanwhile).
  await expect.poll(async () => (await ours()).map((q) => q.consumers), { timeout: 10_000 }).toEqual([0]);
  expect((await ours())[0]?.arguments['x-expires']).toBe(60_000);
});
