import { encode as encodeMsgpack } from '@msgpack/msgpack';
import { expect, test, type Page } from './support/test.ts';
import { openDashboard } from './support/page.ts';
import { numbered, runId, withOriginPublisher, type NumberedMessage } from './support/origin.ts';

/** Headers the path itself sets per message: the shovel's timestamp (whole seconds) may differ between two publishes. */
const PER_DELIVERY = new Set(['header:x-shovelled-timestamp']);

const leftOrder = {
  id: 'ord_1',
  customer: { name: 'Ada', country: 'FR' },
  total_cents: 5200,
  lines: [{ id: 'l1', sku: 'SKU-1', qty: 1 }],
};
// Exactly three differences: two changed fields and one added.
const rightOrder = { ...leftOrder, customer: { name: 'Ada', country: 'DE' }, total_cents: 6100, coupon: 'WELCOME' };
const EXPECTED_BODY = ['$.coupon added', '$.customer.country changed', '$.total_cents changed'];

/** Publishes `messages` in order, all with the same x-warren-seq so that header is identical. */
async function publish(messages: NumberedMessage[]): Promise<void> {
  await withOriginPublisher(async (publisher) => {
    for (const m of messages) await publisher.publish(numbered(1, m));
    await publisher.waitForConfirms();
  });
}

async function publishOrders(run: string): Promise<void> {
  await publish([
    { exchange: 'app.events', routingKey: `${run}.orders.a`, body: JSON.stringify(leftOrder), headers: { tenant: '<img src=x onerror="window.__pwned=1">', region: 'eu' } },
    { exchange: 'app.events', routingKey: `${run}.orders.b`, body: JSON.stringify(rightOrder), headers: { tenant: 'globex', region: 'eu' } },
  ]);
}

const row = (page: Page, routingKey: string) => page.locator(`[data-testid="message-row"][data-routing-key="${routingKey}"]`);

/** Every diff entry of a section as "path kind", sorted. */
async function entries(page: Page, section: 'body' | 'envelope'): Promise<string[]> {
  const found = await page
    .getByTestId('diff-view')
    .locator(`[data-testid="diff-entry"][data-section="${section}"]`)
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-path')} ${e.getAttribute('data-kind')}`));
  return found.sort();
}

/** The envelope entries, less the per-delivery ones (which may only ever be changes). */
async function envelopeEntries(page: Page): Promise<string[]> {
  const all = await entries(page, 'envelope');
  for (const entry of all) {
    const [path, kind] = entry.split(' ');
    if (PER_DELIVERY.has(path ?? '')) expect(kind).toBe('changed');
  }
  return all.filter((entry) => !PER_DELIVERY.has(entry.split(' ')[0] ?? ''));
}

async function expectOrderDiff(page: Page, run: string): Promise<void> {
  const view = page.getByTestId('diff-view');
  await expect(view).toBeVisible();
  await expect(view.getByTestId('diff-left')).toContainText(`${run}.orders.a`);
  await expect(view.getByTestId('diff-right')).toContainText(`${run}.orders.b`);
  await expect(view.getByTestId('diff-body')).toHaveAttribute('data-kind', 'structured');
  expect(await entries(page, 'body')).toEqual(EXPECTED_BODY);
  expect(await envelopeEntries(page)).toEqual(['header:tenant changed', 'routing-key changed']);
  const country = view.locator('[data-testid="diff-entry"][data-path="$.customer.country"]');
  await expect(country).toContainText('"FR"');
  await expect(country).toContainText('"DE"');
  // The hostile header value is text, never markup.
  await expect(view.locator('[data-path="header:tenant"]')).toContainText('<img src=x onerror="window.__pwned=1">');
  await expect(view.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
}

test('pin one message, select another: the diff lists exactly their differences', async ({ page }) => {
  const run = runId();
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });
  await publishOrders(run);
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '2');

  await row(page, `${run}.orders.a`).click();
  await page.getByTestId('pin-button').click();
  await expect(page.getByTestId('pin-button')).toHaveAttribute('aria-pressed', 'true');
  await expect(row(page, `${run}.orders.a`)).toHaveAttribute('data-pinned', 'true');

  await row(page, `${run}.orders.b`).click();
  await expect(page.getByTestId('inspector')).toBeVisible();
  await page.getByTestId('diff-with-pinned').click();
  await expectOrderDiff(page, run);

  // Identical fields are counted, and listed on request.
  const summary = page.getByTestId('diff-envelope-summary');
  expect(Number(await summary.getAttribute('data-identical'))).toBeGreaterThanOrEqual(4); // exchange, region, x-warren-seq, content-type, ...
  await page.getByTestId('diff-show-identical').click();
  await expect(page.getByTestId('diff-view').locator('[data-testid="diff-identical"]', { hasText: 'header:region' })).toBeVisible();

  // Escape closes the diff and returns to the inspector.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('diff-view')).toHaveCount(0);
  await expect(page.getByTestId('inspector')).toContainText(`${run}.orders.b`);
});

test('the same diff through the keyboard only: p pins, d diffs, Escape closes', async ({ page }) => {
  const run = runId();
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });
  await publishOrders(run);
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '2');
  const selected = page.locator('[data-testid="message-row"][aria-selected="true"]');

  await page.locator('body').press('k'); // the newest row: orders.b
  await page.keyboard.press('k');
  await expect(selected).toHaveAttribute('data-routing-key', `${run}.orders.a`);
  await page.keyboard.press('p');
  await expect(row(page, `${run}.orders.a`)).toHaveAttribute('data-pinned', 'true');
  await page.keyboard.press('j');
  await expect(selected).toHaveAttribute('data-routing-key', `${run}.orders.b`);
  await page.keyboard.press('d');
  await expectOrderDiff(page, run);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('diff-view')).toHaveCount(0);

  // p on the pinned row unpins it.
  await page.keyboard.press('k');
  await page.keyboard.press('p');
  await expect(row(page, `${run}.orders.a`)).not.toHaveAttribute('data-pinned', 'true');
});

