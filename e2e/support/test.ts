/**
 * The e2e suite's `test`: Playwright's, where a test fails if a page of its
 * browser context, or a worker of that page (the socket worker: checked with
 * a probe worker), logged a console warning or error, or threw an uncaught
 * exception. The tests feed the dashboard hostile traffic and kill its
 * brokers on purpose, and "nothing crashes" is part of what they check: a
 * React or recharts warning, or an exception in a handler, would otherwise
 * pass unseen whenever the assertions still held (recharts warned of a 0×0
 * chart at every refresh for weeks that way). The whole suite logged none
 * when this was added; a test that provokes one on purpose matches it with
 * `expectedPageProblems` (`test.use({ expectedPageProblems: /.../ })`).
 *
 * Pages of contexts a test opens itself (`browser.newContext()`) are not watched.
 */
import { expect, test as base } from '@playwright/test';

export { expect } from '@playwright/test';
export type { Locator, Page } from '@playwright/test';

interface PageProblemOptions {
  /** Console messages or exceptions this test provokes on purpose (one pattern: an array here would read as Playwright's [value, options]). */
  expectedPageProblems: RegExp | null;
}

export const test = base.extend<PageProblemOptions & { pageProblems: void }>({
  expectedPageProblems: [null, { option: true }],
  pageProblems: [
    async ({ context, expectedPageProblems }, use) => {
      const problems: string[] = [];
      const note = (line: string) => {
        if (!expectedPageProblems?.test(line)) problems.push(line);
      };
      context.on('console', (message) => {
        const type = message.type();
        if (type === 'error' || type === 'warning') note(`console.${type}: ${message.text()} (${message.location().url})`);
      });
      context.on('weberror', (error) => note(`uncaught: ${error.error().stack ?? error.error().message}`));
      await use();
      expect(problems, 'console warnings, errors and uncaught exceptions in the pages').toEqual([]);
    },
    { auto: true },
  ],
});
