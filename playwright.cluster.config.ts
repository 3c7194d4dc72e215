import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/**
 * The cluster tests (`npm run test:cluster`, scripts/test-cluster.sh): the
 * same browser and settings as playwright.config.ts, against a three-node
 * mirror cluster the script starts with its own ports and state folder.
 */
export default defineConfig({
  ...base,
  testDir: 'e2e/cluster',
  testIgnore: [],
  // One project: the base config's projects split e2e/ itself.
  projects: undefined,
  outputDir: 'test-results/playwright-cluster',
  timeout: 120_000,
});
