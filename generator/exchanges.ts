/**
 * The exchanges the app's producers and workers declare themselves, the way a
 * real Celery/microservice deployment does on start-up. The arguments must
 * equal the stack's (topic, durable, not auto-delete): a mismatch makes the
 * broker close the channel with 406 PRECONDITION_FAILED.
 */
import type { Channel } from 'amqplib';

/** Celery tasks; routing key = queue name. */
export const CELERY_EXCHANGE = 'celery';
/**
 * RPC results. Celery replies through the default exchange "", which cannot be
 * bound or shovelled; routing them through this named exchange makes them
 * traceable on the mirror.
 */
export const REPLIES_EXCHANGE = 'celery.replies';
/** Celery monitoring events; routing key = event type with '-' → '.'. */
export const EVENTS_EXCHANGE = 'celeryev';
/** Domain events and the awkward payloads. */
export const APP_EVENTS_EXCHANGE = 'app.events';

export const APP_EXCHANGES = [CELERY_EXCHANGE, REPLIES_EXCHANGE, EVENTS_EXCHANGE, APP_EVENTS_EXCHANGE] as const;

export async function assertAppExchanges(channel: Channel, names: readonly string[] = APP_EXCHANGES): Promise<void> {
  for (const name of names) {
    await channel.assertExchange(name, 'topic', { durable: true, autoDelete: false });
  }
}
