import { expect, test } from './support/test.ts';
import { openDashboard } from './support/page.ts';
import { publishNumbered, runId } from './support/origin.ts';

/**
 * Payloads, header values and routing keys are production data: they are
 * shown as text and never run. A window flag that every payload tries to set
 * must stay unset.
 */
test('<script> and onerror in a body, a header and a routing key are shown as text and never run', async ({ page }) => {
  const run = runId();
  const routingKey = `${run}.<script>window.__pwned='key'</script>`;
  const body = `<script>window.__pwned='body'</script><img src=x onerror="window.__pwned='img'">`;
  const header = `<img src=x onerror="window.__pwned='header'">`;
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });
  await publishNumbered(1, () => ({ exchange: 'app.events', routingKey, body, contentType: 'text/html', headers: { 'x-display-name': header } }));

  const row = page.getByTestId('message-row').first();
  await expect(row).toHaveAttribute('data-routing-key', routingKey);
  // The row's key column holds the key's first characters, as text; the inspector all of it.
  await expect(row).toContainText(`${run}.<script>`);
  await row.click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toBeVisible();
  await expect(inspector).toContainText(routingKey);
  await expect(page.getByTestId('inspector-headers')).toContainText(header);
  await expect(page.getByTestId('inspector-payload')).toContainText(`<script>window.__pwned='body'</script>`);

  // No element was created from the data: the page has no <img> and no inline <script> at all.
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.locator('script:not([src])').count()).toBe(0);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
});

test('the page is served with a Content-Security-Policy that forbids inline script', async ({ request }) => {
  const response = await request.get('/');
  const csp = response.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp.split(';').find((d) => d.trim().startsWith('script-src'))).not.toContain('unsafe-inline');
});
