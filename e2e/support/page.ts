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
    // One pass in the page, not a round trip per screen: reading 4,000 rows
    // back took 20-45 s on a 2-core box that way.
    const rows = await body.evaluate(scanRows, attribute);
    for (const [seq, value] of rows) bySeq.set(seq, value);
  }
  return [...bySeq.entries()].sort((a, b) => a[0] - b[0]).map(([, value]) => value);
}

/**
 * In the page: scrolls the table body from top to bottom, a screen at a
 * time, and after each scroll waits until the rows drawn cover the
 * screen (the virtualizer renders on the scroll event, a frame or two
 * later) before reading `data-seq` and `attribute` off every row.
 */
async function scanRows(el: HTMLElement, attribute: string): Promise<[number, string][]> {
  const ROW = 24;
  const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  const rowTops = () => Array.from(el.querySelectorAll<HTMLElement>('[data-testid="message-row"]'), (r) => parseFloat(r.style.top));
  const covered = () => {
    const tops = rowTops();
    if (tops.length === 0) return el.scrollHeight <= el.clientHeight;
    const first = Math.floor(el.scrollTop / ROW) * ROW;
    const last = Math.min(el.scrollHeight, el.scrollTop + el.clientHeight) - ROW;
    return tops.some((t) => t <= first) && tops.some((t) => t >= last - ROW);
  };
  const seen: [number, string][] = [];
  el.scrollTop = 0;
  for (;;) {
    await frame();
    for (let i = 0; i < 30 && !covered(); i++) await frame();
    for (const row of Array.from(el.querySelectorAll('[data-testid="message-row"]'))) seen.push([Number(row.getAttribute('data-seq')), row.getAttribute(attribute) ?? '']);
    if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) return seen;
    // A screen at a time: the rows just past it are drawn too (overscan), so none is skipped.
    el.scrollTop += el.clientHeight;
  }
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
