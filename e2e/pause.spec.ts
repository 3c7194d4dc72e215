import { expect, test } from './support/test.ts';
import { allWarrenSeqs, openDashboard } from './support/page.ts';
import { publishNumbered, runId } from './support/origin.ts';

test('pause freezes the view while capture continues; resume shows all of them, none lost', async ({ page }) => {
  const run = runId();
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });

  // Seqs 1..20 arrive live; 21..520 while paused.
  await publishNumbered(20, () => ({ exchange: 'app.events', routingKey: `${run}.before` }));
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '20');
  await page.getByTestId('message-row').nth(3).click();
  const selected = await page.locator('[data-testid="message-row"][aria-selected="true"]').getAttribute('data-seq');
  const rowsBefore = await page.getByTestId('message-row').evaluateAll((rows) => rows.map((r) => r.textContent));

  await page.getByTestId('pause-button').click();
  await expect(page.getByTestId('pause-button')).toHaveAttribute('aria-pressed', 'true');
  await publishNumbered(500, () => ({ exchange: 'app.events', routingKey: `${run}.during` }), 21);
  await expect(page.getByTestId('buffered-count')).toHaveAttribute('data-value', '500');
  await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', '520');
  expect(await page.getByTestId('visible-count').getAttribute('data-value')).toBe('20');
  expect(await page.getByTestId('message-row').evaluateAll((rows) => rows.map((r) => r.textContent))).toEqual(rowsBefore);
  await expect(page.locator('[data-testid="message-row"][aria-selected="true"]')).toHaveAttribute('data-seq', selected ?? '');
  await expect(page.getByTestId('pause-button')).toContainText('500 new');

  await page.getByTestId('pause-button').click();
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '520');
  await expect(page.getByTestId('buffered-count')).toHaveAttribute('data-value', '0');
  await expect(page.getByTestId('message-table')).toHaveAttribute('data-following', 'true');
  const seqs = await allWarrenSeqs(page);
  expect(seqs).toEqual(Array.from({ length: 520 }, (_, i) => i + 1));
});
