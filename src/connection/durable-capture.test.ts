import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CumulativeAcker, DURABLE_PREFETCH, durableQueueName, durableSubscribeHeaders } from './durable-capture.ts';

/** An acker whose ACK frames are the numbers in their ids. */
function ackerInto(acks: number[]): CumulativeAcker {
  return new CumulativeAcker((id, subscription) => {
    expect(subscription).toBe('sub-1');
    acks.push(Number(id.slice(2)));
  });
}

describe('durable capture', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('names the queue inside the tracer user\'s permissions and the bounding policy', () => {
    const name = durableQueueName('abc123', '/exchange/app.events/#');
    expect(name).toMatch(/^stomp-subscription-warren-abc123-[0-9a-f]{8}$/);
    expect(durableQueueName('abc123', '/exchange/app.events/#')).toBe(name);
    expect(durableQueueName('abc123', '/exchange/app.events/orders.#')).not.toBe(name);
    expect(durableSubscribeHeaders(name)).toMatchObject({ durable: 'true', 'auto-delete': 'false', 'x-queue-name': name, ack: 'client' });
  });

  it('a quorum queue (cluster) gets x-queue-type quorum and a name of its own, never a classic queue\'s', () => {
    const classic = durableQueueName('abc123', '/exchange/app.events/#');
    const quorum = durableQueueName('abc123', '/exchange/app.events/#', true);
    expect(quorum).toMatch(/^stomp-subscription-warren-q-abc123-[0-9a-f]{8}$/);
    expect(quorum).not.toBe(classic);
    expect(durableSubscribeHeaders(quorum, true)).toEqual({
      'x-queue-type': 'quorum',
      durable: 'true',
      'auto-delete': 'false',
      'x-queue-name': quorum,
      'x-expires': '60000',
      ack: 'client',
      'prefetch-count': '2000',
    });
    expect(durableSubscribeHeaders(classic)).not.toHaveProperty('x-queue-type');
  });

  it('acks only the newest message of a batch (cumulative), on a timer', () => {
    const acks: number[] = [];
    const acker = ackerInto(acks);
    for (let i = 1; i <= 10; i++) acker.received(`T_${i}`, 'sub-1');
    expect(acks).toEqual([]);
    vi.advanceTimersByTime(150);
    expect(acks).toEqual([10]);
  });

  it('acks at half the prefetch window without waiting for the timer', () => {
    const acks: number[] = [];
    const acker = ackerInto(acks);
    for (let i = 1; i <= DURABLE_PREFETCH / 2; i++) acker.received(`T_${i}`, 'sub-1');
    expect(acks).toEqual([DURABLE_PREFETCH / 2]);
  });

  it('does not ack a message without an ack header', () => {
    const acks: number[] = [];
    const acker = ackerInto(acks);
    acker.received('', 'sub-1');
    vi.advanceTimersByTime(500);
    expect(acks).toEqual([]);
  });

  it('drops pending acks when the connection is gone', () => {
    const acks: number[] = [];
    const acker = ackerInto(acks);
    acker.received('T_1', 'sub-1');
    acker.drop();
    vi.advanceTimersByTime(500);
    expect(acks).toEqual([]);
  });
});
