/**
 * A re-filter that cannot be memoised per routing key (a JSON field, a body
 * regex: every body decoded) may take seconds over a million messages. It
 * runs in slices of {@link SLICE_MS}, yielding to the page in between (a
 * MessageChannel message: not throttled like setTimeout in a background
 * tab), so typing, scrolling and painting go on; progress is announced to
 * whoever listens (the filter box shows it past 200 ms).
 */

/** Longest a slice runs before it yields, ms. */
export const SLICE_MS = 12;

/** One slice of work: runs until `deadline` (performance.now()) or the end; true when finished. */
export type ScanStep = (deadline: number) => boolean;

/** A re-filter in progress. */
export interface ScanProgress {
  /** Messages judged so far, and how many there are (moves while messages arrive). */
  done: number;
  total: number;
  /** performance.now() when it started. */
  startedAt: number;
}

/** How the last finished scan went (the bench reads it). */
export interface ScanStats {
  totalMs: number;
  slices: number;
  longestSliceMs: number;
}

export class SlicedScan {
  private step: ScanStep | null = null;
  private onDone: (() => void) | null = null;
  private running: ScanProgress | null = null;
  private stats: ScanStats = { totalMs: 0, slices: 0, longestSliceMs: 0 };
  private readonly listeners = new Set<() => void>();
  private posted = false;

  constructor(private readonly measure: () => { done: number; total: number }) {}

  /** The scan in progress, or null. */
  get progress(): ScanProgress | null {
    return this.running;
  }

  get lastStats(): ScanStats {
    return this.stats;
  }

  /** Called on each slice and at the end; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts `step` (cancelling any scan in progress); its first slice runs now. */
  start(step: ScanStep, onDone: () => void): void {
    this.step = step;
    this.onDone = onDone;
    this.running = { ...this.measure(), startedAt: performance.now() };
    this.stats = { totalMs: 0, slices: 0, longestSliceMs: 0 };
    this.resume();
  }

  /** Drops the scan in progress (a new filter, a cleared capture). */
  cancel(): void {
    if (this.running === null) return;
    this.step = null;
    this.onDone = null;
    this.running = null;
    this.announce();
  }

  dispose(): void {
    this.cancel();
    this.listeners.clear();
  }

  private resume(): void {
    this.posted = false;
    const step = this.step;
    const running = this.running;
    if (step === null || running === null) return;
    const t0 = performance.now();
    const finished = step(t0 + SLICE_MS);
    const sliceMs = performance.now() - t0;
    this.stats.slices++;
    this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, sliceMs);
    if (finished) {
      const onDone = this.onDone;
      this.stats.totalMs = performance.now() - running.startedAt;
      this.step = null;
      this.onDone = null;
      this.running = null;
      onDone?.();
    } else {
      Object.assign(running, this.measure());
      this.post();
    }
    this.announce();
  }

  private post(): void {
    if (this.posted) return;
    this.posted = true;
    if (typeof MessageChannel !== 'function') {
      setTimeout(() => this.resume(), 0);
      return;
    }
    // A channel per yield, closed on arrival: an open port would keep a Node test process alive.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      this.resume();
    };
    channel.port2.postMessage(null);
  }

  private announce(): void {
    for (const listener of this.listeners) listener();
  }
}
