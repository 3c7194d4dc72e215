import { connect } from 'amqplib';
import { expect, test } from '@playwright/test';
import { amqpUrl, loadStackConfig } from '../stack/config.ts';

/** The tracer user is read-only on the mirror: the broker itself refuses anything else. */
const config = loadStackConfig();
const tracerUrl = amqpUrl(config.mirror, config.tracer);

async function refusal(action: (channel: import('amqplib').ConfirmChannel) => Promise<unknown>): Promise<string> {
  const connection = await connect(tracerUrl);
  connection.on('error', () => undefined);
  // The broker's reason arrives as a channel error; the pending call only learns "channel closed".
  let channelError: string | null = null;
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
