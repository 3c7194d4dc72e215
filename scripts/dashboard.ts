/**
 * Builds the dashboard and serves the production build (Vite's preview
 * server, with the CSP from vite.config.ts), plus the runtime config that
 * points it at the local mirror. Shared by `npm start` and the e2e tests.
 */
import { cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { RUNTIME_CONFIG_FILE, type RuntimeConfig } from '../src/app/runtime-config.ts';
import { type StackConfig, webStompUrl, webStompUrls } from '../stack/config.ts';

const root = resolve(import.meta.dirname, '..');
/**
 * Where the build goes and is served from. WARREN_DIST_DIR moves it, so a
 * second server (the cluster tests') never rewrites the runtime config of
 * the one `npm start` serves.
 */
export const distDir = resolve(root, process.env.WARREN_DIST_DIR || 'dist');

/**
 * What `npm start`'s dashboard subscribes to: the traffic, plus Celery's task
 * events and the replies, so a task's whole conversation is on the page
 * (worker heartbeats, every 2 s per worker, are left out).
 */
export const DEFAULT_SUBSCRIPTIONS = ['/exchange/app.events/#', '/exchange/celery/#', '/exchange/celeryev/task.#', '/exchange/celery.replies/#'];

/**
 * Builds into distDir. With WARREN_PREBUILT_DIST (npm test's last step: its
 * e2e step built `dist` minutes before), copies that build instead: the
 * soak's and the cluster's servers would otherwise run two more identical
 * Vite builds, side by side, while the cluster's nodes start.
 */
export async function buildDashboard(): Promise<void> {
  const prebuilt = process.env.WARREN_PREBUILT_DIST ? resolve(process.env.WARREN_PREBUILT_DIST) : null;
  if (prebuilt !== null && existsSync(resolve(prebuilt, 'index.html'))) {
    if (prebuilt !== distDir) {
      rmSync(distDir, { recursive: true, force: true });
      cpSync(prebuilt, distDir, { recursive: true });
    }
    return;
  }
  await build({ root, logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
}

export function writeRuntimeConfig(stack: StackConfig, subscriptions = DEFAULT_SUBSCRIPTIONS): void {
  const config: RuntimeConfig = {
    broker: webStompUrl(stack),
    // Every mirror node (one unless WARREN_MIRROR_NODES says more), the first one first.
    brokers: webStompUrls(stack),
    vhost: stack.vhost,
    login: stack.tracer.login,
    passcode: stack.tracer.passcode,
    subscriptions,
    // The local mirror bounds and expires these queues: nothing lost across a reconnect.
    durableCapture: true,
  };
  writeFileSync(resolve(distDir, RUNTIME_CONFIG_FILE), JSON.stringify(config, null, 2) + '\n');
}

export interface ServeOptions {
  host: string;
  port: number;
}

export function serveOptionsFromEnv(env = process.env): ServeOptions {
  const port = Number(env.WARREN_PORT ?? 8080);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`WARREN_PORT=${env.WARREN_PORT} is not a TCP port`);
  return { host: env.WARREN_HOST ?? '127.0.0.1', port };
}

export async function serveDashboard({ host, port }: ServeOptions): Promise<PreviewServer> {
  try {
    return await preview({ root, logLevel: 'warn', build: { outDir: distDir }, preview: { host, port, strictPort: true, open: false } });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/already in use/i.test(message)) {
      throw new Error(`Port ${port} is already in use (set WARREN_PORT to serve the dashboard elsewhere)`);
    }
    throw e;
  }
}
