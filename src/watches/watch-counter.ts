/**
 * What one watch has counted since it was set: the total, the matches per
 * second over the last minute (for "in the last minute", exact to the
 * second) and per minute over the last hour (the sparkline), and when it
 * last matched (for the quiet period before an alert).
 *
 * Hot path: matches within one second only add to a pending count (a
 * compare and an increment); the rings take it when the second changes or
 * someone reads.
 */
import { RingCounter } from './ring-counter.ts';

export class WatchCounter {
  /** Matches since the watch was set. */
  total = 0;
  /** Clock (epoch ms) of the last match; -Infinity before the first. */
  lastMatchAt = -Infinity;
  private readonly seconds = new RingCounter(60, 1000);
  private readonly minutes = new RingCounter(60, 60_000);
  /** Matches in the second [pendingFrom, pendingFrom + 1000) not yet in the rings. */
  private pending = 0;
  private pendingFrom = -Infinity;

  /** @param setAt when the watch was set (epoch ms): nothing earlier is counted. */
  constructor(readonly setAt: number) {}

  /**
   * Hot path: one match at `now` (epoch ms). Returns true when it ends a
   * quiet period: nothing matched for at least `quietMs` before it (the
   * first match since the watch was set counts as one).
   */
  count(now: number, quietMs: number): boolean {
    const afterQuiet = now - this.lastMatchAt >= quietMs;
    this.total++;
    this.lastMatchAt = now;
    if (now < this.pendingFrom || now >= this.pendingFrom + 1000) {
      this.flush();
      this.pendingFrom = Math.floor(now / 1000) * 1000;
    }
    this.pending++;
    return afterQuiet;
  }

  /** Matches in the 60 seconds ending with `now`'s second. */
  lastMinute(now: number): number {
    this.flush();
    return this.seconds.sum(now);
  }

  /** Matches per minute over the last hour, oldest first (60 numbers). */
  perMinute(now: number): number[] {
    this.flush();
    return this.minutes.series(now);
  }

  private flush(): void {
    if (this.pending === 0) return;
    this.seconds.add(this.pendingFrom, this.pending);
    this.minutes.add(this.pendingFrom, this.pending);
    this.pending = 0;
  }
}
