import { expect, type Page } from '@playwright/test';

export interface OpenOptions {
  subscriptions: string[];
  filter?: string;
  capacity?: number;
}

/**
 * Opens the dashboard as a user would from a shared link. broker/login come
 * from the served runtime config, so the passcode is known to the page
 * without ever being in the URL.
 */
export async function openDashboard(page: Page, options: OpenOptions): Promise<void> {
  const params = new URLSearchParams();
  for (const sub of options.subscriptions) params.append('sub', sub);
  if (options.filter) params.set('filter', options.filter);
  if (options.capacity) params.set('capacity', String(options.capacity));
  await page.goto(`/?${params}`);
  await expect(page.getByTestId('connection-status')).toContainText('connected');
  for (const sub of options.subscriptions) {
    await expect(page.locator(`[data-testid="subscription-list"] li[data-destination="${sub}"]`)).toHaveAttribute('data-state', 'active');
  }
}

export async function counter(page: Page, name: 'received' | 'visible' | 'buffered' | 'dropped'): Promise<number> {
  return Number(await page.getByTestId(`${name}-count`).getAttribute('data-value'));
}

/** The `x-warren-seq` of every rendered row, in table order. */
export async function renderedWarrenSeqs(page: Page): Promise<number[]> {
  const values = await page.getByTestId('message-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-warren-seq'))));
  return values;
}

/**
 * One attribute of every row in the current view, in table order, scrolling
 * the virtual table from top to bottom (only rows on screen are in the DOM).
 */
export async function collectRowAttribute(page: Page, attribute: string): Promise<string[]> {
  const body = page.locator('.table-body');
  const bySeq = new Map<number, string>();
  const expected = await counter(page, 'visible');
  // A pass can miss rows if the view moves under it (a reconnect, a late
  // message); further passes add to what was seen until every row was.
  for (let pass = 0; pass < 4 && bySeq.size < expected; pass++) {
    await body.evaluate((el) => (el.scrollTop = 0));
    for (;;) {
      const rows = await page
        .getByTestId('message-row')
        .evaluateAll((els, attr) => els.map((r) => [Number(r.getAttribute('data-seq')), r.getAttribute(attr) ?? ''] as const), attribute);
      for (const [seq, value] of rows) bySeq.set(seq, value);
      const atEnd = await body.evaluate((el) => {
        const end = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
        el.scrollTop += el.clientHeight * 0.8;
        return end;
      });
      if (atEnd) break;
      await page.waitForTimeout(30);
    }
  }
  return [...bySeq.entries()].sort((a, b) => a[0] - b[0]).map(([, value]) => value);
}

export const allWarrenSeqs = async (page: Page) => (await collectRowAttribute(page, 'data-warren-seq')).map(Number);
export const allRoutingKeys = (page: Page) => collectRowAttribute(page, 'data-routing-key');

/** Every seq 1..count exactly once (two shovels may interleave them, so order is not checked). */
export async function expectAllSeqs(page: Page, count: number, timeout = 60_000): Promise<void> {
  await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', String(count), { timeout });
  const seqs = (await allWarrenSeqs(page)).sort((a, b) => a - b);
  expect(seqs.length, 'rows').toBe(count);
  expect(seqs).toEqual(Array.from({ length: count }, (_, i) => i + 1));
}

/**
 * Fills the filter box and waits until the rows reflect it: the box answers
 * the keystroke in its own frame and the re-filter follows after the paint
 * (a body filter in slices), so counts read right after `fill` could still
 * be the last filter's when both happen to be equal.
 */
export async function applyFilter(page: Page, text: string): Promise<void> {
  await page.getByTestId('filter-input').fill(text);
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-filter', text);
}
