/**
 * Coalesces any number of "something changed" calls into one callback per
 * frame (like DevTools' scheduleRefresh), and at most one per
 * `minIntervalMs`. A hidden tab gets no animation frames, so there it falls
 * back to a slow timer: counters keep moving and the buffer's state never
 * goes stale for long.
 *
 * The wait for the minimum interval is a timer, and only the draw itself
 * gets a turn before a frame (DrawTurns): ONE per run. Re-requesting a
 * frame every frame until the interval has passed would make the browser
 * produce (composite, tick every rAF listener) ~60 frames a second to draw
 * ~20; a timer produces no frames while it waits.
 *
 * Input first: yieldNextFrame() gives the next frame to whatever answers an
 * input (the filter box's text, the inspector opening), and a run due in it
 * moves to the frame after. A frame that draws rows as well costs tens of
 * milliseconds under full load (bench: input latency at max ingest).
 */

/** Where a due run goes: `request` runs it soon, once, and returns what cancels it. */
export interface DrawTurns {
  request(run: (now: number) => void): () => void;
}

/**
 * In a task of its own, before the next frame is produced. Why not inside
 * the frame: a draw that scrolls (the table following the tail writes its
 * `scrollTop`) from an animation-frame callback queues a scroll event that
 * only the next frame dispatches, so every draw cost two frames; from a
 * task the scroll event is dispatched by the frame that paints the draw.
 * At rest (50 msg/s, charts collapsed) that halved the frames produced (73
 * → 38 in 10 s, bench/rest-trace.ts; README, Performance).
 */
export const TASKS_BEFORE_FRAME: DrawTurns = {
  request(run) {
    const timer = setTimeout(() => run(performance.now()), 0);
    return () => clearTimeout(timer);
  },
};

export interface FrameSchedulerOptions {
  /** Fewest milliseconds between callbacks (0, the default: at the next turn). */
  minIntervalMs?: number;
  /** The timer's period while the tab is hidden (250 ms by default). */
  hiddenIntervalMs?: number;
  /**
   * Where a due run goes while the tab is visible: TASKS_BEFORE_FRAME by
   * default; the scheduler's tests pass turns they fire by hand.
   */
  turns?: DrawTurns;
}

export class FrameScheduler {
  /** The pending wait (visible tab) or the hidden tab's timer. */
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Cancels the pending draw turn (DrawTurns). */
  private frame: (() => void) | null = null;
  /** When the pending wait ends, performance.now() time. */
  private timerDue = Infinity;
  /** When the callback last ran, in performance.now() time (rAF timestamps share it). */
  private lastRunAt = -Infinity;
  /** The frame given to an input (yieldNextFrame): its id while it is still to come. */
  private inputFrame: number | null = null;
  /** A run became due during the input's frame: it gets the frame after. */
  private dueAfterInput = false;

  private readonly minIntervalMs: number;
  private readonly hiddenIntervalMs: number;
  private readonly turns: DrawTurns;

  constructor(
    private readonly callback: () => void,
    options: FrameSchedulerOptions = {},
  ) {
    this.minIntervalMs = options.minIntervalMs ?? 0;
    this.hiddenIntervalMs = options.hiddenIntervalMs ?? 250;
    this.turns = options.turns ?? TASKS_BEFORE_FRAME;
  }

  /**
   * Runs the callback soon: at most once however often this is called before
   * it runs, and not sooner than `minIntervalMs` after the last run. A call
   * with a shorter interval than the pending wait's brings the run forward.
   */
  schedule(minIntervalMs = this.minIntervalMs): void {
    // A frame requested while visible does not fire in a hidden tab: trade it for the timer.
    if (this.frame !== null && !this.framesVisible()) this.cancelFrame();
    if (this.frame !== null || this.dueAfterInput) return;
    if (!this.framesVisible()) {
      if (this.timer === null) {
        this.timer = setTimeout(this.runFromTimer, this.hiddenIntervalMs);
        this.timerDue = performance.now() + this.hiddenIntervalMs;
      }
      return;
    }
    const due = this.lastRunAt + minIntervalMs;
    if (this.timer !== null) {
      if (due >= this.timerDue) return;
      clearTimeout(this.timer);
      this.timer = null;
    }
    const wait = due - performance.now();
    if (wait > 0) {
      this.timer = setTimeout(this.afterWait, wait);
      this.timerDue = due;
    } else this.requestFrame();
  }

  /** Drops a pending run (the session is disposed); a later schedule() starts afresh. */
  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.cancelFrame();
    if (this.inputFrame !== null && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(this.inputFrame);
    this.inputFrame = null;
    this.dueAfterInput = false;
  }

  /**
   * An input is being answered: the next frame is its own. A run pending
   * for that frame, or becoming due before it, goes to the frame after.
   * Nothing moves while the tab is hidden (no frames, no input).
   */
  yieldNextFrame(): void {
    if (this.inputFrame !== null || !this.framesVisible()) return;
    if (this.frame !== null) {
      this.cancelFrame();
      this.dueAfterInput = true;
    }
    this.inputFrame = requestAnimationFrame(this.afterInputFrame);
  }

  private readonly afterInputFrame = (): void => {
    this.inputFrame = null;
    if (!this.dueAfterInput) return;
    this.dueAfterInput = false;
    // Requested inside a frame's callbacks: it runs in the next one.
    this.requestFrame();
  };

  private readonly afterWait = (): void => {
    this.timer = null;
    // Hidden meanwhile: no frame would come, and the interval has passed already.
    if (this.framesVisible()) this.requestFrame();
    else this.run(performance.now());
  };

  private readonly runFromTimer = (): void => {
    this.timer = null;
    this.run(performance.now());
  };

  private readonly runFromFrame = (now: number): void => {
    this.frame = null;
    this.run(now);
  };

  private requestFrame(): void {
    if (this.inputFrame !== null) this.dueAfterInput = true;
    else this.frame = this.turns.request(this.runFromFrame);
  }

  private cancelFrame(): void {
    this.frame?.();
    this.frame = null;
  }

  /** Nothing is pending when this runs, so the callback may schedule() again. */
  private run(now: number): void {
    this.lastRunAt = now;
    this.callback();
  }

  private framesVisible(): boolean {
    return typeof document !== 'undefined' && document.visibilityState === 'visible' && typeof requestAnimationFrame === 'function';
  }
}
