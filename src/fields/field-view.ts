/**
 * Reading a FieldSeries for a chart: over a window of seconds, the exact
 * min / mean / max of every value in it (the summary), the top routing keys
 * by number of values plus "other", and either
 * - rows: per step (one second, or more so that there are at most MAX_ROWS),
 *   min, max, mean, and the mean of each series; or
 * - points: the values themselves, when the window is sparse (at most
 *   SPARSE_MAX_POINTS values, and fewer than SPARSE_PER_SECOND a second).
 * Bounded whatever the traffic: at most MAX_ROWS rows, SPARSE_MAX_POINTS
 * points, `topKeys` + 1 series.
 *
 * @module
 */
import { FieldStats } from './field-stats.ts';
import type { FieldSeries, SecondSlot } from './field-series.ts';

export const MAX_ROWS = 360;
export const SPARSE_MAX_POINTS = 600;
export const SPARSE_PER_SECOND = 2;
export const DEFAULT_TOP_KEYS = 5;

export interface FieldViewOptions {
  /** Last second of the window (epoch seconds, inclusive). */
  endSecond: number;
  windowSeconds: number;
  /** Routing keys charted apart; the rest are "other". Default {@link DEFAULT_TOP_KEYS}. */
  topKeys?: number;
}

/** One line of the chart: a routing key, or every other key (key null). */
export interface FieldViewSeries {
  key: string | null;
  /** Values in the window. */
  count: number;
}

export interface FieldSummary {
  count: number;
  min: number;
  mean: number;
  max: number;
  minSeq: number;
  maxSeq: number;
}

/** One step of the chart; `means[i]` is series i's mean, null when it has no value in the step. */
export interface FieldRow {
  second: number;
  count: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  minSeq: number;
  maxSeq: number;
  means: (number | null)[];
}

export interface FieldPoint {
  /** Epoch seconds, with the milliseconds as a fraction. */
  time: number;
  value: number;
  seq: number;
  /** Index into the view's series. */
  series: number;
}

export interface FieldView {
  startSecond: number;
  endSecond: number;
  stepSeconds: number;
  series: FieldViewSeries[];
  summary: FieldSummary | null;
  rows: FieldRow[];
  /** The values themselves when the window is sparse, else null (draw the rows). */
  points: FieldPoint[] | null;
}

export function readFieldView(source: FieldSeries, options: FieldViewOptions): FieldView {
  const windowSeconds = Math.max(1, Math.floor(options.windowSeconds));
  const endSecond = options.endSecond;
  const startSecond = endSecond - windowSeconds + 1;
  const stepSeconds = Math.max(1, Math.ceil(windowSeconds / MAX_ROWS));
  const slots: SecondSlot[] = [];
  const total = new FieldStats();
  const perKey = new Map<string, number>();
  let overflow = 0;
  for (let second = startSecond; second <= endSecond; second++) {
    const slot = source.slotAt(second);
    if (slot === undefined) continue;
    slots.push(slot);
    total.merge(slot.total);
    overflow += slot.overflow.count;
    for (const [key, stats] of slot.keys ?? []) perKey.set(key, (perKey.get(key) ?? 0) + stats.count);
  }
  const series = topSeries(perKey, overflow, options.topKeys ?? DEFAULT_TOP_KEYS);
  const indexOfKey = new Map<string, number>();
  series.forEach((s, i) => s.key !== null && indexOfKey.set(s.key, i));
  const otherIndex = series.findIndex((s) => s.key === null);
  const summary = total.count === 0 ? null : { count: total.count, min: total.min, mean: total.mean, max: total.max, minSeq: total.minSeq, maxSeq: total.maxSeq };
  const view = { startSecond, endSecond, stepSeconds, series, summary, rows: [] as FieldRow[], points: null as FieldPoint[] | null };
  if (total.count <= Math.min(SPARSE_MAX_POINTS, SPARSE_PER_SECOND * windowSeconds)) {
    view.points = readPoints(source, startSecond, endSecond, (key) => indexOfKey.get(key) ?? otherIndex);
    if (view.points !== null) return view;
  }
  view.rows = readRows(slots, startSecond, endSecond, stepSeconds, series.length, (key) => indexOfKey.get(key) ?? otherIndex, otherIndex);
  return view;
}

/** The `n` keys with most values (ties by key), then "other" for the rest if any. */
function topSeries(perKey: Map<string, number>, overflow: number, n: number): FieldViewSeries[] {
  const sorted = [...perKey].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const series: FieldViewSeries[] = sorted.slice(0, Math.max(0, n)).map(([key, count]) => ({ key, count }));
  const rest = sorted.slice(series.length).reduce((sum, [, count]) => sum + count, overflow);
  if (rest > 0) series.push({ key: null, count: rest });
  return series;
}

function readPoints(source: FieldSeries, startSecond: number, endSecond: number, seriesOf: (key: string) => number): FieldPoint[] | null {
  const points: FieldPoint[] = [];
  const complete = source.forEachPoint(startSecond * 1000, (endSecond + 1) * 1000, (timeMs, value, seq, key) => {
    points.push({ time: timeMs / 1000, value, seq, series: seriesOf(key) });
  });
  return complete ? points : null;
}

function readRows(
  slots: SecondSlot[],
  startSecond: number,
  endSecond: number,
  step: number,
  seriesCount: number,
  seriesOf: (key: string) => number,
  otherIndex: number,
): FieldRow[] {
  const rows: FieldRow[] = [];
  let next = 0;
  for (let from = startSecond; from <= endSecond; from += step) {
    const total = new FieldStats();
    const means = Array.from({ length: seriesCount }, () => new FieldStats());
    for (; next < slots.length && (slots[next]?.second ?? Infinity) < from + step; next++) {
      const slot = slots[next] as SecondSlot;
      total.merge(slot.total);
      for (const [key, stats] of slot.keys ?? []) means[seriesOf(key)]?.merge(stats);
      if (otherIndex >= 0) means[otherIndex]?.merge(slot.overflow);
    }
    const has = total.count > 0;
    rows.push({
      second: from,
      count: total.count,
      min: has ? total.min : null,
      max: has ? total.max : null,
      mean: has ? total.mean : null,
      minSeq: total.minSeq,
      maxSeq: total.maxSeq,
      means: means.map((s) => (s.count > 0 ? s.mean : null)),
    });
  }
  return rows;
}
