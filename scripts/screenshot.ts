/**
 * `tsx scripts/screenshot.ts <url> <out.png> [waitMs]`: what a user sees, from
 * Debian's headless Chromium. Used for the README's screenshots.
 */
import { chromium } from '@playwright/test';

const [url = 'http://127.0.0.1:8080/', out = 'screenshot.png', wait = '3000'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.WARREN_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
await page.goto(url);
await page.waitForTimeout(Number(wait));
await page.screenshot({ path: out });
await browser.close();
console.log(`saved ${out}`);
