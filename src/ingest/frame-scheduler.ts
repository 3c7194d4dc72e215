/**
 * Coalesces any number of "something changed" calls into one callback per
 * animation frame (like DevTools' scheduleRefresh). A hidden tab gets no
 * animation frames, so there it falls back to a slow timer: counters keep
 * moving and the buffer's state never goes stale for long.
 */
export class FrameScheduler {
  private scheduled = false;

  constructor(
    private readonly callback: () => void,
    private readonly hiddenIntervalMs = 250,
  ) {}

  schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      this.callback();
    };
    if (typeof document !== 'undefined' && document.visibilityState === 'visible' && typeof requestAnimationFrame === 'function') {
      requestAnimationFrame(run);
    } else {
      setTimeout(run, this.hiddenIntervalMs);
    }
  }
}
