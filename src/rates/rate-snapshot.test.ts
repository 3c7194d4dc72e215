import { describe, expect, it } from 'vitest';
import { RateRecorder } from './rate-recorder.ts';
import { RateReader, type RateSnapshot } from './rate-snapshot.ts';

const T0 = 1_700_000_000;
const END = T0 + 299; // a window T0..T0+299

function recordMany(rates: RateRecorder, second: number, routingKey: string, count: number, exchange = 'app.events', subscriptionId = 'sub-1'): void {
  for (let i = 0; i < count; i++) rates.record({ receivedAt: second * 1000 + (i % 1000), size: 100, subscriptionId, exchange, routingKey });
}

const byValue = (snapshot: RateSnapshot) => Object.fromEntries(snapshot.series.map((s) => [`${s.kind}:${s.value}`, s.total]));
const at = (snapshot: RateSnapshot, second: number) => second - snapshot.startSecond;

/** Every second's stack adds up to that second's exact total. */
function expectStacksAddUp(snapshot: RateSnapshot): void {
  snapshot.messages.forEach((total, i) => expect(snapshot.series.reduce((n, s) => n + (s.counts[i] ?? 0), 0)).toBe(total));
}

describe('RateReader.snapshot', () => {
  it('puts each burst in its series and second, exactly', () => {
    const rates = new RateRecorder();
    recordMany(rates, T0 + 100, 'run.burst.a', 200);
    recordMany(rates, T0 + 101, 'run.burst.a', 100);
    recordMany(rates, T0 + 101, 'run.burst.b', 100);
    const snapshot = new RateReader(rates).snapshot({ endSecond: END, breakdown: 'key', depth: 'full' });
    expect(snapshot.startSecond).toBe(T0);
    expect(snapshot.messages).toHaveLength(300);
    expect(byValue(snapshot)).toEqual({ 'key:run.burst.a': 300, 'key:run.burst.b': 100 });
    const a = snapshot.series[0];
    expect(a?.counts[at(snapshot, T0 + 100)]).toBe(200);
    expect(a?.counts[at(snapshot, T0 + 101)]).toBe(100);
    expect(snapshot.totalMessages).toBe(400);
    expect(snapshot.totalBytes).toBe(40_000);
    expectStacksAddUp(snapshot);
  });

  it('shows the top 8 by total and the rest as "other"', () => {
    const rates = new RateRecorder();
    for (let k = 0; k < 12; k++) recordMany(rates, T0 + 5, `key${String(k).padStart(2, '0')}`, 100 - k);
    const snapshot = new RateReader(rates).snapshot({ endSecond: END, breakdown: 'key', depth: 'full' });
    expect(snapshot.series.map((s) => s.value)).toEqual(['key00', 'key01', 'key02', 'key03', 'key04', 'key05', 'key06', 'key07', '']);
    expect(snapshot.series[8]).toMatchObject({ kind: 'other', total: 92 + 91 + 90 + 89 });
    expectStacksAddUp(snapshot);
  });

  it('groups by the first N words at read time', () => {
    const rates = new RateRecorder();
    recordMany(rates, T0, 'orders.eu.created', 3);
    recordMany(rates, T0, 'orders.us.created', 2);
    recordMany(rates, T0, 'orders', 1);
    recordMany(rates, T0, 'users.signup', 4);
    const reader = new RateReader(rates);
    expect(byValue(reader.snapshot({ endSecond: END, breakdown: 'key', depth: 1 }))).toEqual({ 'key-prefix:orders': 6, 'key-prefix:users': 4 });
    expect(byValue(reader.snapshot({ endSecond: END, breakdown: 'key', depth: 2 }))).toEqual({
      'key-prefix:orders.eu': 3,
      'key-prefix:orders.us': 2,
      'key:orders': 1,
      'key:users.signup': 4, // a group whose only member is the prefix itself is that key
    });
  });

  it('breaks down by exchange and subscription exactly, even past the key budget', () => {
    const rates = new RateRecorder({ maxKeysPerSecond: 2 });
    for (let k = 0; k < 10; k++) recordMany(rates, T0, `k${k}`, 3, k < 5 ? 'ex.a' : 'ex.b', k % 2 === 0 ? 'sub-1' : 'sub-2');
    const reader = new RateReader(rates);
    expect(byValue(reader.snapshot({ endSecond: END, breakdown: 'exchange', depth: 1 }))).toEqual({ 'exchange:ex.a': 15, 'exchange:ex.b': 15 });
    expect(byValue(reader.snapshot({ endSecond: END, breakdown: 'subscription', depth: 1 }))).toEqual({ 'subscription:sub-1': 15, 'subscription:sub-2': 15 });
    const byKey = reader.snapshot({ endSecond: END, breakdown: 'key', depth: 'full' });
    expect(byKey.unkeyed).toBe(24);
    expect(byValue(byKey)).toEqual({ 'key:k0': 3, 'key:k1': 3, 'other:': 24 });
  });

  it('reads only the window that ends at endSecond', () => {
    const rates = new RateRecorder();
    recordMany(rates, T0, 'old', 5);
    recordMany(rates, T0 + 400, 'new', 7);
    const reader = new RateReader(rates);
    expect(reader.snapshot({ endSecond: T0 + 400, breakdown: 'key', depth: 'full' }).totalMessages).toBe(7);
    // T0 is still in the ring: T0+400 reused the slot of T0+100, not T0's.
    expect(reader.snapshot({ endSecond: T0 + 10, breakdown: 'key', depth: 'full' }).totalMessages).toBe(5);
    expect(reader.snapshot({ endSecond: T0 - 1, breakdown: 'key', depth: 'full' }).totalMessages).toBe(0);
  });

  it('stays bounded with 10,000 distinct keys: 8 series plus other, exact totals', () => {
    const rates = new RateRecorder();
    for (let k = 0; k < 10_000; k++) recordMany(rates, T0 + (k % 3), `tenant${k % 40}.item.${k}`, k === 77 ? 50 : 1);
    const reader = new RateReader(rates);
    const full = reader.snapshot({ endSecond: END, breakdown: 'key', depth: 'full' });
    expect(full.series).toHaveLength(9);
    expect(full.totalMessages).toBe(10_049);
    expect(full.series[0]).toMatchObject({ value: 'tenant37.item.77', total: 50 });
    expectStacksAddUp(full);
    const grouped = reader.snapshot({ endSecond: END, breakdown: 'key', depth: 1 });
    expect(grouped.series).toHaveLength(9);
    expectStacksAddUp(grouped);
  });

  it('breaks ties by name, so the series order does not flicker', () => {
    const rates = new RateRecorder();
    for (const key of ['c', 'a', 'b']) recordMany(rates, T0, key, 1);
    const snapshot = new RateReader(rates).snapshot({ endSecond: END, breakdown: 'key', depth: 'full', topN: 2 });
    expect(snapshot.series.map((s) => s.value)).toEqual(['a', 'b', '']);
  });
});
