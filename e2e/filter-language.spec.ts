import { expect, test, type Page } from './support/test.ts';
import { numbered, runId, withOriginPublisher, type NumberedMessage } from './support/origin.ts';
import { allWarrenSeqs, applyFilter, openDashboard } from './support/page.ts';
import type { PublishOptions } from '../generator/message.ts';

/** One published message: what numbered() takes, plus AMQP properties it does not set. */
interface Fixture extends NumberedMessage {
  properties?: Omit<PublishOptions, 'headers' | 'contentType' | 'contentEncoding'>;
}

const json = (value: unknown) => JSON.stringify(value);

function fixtures(run: string): Fixture[] {
  const key = (k: string) => `${run}.${k}`;
  return [
    /* 1 */ { exchange: 'app.events', routingKey: key('orders.eu.created'), body: json({ customer: { country: 'FR' }, total_cents: 7200, items: [{ sku: 'A1' }], tags: ['vip'] }), headers: { 'x-tenant': 'acme' }, properties: { messageId: 'm-1', type: 'OrderCreated' } },
    /* 2 */ { exchange: 'app.events', routingKey: key('orders.us.created'), body: json({ customer: { country: 'US' }, total_cents: 300, items: [{ sku: 'B2' }] }), headers: { 'x-tenant': 'globex' }, properties: { priority: 5 } },
    /* 3 */ { exchange: 'app.events', routingKey: key('payments.eu.failed'), body: Buffer.alloc(20 * 1024, 7), contentType: 'application/x-protobuf', properties: { type: 'PaymentFailed' } },
    /* 4 */ { exchange: 'app.events', routingKey: key('users.signup'), body: 'user Ann signed up at 10:42', contentType: 'text/plain', headers: { 'x-tenant': 'acme' } },
    /* 5 */ { exchange: 'app.events', routingKey: key('orders.eu.created'), body: json({ customer: { country: 'FR' }, total_cents: 4000, note: 'x'.repeat(2000) }), headers: { 'x-tenant': 'initech' } },
    /* 6 */ { exchange: 'app.events', routingKey: key('invoices.eu.issued'), body: json({ customer: { country: 'DE' }, total_cents: 9000 }), contentType: 'application/vnd.api+json' },
  ];
}

async function publishFixtures(messages: Fixture[]): Promise<void> {
  await withOriginPublisher(async (publisher) => {
    for (const [i, m] of messages.entries()) {
      const outgoing = numbered(i + 1, m);
      await publisher.publish({ ...outgoing, options: { ...outgoing.options, ...m.properties } });
    }
    await publisher.waitForConfirms();
  });
}

async function shownFor(page: Page, filter: string, expected: number): Promise<number[]> {
  await applyFilter(page, filter);
  await expect(page.getByTestId('filter-error')).toHaveCount(0);
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', String(expected));
  return allWarrenSeqs(page);
}

test('every new filter term shows exactly the messages it names, on the real stack', async ({ page }) => {
  const run = runId();
  const messages = fixtures(run);
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });
  await publishFixtures(messages);
  await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', String(messages.length));

  const cases: [string, number[]][] = [
    ['header:x-tenant=acme', [1, 4]],
    ['header:X-Tenant', [1, 2, 4, 5]],
    ['header:x-tenant~GLO', [2]],
    ['-header:x-tenant', [3, 6]],
    ['prop:message-id=m-1', [1]],
    ['prop:priority>=5', [2]],
    ['prop:type=PaymentFailed', [3]],
    ['ct:application/json', [1, 2, 5]],
    ['ct:json', [1, 2, 5, 6]],
    ['size>10k', [3]],
    ['/\\.orders\\.(eu|us)\\./', [1, 2, 5]],
    ['/ORDERS\\.EU/i', [1, 5]],
    ['body:/signed up at \\d+:\\d+/', [4]],
    ['$.customer.country=FR', [1, 5]],
    ['$.total_cents>5000', [1, 6]],
    ['$.customer.country=FR $.total_cents>5000', [1]],
    ['$.items[0].sku=B2', [2]],
    ['$.tags[*]=vip', [1]],
    ['-$.customer.country=FR', [2, 3, 4, 6]],
    ['$.total_cents>5000 OR header:x-tenant=acme', [1, 4, 6]],
    ['users OR payments', [3, 4]],
  ];
  for (const [filter, seqs] of cases) {
    expect(await shownFor(page, filter, seqs.length), filter).toEqual(seqs);
  }
  // Sizes as delivered: the bodies' own byte counts decide.
  const sizes = messages.map((m) => Buffer.byteLength(m.body ?? ''));
  const small = sizes.flatMap((size, i) => (size < 1024 ? [i + 1] : []));
  expect(await shownFor(page, 'size<1k', small.length)).toEqual(small);
});

