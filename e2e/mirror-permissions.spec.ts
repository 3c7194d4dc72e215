import { connect } from 'amqplib';
import { expect, test } from './support/test.ts';
import { amqpUrl, loadStackConfig } from '../stack/config.ts';
import { historyQueueName } from '../stack/provision.ts';

/** The tracer user is read-only on the mirror: the broker itself refuses anything else. */
const config = loadStackConfig();
const tracerUrl = amqpUrl(config.mirror, config.tracer);

async function refusal(action: (channel: import('amqplib').ConfirmChannel) => Promise<unknown>): Promise<string> {
  const connection = await connect(tracerUrl);
  // The broker's reason arrives as a channel or connection error; the pending call only learns "channel closed".
  let channelError: string | null = null;
  connection.on('error', (e: Error) => (channelError ??= e.message));
  try {
    const channel = await connection.createConfirmChannel();
    channel.on('error', (e: Error) => (channelError = e.message));
    await action(channel);
    return 'allowed';
  } catch (e) {
    return channelError ?? (e instanceof Error ? e.message : String(e));
  } finally {
    await connection.close().catch(() => undefined);
  }
}

test('the tracer user cannot publish to the mirror exchanges', async () => {
  const reason = await refusal(async (channel) => {
    channel.publish('app.events', 'orders.eu.created', Buffer.from('{}'));
    await channel.waitForConfirms();
  });
  expect(reason).toMatch(/403 \(ACCESS-REFUSED\).*exchange 'app.events'.*refused for user 'warren'/);
});

test('the tracer user cannot declare queues other than stomp-subscription-*', async () => {
  expect(await refusal((channel) => channel.assertQueue('warren-not-a-subscription', { autoDelete: true }))).toMatch(/ACCESS_REFUSED/);
  // Its own kind of queue is fine (and bounded by the mirror's policy).
  expect(await refusal((channel) => channel.assertQueue('stomp-subscription-permission-test', { autoDelete: true, exclusive: true }))).toBe('allowed');
});

test('the tracer user may read the history streams and nothing more', async () => {
  const stream = historyQueueName('app.events');
  // Publishing into the stream (through the default exchange, the only way to address a queue) is refused.
  expect(
    await refusal(async (channel) => {
      channel.sendToQueue(stream, Buffer.from('{}'));
      await channel.waitForConfirms();
    }),
  ).toMatch(/403 \(ACCESS-REFUSED\).*refused for user 'warren'/);
  expect(await refusal((channel) => channel.deleteQueue(stream))).toMatch(/ACCESS_REFUSED/);
  // Purging takes only read permission, which the tracer has, but a stream cannot be purged by anyone.
  expect(await refusal((channel) => channel.purgeQueue(stream))).toMatch(/NOT_IMPLEMENTED - queue.purge not supported by stream queues/);
  expect(await refusal((channel) => channel.bindQueue(stream, 'celery', '#'))).toMatch(/ACCESS_REFUSED/);
  // Reading it from any point is what the tracer is for: a stream consumer needs a prefetch and an offset.
  expect(
    await refusal(async (channel) => {
      await channel.prefetch(10);
      const { consumerTag } = await channel.consume(stream, () => undefined, { arguments: { 'x-stream-offset': 'first' } });
      await channel.cancel(consumerTag);
    }),
  ).toBe('allowed');
});
