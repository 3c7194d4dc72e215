/**
 * Feeds the open requests view from the conversation index: at most once
 * per `intervalMs`, and only when something changed (the index's version
 * moved, or a pending request may have timed out since), never per message.
 * Nothing is read while nobody listens (the view is closed) or the page is
 * hidden; shown again, it catches up at once. A plain class with
 * subscribe/getSnapshot, for React's useSyncExternalStore.
 *
 * @module
 */
import type { RequestRow } from '../../conversations/index.ts';
import { histogramBars, type HistogramBar } from './histogram-bars.ts';
import { rowId, summarize, type RequestSummary } from './request-summary.ts';

/** What the feed reads: the session's ConversationIndex. */
export interface RequestSource {
  /** Moves on every change of a count or a state. */
  readonly version: number;
  readonly timeoutMs: number;
  readonly answersWithoutRequest: number;
  /** The rows, with timeouts judged as of `now` (epoch ms). */
  requestRows(now?: number): RequestRow[];
  /** Judges timeouts as of `now`; moves the version when one expired. */
  expire(now?: number): void;
  setTimeoutMs(ms: number): void;
}

export interface RequestsSnapshot {
  /** In the index's order; the view sorts them. */
  readonly rows: readonly RequestSummary[];
  /** The selected row's chart (latency and runtime per bin); empty when none is selected. */
  readonly bars: readonly HistogramBar[];
  readonly answersWithoutRequest: number;
  readonly timeoutMs: number;
}

export class RequestsFeed {
  private snapshot: RequestsSnapshot;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private hidden = false;
  private readVersion = -1;
  private anyPending = false;
  private selectedName: string | null = null;
  private summaries = new Map<string, RequestSummary>();

  /**
   * @param source the conversation index.
   * @param now the clock timeouts are judged by, epoch ms (injectable for tests).
   * @param intervalMs the shortest time between two reads. Default 1000.
   */
  constructor(
    private readonly source: RequestSource,
    private readonly now: () => number = Date.now,
    readonly intervalMs = 1000,
  ) {
    this.snapshot = { rows: [], bars: [], answersWithoutRequest: 0, timeoutMs: source.timeoutMs };
  }

  /** For useSyncExternalStore: the first listener reads and starts the timer, the last one stops it. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) {
      this.read();
      this.startTimer();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopTimer();
    };
  };

  readonly getSnapshot = (): RequestsSnapshot => this.snapshot;

  /** The row whose latency chart is drawn (by name), or none. */
  setSelected(name: string | null): void {
    if (name === this.selectedName) return;
    this.selectedName = name;
    if (this.listeners.size > 0 && !this.hidden) this.read();
  }

  /** A new timeout: the index re-judges every request; the view shows it at once. */
  setTimeoutMs(ms: number): void {
    this.source.setTimeoutMs(ms);
    if (this.listeners.size > 0 && !this.hidden) this.read();
  }

  /** The page was hidden (read nothing) or shown again (catch up at once, then go on). */
  setHidden(hidden: boolean): void {
    if (hidden === this.hidden) return;
    this.hidden = hidden;
    if (this.listeners.size === 0) return;
    if (hidden) this.stopTimer();
    else {
      this.tick();
      this.startTimer();
    }
  }

  /** Once per interval: re-read only if the index changed, or a pending request may have timed out. */
  private tick(): void {
    if (this.anyPending && this.source.version === this.readVersion) this.source.expire(this.now());
    if (this.source.version !== this.readVersion) this.read();
  }

  private read(): void {
    const rows = this.source.requestRows(this.now());
    this.readVersion = this.source.version;
    const summaries = new Map<string, RequestSummary>();
    let anyPending = false;
    let selected: RequestRow | undefined;
    for (const row of rows) {
      const id = rowId(row.kind, row.name);
      summaries.set(id, summarize(row, this.summaries.get(id)));
      if (row.pending > 0) anyPending = true;
      if (selected === undefined && row.name === this.selectedName) selected = row;
    }
    this.summaries = summaries;
    this.anyPending = anyPending;
    this.snapshot = {
      rows: [...summaries.values()],
      bars: selected ? histogramBars(selected.latency, selected.runtime) : [],
      answersWithoutRequest: this.source.answersWithoutRequest,
      timeoutMs: this.source.timeoutMs,
    };
    for (const listener of this.listeners) listener();
  }

  private startTimer(): void {
    if (this.timer !== null || this.hidden) return;
    this.timer = setInterval(() => this.tick(), this.intervalMs);
  }

  private stopTimer(): void {
    if (this.timer === null) return;
    clearInterval(this.timer);
    this.timer = null;
  }
}
