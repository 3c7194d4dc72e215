import { connect } from 'amqplib';
import { expect, test } from './support/test.ts';
import { readIntHeader, SEQ_HEADER } from '../generator/message.ts';
import { originUrl } from '../generator/origin-url.ts';
import { openDashboard } from './support/page.ts';
import { publishNumbered, runId } from './support/origin.ts';

/**
 * The mirror must never take anything away from production: a consumer on the
 * origin's task queue still gets every task while the shovel copies them.
 */
test('a consumer on the origin task queue receives every task while the shovel runs', async ({ page }) => {
  const run = runId();
  const key = `${run}.task`;
  const connection = await connect(originUrl());
  const channel = await connection.createChannel();
  const queue = `warren-e2e-tasks-${run}`;
  await channel.assertQueue(queue, { exclusive: true });
  await channel.bindQueue(queue, 'celery', key);
  const seen = new Map<number, number>();
  await channel.consume(queue, (m) => {
    if (!m) return;
    const seq = readIntHeader(m.properties.headers, SEQ_HEADER) ?? -1;
    seen.set(seq, (seen.get(seq) ?? 0) + 1);
    channel.ack(m);
  });

  await openDashboard(page, { subscriptions: [`/exchange/celery/${run}.#`] });
  const count = 300;
  try {
    await publishNumbered(count, () => ({ exchange: 'celery', routingKey: key, headers: { task: 'proj.tasks.add', id: run } }));
    // Production side: every seq exactly once.
    await expect.poll(() => seen.size, { timeout: 15_000 }).toBe(count);
    for (let seq = 1; seq <= count; seq++) expect(seen.get(seq), `task ${seq} on the origin`).toBe(1);
    // Tracing side: the same messages reached the browser through the shovel.
    await expect(page.getByTestId('received-count')).toHaveAttribute('data-value', String(count));
  } finally {
    await connection.close();
  }
});
