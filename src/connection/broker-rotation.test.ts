import { describe, expect, it } from 'vitest';
import { BrokerRotation, SETTLED_CONNECTION_MS } from './broker-rotation.ts';

describe('BrokerRotation', () => {
  it('with one URL: the plain doubling backoff, capped, and back to the initial delay after a connection', () => {
    const rotation = new BrokerRotation(['ws://a/ws'], 500, 4_000);
    const delays = Array.from({ length: 6 }, () => rotation.failed());
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 4_000, 4_000]);
    expect(rotation.current).toEqual({ url: 'ws://a/ws', index: 0, count: 1 });
    rotation.connected();
    expect(rotation.failed()).toBe(500);
  });

  it('with three URLs: round robin, the delay doubling once per full round of failures', () => {
    const rotation = new BrokerRotation(['ws://a/ws', 'ws://b/ws', 'ws://c/ws'], 500, 4_000);
    expect(rotation.current.index).toBe(0);
    const steps = Array.from({ length: 9 }, () => [rotation.failed(), rotation.current.index]);
    expect(steps).toEqual([
      [500, 1], [500, 2], [500, 0],
      [1_000, 1], [1_000, 2], [1_000, 0],
      [2_000, 1], [2_000, 2], [2_000, 0],
    ]);
  });

  it('a connection lost after a long outage moves to the next node after the initial delay', () => {
    const rotation = new BrokerRotation(['ws://a/ws', 'ws://b/ws'], 500, 4_000);
    for (let i = 0; i < 10; i++) rotation.failed();
    expect(rotation.current.index).toBe(0);
    rotation.connected();
    expect(rotation.failed()).toBe(500);
    expect(rotation.current).toEqual({ url: 'ws://b/ws', index: 1, count: 2 });
  });

  it('with several URLs, a settled connection lost moves to the next node at once; one lost soon after connecting waits as usual', () => {
    let now = 0;
    const rotation = new BrokerRotation(['ws://a/ws', 'ws://b/ws', 'ws://c/ws'], 500, 4_000, () => now);
    rotation.connected();
    now += SETTLED_CONNECTION_MS;
    expect(rotation.failed()).toBe(0);
    expect(rotation.current.index).toBe(1);
    expect(rotation.failed()).toBe(500); // the next node refused too: the usual backoff
    rotation.connected();
    now += 200; // accepted, then dropped at once: no tight loop
    expect(rotation.failed()).toBe(500);
    // One URL: nowhere else to go at once.
    const single = new BrokerRotation(['ws://a/ws'], 500, 4_000, () => now);
    single.connected();
    now += 60_000;
    expect(single.failed()).toBe(500);
  });

  it('refuses an empty list', () => {
    expect(() => new BrokerRotation([], 500, 4_000)).toThrow(/at least one URL/);
  });
});
