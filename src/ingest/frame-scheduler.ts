/**
 * Coalesces any number of "something changed" calls into one callback per
 * animation frame (like DevTools' scheduleRefresh), and at most one per
 * `minIntervalMs`. A hidden tab gets no animation frames, so there it falls
 * back to a slow timer: counters keep moving and the buffer's state never
 * goes stale for long.
 */
export class FrameScheduler {
  private scheduled = false;
  private lastRunAt = -Infinity;
  private readonly run = (now: number) => {
    if (now - this.lastRunAt < this.minIntervalMs && this.framesVisible()) {
      requestAnimationFrame(this.run);
      return;
    }
    this.lastRunAt = now;
    this.scheduled = false;
    this.callback();
  };

  /**
   * @param minIntervalMs fewest milliseconds between callbacks (0: every frame).
   * @param hiddenIntervalMs the timer's period while the tab is hidden.
   */
  constructor(
    private readonly callback: () => void,
    private readonly minIntervalMs = 0,
    private readonly hiddenIntervalMs = 250,
  ) {}

  schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    if (this.framesVisible()) requestAnimationFrame(this.run);
    else setTimeout(() => this.run(performance.now()), this.hiddenIntervalMs);
  }

  private framesVisible(): boolean {
    return typeof document !== 'undefined' && document.visibilityState === 'visible' && typeof requestAnimationFrame === 'function';
  }
}
