import { expect, test } from './support/test.ts';
import { openDashboard, renderedWarrenSeqs } from './support/page.ts';
import { numbered, publishNumbered, runId, withOriginPublisher } from './support/origin.ts';

test('the served dashboard connects to the local mirror on its own', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('connection-status')).toContainText('connected');
  // npm start's defaults, from the runtime config the server wrote.
  await expect(page.getByTestId('subscription-list')).toContainText('/exchange/app.events/#');
  await expect(page.getByTestId('subscription-list')).toContainText('/exchange/celery/#');
});

test('messages published on the origin appear on the page, each exactly once', async ({ page }) => {
  const run = runId();
  await page.setViewportSize({ width: 1440, height: 1800 });
  await openDashboard(page, { subscriptions: [`/exchange/app.events/${run}.#`] });

  const count = 40;
  await publishNumbered(count, (seq) => ({ exchange: 'app.events', routingKey: `${run}.orders.${seq % 2 ? 'eu' : 'us'}` }));

  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', String(count));
  const seqs = await renderedWarrenSeqs(page);
  expect(seqs).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  await expect(page.getByTestId('message-row').first()).toHaveAttribute('data-routing-key', `${run}.orders.eu`);
});

for (const socket of ['main', 'worker'] as const) {
  test(`with the WebSocket ${socket === 'worker' ? 'in the socket worker (default)' : 'on the main thread (?socket=main)'}, every message arrives once, in order`, async ({ page }) => {
    const run = runId();
    const sub = `/exchange/app.events/${run}.#`;
    await page.goto(`/?${new URLSearchParams({ sub, ...(socket === 'main' ? { socket } : {}) })}`);
    await expect(page.locator(`[data-testid="subscription-list"] li[data-destination="${sub}"]`)).toHaveAttribute('data-state', 'active');
    const socketWorkers = page.workers().filter((w) => w.url().includes('socket-worker'));
    expect(socketWorkers).toHaveLength(socket === 'worker' ? 1 : 0);

    // Enough at once that the worker joins several messages into one buffer.
    const count = 3000;
    await publishNumbered(count, (seq) => ({ exchange: 'app.events', routingKey: `${run}.orders.eu.created`, body: `{"n":${seq}}` }));
    await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', String(count));
    await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', String(count));
    // The newest rows, in order, end with the last one published.
    const seqs = await renderedWarrenSeqs(page);
    expect(seqs.at(-1)).toBe(count);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => count - seqs.length + 1 + i));
  });
}

test('a message whose user_id names its publisher is mirrored too, user_id kept (the shovel user may impersonate)', async ({ page }) => {
  const run = runId();
  const sub = `/exchange/app.events/${run}.#`;
  await openDashboard(page, { subscriptions: [sub] });
  // RabbitMQ checks user_id against the publishing user: the shovel republishes
  // as warren-shovel, which the mirror refuses unless that user is an impersonator.
  await withOriginPublisher(async (publisher) => {
    for (let seq = 1; seq <= 3; seq++) {
      const m = numbered(seq, { exchange: 'app.events', routingKey: `${run}.validated` });
      await publisher.publish({ ...m, options: { ...m.options, userId: 'guest' } });
    }
    await publisher.waitForConfirms();
  });
  await publishNumbered(2, () => ({ exchange: 'app.events', routingKey: `${run}.after` }), 4);
  await expect(page.getByTestId('visible-count')).toHaveAttribute('data-value', '5');
  await page.getByTestId('message-row').first().click();
  await expect(page.getByTestId('inspector')).toContainText('guest');
});
