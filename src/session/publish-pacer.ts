/**
 * When the session publishes: at most one update pending, at the cadence
 * publish-cadence.ts sets, in an animation frame (FrameScheduler); nothing
 * while the tab is hidden and one update when it is shown again; and the
 * frame after a keystroke or a press left to whatever answers it (input
 * first: under full load a frame that also draws rows costs tens of
 * milliseconds, bench/input-latency.ts).
 */
import { FrameScheduler } from './frame-scheduler.ts';
import { pageHidden, watchPageVisibility } from './page-visibility.ts';
import { ROWS_INTERVAL_MS } from './publish-cadence.ts';
import { watchUserInput } from './user-input.ts';

export class PublishPacer {
  private readonly scheduler: FrameScheduler;
  /** The tab is hidden: capture goes on, nothing is published until it is shown again. */
  private hiddenNow = pageHidden();
  /** Something changed while hidden: publish once when shown. */
  private staleWhileHidden = false;
  private readonly detach: () => void;

  /** @param onVisibility told after the tab was hidden or shown (the socket's batching follows). */
  constructor(publish: () => void, onVisibility: () => void) {
    this.scheduler = new FrameScheduler(publish, ROWS_INTERVAL_MS);
    const detachVisibility = watchPageVisibility((hidden) => {
      this.hiddenNow = hidden;
      if (hidden) {
        // A publish that was pending is owed on return.
        this.scheduler.cancel();
        this.staleWhileHidden = true;
      } else if (this.staleWhileHidden) {
        this.staleWhileHidden = false;
        this.scheduler.schedule();
      }
      onVisibility();
    });
    const detachInput = watchUserInput(() => this.scheduler.yieldNextFrame());
    this.detach = () => {
      detachVisibility();
      detachInput();
    };
  }

  get hidden(): boolean {
    return this.hiddenNow;
  }

  /** Hot path (per appended message): a publish no sooner than `intervalMs` after the last, none while hidden. */
  changed(intervalMs: number): void {
    if (this.hiddenNow) this.staleWhileHidden = true;
    else this.scheduler.schedule(intervalMs);
  }

  dispose(): void {
    this.scheduler.cancel();
    this.detach();
  }
}
