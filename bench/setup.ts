/**
 * The bench's environment: the stack (started if needed, never stopped), a
 * production build of the dashboard in its own folder (so a concurrent
 * `npm test` serving dist/ is not disturbed), a server on the bench port and
 * Debian's Chromium (launched by Playwright, with a debugging port for our
 * own CDP connection). `teardown` undoes what `setup` did, even half-way.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { build, preview, type PreviewServer } from 'vite';
import { RUNTIME_CONFIG_FILE, type RuntimeConfig } from '../src/app/runtime-config.ts';
import { loadStackConfig, webStompUrl, type StackConfig } from '../stack/config.ts';
import { stackUp } from '../stack/stack.ts';
import { CdpConnection } from './cdp.ts';

const root = resolve(import.meta.dirname, '..');

export interface BenchEnv {
  stack: StackConfig;
  outDir: string;
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

export async function setup(port: number, log: (line: string) => void): Promise<BenchEnv> {
  const stack = loadStackConfig();
  const env: BenchEnv = { stack, outDir: resolve(tmpdir(), 'warren-bench-dist'), baseUrl: `http://127.0.0.1:${port}`, server: null, browser: null, cdp: null };
  await stackUp(stack, (line) => log(`stack: ${line}`));

  log(`building the dashboard into ${env.outDir}`);
  mkdirSync(env.outDir, { recursive: true });
  await build({ root, logLevel: 'warn', build: { outDir: env.outDir, emptyOutDir: true } });
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
