/**
 * The charted fields of a session, fed from its capture.
 *
 * Reading a field means reading the body, the real cost of field charts:
 * one chart has PayloadDecoding.fieldOf scan a plain JSON body for its field
 * alone (2,500 → 1,200 ns a message, bench/ingest-fields.ts); several share
 * one decoding of each body (two scans cost as much as one parse). None of
 * it happens on the ingest path: the capture listener only notes that there
 * is more to read (one boolean test per message) and schedules a drain
 * DRAIN_DELAY_MS later. A drain reads the new messages from the buffer in
 * slices of SLICE_MS, giving the event loop a turn between slices, for every
 * chart that still has to read them. A new chart starts at the oldest retained message
 * (backfill) and catches up the same way; so does every chart after the
 * decoding choices change (PayloadDecoding.version) or the capture is
 * cleared. With no chart, nothing is attached to the capture.
 *
 * @module
 */
import { sliceClock, yieldToEventLoop } from '../archive/cooperative.ts';
import type { TraceCapture } from '../capture/index.ts';
import type { PayloadDecoding } from '../model/payload-decoding.ts';
import { parseFieldPath, valueAtPath } from './field-path.ts';
import { FieldSeries } from './field-series.ts';

/** Charts at once: each holds up to an hour of per-second stats and 10,000 points. */
export const MAX_FIELD_CHARTS = 6;
/** How long new messages wait to be read: one drain per that much traffic, not one per message. */
export const DRAIN_DELAY_MS = 200;

export type AddFieldResult = { ok: true; series: FieldSeries } | { ok: false; error: string };

const NOT_DECODED = Symbol('not decoded');

export class FieldCharts {
  private charts: FieldSeries[] = [];
  private readonly listeners = new Set<() => void>();
  private changes = 0;
  /** Charts that have not read the retained messages yet (added, or restarted). */
  private readonly backfilling = new Set<FieldSeries>();
  private detach: (() => void) | null = null;
  private draining = false;
  private drainTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly capture: TraceCapture,
    private readonly payloads: PayloadDecoding,
  ) {}

  /** The charted fields, in the order they were added. Replaced (not mutated) on add/remove. */
  get list(): readonly FieldSeries[] {
    return this.charts;
  }

  get(pathText: string): FieldSeries | undefined {
    return this.charts.find((c) => c.path.text === pathText);
  }

  /** Messages `series` still has to read of the retained ones after being added or restarted; 0 once it has (it then follows the new ones a few hundred ms behind). */
  backfillPending(series: FieldSeries): number {
    if (!this.backfilling.has(series)) return 0;
    return Math.max(0, this.capture.buffer.lastSeq + 1 - Math.max(series.cursor, this.capture.buffer.firstSeq));
  }

  /** Moves when a chart is added or removed, or has read every retained message after being added or restarted. */
  get version(): number {
    return this.changes;
  }

  /** Moves whenever a chart's values or the list of charts changed: a reader that saw it unchanged has nothing new to draw. */
  get dataVersion(): number {
    let sum = this.changes;
    for (const series of this.charts) sum += series.version;
    return sum;
  }

  /** Called when `version` moves (never per message: a panel re-renders on it). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Charts the field at `pathText` over every retained message and then the new ones; the same path twice is one chart. */
  add(pathText: string): AddFieldResult {
    const parsed = parseFieldPath(pathText);
    if (!parsed.ok) return parsed;
    const existing = this.get(parsed.path.text);
    if (existing !== undefined) return { ok: true, series: existing };
    if (this.charts.length >= MAX_FIELD_CHARTS) return { ok: false, error: `At most ${MAX_FIELD_CHARTS} field charts: remove one first.` };
    const series = new FieldSeries(parsed.path, this.capture.buffer.firstSeq);
    this.charts = [...this.charts, series];
    this.backfilling.add(series);
    this.attach();
    this.scheduleDrain(0);
    this.notify();
    return { ok: true, series };
  }

  remove(pathText: string): void {
    const before = this.charts.length;
    this.charts = this.charts.filter((c) => c.path.text !== pathText);
    if (this.charts.length === before) return;
    for (const series of this.backfilling) if (!this.charts.includes(series)) this.backfilling.delete(series);
    if (this.charts.length === 0) this.stop();
    this.notify();
  }

  /** Reads everything pending now, in one go (tests, benchmarks). */
  drainNow(): void {
    if (this.drainSlice(false)) this.caughtUp();
  }

  /** Removes every chart and detaches from the capture. */
  dispose(): void {
    this.charts = [];
    this.stop();
  }

  private attach(): void {
    if (this.detach !== null) return;
    const detachCapture = this.capture.addListener({
      onAppend: () => {
        if (this.drainTimer === null && !this.draining) this.scheduleDrain(DRAIN_DELAY_MS);
      },
      onClear: () => this.restart(),
    });
    const detachPayloads = this.payloads.subscribe(() => this.restart());
    this.detach = () => {
      detachCapture();
      detachPayloads();
    };
  }

  private stop(): void {
    this.detach?.();
    this.detach = null;
    if (this.drainTimer !== null) clearTimeout(this.drainTimer);
    this.drainTimer = null;
  }

  /** Every chart reads the retained messages again from the oldest. */
  private restart(): void {
    for (const series of this.charts) {
      series.reset(this.capture.buffer.firstSeq);
      this.backfilling.add(series);
    }
    this.scheduleDrain(0);
  }

  private scheduleDrain(delayMs: number): void {
    if (this.drainTimer !== null || this.draining || this.detach === null) return;
    this.drainTimer = setTimeout(() => {
      this.drainTimer = null;
      void this.drain();
    }, delayMs);
  }

  /** Slices until nothing is pending, a turn of the event loop between them. */
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.detach !== null && !this.drainSlice()) await yieldToEventLoop();
      this.caughtUp();
    } finally {
      this.draining = false;
    }
  }

  /**
   * Reads pending messages (for one slice of time when `timed`); true when
   * every chart has read everything. Each body is decoded at most once.
   */
  private drainSlice(timed = true): boolean {
    const buffer = this.capture.buffer;
    const charts = this.charts;
    const clock = timed ? sliceClock() : null;
    let start = Infinity;
    for (const series of charts) {
      if (series.cursor < buffer.firstSeq) {
        series.counts.missed += buffer.firstSeq - series.cursor;
        series.cursor = buffer.firstSeq;
      }
      start = Math.min(start, series.cursor);
    }
    const last = buffer.lastSeq;
    for (let seq = start; seq <= last; seq++) {
      if ((seq & 63) === 0 && clock?.expired()) return false;
      const message = buffer.get(seq);
      let value: unknown = NOT_DECODED;
      for (const series of charts) {
        if (series.cursor > seq) continue;
        if (message !== undefined) {
          if (charts.length === 1) series.record(message, this.payloads.fieldOf(message, series.path.segments));
          else {
            if (value === NOT_DECODED) value = this.payloads.valueOf(message);
            series.record(message, valueAtPath(value, series.path.segments));
          }
        }
        series.cursor = seq + 1;
      }
    }
    return true;
  }

  /** Every chart has read everything: those that were backfilling are done, which the panel shows once. */
  private caughtUp(): void {
    if (this.backfilling.size === 0) return;
    this.backfilling.clear();
    this.notify();
  }

  private notify(): void {
    this.changes++;
    for (const listener of this.listeners) listener();
  }
}
