/**
 * Saved filters and watches against the real stack: a saved filter survives
 * a reload and its link reproduces the view where the saved list is absent;
 * a watch counts exactly the matches published after it was set, also
 * while the view is paused and for rows the buffer evicted; a watch that
 * notifies raises one desktop notification per quiet period.
 */
import { expect, test, type Page } from './support/test.ts';
import { allWarrenSeqs, applyFilter, openDashboard } from './support/page.ts';
import { publishNumbered, runId } from './support/origin.ts';

const SAVED_KEY = 'warren.savedFilters.v1';

async function received(page: Page, count: number): Promise<void> {
  await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', String(count));
}

async function saveCurrentFilter(page: Page, name: string): Promise<void> {
  await page.getByTestId('save-filter-button').click();
  const input = page.getByTestId('save-filter-name');
  // The name starts as the filter text.
  await expect(input).toHaveValue(await page.getByTestId('filter-input').inputValue());
  await input.fill(name);
  await input.press('Enter');
  await expect(input).toHaveCount(0);
}

test("a saved filter survives a reload, and its link reproduces the view in a browser that has no saved filters", async ({ page, browser }) => {
  const run = runId();
  const sub = `/exchange/app.events/${run}.#`;
  const filter = `${run}.orders.*.created`;
  const name = `orders ${run}`;
  await openDashboard(page, { subscriptions: [sub] });
  await applyFilter(page, filter);
  await saveCurrentFilter(page, name);
  // Escape cancels: nothing more is saved.
  await page.getByTestId('save-filter-button').click();
  await page.getByTestId('save-filter-name').press('Escape');
  await applyFilter(page, '');

  await page.reload();
  await expect(page.getByTestId('connection-status')).toContainText('connected');
  await expect(page.getByTestId('filter-input')).toHaveValue('');
  const stored = await page.evaluate((key) => localStorage.getItem(key), SAVED_KEY);
  expect(JSON.parse(stored ?? 'null')).toMatchObject({ version: 1, filters: [{ name, filter, watch: false }] });
  await page.getByTestId('saved-filters-toggle').click();
  const item = page.locator(`[data-testid="saved-filter-item"][data-name="${name}"]`);
  await expect(item).toHaveCount(1);
  const link = (await item.getByTestId('saved-filter-copy-link').getAttribute('data-url')) ?? '';
  await item.getByTestId('saved-filter-apply').click();
  await expect(page.getByTestId('filter-input')).toHaveValue(filter);
  await expect.poll(() => new URL(page.url()).searchParams.get('filter')).toBe(filter);

  const url = new URL(link);
  expect(url.searchParams.get('filter')).toBe(filter);
  expect(url.searchParams.getAll('sub')).toEqual([sub]);
  // Another machine: a fresh browser context, no saved filters, only the link.
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await other.goto(link.replace(url.origin, ''));
  await expect(other.getByTestId('connection-status')).toContainText('connected');
  await expect(other.locator(`[data-testid="subscription-list"] li[data-destination="${sub}"]`)).toHaveAttribute('data-state', 'active');
  await expect(other.getByTestId('saved-filters-toggle')).toHaveText('★ Saved');
  await expect(other.getByTestId('filter-input')).toHaveValue(filter);

  const keys = [`${run}.orders.eu.created`, `${run}.users.signup`, `${run}.orders.us.created`, `${run}.orders.eu.shipped`];
  await publishNumbered(12, (seq) => ({ exchange: 'app.events', routingKey: keys[seq % keys.length] ?? '' }), 100);
  await received(other, 12);
  const expected = [100, 102, 104, 106, 108, 110];
  await expect(other.getByTestId('visible-count')).toHaveAttribute('data-value', String(expected.length));
  expect(await allWarrenSeqs(other)).toEqual(expected);
  expect((await allWarrenSeqs(page)).filter((s) => s >= 100)).toEqual(expected);
  await elsewhere.close();
});

