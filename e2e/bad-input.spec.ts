import { expect, test, type Page } from './support/test.ts';
import { int64, type Headers } from '../generator/message.ts';
import { applyFilter, openDashboard } from './support/page.ts';
import { publishNumbered, runId, withOriginPublisher, numbered } from './support/origin.ts';

/**
 * Hostile and broken input, all through the real broker: the page shows each
 * message sensibly, counts it, stays responsive, and never runs anything.
 */
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { __pwned?: string }).__pwned = undefined;
    window.addEventListener('error', (e) => ((window as unknown as { __errors?: string[] }).__errors ??= []).push(String(e.message)));
  });
});

async function expectHealthy(page: Page) {
  // Responsive: a click is handled and the view toggles.
  await page.getByTestId('pause-button').click();
  await expect(page.getByTestId('pause-button')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('pause-button').click();
  await expect(page.getByTestId('pause-button')).toHaveAttribute('aria-pressed', 'false');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(await page.evaluate(() => (window as unknown as { __errors?: string[] }).__errors ?? [])).toEqual([]);
}

async function inspect(page: Page, routingKey: string) {
  await page.locator(`[data-testid="message-row"][data-routing-key="${routingKey}"]`).first().click();
  await expect(page.getByTestId('inspector')).toBeVisible();
}

test('broken bodies: 10 MB, invalid UTF-8, binary, empty, malformed JSON', async ({ page }) => {
  test.setTimeout(120_000);
  const run = runId();
  const big = Buffer.alloc(10 * 1024 * 1024, 'x');
  big.write('{"big":"', 0);
  big.write('"}', big.length - 2);
  const cases: { key: string; body: Buffer; contentType: string; row: RegExp; payload: RegExp }[] = [
    { key: `${run}.big`, body: big, contentType: 'application/json', row: /10\.0 MiB/, payload: /first 256 KiB of 10\.0 MiB/ },
    { key: `${run}.badutf8`, body: Buffer.from([0x61, 0x62, 0xc3, 0x28, 0xff, 0x63]), contentType: 'text/plain', row: /binary, 6 bytes/, payload: /61 62 c3 28 ff 63/ },
    { key: `${run}.binary`, body: Buffer.from([0, 1, 2, 3, 0xfe, 0xff]), contentType: 'application/octet-stream', row: /binary, 6 bytes/, payload: /00 01 02 03 fe ff/ },
    { key: `${run}.empty`, body: Buffer.alloc(0), contentType: 'application/json', row: /\(empty\)/, payload: /empty|0 bytes/i },
    { key: `${run}.malformed`, body: Buffer.from('{"a": 1,, oops'), contentType: 'application/json', row: /\{"a": 1,, oops/, payload: /not valid JSON/ },
  ];
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });
  await publishNumbered(cases.length, (seq) => {
    const c = cases[seq - 1]!;
    return { exchange: 'app.events', routingKey: c.key, body: c.body, contentType: c.contentType };
  });
  await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', String(cases.length), { timeout: 60_000 });
  for (const c of cases) {
    await expect(page.locator(`[data-testid="message-row"][data-routing-key="${c.key}"]`)).toContainText(c.row);
    await inspect(page, c.key);
    await expect(page.getByTestId('inspector-payload')).toContainText(c.payload);
  }
  await expectHealthy(page);
});

test('awkward routing keys: empty, 255 bytes, markup', async ({ page }) => {
  const run = runId();
  const long = `${run}.${'k'.repeat(255 - run.length - 1)}`;
  const markup = `${run}.<img src=x onerror="window.__pwned='key'">`;
  await openDashboard(page, { subscriptions: ['/exchange/app.events/#'], filter: 'x:app.events' });
  const keys = ['', long, markup];
  await withOriginPublisher(async (publisher) => {
    for (const [i, key] of keys.entries()) await publisher.publish(numbered(i + 1, { exchange: 'app.events', routingKey: key, headers: { 'x-run': run } }));
    await publisher.waitForConfirms();
  });
  // The empty key has zero words: only `key:""` (or `#`) matches it.
  await applyFilter(page, 'key:""');
  await expect(page.locator('[data-testid="message-row"][data-routing-key=""]')).toHaveCount(1);
  await inspect(page, '');
  await expect(page.getByTestId('inspector-headers')).toContainText(run);
  await applyFilter(page, `${run}.#`);
  await expect(page.locator(`[data-testid="message-row"][data-routing-key="${long}"]`)).toHaveCount(1);
  // Drawn as text: the row shows the markup's characters (as far as its column holds them) and holds no element of it.
  const markupRow = page.locator(`[data-testid="message-row"][data-routing-key="${markup.replace(/"/g, '\\"')}"]`);
  await expect(markupRow).toHaveCount(1);
  await expect(markupRow).toContainText(`${run}.<img`);
  await expect(markupRow.locator('img')).toHaveCount(0);
  await inspect(page, markup.replace(/"/g, '\\"'));
  await expect(page.getByTestId('inspector')).toContainText(`onerror="window.__pwned='key'"`);
  await expectHealthy(page);
});

test('10,000 distinct routing keys and a message with 1,000 headers', async ({ page }) => {
  test.setTimeout(120_000);
  const run = runId();
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });
  const many: Headers = {};
  for (let i = 0; i < 1000; i++) many[`x-h-${i}`] = `value ${i}`;
  many['x-h-int'] = int64(7);
  await publishNumbered(10_001, (seq) =>
    seq === 10_001
      ? { exchange: 'app.events', routingKey: `${run}.headers`, headers: many }
      : { exchange: 'app.events', routingKey: `${run}.key.${seq}`, body: `{"n":${seq}}` },
  );
  await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', '10001', { timeout: 60_000 });
  await applyFilter(page, `${run}.key.9999`);
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '1');
  await applyFilter(page, `key:${run}.headers`);
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '1');
  await inspect(page, `${run}.headers`);
  await expect(page.getByTestId('inspector-headers')).toContainText('x-h-999');
  await expect(page.getByTestId('inspector-headers')).toContainText('value 999');
  await expectHealthy(page);
});
