/**
 * Adds up the unit (vitest), e2e, outage e2e and cluster e2e (Playwright) JSON reports into one
 * closing line, "N passed, N failed", so a run that executed no test cannot
 * pass for a green one.
 */
import { existsSync, readFileSync } from 'node:fs';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function vitestCounts(file: string): Counts {
  const r = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests };
}

function playwrightCounts(file: string): Counts {
  const r = JSON.parse(readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped };
}

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const reports: [string, (f: string) => Counts][] = [
  ['test-results/unit.json', vitestCounts],
  ['test-results/e2e.json', playwrightCounts],
  ['test-results/e2e-outages.json', playwrightCounts],
  ['test-results/e2e-cluster.json', playwrightCounts],
];
for (const [file, read] of reports) {
  if (!existsSync(file)) {
    console.log(`(no report at ${file}: that step did not run to the end)`);
    total.failed++;
    continue;
  }
  const c = read(file);
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped;
}
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = total.failed === 0 && total.passed > 0 ? 0 : 1;
