import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from './latency-histogram.ts';

describe('LatencyHistogram', () => {
  it('is empty at first', () => {
    const h = new LatencyHistogram();
    expect(h.count).toBe(0);
    expect(h.quantile(0.5)).toBeNaN();
    expect(h.bins()).toEqual([]);
  });

  it('reads percentiles within the bucket precision (2.2 %), min and max exactly', () => {
    const h = new LatencyHistogram();
    for (let v = 1; v <= 1000; v++) h.record(v);
    expect(h.count).toBe(1000);
    expect(h.min).toBe(1);
    expect(h.max).toBe(1000);
    for (const [q, exact] of [[0.5, 500], [0.95, 950], [0.99, 990]] as const) {
      expect(Math.abs(h.quantile(q) - exact) / exact).toBeLessThan(0.022);
    }
    expect(h.quantile(1)).toBe(1000);
  });

  it('puts sub-millisecond and negative values in the first bucket, huge ones in the last', () => {
    const h = new LatencyHistogram();
    h.record(-5);
    h.record(0.2);
    h.record(1e12);
    expect(h.min).toBe(0);
    expect(h.max).toBe(1e12);
    expect(h.quantile(0.5)).toBeLessThan(1);
    expect(h.quantile(1)).toBe(1e12);
  });

  it('gives chart bins that add up to the count, trimmed to the non-empty range', () => {
    const h = new LatencyHistogram();
    for (const v of [3, 3.5, 40, 41, 900]) h.record(v);
    const bins = h.bins(4);
    expect(bins.reduce((sum, b) => sum + b.count, 0)).toBe(5);
    expect(bins[0]!.fromMs).toBeLessThanOrEqual(3);
    expect(bins.at(-1)!.toMs).toBeGreaterThan(900);
    for (let i = 1; i < bins.length; i++) expect(bins[i]!.fromMs).toBeCloseTo(bins[i - 1]!.toMs, 9);
  });
});
