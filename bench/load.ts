/**
 * Phase 5, load: the size of the built JavaScript (raw and gzip, via
 * node:zlib at its default level, as a server would send it), split into what
 * index.html loads and what is fetched later; and first paint / first
 * contentful paint of `/` in fresh browser contexts (cold HTTP cache).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundleParts, type BundlePart } from './bundle-parts.ts';
import type { BenchEnv } from './setup.ts';
import { distribution, type Distribution } from './stats.ts';
import { VIEWPORT } from './page.ts';

export interface JsFile {
  file: string;
  bytes: number;
  gzip: number;
  /** Loaded by index.html (script or modulepreload), not by a later import(). */
  initial: boolean;
}

export interface LoadResult {
  files: JsFile[];
  total: { bytes: number; gzip: number };
  initial: { bytes: number; gzip: number };
  /** All chunks' bytes by origin (bundle-parts.ts; absent in older result files). */
  parts?: BundlePart[];
  firstPaint: Distribution;
  firstContentfulPaint: Distribution;
}

const PAINT_RUNS = 5;

export function bundleSizes(outDir: string): Pick<LoadResult, 'files' | 'total' | 'initial' | 'parts'> {
  const html = readFileSync(resolve(outDir, 'index.html'), 'utf8');
  const assets = resolve(outDir, 'assets');
  const files = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((file): JsFile => {
      const content = readFileSync(resolve(assets, file));
      return { file, bytes: content.length, gzip: gzipSync(content).length, initial: html.includes(`/assets/${file}`) };
    })
    .sort((a, b) => b.bytes - a.bytes);
  const sum = (list: JsFile[]) => ({ bytes: list.reduce((s, f) => s + f.bytes, 0), gzip: list.reduce((s, f) => s + f.gzip, 0) });
  return { files, total: sum(files), initial: sum(files.filter((f) => f.initial)), parts: bundleParts(outDir) };
}

export async function measureLoad(env: BenchEnv, log: (line: string) => void): Promise<LoadResult> {
  if (!env.browser) throw new Error('no browser');
  // The product's bundle (the bench build adds its probes); first paint is measured on the bench build served.
  const sizes = bundleSizes(env.productDir);
  log(`load: ${sizes.files.length} JS files; measuring first paint ${PAINT_RUNS} times`);
  const fp: number[] = [];
  const fcp: number[] = [];
  for (let i = 0; i < PAINT_RUNS; i++) {
    const context = await env.browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await context.newPage();
      await page.goto(`${env.baseUrl}/`, { waitUntil: 'load' });
      const paints = await page.waitForFunction(
        () => {
          // No named inner functions: tsx would wrap them in a helper the page lacks.
          const entries = performance.getEntriesByType('paint');
          const fp = entries.find((e) => e.name === 'first-paint')?.startTime;
          const fcp = entries.find((e) => e.name === 'first-contentful-paint')?.startTime;
          return fp !== undefined && fcp !== undefined ? { fp, fcp } : null;
        },
        undefined,
        { timeout: 15_000 },
      );
      const value = await paints.jsonValue();
      if (value === null) throw new Error('no paint entries');
      fp.push(value.fp);
      fcp.push(value.fcp);
    } finally {
      await context.close().catch(() => undefined);
    }
  }
  return { ...sizes, firstPaint: distribution(fp), firstContentfulPaint: distribution(fcp) };
}
