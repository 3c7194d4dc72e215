/**
 * `tsx scripts/readme-screenshot.ts [url] [out]`: the README's picture of a
 * user filtering live traffic by routing key, paused, with a message open in
 * the inspector. Needs the dashboard served and traffic flowing (npm start).
 */
import { chromium } from '@playwright/test';

const [url = 'http://127.0.0.1:8080/', out = 'docs/trace.png'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.WARREN_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
await page.goto(url);
await page.getByTestId('connection-status').filter({ hasText: 'connected' }).waitFor();
await page.waitForTimeout(Number(process.env.WARREN_SHOT_WAIT ?? 6000));
await page.getByTestId('filter-input').fill('orders.#');
await page.waitForTimeout(500);
await page.getByTestId('pause-button').click();
await page.getByTestId('message-row').nth(-4).click();
await page.waitForTimeout(2500);
await page.screenshot({ path: out });
await browser.close();
console.log(`saved ${out}`);
