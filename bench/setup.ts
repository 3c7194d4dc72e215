/**
 * The bench's environment: the stack (started if needed, never stopped), the
 * bench build of the dashboard (`--mode bench`: the product plus its probes,
 * see bench/page) and the product build, each in its own folder (so a
 * concurrent `npm test` serving dist/ is not disturbed), a server on the
 * bench port for the bench build and
 * Debian's Chromium (launched by Playwright, with a debugging port for our
 * own CDP connection). `teardown` undoes what `setup` did, even half-way.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { build, preview, type PreviewServer } from 'vite';
import { RUNTIME_CONFIG_FILE, type RuntimeConfig } from '../src/app/runtime-config.ts';
import { loadStackConfig, webStompUrl, type StackConfig } from '../stack/config.ts';
import { stackUp } from '../stack/stack.ts';
import { CdpConnection } from './cdp.ts';
import { BENCH_GLOBAL } from './hook-api.ts';

const root = resolve(import.meta.dirname, '..');

export interface BenchEnv {
  stack: StackConfig;
  /** The bench build, served at baseUrl. */
  outDir: string;
  /** The product build, exactly what `npm start` serves: its bundle is what the load phase weighs. */
  productDir: string;
  baseUrl: string;
  server: PreviewServer | null;
  /** Launched by Playwright, which also drives the load phase's fresh contexts. */
  browser: Browser | null;
  /** Our own CDP connection to the same browser, for the pages that measure (see cdp.ts). */
  cdp: CdpConnection | null;
}

/** A TCP port nobody listens on right now, for Chromium's remote debugging. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/** The product build must carry no bench code: `?bench` means nothing there. */
function assertNoBenchCode(dir: string): void {
  const assets = resolve(dir, 'assets');
  const offending = readdirSync(assets).filter((f) => f.endsWith('.js') && readFileSync(resolve(assets, f), 'utf8').includes(BENCH_GLOBAL));
  if (offending.length > 0) throw new Error(`the product build contains bench code (${offending.join(', ')})`);
}

export async function setup(port: number, log: (line: string) => void): Promise<BenchEnv> {
  const stack = loadStackConfig();
  const env: BenchEnv = {
    stack,
    outDir: resolve(tmpdir(), 'warren-bench-dist'),
    productDir: resolve(tmpdir(), 'warren-bench-product-dist'),
    baseUrl: `http://127.0.0.1:${port}`,
    server: null,
    browser: null,
    cdp: null,
  };
  await stackUp(stack, (line) => log(`stack: ${line}`));

  log(`building the dashboard into ${env.outDir} (bench build) and ${env.productDir} (product build)`);
  mkdirSync(env.outDir, { recursive: true });
  await build({ root, mode: 'bench', logLevel: 'warn', build: { outDir: env.outDir, emptyOutDir: true } });
  await build({ root, logLevel: 'warn', build: { outDir: env.productDir, emptyOutDir: true } });
  assertNoBenchCode(env.productDir);
  // The page connects to the local mirror by itself, and subscribes only to what the URL says.
  const config: RuntimeConfig = { broker: webStompUrl(stack), vhost: stack.vhost, login: stack.tracer.login, passcode: stack.tracer.passcode, subscriptions: [] };
  writeFileSync(resolve(env.outDir, RUNTIME_CONFIG_FILE), JSON.stringify(config, null, 2) + '\n');

  try {
    env.server = await preview({ root, logLevel: 'warn', build: { outDir: env.outDir }, preview: { host: '127.0.0.1', port, strictPort: true, open: false } });
  } catch (e) {
    await teardown(env);
    throw new Error(`cannot serve the dashboard on port ${port} (use --port): ${e instanceof Error ? e.message : String(e)}`);
  }
  const debuggingPort = await freePort();
  env.browser = await chromium.launch({
    executablePath: process.env.WARREN_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', `--remote-debugging-port=${debuggingPort}`],
  });
  env.cdp = await CdpConnection.connect(debuggingPort);
  log(`serving ${env.baseUrl}; ${env.browser.version()}`);
  return env;
}

export async function teardown(env: BenchEnv): Promise<void> {
  env.cdp?.close();
  env.cdp = null;
  await env.browser?.close().catch(() => undefined);
  env.browser = null;
  await env.server?.close().catch(() => undefined);
  env.server = null;
}
