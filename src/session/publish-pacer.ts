/**
 * When the session publishes: at most one update pending, at the cadence
 * publish-cadence.ts sets, in a task before a frame (FrameScheduler); nothing
 * while the tab is hidden and one update when it is shown again; once a
 * second while nobody attends the page (page-attention.ts), catching up as
 * soon as someone does; and the frame after a keystroke, a press or a click
 * left to whatever answers it (input first: under full load a frame that also
 * draws rows costs tens of milliseconds, bench/input-latency.ts).
 */
import { FrameScheduler } from './frame-scheduler.ts';
import { watchPageAttention, windowFocused } from './page-attention.ts';
import { pageHidden, watchPageVisibility } from './page-visibility.ts';
import { ROWS_INTERVAL_MS, TRICKLE_MSG_PER_S } from './publish-cadence.ts';
import { watchUserInput } from './user-input.ts';

/**
 * After the tab is shown or someone attends the page again, how long every
 * change is published in the next frame: the socket worker hands over what
 * it held for the slower cadence a moment after the page's own catch-up, and
 * that should not wait for the next interval.
 */
const CATCH_UP_MS = 250;

export class PublishPacer {
  private readonly scheduler: FrameScheduler;
  /** The tab is hidden: capture goes on, nothing is published until it is shown again. */
  private hiddenNow = pageHidden();
  /** Something changed while hidden: publish once when shown. */
  private staleWhileHidden = false;
  private attendedNow = windowFocused();
  /** Until when (performance.now()) changes are published at once; 0 when not catching up. */
  private catchUpUntil = 0;
  /** Messages received at the last publish and when, and how fast they came since the one before (publish-cadence.ts). */
  private publishedReceived = 0;
  private publishedAt = -Infinity;
  private rate = 0;
  private readonly detach: () => void;

  /** @param onPageChange told after the tab was hidden or shown, attended or not, or a trickle began or ended (the socket's batching follows). */
  constructor(
    publish: () => void,
    private readonly onPageChange: () => void,
  ) {
    // Its default turns, a task before the frame (TASKS_BEFORE_FRAME): the table's scroll to the tail then costs no second frame.
    this.scheduler = new FrameScheduler(publish, { minIntervalMs: ROWS_INTERVAL_MS });
    const detachVisibility = watchPageVisibility((hidden) => {
      this.hiddenNow = hidden;
      if (hidden) {
        // A publish that was pending is owed on return.
        this.scheduler.cancel();
        this.staleWhileHidden = true;
      } else {
        this.catchUp();
        if (this.staleWhileHidden) {
          this.staleWhileHidden = false;
          this.scheduler.schedule();
        }
      }
      onPageChange();
    });
    const detachAttention = watchPageAttention((attended) => {
      this.attendedNow = attended;
      // Someone looks again: what the glance's cadence held back, at once.
      if (attended && !this.hiddenNow) {
        this.catchUp();
        this.scheduler.schedule(0);
      }
      onPageChange();
    });
    const detachInput = watchUserInput(() => this.scheduler.yieldNextFrame());
    this.detach = () => {
      detachVisibility();
      detachAttention();
      detachInput();
    };
  }

  get hidden(): boolean {
    return this.hiddenNow;
  }

  /** Visible, but nobody attends the page: it follows at a glance's cadence. */
  get glancing(): boolean {
    return !this.hiddenNow && !this.attendedNow;
  }

  /** How fast messages came between the last two publishes, msg/s. */
  get msgPerS(): number {
    return this.rate;
  }

  get trickle(): boolean {
    return this.rate < TRICKLE_MSG_PER_S;
  }

  /** At every publish: measures the rate since the last one (a trickle beginning or ending changes the socket's batching). */
  published(received: number, now: number): void {
    const wasTrickle = this.trickle;
    this.rate = ((received - this.publishedReceived) * 1000) / (now - this.publishedAt);
    this.publishedReceived = received;
    this.publishedAt = now;
    if (this.trickle !== wasTrickle) this.onPageChange();
  }

  /** Hot path (per appended message): a publish no sooner than `intervalMs` after the last (at once while catching up), none while hidden. */
  changed(intervalMs: number): void {
    if (this.hiddenNow) this.staleWhileHidden = true;
    else if (this.catchUpUntil === 0) this.scheduler.schedule(intervalMs);
    else if (performance.now() < this.catchUpUntil) this.scheduler.schedule(0);
    else {
      this.catchUpUntil = 0;
      this.scheduler.schedule(intervalMs);
    }
  }

  private catchUp(): void {
    this.catchUpUntil = performance.now() + CATCH_UP_MS;
  }

  dispose(): void {
    this.scheduler.cancel();
    this.detach();
  }
}
