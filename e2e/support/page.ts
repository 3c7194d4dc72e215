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
