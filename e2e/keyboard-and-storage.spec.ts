import { expect, test } from './support/test.ts';
import { openDashboard } from './support/page.ts';
import { publishNumbered, runId } from './support/origin.ts';
import { loadStackConfig } from '../stack/config.ts';

const stack = loadStackConfig();
/** The mirror's URL spelled differently from the served config's, so the page has no passcode for it. */
const otherSpelling = encodeURIComponent(`ws://localhost:${stack.mirror.webStompPort?.port ?? 15674}/ws`);

test('keyboard: k/j and arrows move the selection, Enter inspects, / focuses the filter, space pauses', async ({ page }) => {
  const run = runId();
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });
  await publishNumbered(10, (seq) => ({ exchange: 'app.events', routingKey: `${run}.k${seq}` }));
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '10');
  const selected = page.locator('[data-testid="message-row"][aria-selected="true"]');

  await page.locator('body').press('k'); // nothing selected yet: starts at the newest row
  await expect(selected).toHaveAttribute('data-routing-key', `${run}.k10`);
  await page.keyboard.press('k');
  await page.keyboard.press('ArrowUp');
  await expect(selected).toHaveAttribute('data-routing-key', `${run}.k8`);
  await page.keyboard.press('j');
  await expect(selected).toHaveAttribute('data-routing-key', `${run}.k9`);
  // Moving up stopped following the tail.
  await expect(page.getByTestId('jump-to-live')).toBeVisible();

  await page.keyboard.press('Enter');
  await expect(page.getByTestId('inspector')).toContainText(`${run}.k9`);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('inspector')).toHaveCount(0);

  await page.keyboard.press(' ');
  await expect(page.getByTestId('pause-button')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press(' ');
  await expect(page.getByTestId('pause-button')).toHaveAttribute('aria-pressed', 'false');

  await page.keyboard.press('/');
  await expect(page.getByTestId('filter-input')).toBeFocused();
  // Typing into the filter is typing, not shortcuts.
  await page.keyboard.type('k1');
  await expect(page.getByTestId('filter-input')).toHaveValue('k1');
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '2'); // k1 and k10
});

test('the passcode typed into the panel is in neither the URL nor browser storage', async ({ page }) => {
  const secret = stack.tracer.passcode;
  // A broker other than the served config's: the page has no passcode and must ask for one.
  await page.goto(`/?broker=${otherSpelling}&login=warren&vhost=%2F&sub=%2Fexchange%2Fapp.events%2F%23`);
  await expect(page.getByTestId('connection-status')).toContainText('Enter the passcode for warren');
  await page.getByTestId('connect-passcode').fill(secret);
  await page.getByTestId('connect-button').click();
  await expect(page.getByTestId('connection-status')).toContainText('connected');
  expect(page.url()).not.toContain(secret);
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
  expect(storage).not.toContain(secret);
});

test('a wrong passcode is reported with the broker\'s reason and not retried in a loop', async ({ page }) => {
  await page.goto(`/?broker=${otherSpelling}&login=warren&vhost=%2F`);
  await page.getByTestId('connect-passcode').fill('not-the-passcode');
  await page.getByTestId('connect-button').click();
  const status = page.getByTestId('connection-status');
  await expect(status).toContainText('error');
  await expect(status).toContainText("Access refused for user 'warren'");
  await page.waitForTimeout(2000);
  await expect(status).toContainText('error');
  await expect(page.getByTestId('connect-button')).toHaveText('Connect');
});
