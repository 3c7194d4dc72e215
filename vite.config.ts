import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';

// The dashboard is served as a static build. The CSP forbids inline script:
// every payload, header and routing key shown on the page is production data.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  'connect-src *',
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The installed stompjs's version: its fast frame path installs only on the version it was made for. */
const stompjsVersion = (JSON.parse(readFileSync(new URL('./node_modules/@stomp/stompjs/package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The product's entry, and the one the bench build uses instead (bench/page: the dashboard plus its probes). */
const UNIT_TESTS = ['src/**/*.test.ts', 'stack/**/*.test.ts', 'cli/**/*.test.ts', 'generator/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'];
const MODULE_STATE_TESTS = ['src/connection/fast-frame-path.test.ts'];

const PRODUCT_ENTRY = '/src/app/main.tsx';
const BENCH_ENTRY = '/bench/page/main.ts';

/**
 * `vite build --mode bench` (npm run bench only) builds the same page with
 * the bench entry; every other mode builds the product, which holds no bench
 * code at all.
 */
function entryFor(mode: string): Plugin {
  return {
    name: 'warren-entry',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => (mode === 'bench' ? html.replace(PRODUCT_ENTRY, BENCH_ENTRY) : html),
    },
  };
}

/**
 * cborg's modules only build their own lookup tables when loaded (loops
 * over module-local arrays), but its package.json does not say so, and the
 * bundler kept all of it (6 KB gzip) in each of the socket and import
 * workers, which never decode CBOR: they reach cborg only through the
 * model's index. The page loads it only with the decoders.
 */
const treeshake = { moduleSideEffects: [{ test: /[\\/]node_modules[\\/]cborg[\\/]/, sideEffects: false }] };

export default defineConfig(({ mode }) => ({
  plugins: [react(), entryFor(mode)],
  define: { __STOMPJS_VERSION__: JSON.stringify(stompjsVersion) },
  build: { target: 'es2022', sourcemap: true, rollupOptions: { treeshake } },
  worker: { rollupOptions: { treeshake } },
  preview: {
    host: '127.0.0.1',
    port: 8080,
    strictPort: true,
    headers: { 'Content-Security-Policy': contentSecurityPolicy },
  },
  test: {
    environment: 'node',
    // A few tests do real work (100,000 pending requests, a sliced re-filter of a
    // full buffer): 5 s was too close on a 2-core box busy with brokers. They
    // assert what happens, never how fast.
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: UNIT_TESTS,
          exclude: MODULE_STATE_TESTS,
          // One module graph for every test file instead of a fresh one per
          // file: 52 s -> 16 s on the 2-core box (importing and collecting 105
          // files dominated; the tests themselves take ~12 s). Tests restore
          // what they change (fake timers, spies), which this relies on.
          isolate: false,
        },
      },
      // Tests of a module's once-per-page state (the fast path patches stompjs) get a fresh module graph.
      { extends: true, test: { name: 'isolated', include: MODULE_STATE_TESTS } },
    ],
  },
}));
