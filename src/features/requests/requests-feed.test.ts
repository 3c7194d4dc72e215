import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RequestRow } from '../../conversations/index.ts';
import { RequestsFeed, type RequestSource } from './requests-feed.ts';

/** A conversation index stand-in: rows, a version, timeouts expired by the test's clock. */
class FakeSource implements RequestSource {
  version = 0;
  timeoutMs = 30_000;
  answersWithoutRequest = 0;
  reads = 0;
  readonly rows = [new RequestRow('celery', 'add'), new RequestRow('rpc', 'rpc.quote')];
  /** When the one pending request of 'add' times out. */
  pendingUntil = Infinity;

  requestRows(now?: number): RequestRow[] {
    this.reads++;
    this.expire(now);
    return this.rows;
  }

  expire(now = 0): void {
    const add = this.rows[0]!;
    if (add.pending > 0 && now >= this.pendingUntil) {
      add.pending--;
      add.timedOut++;
      this.version++;
    }
  }

  setTimeoutMs(ms: number): void {
    this.timeoutMs = ms;
    this.version++;
  }
}

describe('RequestsFeed', () => {
  let source: FakeSource;
  let feed: RequestsFeed;

  beforeEach(() => {
    vi.useFakeTimers();
    source = new FakeSource();
    // The fake timers move Date.now too: the feed's clock and its timer go together.
    feed = new RequestsFeed(source, () => Date.now());
  });
  afterEach(() => vi.useRealTimers());

  it('reads on open, then at most once a second and only when the index changed', () => {
    const listener = vi.fn();
    const close = feed.subscribe(listener);
    expect(source.reads).toBe(1);
    expect(feed.getSnapshot().rows.map((r) => r.name)).toEqual(['add', 'rpc.quote']);
    vi.advanceTimersByTime(5000);
    expect(source.reads).toBe(1); // nothing changed
    source.rows[0]!.count = 3;
    source.version++;
    source.version++;
    vi.advanceTimersByTime(999);
    expect(source.reads).toBe(1);
    vi.advanceTimersByTime(1);
    expect(source.reads).toBe(2);
    expect(feed.getSnapshot().rows[0]!.count).toBe(3);
    close();
    source.version++;
    vi.advanceTimersByTime(5000);
    expect(source.reads).toBe(2); // closed: no reads
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('keeps an unchanged row’s summary object', () => {
    feed.subscribe(() => {});
    const [add, quote] = feed.getSnapshot().rows;
    source.rows[1]!.count = 1;
    source.version++;
    vi.advanceTimersByTime(1000);
    expect(feed.getSnapshot().rows[0]).toBe(add);
    expect(feed.getSnapshot().rows[1]).not.toBe(quote);
  });

  it('re-checks timeouts while a request is pending, without re-reading when none expired', () => {
    source.rows[0]!.count = 1;
    source.rows[0]!.pending = 1;
    source.pendingUntil = Date.now() + 2500;
    feed.subscribe(() => {});
    vi.advanceTimersByTime(2000);
    expect(source.reads).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(source.reads).toBe(2);
    expect(feed.getSnapshot().rows[0]).toMatchObject({ pending: 0, timedOut: 1 });
  });

  it('reads nothing while hidden, and catches up at once when shown', () => {
    feed.subscribe(() => {});
    feed.setHidden(true);
    source.version++;
    vi.advanceTimersByTime(10_000);
    expect(source.reads).toBe(1);
    feed.setHidden(false);
    expect(source.reads).toBe(2);
  });

  it('draws the selected row only, and re-reads at once for a new timeout', () => {
    source.rows[1]!.latency.record(40);
    feed.subscribe(() => {});
    expect(feed.getSnapshot().bars).toEqual([]);
    feed.setSelected('rpc.quote');
    expect(feed.getSnapshot().bars.reduce((n, b) => n + b.latency, 0)).toBe(1);
    feed.setTimeoutMs(1000);
    expect(source.timeoutMs).toBe(1000);
    expect(feed.getSnapshot().timeoutMs).toBe(1000);
  });
});
