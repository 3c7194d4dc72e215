/**
 * Publishing the bench's traffic on the ORIGIN, so every message goes through
 * the real shovel to the mirror: as fast as the confirm-channel publisher's
 * backpressure allows, or at a steady rate.
 */
import { withPublisher, type Publisher } from '../generator/publisher.ts';
import { originUrl } from '../generator/origin-url.ts';
import type { OutgoingMessage } from '../generator/message.ts';
import { ratePerSecond, sleep } from './stats.ts';

export interface PublishResult {
  count: number;
  /** Epoch ms of the first publish and of the last one handed to the socket. */
  startedAt: number;
  endedAt: number;
  /** Epoch ms when the broker had confirmed every message. */
  confirmedAt: number;
  /** Handed to the socket, msg/s. */
  rate: number;
  /** Confirmed by the origin, msg/s. */
  confirmedRate: number;
  drainWaits: number;
  nacked: number;
}

export const withBenchPublisher = <T>(fn: (publisher: Publisher) => Promise<T>): Promise<T> => withPublisher(originUrl(), 'warren-bench', fn);

async function finish(publisher: Publisher, count: number, startedAt: number, endedAt: number): Promise<PublishResult> {
  await publisher.waitForConfirms();
  const confirmedAt = Date.now();
  const stats = publisher.stats();
  return {
    count,
    startedAt,
    endedAt,
    confirmedAt,
    rate: ratePerSecond(count, endedAt - startedAt),
    confirmedRate: ratePerSecond(count, confirmedAt - startedAt),
    drainWaits: stats.drainWaits,
    nacked: stats.nacked,
  };
}

/** Publishes messages 1..n back to back, waiting only for socket backpressure ('drain'). */
export function publishBurst(n: number, make: (seq: number) => OutgoingMessage): Promise<PublishResult> {
  return withBenchPublisher(async (publisher) => {
    const startedAt = Date.now();
    for (let seq = 1; seq <= n; seq++) await publisher.publish(make(seq));
    return finish(publisher, n, startedAt, Date.now());
  });
}

/**
 * Publishes at `rate` msg/s for `seconds`: every few ms, whatever the schedule
 * says is due. `make` gets the seq and the epoch ms it is published at.
 */
export function publishPaced(rate: number, seconds: number, make: (seq: number, sentAt: number) => OutgoingMessage): Promise<PublishResult> {
  return withBenchPublisher(async (publisher) => {
    const total = Math.round(rate * seconds);
    const startedAt = Date.now();
    let seq = 0;
    while (seq < total) {
      const due = Math.min(total, Math.floor(((Date.now() - startedAt) * rate) / 1000) + 1);
      while (seq < due) {
        seq++;
        await publisher.publish(make(seq, Date.now()));
      }
      await sleep(2);
    }
    return finish(publisher, total, startedAt, Date.now());
  });
}
