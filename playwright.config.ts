import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests against the real stack: global-setup brings up (or reuses)
 * the origin and mirror nodes, and the built dashboard is served on 8080.
 * The browser is Debian's Chromium; Playwright never downloads one.
 */
const port = Number(process.env.WARREN_PORT ?? 8080);

/** Specs that stop or kill a broker, or block a page on purpose: they run alone. */
const STACK_FAULT_SPECS = ['faults.spec.ts', 'gaps.spec.ts', 'generator-restart.spec.ts'];

export default defineConfig({
  testDir: 'e2e',
  // The cluster tests need their own three-node stack: playwright.cluster.config.ts.
  testIgnore: ['cluster/**'],
  outputDir: 'test-results/playwright',
  globalSetup: './e2e/global-setup.ts',
  // Each test uses its own routing keys (and queues, vhosts, users), so most
  // share the stack two at a time: they spend more time waiting on brokers,
  // timers and paints than computing. The tests that stop, kill or block part
  // of the stack run afterwards, one at a time, alone with it.
  workers: 2,
  fullyParallel: false,
  projects: [
    { name: 'shared-stack', testIgnore: [...STACK_FAULT_SPECS, 'cluster/**'] },
    { name: 'stack-faults', testMatch: STACK_FAULT_SPECS, dependencies: ['shared-stack'], workers: 1 },
  ],
  // A 2-core CI box also runs both brokers: one retry, reported as flaky, never hidden.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.WARREN_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'tsx scripts/serve.ts',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'pipe',
  },
});
