/**
 * The publishing half of `warren replay`: one confirm channel, `mandatory`
 * set so unroutable messages come back and are counted, a bounded number of
 * messages in flight, and the capture's pacing scaled by the speed.
 */
import { connect, type ChannelModel, type ConfirmChannel } from 'amqplib';
import type { Publication } from './amqp-message.ts';

export interface ReplayStats {
  published: number;
  confirmed: number;
  nacked: number;
  /** Returned by the broker: no queue was bound for the routing key. */
  unroutable: number;
}

/** Unconfirmed messages allowed before waiting for confirms. */
const MAX_IN_FLIGHT = 2000;

export interface ReplayPublisher {
  publish(publication: Publication): Promise<void>;
  /** Waits for every confirm, then closes. */
  close(): Promise<void>;
  readonly stats: ReplayStats;
  /** Why the channel or connection failed, or null. */
  readonly failure: Error | null;
}

export async function openReplayPublisher(url: string): Promise<ReplayPublisher> {
  const connection: ChannelModel = await connect(url, { clientProperties: { connection_name: 'warren-replay' } });
  const stats: ReplayStats = { published: 0, confirmed: 0, nacked: 0, unroutable: 0 };
  let failure: Error | null = null;
  let closing = false;
  let wake: (() => void) | null = null;
  const wakeUp = (): void => {
    const resume = wake;
    wake = null;
    resume?.();
  };
  const fail = (error: Error): void => {
    if (failure === null && !closing) failure = error;
    wakeUp();
  };
  connection.on('error', fail);
  connection.on('close', () => fail(new Error('the connection closed')));
  const channel: ConfirmChannel = await connection.createConfirmChannel();
  channel.on('error', fail);
  channel.on('close', () => fail(new Error('the channel closed')));
  channel.on('return', () => stats.unroutable++);
  channel.on('drain', wakeUp);

  const settle = (error: unknown): void => {
    if (error) stats.nacked++;
    else stats.confirmed++;
    wakeUp();
  };
  const waitFor = async (ready: () => boolean): Promise<void> => {
    while (!ready() && failure === null) await new Promise<void>((resolve) => (wake = resolve));
    if (failure !== null) throw failure;
  };
  const inFlight = (): number => stats.published - stats.confirmed - stats.nacked;

  return {
    stats,
    get failure() {
      return failure;
    },
    async publish(p) {
      await waitFor(() => inFlight() < MAX_IN_FLIGHT);
      stats.published++;
      const accepted = channel.publish(p.exchange, p.routingKey, p.content, p.options, settle);
      if (!accepted) {
        let drained = false;
        channel.once('drain', () => (drained = true));
        await waitFor(() => drained);
      }
    },
    async close() {
      try {
        await waitFor(() => inFlight() === 0);
      } finally {
        closing = true;
        await connection.close().catch(() => undefined);
      }
    },
  };
}

/**
 * Waits before each message so that it leaves `(receivedAt − first receivedAt) / speed`
 * after the first one; a message already late goes at once. `speed` null: no waiting.
 */
export class Pacer {
  private firstAt: number | null = null;
  private startedAt = 0;

  constructor(private readonly speed: number | null) {}

  async wait(receivedAt: number): Promise<void> {
    if (this.speed === null) return;
    if (this.firstAt === null) {
      this.firstAt = receivedAt;
      this.startedAt = performance.now();
      return;
    }
    const due = this.startedAt + (receivedAt - this.firstAt) / this.speed;
    const delay = due - performance.now();
    if (delay >= 1) await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/** `1x`, `2x`, `0.5x` (the x optional) or `max`; null stands for max. */
export function parseSpeed(text: string): number | null {
  if (text === 'max') return null;
  const match = /^([0-9]+(?:\.[0-9]+)?)x?$/.exec(text);
  const speed = match ? Number(match[1]) : NaN;
  if (!(speed > 0)) throw new Error(`--speed ${text}: expected 1x, 2x, 0.5x … or max`);
  return speed;
}
