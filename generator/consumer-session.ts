/**
 * One connection of a consuming service (the worker, the RPC service): a
 * confirm-channel publisher for what it emits, and a second channel that
 * declares its queues, binds them and consumes. Reopened whole by a Keeper
 * (reconnect.ts) when any part fails: unacked deliveries of the dead channel
 * go back to their queue, so nothing is lost but work is redone.
 */
import type { Channel, ConsumeMessage, Options } from 'amqplib';
import { openPublisher } from './publisher.ts';
import type { Publisher } from './publisher.ts';
import { firstFailure } from './reconnect.ts';
import type { Session } from './reconnect.ts';

export interface QueueSpec {
  name: string;
  options: Options.AssertQueue;
  bindings: { exchange: string; key: string }[];
}

export interface ConsumerSession extends Session {
  readonly publisher: Publisher;
  readonly channel: Channel;
  /** Stops new deliveries; those already handed over still finish. */
  cancel(): Promise<void>;
}

export interface ConsumerSessionOptions {
  url: string;
  connectionName: string;
  prefetch: number;
  queues: QueueSpec[];
  onMessage: (msg: ConsumeMessage, session: ConsumerSession) => void;
  /** The broker cancelled a consumer (queue deleted): worth a log line, not a reconnect. */
  onCancelled: (queue: string) => void;
}

export async function openConsumerSession(options: ConsumerSessionOptions): Promise<ConsumerSession> {
  let publisherFailed: (e: Error) => void = () => undefined;
  const publisherLost = new Promise<Error>((resolve) => (publisherFailed = resolve));
  const publisher = await openPublisher(options.url, { connectionName: options.connectionName, onFailure: (e) => publisherFailed(e) });
  try {
    const channel = await publisher.connection.createChannel();
    const lost = Promise.race([publisherLost, firstFailure([channel], 'consumer channel')]);
    await channel.prefetch(options.prefetch);
    for (const queue of options.queues) {
      await channel.assertQueue(queue.name, queue.options);
      for (const b of queue.bindings) await channel.bindQueue(queue.name, b.exchange, b.key);
    }
    const tags: string[] = [];
    const session: ConsumerSession = {
      publisher,
      channel,
      lost,
      async cancel() {
        for (const tag of tags) await channel.cancel(tag).catch(() => undefined);
      },
      close: () => publisher.close(),
    };
    for (const queue of options.queues) {
      const { consumerTag } = await channel.consume(queue.name, (msg) => {
        if (msg === null) options.onCancelled(queue.name);
        else options.onMessage(msg, session);
      });
      tags.push(consumerTag);
    }
    return session;
  } catch (error) {
    await publisher.close().catch(() => undefined);
    throw error;
  }
}
