/**
 * A confirm-channel publisher for the origin broker. Used by the generator CLI,
 * the worker and the e2e tests (which publish their own numbered messages).
 *
 * Two kinds of waiting are kept apart on purpose: `publish` only waits for
 * socket backpressure ('drain'), so a fast loop keeps many messages in flight;
 * `publishConfirmed`/`waitForConfirms` wait for the broker to take
 * responsibility, which is what acking a consumed task or ending a test needs.
 */
import { connect } from 'amqplib';
import type { ChannelModel, ConfirmChannel } from 'amqplib';
import { assertAppExchanges } from './exchanges.ts';
import type { OutgoingMessage } from './message.ts';

export interface PublisherStats {
  /** Handed to the channel. */
  published: number;
  confirmed: number;
  /** Refused by the broker (e.g. a queue's reject-publish overflow); counted, not retried. */
  nacked: number;
  /** Still unconfirmed when the channel closed (the connection died): the broker may or may not have them. */
  unconfirmedAtClose: number;
  /** Times `publish` had to wait for 'drain'. */
  drainWaits: number;
}

export interface Publisher {
  publish(message: OutgoingMessage): Promise<void>;
  /** Publishes and resolves once the broker confirmed this message; rejects on nack. */
  publishConfirmed(message: OutgoingMessage): Promise<void>;
  /** Resolves when every message so far is confirmed; rejects if any was nacked. */
  waitForConfirms(): Promise<void>;
  stats(): PublisherStats;
  /** Waits for outstanding confirms, then closes channel and connection. Safe to call twice. */
  close(): Promise<void>;
  readonly connection: ChannelModel;
}

export interface PublisherOptions {
  /** Declare celery, celery.replies, celeryev and app.events first (default true). */
  assertExchanges?: boolean;
  /** Shown in the management UI's connection list. */
  connectionName?: string;
  /** Called once if the connection or channel fails; later publishes then reject. */
  onFailure?: (error: Error) => void;
}

export async function openPublisher(url: string, options: PublisherOptions = {}): Promise<Publisher> {
  const connection = await connect(url, { clientProperties: { connection_name: options.connectionName ?? 'warren-generator' } });
  let failure: Error | null = null;
  let closing = false;
  const fail = (error: Error): void => {
    if (failure !== null || closing) return;
    failure = error;
    options.onFailure?.(error);
  };
  connection.on('error', fail);
  connection.on('close', () => fail(new Error('connection to the origin broker closed')));

  const channel: ConfirmChannel = await connection.createConfirmChannel();
  channel.on('error', fail);
  channel.on('close', () => fail(new Error('publisher channel closed')));
  if (options.assertExchanges ?? true) await assertAppExchanges(channel);

  const stats: PublisherStats = { published: 0, confirmed: 0, nacked: 0, unconfirmedAtClose: 0, drainWaits: 0 };

  function waitForDrain(): Promise<void> {
    stats.drainWaits++;
    return new Promise((resolve, reject) => {
      const onDrain = (): void => done(null);
      const onClose = (): void => done(failure ?? new Error('channel closed while waiting for drain'));
      const done = (err: Error | null): void => {
        channel.off('drain', onDrain);
        channel.off('close', onClose);
        if (err === null) resolve();
        else reject(err);
      };
      channel.on('drain', onDrain);
      channel.on('close', onClose);
    });
  }

  function send(message: OutgoingMessage, onConfirm: (err: unknown) => void): boolean {
    if (failure !== null) throw failure;
    const ok = channel.publish(message.exchange, message.routingKey, message.content, message.options, (err: unknown) => {
      if (err === null || err === undefined) stats.confirmed++;
      // amqplib fails every pending confirm with 'channel closed' when the channel goes; a real nack says 'message nacked'.
      else if (failure !== null || (err instanceof Error && err.message === 'channel closed')) stats.unconfirmedAtClose++;
      else stats.nacked++;
      onConfirm(err);
    });
    stats.published++;
    return ok;
  }

  let closed: Promise<void> | null = null;
  return {
    connection,
    async publish(message) {
      if (!send(message, () => undefined)) await waitForDrain();
    },
    publishConfirmed(message) {
      return new Promise<void>((resolve, reject) => {
        const ok = send(message, (err) => (err === null || err === undefined ? resolve() : reject(new Error(`broker nacked ${message.exchange}/${message.routingKey}`))));
        if (!ok) waitForDrain().catch(reject);
      });
    },
    waitForConfirms: () => channel.waitForConfirms(),
    stats: () => ({ ...stats }),
    close() {
      closed ??= (async () => {
        closing = true;
        if (failure === null) {
          await channel.waitForConfirms().catch(() => undefined);
          await channel.close().catch(() => undefined);
        }
        await connection.close().catch(() => undefined);
      })();
      return closed;
    },
  };
}

/** Opens a publisher, runs `fn` with it, and closes it (waiting for confirms) whatever happens. */
export async function withPublisher<T>(url: string, connectionName: string, fn: (publisher: Publisher) => Promise<T>): Promise<T> {
  const publisher = await openPublisher(url, { connectionName });
  try {
    return await fn(publisher);
  } finally {
    await publisher.close();
  }
}