test('a bad term is refused with its error pointing at it, and the last good filter stays on', async ({ page }) => {
  const run = runId();
  const messages = fixtures(run);
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });
  await publishFixtures(messages);
  await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', String(messages.length));
  expect(await shownFor(page, 'users', 1)).toEqual([4]);

  const box = page.getByTestId('filter-input');
  await box.fill('orders /(x/ $.a>1');
  const error = page.getByTestId('filter-error');
  await expect(error).toContainText('/(x/');
  await expect(page.getByTestId('filter-error-term')).toHaveText('/(x/');
  await expect(error).toHaveAttribute('data-start', '7');
  await expect(error).toHaveAttribute('data-end', '11');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '1');

  await box.fill('orders $.total_cents>lots');
  await expect(page.getByTestId('filter-error-term')).toHaveText('$.total_cents>lots');
  await expect(error).toContainText('needs a number');
  await box.fill('orders OR');
  await expect(page.getByTestId('filter-error-term')).toHaveText('OR');
});

test('autocomplete offers routing keys, header names and field paths seen, from the keyboard', async ({ page }) => {
  const run = runId();
  const messages = fixtures(run);
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });
  await publishFixtures(messages);
  await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', String(messages.length));
  const box = page.getByTestId('filter-input');
  const list = page.getByTestId('filter-suggestions');

  // A routing key: typed, chosen with Enter.
  await box.click();
  await box.pressSequentially(`${run}.inv`);
  await expect(list.getByTestId('filter-suggestion')).toHaveCount(1);
  await expect(list.getByTestId('filter-suggestion')).toHaveAttribute('data-value', `${run}.invoices.eu.issued`);
  await box.press('Enter');
  await expect(list).toHaveCount(0);
  await expect(box).toHaveValue(`${run}.invoices.eu.issued `);
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '1');

  // A header name: the arrows move, Tab accepts, the value is typed after it.
  await box.fill('');
  await box.pressSequentially('header:x-te');
  await expect(list.getByTestId('filter-suggestion').first()).toHaveAttribute('data-value', 'x-tenant');
  await box.press('ArrowDown');
  await box.press('ArrowUp');
  await box.press('Tab');
  await expect(box).toHaveValue('header:x-tenant');
  await box.pressSequentially('=globex');
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '1');
  expect(await allWarrenSeqs(page)).toEqual([2]);

  // A field path from the decoded bodies, picked with the mouse; Escape closes the list.
  await box.fill('');
  await box.pressSequentially('$.cust');
  const country = list.locator('[data-testid="filter-suggestion"][data-value="$.customer.country"]');
  await expect(country).toBeVisible();
  await box.press('Escape');
  await expect(list).toHaveCount(0);
  await box.press('ArrowDown');
  await country.click();
  await expect(box).toHaveValue('$.customer.country');
  await box.pressSequentially('=DE');
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '1');
  expect(await allWarrenSeqs(page)).toEqual([6]);

  // Filled (a link, a test), not typed: no list over the table.
  await box.fill(`${run}.ord`);
  await expect(list).toHaveCount(0);
});
