/**
 * When the socket worker's next batch goes: no sooner than `delayMs` after
 * the one before, and in the next turn when that one went longer ago, so a
 * lone message after a quiet spell is never held (a leading-edge throttle).
 * socket-worker.ts says why the page sets the delay.
 */
export class BatchPacer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** When the pending timer fires. */
  private due = Infinity;
  /** When the last batch went. */
  private lastSentAt = -Infinity;

  constructor(
    private readonly send: () => void,
    private delayMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Something is waiting: send it when its turn comes (a timer already armed for sooner stands). */
  arm(): void {
    const due = this.lastSentAt + this.delayMs;
    if (this.timer !== null && this.due <= due) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.due = due;
    this.timer = setTimeout(this.fire, Math.max(0, due - this.now()));
  }

  /** A batch went (on the timer, or at once because it was full): the next one is paced from now. */
  sent(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.due = Infinity;
    this.lastSentAt = this.now();
  }

  /** A new delay; with `waiting`, a batch already waiting is re-timed (a shorter delay brings it forward). */
  setDelay(ms: number, waiting: boolean): void {
    this.delayMs = ms;
    if (waiting) this.arm();
  }

  private readonly fire = (): void => {
    this.timer = null;
    this.due = Infinity;
    this.send();
  };
}
