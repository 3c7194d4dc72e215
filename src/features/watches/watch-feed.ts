/**
 * Feeds the watch list and the header badge from the session's WatchSet:
 * read when the set says something changed (at most every 250 ms) and once
 * a second for the "last minute" counts that fall as time passes; never
 * per message. Nothing is read while nobody listens or the page is hidden.
 * A plain class with subscribe/getSnapshot, for useSyncExternalStore.
 *
 * @module
 */
import type { WatchSnapshot } from '../../watches/index.ts';

/** What the feed reads: the session's WatchSet. */
export interface WatchSource {
  readonly version: number;
  snapshot(now?: number): WatchSnapshot[];
  subscribe(listener: () => void): () => void;
}

export interface WatchesView {
  readonly watches: readonly WatchSnapshot[];
  /** Watches with at least one match in the last minute (the badge). */
  readonly matchedLastMinute: number;
}

const EMPTY: WatchesView = { watches: [], matchedLastMinute: 0 };

export class WatchFeed {
  private view: WatchesView = EMPTY;
  private readonly listeners = new Set<() => void>();
  private detachSource: (() => void) | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private hidden = false;

  /**
   * @param source the session's WatchSet.
   * @param now the clock, epoch ms (injectable for tests).
   * @param intervalMs how often the last-minute counts are read again. Default 1000.
   */
  constructor(
    private readonly source: WatchSource,
    private readonly now: () => number = Date.now,
    readonly intervalMs = 1000,
  ) {}

  /** For useSyncExternalStore: the first listener starts reading, the last one stops it. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    // React reads the snapshot again after subscribing: no need to tell the new listener.
    if (this.listeners.size === 1) this.start(false);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  };

  readonly getSnapshot = (): WatchesView => this.view;

  /** The page was hidden (read nothing) or shown (catch up at once). */
  setHidden(hidden: boolean): void {
    if (hidden === this.hidden) return;
    this.hidden = hidden;
    if (this.listeners.size === 0) return;
    this.stop();
    if (!hidden) this.start(true);
  }

  private start(tell: boolean): void {
    if (this.hidden) return;
    this.read(tell);
    this.detachSource = this.source.subscribe(() => this.read());
    this.timer = setInterval(() => this.read(), this.intervalMs);
  }

  private stop(): void {
    this.detachSource?.();
    this.detachSource = null;
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** Publishes a new view only when a number shown changed. */
  private read(tell = true): void {
    const watches = this.source.snapshot(this.now());
    if (sameNumbers(watches, this.view.watches)) return;
    this.view = { watches, matchedLastMinute: watches.filter((w) => w.lastMinute > 0).length };
    if (tell) for (const listener of this.listeners) listener();
  }
}

function sameNumbers(a: readonly WatchSnapshot[], b: readonly WatchSnapshot[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y || x.id !== y.id || x.total !== y.total || x.lastMinute !== y.lastMinute || x.notify !== y.notify || x.error !== y.error) return false;
    if (x.filter !== y.filter || x.perMinute.some((n, m) => n !== y.perMinute[m])) return false;
  }
  return true;
}
