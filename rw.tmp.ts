import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
const sub = process.argv[2] ?? '/exchange/app.events/nomatch.#';
const t0 = Date.now();
await page.goto(`http://127.0.0.1:8080/?${new URLSearchParams({ sub, rewind: 'all' })}`);
const status = page.getByTestId('rewind-status');
for (;;) {
  const state = await status.getAttribute('data-state').catch(() => null);
  const loaded = await status.getAttribute('data-loaded').catch(() => null);
  const total = await status.getAttribute('data-total').catch(() => null);
  console.log(((Date.now() - t0) / 1000).toFixed(1), state, loaded, total);
  if (state === 'done') break;
  await page.waitForTimeout(2000);
}
await browser.close();