test('a watch counts exactly the matches published after it was set: paused, evicted, whatever the view shows', async ({ page }) => {
  const run = runId();
  const watched = `${run}.payments.*.failed`;
  // A buffer of 10 evicts most of what follows: the watch counts at arrival.
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`], capacity: 10 });
  const key = (seq: number, matching: boolean) => `${run}.payments.${seq % 2 === 0 ? 'eu' : 'us'}.${matching ? 'failed' : 'ok'}`;

  // Before the watch: N = 5 matching, M = 4 not.
  await publishNumbered(9, (seq) => ({ exchange: 'app.events', routingKey: key(seq, seq <= 5) }), 1);
  await received(page, 9);
  await applyFilter(page, watched);
  await page.getByTestId('watch-button').click();
  await expect(page.getByTestId('watch-button')).toHaveAttribute('aria-pressed', 'true');
  const watch = page.locator(`[data-testid="watch-item"][data-filter="${watched}"]`);
  await expect(watch.getByTestId('watch-count')).toHaveAttribute('data-value', '0');

  // After: K = 7 matching, L = 6 not, interleaved.
  await publishNumbered(13, (seq) => ({ exchange: 'app.events', routingKey: key(seq, seq % 2 === 0) }), 10);
  await received(page, 22);
  await expect(watch.getByTestId('watch-count')).toHaveAttribute('data-value', '7');

  // Paused, and the box shows something else: 3 more matching, 2 not.
  await applyFilter(page, `${run}.nothing`);
  await page.getByTestId('pause-button').click();
  await publishNumbered(5, (seq) => ({ exchange: 'app.events', routingKey: key(seq, seq <= 26) }), 24);
  await received(page, 27);
  await expect(watch.getByTestId('watch-count')).toHaveAttribute('data-value', '10');
  await expect(watch.getByTestId('watch-last-minute')).toHaveAttribute('data-value', '10');
  await expect(page.getByTestId('watch-badge')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('dropped-count')).toHaveAttribute('data-value', '17');

  // Watches are saved with the saved filters; after a reload the watch counts from then on.
  await page.reload();
  await expect(page.getByTestId('connection-status')).toContainText('connected');
  await expect(watch.getByTestId('watch-count')).toHaveAttribute('data-value', '0');
  await page.getByTestId('saved-filters-toggle').click();
  await expect(page.locator(`[data-testid="saved-filter-item"][data-name="${watched}"]`)).toHaveAttribute('data-watch', 'true');
  // Removing the watch keeps the saved filter.
  await watch.getByTestId('watch-remove').click();
  await expect(watch).toHaveCount(0);
  // The click outside closed the menu.
  await page.getByTestId('saved-filters-toggle').click();
  await expect(page.locator(`[data-testid="saved-filter-item"][data-name="${watched}"]`)).toHaveAttribute('data-watch', 'false');
});

test('a watch that notifies raises one desktop notification per quiet period (?watchQuiet=2)', async ({ page, context }) => {
  await context.grantPermissions(['notifications']);
  await page.addInitScript(() => {
    const shown: { title: string; body: string }[] = [];
    Object.assign(window, { __shownNotifications: shown });
    const Real = window.Notification;
    class Recording extends Real {
      constructor(title: string, options?: NotificationOptions) {
        shown.push({ title, body: options?.body ?? '' });
        super(title, options);
      }
    }
    window.Notification = Recording;
  });
  const shown = () => page.evaluate(() => (window as unknown as { __shownNotifications: { title: string; body: string }[] }).__shownNotifications);
  const run = runId();
  const sub = `/exchange/app.events/${run}.#`;
  await page.goto(`/?sub=${encodeURIComponent(sub)}&watchQuiet=2`);
  await expect(page.locator(`[data-testid="subscription-list"] li[data-destination="${sub}"]`)).toHaveAttribute('data-state', 'active');
  await applyFilter(page, `${run}.alarm`);
  await page.getByTestId('watch-button').click();
  const watch = page.locator(`[data-testid="watch-item"][data-filter="${run}.alarm"]`);
  await watch.getByTestId('watch-notify').click();
  await expect(watch.getByTestId('watch-notify')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('watch-notify-note')).toHaveCount(0);

  // A burst: one notification for it.
  await publishNumbered(3, () => ({ exchange: 'app.events', routingKey: `${run}.alarm` }), 1);
  await publishNumbered(2, () => ({ exchange: 'app.events', routingKey: `${run}.calm` }), 4);
  await received(page, 5);
  await expect(watch.getByTestId('watch-count')).toHaveAttribute('data-value', '3');
  await expect.poll(async () => (await shown()).length).toBe(1);
  expect((await shown())[0]?.title).toBe(`Warren: watch "${run}.alarm" matched`);
  // Within the quiet period: no new one.
  await publishNumbered(1, () => ({ exchange: 'app.events', routingKey: `${run}.alarm` }), 6);
  await expect(watch.getByTestId('watch-count')).toHaveAttribute('data-value', '4');
  await page.waitForTimeout(600);
  expect(await shown()).toHaveLength(1);
  // After more than 2 s without a match: one more.
  await page.waitForTimeout(2500);
  await publishNumbered(2, () => ({ exchange: 'app.events', routingKey: `${run}.alarm` }), 7);
  await expect(watch.getByTestId('watch-count')).toHaveAttribute('data-value', '6');
  await expect.poll(async () => (await shown()).length).toBe(2);
  await page.waitForTimeout(600);
  expect(await shown()).toHaveLength(2);
  // The page is seen (visible, focused) all along: nothing unseen in the title.
  expect(await page.title()).not.toMatch(/^\(\d+\)/);
});

test('unreadable saved filters in localStorage are ignored with a note, and the next save replaces them', async ({ page }) => {
  await page.addInitScript((key) => {
    if (sessionStorage.getItem('seeded') === null) {
      localStorage.setItem(key, '{"version": 1, "filters": [oops');
      sessionStorage.setItem('seeded', '1');
    }
  }, SAVED_KEY);
  const run = runId();
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });
  await page.getByTestId('saved-filters-toggle').click();
  await expect(page.getByTestId('saved-filters-note')).toContainText('not readable');
  await page.getByTestId('saved-filters-toggle').click();
  await applyFilter(page, `${run}.x`);
  await saveCurrentFilter(page, 'after corruption');
  await page.getByTestId('saved-filters-toggle').click();
  await expect(page.getByTestId('saved-filters-note')).toHaveCount(0);
  await expect(page.getByTestId('saved-filter-item')).toHaveCount(1);
  const stored = await page.evaluate((key) => localStorage.getItem(key), SAVED_KEY);
  expect(JSON.parse(stored ?? 'null')).toMatchObject({ version: 1, filters: [{ name: 'after corruption' }] });
});
