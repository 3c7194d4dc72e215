import { describe, expect, it } from 'vitest';
import type { TracedMessage } from '../model/types.ts';
import { parseFieldPath, type FieldPath } from './field-path.ts';
import { FieldSeries, MAX_KEYS_PER_SECOND, POINT_CAPACITY, SERIES_SECONDS } from './field-series.ts';
import { MAX_ROWS, readFieldView, SPARSE_MAX_POINTS } from './field-view.ts';

const T0 = 1_700_000_000; // epoch seconds

function path(text: string): FieldPath {
  const parsed = parseFieldPath(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.path;
}

let nextSeq = 1;
function message(receivedAtMs: number, routingKey = 'orders.eu'): TracedMessage {
  return { seq: nextSeq++, receivedAt: receivedAtMs, routingKey } as TracedMessage;
}

/** Records `value` as $.v of a message at `second` (+ms) under `key`; returns its seq. */
function put(series: FieldSeries, second: number, value: unknown, key = 'orders.eu', ms = 0): number {
  const m = message(second * 1000 + ms, key);
  series.record(m, value);
  return m.seq;
}

describe('FieldSeries and its view', () => {
  it('gives the exact min, mean and max of the window, with the seqs of the extremes', () => {
    const series = new FieldSeries(path('$.v'), 1);
    put(series, T0, 10);
    const maxSeq = put(series, T0, 40);
    const minSeq = put(series, T0 + 1, -5);
    put(series, T0 + 2, 15);
    const view = readFieldView(series, { endSecond: T0 + 2, windowSeconds: 300 });
    expect(view.summary).toEqual({ count: 4, min: -5, mean: 15, max: 40, minSeq, maxSeq });
    // Outside the window: not in the summary.
    expect(readFieldView(series, { endSecond: T0 + 2, windowSeconds: 2 }).summary).toMatchObject({ count: 2, min: -5, max: 15, mean: 5 });
  });

  it('counts messages without the field and fields that are not numbers apart', () => {
    const series = new FieldSeries(path('$.v'), 1);
    put(series, T0, 1);
    put(series, T0, '12');
    put(series, T0, null);
    series.record(message(T0 * 1000), undefined);
    series.record(message(T0 * 1000), undefined);
    expect(series.counts).toMatchObject({ values: 1, notNumber: 2, absent: 2 });
  });

  it('aggregates per second: min, mean, max, and the mean of each routing key', () => {
    const series = new FieldSeries(path('$.v'), 1);
    for (let i = 0; i < 10; i++) put(series, T0, i, i % 2 === 0 ? 'even' : 'odd');
    put(series, T0 + 1, 100, 'even');
    const view = readFieldView(series, { endSecond: T0 + 2, windowSeconds: 3 });
    expect(view.points).toBeNull(); // 11 values in 3 seconds: dense
    expect(view.series).toEqual([
      { key: 'even', count: 6 },
      { key: 'odd', count: 5 },
    ]);
    expect(view.rows[0]).toMatchObject({ second: T0, count: 10, min: 0, mean: 4.5, max: 9, means: [4, 5] });
    expect(view.rows[1]).toMatchObject({ second: T0 + 1, count: 1, min: 100, mean: 100, max: 100, means: [100, null] });
  });

  it('draws rows when the window is dense, with the key means and gaps as null', () => {
    const series = new FieldSeries(path('$.v'), 1);
    for (let s = 0; s < 10; s++) for (let i = 0; i < 5; i++) put(series, T0 + s, s * 10 + i, i < 3 ? 'a' : 'b');
    const view = readFieldView(series, { endSecond: T0 + 10, windowSeconds: 11 });
    expect(view.points).toBeNull();
    expect(view.stepSeconds).toBe(1);
    expect(view.rows).toHaveLength(11);
    expect(view.rows[0]).toMatchObject({ second: T0, count: 5, min: 0, max: 4, mean: 2, means: [1, 3.5] });
    expect(view.rows[10]).toMatchObject({ second: T0 + 10, count: 0, min: null, mean: null, means: [null, null] });
  });

  it('merges seconds into steps so a long window has at most MAX_ROWS rows', () => {
    const series = new FieldSeries(path('$.v'), 1);
    for (let s = 0; s < 3600; s++) put(series, T0 + s, s);
    const view = readFieldView(series, { endSecond: T0 + 3599, windowSeconds: 3600 });
    expect(view.rows.length).toBeLessThanOrEqual(MAX_ROWS);
    expect(view.stepSeconds).toBe(10);
    expect(view.rows[0]).toMatchObject({ second: T0, count: 10, min: 0, max: 9, mean: 4.5 });
    expect(view.summary).toMatchObject({ count: 3600, min: 0, max: 3599 });
  });

  it('keeps the top keys and puts the rest, and keys past the per-second budget, in "other"', () => {
    const series = new FieldSeries(path('$.v'), 1);
    const keys = Array.from({ length: MAX_KEYS_PER_SECOND + 4 }, (_, i) => `k${String(i).padStart(2, '0')}`);
    // k00 gets 5 values, k01 4, ... in the first second; then every key once.
    keys.slice(0, 5).forEach((key, i) => {
      for (let n = 0; n < 5 - i; n++) put(series, T0, 1, key);
    });
    for (const key of keys) put(series, T0, 2, key);
    const view = readFieldView(series, { endSecond: T0, windowSeconds: 1, topKeys: 3 });
    expect(view.series.map((s) => s.key)).toEqual(['k00', 'k01', 'k02', null]);
    const other = view.series[3];
    expect(other?.count).toBe((view.summary?.count ?? 0) - 6 - 5 - 4); // everything not in the top 3, overflow included
    expect(view.series.reduce((sum, s) => sum + s.count, 0)).toBe(view.summary?.count);
  });

  it('shows the values themselves when sparse, each with its seq and series', () => {
    const series = new FieldSeries(path('$.v'), 1);
    const a = put(series, T0, 7, 'a', 250);
    const b = put(series, T0 + 30, 9, 'b', 500);
    const view = readFieldView(series, { endSecond: T0 + 60, windowSeconds: 300 });
    expect(view.points).toEqual([
      { time: T0 + 0.25, value: 7, seq: a, series: 0 },
      { time: T0 + 30.5, value: 9, seq: b, series: 1 },
    ]);
  });

  it('switches to rows past SPARSE_MAX_POINTS values', () => {
    const series = new FieldSeries(path('$.v'), 1);
    for (let i = 0; i <= SPARSE_MAX_POINTS; i++) put(series, T0 + (i % 300), i);
    expect(readFieldView(series, { endSecond: T0 + 299, windowSeconds: 300 }).points).toBeNull();
  });

  it('evicts seconds older than the ring and refuses values older than it reaches', () => {
    const series = new FieldSeries(path('$.v'), 1);
    put(series, T0, 1);
    put(series, T0 + SERIES_SECONDS, 2); // same slot, a newer second
    expect(series.slotAt(T0)).toBeUndefined();
    expect(series.slotAt(T0 + SERIES_SECONDS)?.total.count).toBe(1);
    put(series, T0, 3); // an hour before the newest: too old
    expect(series.counts.tooOld).toBe(1);
    put(series, T0 + 1, 4); // late, but within the hour
    expect(readFieldView(series, { endSecond: T0 + SERIES_SECONDS, windowSeconds: SERIES_SECONDS }).summary).toMatchObject({ count: 2, min: 2, max: 4 });
  });

  it('does not draw points once the ring has lost some of the window', () => {
    const series = new FieldSeries(path('$.v'), 1);
    for (let i = 0; i < POINT_CAPACITY + 10; i++) put(series, T0 + Math.floor(i / 10), 1);
    expect(series.forEachPoint(T0 * 1000, (T0 + 5000) * 1000, () => undefined)).toBe(false);
    expect(series.forEachPoint((T0 + 900) * 1000, (T0 + 5000) * 1000, () => undefined)).toBe(true);
  });

  it('forgets everything on reset and moves its version', () => {
    const series = new FieldSeries(path('$.v'), 1);
    put(series, T0, 1);
    const version = series.version;
    series.reset(42);
    expect(series.version).toBeGreaterThan(version);
    expect(series.cursor).toBe(42);
    expect(series.counts.values).toBe(0);
    expect(readFieldView(series, { endSecond: T0, windowSeconds: 10 })).toMatchObject({ summary: null, points: [] });
  });
});
