import { describe, expect, it } from 'vitest';
import { RingCounter } from './ring-counter.ts';
import { WatchCounter } from './watch-counter.ts';

const MIN = 60_000;
const T0 = 1_800_000_000_000; // a whole minute, epoch ms

describe('RingCounter', () => {
  it('sums the slots of the window ending with now, and forgets older ones', () => {
    const ring = new RingCounter(60, 1000);
    ring.add(T0);
    ring.add(T0 + 500);
    ring.add(T0 + 30_000);
    expect(ring.sum(T0 + 30_000)).toBe(3);
    expect(ring.sum(T0 + 59_999)).toBe(3);
    // The first second leaves the window: only the match at +30 s is left.
    expect(ring.sum(T0 + 60_000)).toBe(1);
    expect(ring.sum(T0 + 90_000)).toBe(0);
  });

  it('zeroes the slots it skips over, also after a gap longer than the ring', () => {
    const ring = new RingCounter(3, 1000);
    ring.add(T0);
    ring.add(T0 + 1000);
    ring.add(T0 + 5000);
    expect(ring.series(T0 + 5000)).toEqual([0, 0, 1]);
    ring.add(T0 + 6000);
    expect(ring.series(T0 + 6000)).toEqual([0, 1, 1]);
    ring.add(T0 + 100_000);
    expect(ring.series(T0 + 100_000)).toEqual([0, 0, 1]);
  });

  it('does not count a time older than the ring, and counts a late one still inside it', () => {
    const ring = new RingCounter(3, 1000);
    ring.add(T0 + 10_000);
    ring.add(T0); // 10 s late: outside a 3 s ring
    ring.add(T0 + 8_500); // 1.5 s late: inside
    expect(ring.series(T0 + 10_000)).toEqual([1, 0, 1]);
  });

  it('refuses a nonsensical shape', () => {
    expect(() => new RingCounter(0, 1000)).toThrow();
    expect(() => new RingCounter(3, 0)).toThrow();
  });
});

describe('WatchCounter', () => {
  it('counts the total, the last minute to the second and the last hour per minute', () => {
    const counter = new WatchCounter(T0);
    counter.count(T0 + 1_000, 0);
    counter.count(T0 + 61_000, 0);
    counter.count(T0 + 62_000, 0);
    // The window is the 60 seconds ending with second 62: the match at second 1 is out.
    expect(counter.lastMinute(T0 + 62_000)).toBe(2);
    counter.count(T0 + 3 * MIN, 0);
    expect(counter.total).toBe(4);
    expect(counter.lastMinute(T0 + 3 * MIN)).toBe(1);
    const hour = counter.perMinute(T0 + 3 * MIN);
    expect(hour).toHaveLength(60);
    expect(hour.slice(-4)).toEqual([1, 2, 0, 1]);
    expect(hour.reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('says a match ends a quiet period on the first match and after quietMs without one, not in between', () => {
    const quiet = 5 * MIN;
    const counter = new WatchCounter(T0);
    expect(counter.count(T0 + 10, quiet)).toBe(true);
    expect(counter.count(T0 + 20, quiet)).toBe(false);
    expect(counter.count(T0 + 20 + quiet - 1, quiet)).toBe(false);
    // The quiet period is measured from the LAST match.
    expect(counter.count(T0 + 20 + quiet - 1 + quiet, quiet)).toBe(true);
    expect(counter.count(T0 + 20 + quiet + quiet, quiet)).toBe(false);
  });

  it('counts a burst within one second, reads in between, and a late match, each in its own second', () => {
    const counter = new WatchCounter(T0);
    for (let i = 0; i < 5; i++) counter.count(T0 + 2000 + i * 100, 0);
    expect(counter.lastMinute(T0 + 2500)).toBe(5);
    counter.count(T0 + 2900, 0);
    counter.count(T0 + 1500, 0); // late: the second before
    counter.count(T0 + 3000, 0);
    expect(counter.total).toBe(8);
    expect(counter.lastMinute(T0 + 3000)).toBe(8);
    // Seconds 2..61, then 3..62 (the second-1 match is out of both), then 4..63.
    expect(counter.lastMinute(T0 + 61_999)).toBe(7);
    expect(counter.lastMinute(T0 + 62_000)).toBe(1);
    expect(counter.lastMinute(T0 + 63_000)).toBe(0);
  });

  it('treats a clock that went back as no quiet period', () => {
    const counter = new WatchCounter(T0);
    counter.count(T0 + 10 * MIN, MIN);
    expect(counter.count(T0, MIN)).toBe(false);
    expect(counter.total).toBe(2);
  });
});