test('Ctrl-click pairs two rows; text bodies get a line diff and binary ones a byte comparison', async ({ page }) => {
  const run = runId();
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });
  await publish([
    { exchange: 'app.events', routingKey: `${run}.text.a`, contentType: 'text/plain', body: 'line one\nline two\nline three\n' },
    { exchange: 'app.events', routingKey: `${run}.text.b`, contentType: 'text/plain', body: 'line one\nline 2\nline three\nline four\n' },
    { exchange: 'app.events', routingKey: `${run}.bin.a`, contentType: 'application/octet-stream', body: Buffer.from([0x00, 0xff, 0x10, 0x20, 0x30]) },
    { exchange: 'app.events', routingKey: `${run}.bin.b`, contentType: 'application/octet-stream', body: Buffer.from([0x00, 0xff, 0x11, 0x20, 0x31]) },
  ]);
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '4');

  // Newer row first, then Ctrl-click the older: the older is still on the left.
  await row(page, `${run}.text.b`).click();
  await row(page, `${run}.text.a`).click({ modifiers: ['Control'] });
  const view = page.getByTestId('diff-view');
  await expect(view.getByTestId('diff-left')).toContainText(`${run}.text.a`);
  await expect(view.getByTestId('diff-body')).toHaveAttribute('data-kind', 'text');
  expect(await entries(page, 'body')).toEqual(['line:2 changed', 'line:4 added']);
  await expect(view.locator('[data-path="line:2"]')).toContainText('line two');
  await expect(view.locator('[data-path="line:2"]')).toContainText('line 2');

  // A plain click inspects again; Shift-click pairs too.
  await row(page, `${run}.bin.a`).click();
  await expect(page.getByTestId('inspector')).toBeVisible();
  await row(page, `${run}.bin.b`).click({ modifiers: ['Shift'] });
  await expect(view.getByTestId('diff-body')).toHaveAttribute('data-kind', 'binary');
  expect(await entries(page, 'body')).toEqual(['offset:2 changed']);
  await expect(view.getByTestId('diff-body')).toContainText('Bytes differ at 2 offsets, first at offset 2');
  await expect(view.getByTestId('diff-body')).toContainText('00 ff 10 20 30');
  await expect(view.getByTestId('diff-body')).toContainText('00 ff 11 20 31');
});

test('MessagePack bodies are diffed by their decoded values', async ({ page }) => {
  const run = runId();
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });
  const msgpack = (value: unknown) => Buffer.from(encodeMsgpack(value));
  await publish([
    { exchange: 'app.events', routingKey: `${run}.mp.a`, contentType: 'application/msgpack', body: msgpack(leftOrder) },
    { exchange: 'app.events', routingKey: `${run}.mp.b`, contentType: 'application/msgpack', body: msgpack(rightOrder) },
  ]);
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '2');
  await row(page, `${run}.mp.a`).click();
  await row(page, `${run}.mp.b`).click({ modifiers: ['Control'] });
  await expect(page.getByTestId('diff-view').getByTestId('diff-body')).toHaveAttribute('data-kind', 'structured');
  expect(await entries(page, 'body')).toEqual(EXPECTED_BODY);
});

test('a large hostile pair (long reordered arrays, deep nesting) is diffed within bounds, with a note', async ({ page }) => {
  const run = runId();
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });
  const items = Array.from({ length: 4000 }, (_, i) => ({ id: `item-${i}`, v: i }));
  let deep: unknown = 'leaf-a';
  let deeper: unknown = 'leaf-b';
  for (let i = 0; i < 200; i++) {
    deep = [deep];
    deeper = [deeper];
  }
  // `deep` first: its entry comes before the 2,000 listed ones of `items`.
  const left = JSON.stringify({ deep, items });
  const right = JSON.stringify({ deep: deeper, items: [...items].reverse().map((item, i) => (i === 0 ? { ...item, v: -1 } : item)) });
  expect(left.length).toBeGreaterThan(100_000);
  await publish([
    { exchange: 'app.events', routingKey: `${run}.big.a`, body: left },
    { exchange: 'app.events', routingKey: `${run}.big.b`, body: right },
  ]);
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '2');
  await row(page, `${run}.big.a`).click();
  const started = Date.now();
  await row(page, `${run}.big.b`).click({ modifiers: ['Control'] });
  const body = page.getByTestId('diff-view').getByTestId('diff-body');
  await expect(body).toHaveAttribute('data-kind', 'structured');
  const elapsed = Date.now() - started;
  test.info().annotations.push({ type: 'diff time', description: `${elapsed} ms` });
  expect(elapsed).toBeLessThan(5000);
  await expect(page.getByTestId('diff-notes')).toContainText('Long arrays are compared position by position');
  await expect(page.getByTestId('diff-notes')).toContainText('Nested deeper than 64 levels');
  await expect(page.getByTestId('diff-notes')).toContainText('Only the first 2,000 differences are listed');
  // The deep leaf change is reported at the depth limit, as one entry.
  await expect(page.getByTestId('diff-view').locator(`[data-testid="diff-entry"][data-path="$.deep${'[0]'.repeat(63)}"]`)).toHaveCount(1);
  // Long lists are drawn in steps.
  const listed = page.getByTestId('diff-view').locator('[data-testid="diff-entry"][data-section="body"]');
  await expect(listed).toHaveCount(200);
  await page.getByTestId('diff-show-more').click();
  await expect(listed).toHaveCount(1200);
  // The page still answers.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('diff-view')).toHaveCount(0);
});
