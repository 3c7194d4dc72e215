/**
 * The session's watches: filters whose matches are counted from the moment
 * they are set, at append time, whatever the view shows (paused, filtered
 * differently, hidden tab) and whether or not the message is evicted later.
 * A capture listener like the view and the rates; React reads snapshots of
 * it through a feed, a few times a second at most.
 *
 * Hot path: per appended message and watch, one byte read for the routing-key
 * part of its filter (asked once per distinct key, as the view does), and
 * the per-message rest only when the filter has one (`body:`, `$.` fields,
 * conversation terms); a match costs two ring increments. No allocation per
 * message.
 *
 * A rewind or an import starts the capture over (onClear) and brings
 * messages the watches may already have counted live, or that arrived long
 * before they were set: from then on a message received or shovelled more
 * than a second before that restart is not counted (the shovel stamp has
 * one-second resolution and assumes the broker's and the browser's clocks agree).
 */
import type { CaptureListener } from '../capture/index.ts';
import { headerOf, SHOVELLED_TIMESTAMP_HEADER, type TracedMessage } from '../model/index.ts';
import { DEFAULT_QUIET_MS } from './quiet-period.ts';
import { createWatch, judge, snapshotOf, type CompileWatchFilter, type Watch, type WatchSnapshot, type WatchSpec } from './watch.ts';

export type { CompiledWatchFilter, CompileWatchFilter, WatchSnapshot, WatchSpec } from './watch.ts';

/** What the watches read: the session's TraceCapture. */
export interface WatchSource {
  readonly buffer: { get(seq: number): TracedMessage | undefined };
  /** A routing-key id per retained message; without it every message is judged by `test`. */
  readonly keys?: { idAt(seq: number): number; readonly generation: number };
  addListener(listener: CaptureListener): () => void;
}

export interface WatchSetOptions {
  /** Clock, epoch ms (injectable for tests). */
  now?: () => number;
  /** Quiet period before an alert, ms. Default {@link DEFAULT_QUIET_MS}. */
  quietMs?: number;
  /** Longest delay between a match and the listeners hearing of it, ms. Default 250. */
  flushMs?: number;
}

export class WatchSet {
  /** Moves on every match and every change of the watches. */
  version = 0;
  private watches: Watch[] = [];
  /** The watches whose filter compiled: the hot loop's list. */
  private judged: Watch[] = [];
  private readonly alerts: Watch[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly alertListeners = new Set<(alerts: readonly WatchSnapshot[]) => void>();
  private readonly now: () => number;
  private quiet: number;
  private readonly flushMs: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Epoch ms of the last capture restart (0: none): older messages are replays. */
  private restartedAt = 0;
  private readonly detach: () => void;

  constructor(
    private readonly source: WatchSource,
    private readonly compile: CompileWatchFilter,
    options: WatchSetOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.quiet = options.quietMs ?? DEFAULT_QUIET_MS;
    this.flushMs = options.flushMs ?? 250;
    this.detach = source.addListener({ onAppend: (first, count) => this.onAppend(first, count), onClear: () => this.onRestart() });
  }

  get quietMs(): number {
    return this.quiet;
  }

  setQuietMs(ms: number): void {
    if (Number.isFinite(ms) && ms >= 0) this.quiet = ms;
  }

  /**
   * Makes the watches these specs: a watch kept with the same filter keeps
   * its counts; a new one, or one whose filter changed, starts from zero now.
   */
  sync(specs: readonly WatchSpec[]): void {
    const before = new Map(this.watches.map((w) => [w.spec.id, w]));
    const now = this.now();
    this.watches = specs.map((spec) => {
      const kept = before.get(spec.id);
      if (kept && kept.spec.filter === spec.filter) {
        kept.spec = spec;
        return kept;
      }
      return createWatch(spec, this.compile(spec.filter), now, this.source.keys !== undefined);
    });
    this.judged = this.watches.filter((w) => w.test !== null);
    this.changed();
  }

  /** Every watch as of `now`: for the feed, a few times a second at most (allocates). */
  snapshot(now = this.now()): WatchSnapshot[] {
    return this.watches.map((w) => snapshotOf(w, now));
  }

  /** The total of the watches that notify (for the title's unseen count). */
  notifyingTotal(): number {
    let total = 0;
    for (const w of this.watches) if (w.spec.notify) total += w.counter.total;
    return total;
  }

  /** Called at most every flushMs after matches or a change of the watches; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called (at the next flush) with the notifying watches that matched after a quiet period. */
  onAlert(listener: (alerts: readonly WatchSnapshot[]) => void): () => void {
    this.alertListeners.add(listener);
    return () => this.alertListeners.delete(listener);
  }

  dispose(): void {
    this.detach();
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.listeners.clear();
    this.alertListeners.clear();
  }

  /**
   * Hot path: per appended message, each watch's test. A match is counted at
   * the message's arrival time (the capture's clock, or the history read's
   * now), so the hot path reads no clock of its own.
   */
  private onAppend(first: number, count: number): void {
    const judged = this.judged;
    if (judged.length === 0) return;
    const { buffer, keys } = this.source;
    const generation = keys?.generation ?? 0;
    let matched = false;
    for (let seq = first; seq < first + count; seq++) {
      const message = buffer.get(seq);
      if (message === undefined || (this.restartedAt > 0 && this.isReplay(message))) continue;
      const keyId = keys === undefined ? 0 : keys.idAt(seq);
      for (let i = 0; i < judged.length; i++) {
        const watch = judged[i];
        if (watch === undefined || watch.test === null) continue;
        if (!judge(watch, message, keyId, generation)) {
          // A filter that threw stopped its watch: take it off the hot loop's list.
          if (watch.test === null) this.stopped();
          continue;
        }
        matched = true;
        if (watch.counter.count(message.receivedAt, this.quiet) && watch.spec.notify && !watch.alertQueued) {
          watch.alertQueued = true;
          this.alerts.push(watch);
        }
      }
    }
    if (matched) this.changed();
  }

  private stopped(): void {
    this.judged = this.watches.filter((w) => w.test !== null);
    this.changed();
  }

  private onRestart(): void {
    this.restartedAt = this.now();
  }

  /** Received (an import) or shovelled (a history read) more than a second before the capture restarted. */
  private isReplay(message: TracedMessage): boolean {
    const cutoff = this.restartedAt - 1000;
    if (message.receivedAt < cutoff) return true;
    const stamp = headerOf(message, SHOVELLED_TIMESTAMP_HEADER);
    return stamp !== undefined && Number(stamp) * 1000 < cutoff;
  }

  private changed(): void {
    this.version++;
    if (this.timer === null) this.timer = setTimeout(() => this.flush(), this.flushMs);
  }

  private flush(): void {
    this.timer = null;
    if (this.alerts.length > 0) {
      const now = this.now();
      const alerts = this.alerts.map((w) => snapshotOf(w, now));
      for (const w of this.alerts) w.alertQueued = false;
      this.alerts.length = 0;
      for (const listener of this.alertListeners) callSafely(() => listener(alerts));
    }
    for (const listener of this.listeners) callSafely(listener);
  }
}

/** One listener's failure (a Notification constructor that throws) must not stop the others. */
function callSafely(fn: () => void): void {
  try {
    fn();
  } catch (error) {
    console.error('watch listener failed', error);
  }
}
