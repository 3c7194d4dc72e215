import { expect, test } from './support/test.ts';
import { topicMatches } from '../src/filter/topic.ts';
import { allRoutingKeys, applyFilter, openDashboard } from './support/page.ts';
import { publishNumbered, runId } from './support/origin.ts';

/** Keys chosen to sit on every edge of the topic rules: empty words, extra words, other prefixes. */
const suffixes = [
  'orders.eu.created',
  'orders.us.created',
  'orders.eu.cancelled',
  'orders..created',
  'orders.eu.x.created',
  'orders',
  'orders.created',
  'payments.eu.created',
  'ordersXeu.created',
];

for (const pattern of ['orders.*.created', 'orders.#']) {
  test(`a /exchange subscription with ${pattern} delivers exactly the broker's matches`, async ({ page }) => {
    const run = runId();
    const keys = suffixes.map((s) => `${run}.${s}`);
    await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.${pattern}`] });
    await publishNumbered(keys.length, (seq) => ({ exchange: 'app.events', routingKey: keys[seq - 1] ?? '' }));

    const expected = keys.filter((k) => topicMatches(`${run}.${pattern}`, k));
    await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', String(expected.length));
    // Give stragglers that should not exist a moment to show up.
    await page.waitForTimeout(500);
    expect(await allRoutingKeys(page)).toEqual(expected);
  });
}

test('the filter box applies the same topic rules to what was captured, and the URL keeps it', async ({ page }) => {
  const run = runId();
  const keys = suffixes.map((s) => `${run}.${s}`);
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });
  await publishNumbered(keys.length, (seq) => ({ exchange: 'app.events', routingKey: keys[seq - 1] ?? '' }));
  await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', String(keys.length));

  const filter = page.getByTestId('filter-input');
  const cases: [string, (k: string) => boolean][] = [
    [`${run}.orders.*.created`, (k) => topicMatches(`${run}.orders.*.created`, k)],
    [`${run}.orders.#`, (k) => topicMatches(`${run}.orders.#`, k)],
    [`-${run}.orders.#`, (k) => !topicMatches(`${run}.orders.#`, k)],
    ['cancel', (k) => k.includes('cancel')],
    [`${run}.# -created`, (k) => !k.includes('created')],
  ];
  for (const [text, accepts] of cases) {
    await applyFilter(page, text);
    const expected = keys.filter(accepts);
    await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', String(expected.length));
    expect(await allRoutingKeys(page), `filter ${text}`).toEqual(expected);
    await expect.poll(() => new URL(page.url()).searchParams.get('filter')).toBe(text);
  }

  await filter.fill('exchange:');
  await expect(page.getByTestId('filter-error')).toBeVisible();
  await applyFilter(page, '');
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', String(keys.length));
});

test('body:TEXT filters on the payload, combined with a routing-key pattern', async ({ page }) => {
  const run = runId();
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });
  const bodies = ['{"status":"PAID"}', '{"status":"failed"}', '{"status":"paid"}', 'plain text paid'];
  await publishNumbered(bodies.length, (seq) => ({ exchange: 'app.events', routingKey: `${run}.${seq % 2 ? 'eu' : 'us'}`, body: bodies[seq - 1] }));
  await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', String(bodies.length));
  await applyFilter(page, 'body:paid');
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '3');
  await applyFilter(page, `${run}.us body:paid`);
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '1');
  await applyFilter(page, '-body:paid');
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '1');
});
