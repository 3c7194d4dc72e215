/**
 * Feeds the charts: reads a rate snapshot every `intervalMs` (whole seconds)
 * while someone listens, just after a second completes (the buckets are
 * seconds: a faster refresh would only redraw the partial one), never per message, and
 * stops reading when the panel is closed. A chart render costs tens of
 * milliseconds of main thread (npm run bench, long tasks). Frozen (the
 * table is paused), it keeps the window ending at the second it froze;
 * unfrozen, it catches up at once. A plain class with subscribe/getSnapshot,
 * for React's useSyncExternalStore.
 *
 * @module
 */
import type { KeyDepth, RateBreakdown, RateReader, RateSnapshot } from '../../rates/index.ts';

/** What the feed reads; changes re-read at once. */
export interface RateFeedOptions {
  breakdown: RateBreakdown;
  depth: KeyDepth;
}

/** Timer-driven reader of rate snapshots; see the module comment. */
export class RateFeed {
  private snapshot: RateSnapshot;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private frozenAtSecond: number | null = null;
  /** Nobody can see the page: read nothing until it is shown again. */
  private suspended = false;

  /**
   * @param reader reads the rate model.
   * @param options breakdown and depth to start with.
   * @param now the clock, epoch ms (injectable for tests).
   * @param intervalMs time between reads while live, aligned to its multiples of the clock. Default 1000.
   * @param settleMs how long after a second ends to read it (late arrivals of that second). Default 20.
   */
  constructor(
    private readonly reader: RateReader,
    private options: RateFeedOptions,
    private readonly now: () => number = Date.now,
    private intervalMs = 1000,
    private readonly settleMs = 20,
  ) {
    this.snapshot = this.read();
  }

  /** For useSyncExternalStore: the first listener starts the timer, the last one stops it. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) {
      this.refresh();
      this.startTimer();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopTimer();
    };
  };

  readonly getSnapshot = (): RateSnapshot => this.snapshot;

  /** Switches breakdown or depth; re-reads at once (frozen or not). */
  configure(options: RateFeedOptions): void {
    if (options.breakdown === this.options.breakdown && options.depth === this.options.depth) return;
    this.options = options;
    if (this.listeners.size > 0) this.refresh();
  }

  /**
   * Freezes the window at the second of `atMs` (when the view was paused,
   * epoch ms), or returns to live with null and catches up.
   */
  setFrozenAt(atMs: number | null): void {
    const second = atMs === null ? null : Math.floor(atMs / 1000);
    if (second === this.frozenAtSecond) return;
    this.frozenAtSecond = second;
    if (this.listeners.size === 0) return;
    this.refresh();
    if (second !== null) this.stopTimer();
    else this.startTimer();
  }

  /**
   * Reads every `intervalMs` from now on (a page nobody attends redraws its
   * charts less often); a shorter interval than before reads at once, so
   * attention back does not wait for the long one to end.
   */
  setIntervalMs(intervalMs: number): void {
    if (intervalMs === this.intervalMs) return;
    const sooner = intervalMs < this.intervalMs;
    this.intervalMs = intervalMs;
    if (this.timer === null) return;
    this.stopTimer();
    if (sooner) this.refresh();
    this.startTimer();
  }

  get frozen(): boolean {
    return this.frozenAtSecond !== null;
  }

  /**
   * Nothing it draws would be seen or is worth drawing now (a hidden tab, a
   * file being imported): stop reading; resumed, it catches up at once and goes on.
   */
  setSuspended(suspended: boolean): void {
    if (suspended === this.suspended) return;
    this.suspended = suspended;
    if (this.listeners.size === 0) return;
    if (suspended) this.stopTimer();
    else {
      this.refresh();
      this.startTimer();
    }
  }

  private refresh(): void {
    this.snapshot = this.read();
    for (const listener of this.listeners) listener();
  }

  private read(): RateSnapshot {
    return this.reader.snapshot({ ...this.options, endSecond: this.frozenAtSecond ?? this.nowSecond() });
  }

  private nowSecond(): number {
    return Math.floor(this.now() / 1000);
  }

  private startTimer(): void {
    if (this.timer !== null || this.frozenAtSecond !== null || this.suspended) return;
    const tick = () => {
      this.refresh();
      this.timer = setTimeout(tick, this.delayToNextRead());
    };
    this.timer = setTimeout(tick, this.delayToNextRead());
  }

  private delayToNextRead(): number {
    return this.intervalMs - (this.now() % this.intervalMs) + this.settleMs;
  }

  private stopTimer(): void {
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
  }
}
