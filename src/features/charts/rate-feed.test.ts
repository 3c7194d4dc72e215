import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateReader, RateRecorder } from '../../rates/index.ts';
import { RateFeed } from './rate-feed.ts';

const T0 = 1_700_000_000_000;

describe('RateFeed', () => {
  let clock = T0;
  let rates: RateRecorder;
  let feed: RateFeed;
  const record = (n: number) => {
    for (let i = 0; i < n; i++) rates.record({ receivedAt: clock, size: 1, subscriptionId: 's', exchange: 'x', routingKey: 'k' });
  };

  beforeEach(() => {
    vi.useFakeTimers();
    clock = T0;
    rates = new RateRecorder();
    feed = new RateFeed(new RateReader(rates), { breakdown: 'key', depth: 'full' }, () => clock);
  });
  afterEach(() => vi.useRealTimers());

  it('re-reads just after each second while listened to, not per message', () => {
    const listener = vi.fn();
    const unsubscribe = feed.subscribe(listener);
    expect(listener).toHaveBeenCalledTimes(1); // caught up on subscribe
    record(1000);
    expect(feed.getSnapshot().totalMessages).toBe(0);
    vi.advanceTimersByTime(1000 - (T0 % 1000) + 19);
    expect(listener).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(feed.getSnapshot().totalMessages).toBe(1000);
    unsubscribe();
    vi.advanceTimersByTime(5000);
    expect(listener).toHaveBeenCalledTimes(2); // closed panel: no reads
  });

  it('freezes with pause while counting continues, and catches up on resume', () => {
    feed.subscribe(() => {});
    record(10);
    vi.advanceTimersByTime(1100);
    feed.setFrozenAt(clock);
    const frozen = feed.getSnapshot();
    clock += 3000;
    record(5);
    vi.advanceTimersByTime(3000);
    expect(feed.getSnapshot()).toBe(frozen);
    expect(frozen.totalMessages).toBe(10);
    feed.setFrozenAt(null);
    expect(feed.getSnapshot().totalMessages).toBe(15);
    expect(feed.getSnapshot().endSecond).toBe(Math.floor(clock / 1000));
  });

  it('keeps the frozen window when the breakdown changes while paused', () => {
    feed.subscribe(() => {});
    record(4);
    feed.setFrozenAt(clock);
    clock += 10_000;
    feed.configure({ breakdown: 'exchange', depth: 'full' });
    expect(feed.getSnapshot()).toMatchObject({ breakdown: 'exchange', endSecond: Math.floor(T0 / 1000), totalMessages: 4 });
  });

  it('reads nothing while the page is hidden, and catches up at once when shown', () => {
    const listener = vi.fn();
    feed.subscribe(listener);
    feed.setSuspended(true);
    record(7);
    vi.advanceTimersByTime(5000);
    expect(listener).toHaveBeenCalledTimes(1); // only the subscribe's catch-up
    clock += 5000;
    feed.setSuspended(false);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(feed.getSnapshot().totalMessages).toBe(7);
    vi.advanceTimersByTime(1100);
    expect(listener).toHaveBeenCalledTimes(3); // reading once a second again
  });

  it('reads less often on a longer interval (nobody attends the page), and at once when it is shortened again', () => {
    const listener = vi.fn();
    feed.subscribe(listener);
    feed.setIntervalMs(5000);
    expect(listener).toHaveBeenCalledTimes(1); // a longer interval reads nothing now
    vi.advanceTimersByTime(4000);
    expect(listener).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1100);
    expect(listener).toHaveBeenCalledTimes(2);
    record(3);
    feed.setIntervalMs(1000);
    expect(listener).toHaveBeenCalledTimes(3); // attention back: at once
    expect(feed.getSnapshot().totalMessages).toBe(3);
    vi.advanceTimersByTime(1030);
    expect(listener).toHaveBeenCalledTimes(4);
  });
});
