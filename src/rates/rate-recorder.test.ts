import { describe, expect, it } from 'vitest';
import { RateRecorder } from './rate-recorder.ts';
import type { RateSample } from './rate-bucket.ts';

const T0 = 1_700_000_000; // an epoch second

function sample(second: number, routingKey: string, overrides: Partial<RateSample> = {}): RateSample {
  return { receivedAt: second * 1000 + 500, size: 10, subscriptionId: 'sub-1', exchange: 'app.events', routingKey, ...overrides };
}

describe('RateRecorder', () => {
  it('counts messages and bytes into the second they arrived in', () => {
    const rates = new RateRecorder();
    rates.record({ ...sample(T0, 'a'), receivedAt: T0 * 1000 });
    rates.record({ ...sample(T0, 'a'), receivedAt: T0 * 1000 + 999, size: 5 });
    rates.record({ ...sample(T0, 'b'), receivedAt: T0 * 1000 + 1000 });
    expect(rates.bucketAt(T0)).toMatchObject({ messages: 2, bytes: 15 });
    expect(rates.bucketAt(T0 + 1)).toMatchObject({ messages: 1, bytes: 10 });
    expect(rates.bucketAt(T0 + 2)).toBeUndefined();
    expect(rates.newestSecond).toBe(T0 + 1);
  });

  it('tallies a key per (exchange, subscription) so every breakdown stays exact', () => {
    const rates = new RateRecorder();
    rates.record(sample(T0, 'k'));
    rates.record(sample(T0, 'k'));
    rates.record(sample(T0, 'k', { exchange: 'other' }));
    rates.record(sample(T0, 'k', { subscriptionId: 'sub-2' }));
    const head = rates.bucketAt(T0)?.byKey.get('k');
    const tallies = [];
    for (let t = head ?? null; t !== null; t = t.next) tallies.push([t.exchange, t.subscriptionId, t.count]);
    expect(tallies.sort()).toEqual([
      ['app.events', 'sub-1', 2],
      ['app.events', 'sub-2', 1],
      ['other', 'sub-1', 1],
    ]);
  });

  it('keeps five minutes: a second leaves when its slot is reused 300 s later', () => {
    const rates = new RateRecorder();
    rates.record(sample(T0, 'a'));
    rates.record(sample(T0 + 299, 'a'));
    expect(rates.bucketAt(T0)?.messages).toBe(1);
    rates.record(sample(T0 + 300, 'a'));
    expect(rates.bucketAt(T0)).toBeUndefined();
    expect(rates.bucketAt(T0 + 300)?.messages).toBe(1);
  });

  it('bounds per-key state per second; keys beyond it still count by exchange and subscription', () => {
    const rates = new RateRecorder({ maxKeysPerSecond: 3 });
    for (let i = 0; i < 10; i++) rates.record(sample(T0, `k${i}`, { exchange: i % 2 === 0 ? 'even' : 'odd' }));
    rates.record(sample(T0, 'k0', { exchange: 'even' })); // a known key still counts by key
    const bucket = rates.bucketAt(T0);
    expect(bucket?.messages).toBe(11);
    expect(bucket?.byKey.size).toBe(3);
    expect(bucket?.unkeyed).toBe(7);
    expect(bucket?.byKey.get('k0')?.count).toBe(2);
    expect(bucket?.overflow.get('even')?.count).toBe(3); // k4, k6, k8
    expect(bucket?.overflow.get('odd')?.count).toBe(4); // k3, k5, k7, k9
  });

  it('counts a late message in its own second while that second is in the ring', () => {
    const rates = new RateRecorder();
    rates.record(sample(T0 + 10, 'a'));
    rates.record(sample(T0 + 5, 'a'));
    rates.record(sample(T0 + 10, 'a'));
    expect(rates.bucketAt(T0 + 5)?.messages).toBe(1);
    expect(rates.bucketAt(T0 + 10)?.messages).toBe(2);
  });

  it('counts a message from before the ring (clock stepped back) in the newest second, so no count is lost', () => {
    const rates = new RateRecorder();
    rates.record(sample(T0 + 1000, 'a'));
    rates.record(sample(T0, 'a'));
    rates.record(sample(T0 + 1000, 'a'));
    expect(rates.bucketAt(T0 + 1000)?.messages).toBe(3);
    expect(rates.bucketAt(T0)).toBeUndefined();
  });

  it('stays exact across tally batches, second changes and reads in between', () => {
    const rates = new RateRecorder();
    for (let i = 0; i < 1000; i++) rates.record(sample(T0, `k${i % 3}`));
    expect(rates.bucketAt(T0)?.byKey.get('k0')?.count).toBe(334); // read mid-second
    for (let i = 0; i < 700; i++) rates.record(sample(T0, `k${i % 3}`));
    for (let i = 0; i < 300; i++) rates.record(sample(T0 + 1, 'k0'));
    const counts = (second: number) => [...(rates.bucketAt(second)?.byKey ?? [])].map(([k, t]) => [k, t.count]);
    expect(counts(T0)).toEqual([['k0', 334 + 234], ['k1', 333 + 233], ['k2', 333 + 233]]);
    expect(counts(T0 + 1)).toEqual([['k0', 300]]);
  });

  it('rejects nonsense sizes', () => {
    expect(() => new RateRecorder({ seconds: 0 })).toThrow(RangeError);
    expect(() => new RateRecorder({ maxKeysPerSecond: 1.5 })).toThrow(RangeError);
  });

  it('clear() forgets every count, and a history older than before is counted in its own seconds', () => {
    const rates = new RateRecorder();
    rates.record(sample(T0, 'a'));
    rates.clear();
    expect(rates.bucketAt(T0)).toBeUndefined();
    expect(rates.newestSecond).toBe(-1);
    // A rewind refills seconds long before the newest one counted until now.
    rates.record(sample(T0 - 900, 'old'));
    rates.record(sample(T0 - 899, 'old'));
    expect(rates.bucketAt(T0 - 900)).toMatchObject({ messages: 1 });
    expect(rates.bucketAt(T0 - 899)).toMatchObject({ messages: 1 });
    expect(rates.newestSecond).toBe(T0 - 899);
  });
});
