/**
 * `npx tsx bench/frame-read.ts`: what the socket worker spends reading and
 * batching one MESSAGE frame, in a dedicated worker of Debian's Chromium,
 * with the header token cache (src/connection/header-token-cache.ts) and
 * without, alternating in one worker (not part of `npm run bench`; no
 * broker needed). The frames are the domain mix's, byte for byte what
 * web_stomp sends (bench/page/domain-frames.ts).
 */
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { build, type Rolldown } from 'vite';
import type { FrameReadResult as Result } from './page/frame-read-worker.ts';

// The worker's script, bundled in memory by the project's own Vite.
const output = (await build({
  configFile: false,
  logLevel: 'silent',
  build: { write: false, minify: true, lib: { entry: resolve(import.meta.dirname, 'page/frame-read-worker.ts'), formats: ['iife'], name: 'frameRead' } },
})) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
const code = [output].flat()[0]?.output[0]?.code ?? '';
const browser = await chromium.launch({
  executablePath: process.env.WARREN_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage();
  const result = await page.evaluate(
    (source) =>
      new Promise<Result | string>((done) => {
        const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
        worker.onmessage = (event: MessageEvent<Result>) => done(event.data);
        worker.onerror = (event) => done(event.message);
      }),
    code,
  );
  if (typeof result === 'string') throw new Error(`the worker failed: ${result}`);
  console.log(
    `read + batch a frame in a Chromium worker (medians of ${result.passes} alternating passes over ${result.frames.toLocaleString('en-US')} frames): ` +
      `${result.without.toFixed(2)} µs without the token cache, ${result.withCache.toFixed(2)} µs with it (${(result.withCache / result.without).toFixed(2)}×)`,
  );
} finally {
  await browser.close();
}
