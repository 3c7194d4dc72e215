import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from '../../conversations/index.ts';
import { histogramBars, mergeBins } from './histogram-bars.ts';

function histogram(values: number[]): LatencyHistogram {
  const h = new LatencyHistogram();
  for (const v of values) h.record(v);
  return h;
}

describe('histogramBars', () => {
  it('counts both series on the same bins, holes included', () => {
    const bars = histogramBars(histogram([100, 110, 120]), histogram([2, 3]));
    expect(bars.reduce((n, b) => n + b.latency, 0)).toBe(3);
    expect(bars.reduce((n, b) => n + b.runtime, 0)).toBe(2);
    // Contiguous: each bar starts where the previous one ended.
    for (let i = 1; i < bars.length; i++) expect(bars[i]!.fromMs).toBeCloseTo(bars[i - 1]!.toMs, 9);
    expect(bars[0]!.fromMs).toBeLessThanOrEqual(2);
    expect(bars[bars.length - 1]!.toMs).toBeGreaterThan(120);
  });

  it('keeps at most 40 bars, however wide the spread', () => {
    const bars = histogramBars(histogram([0.2, 5, 90_000, 3_000_000]), new LatencyHistogram());
    expect(bars.length).toBeLessThanOrEqual(40);
    expect(bars.reduce((n, b) => n + b.latency, 0)).toBe(4);
    expect(bars[0]!.fromMs).toBe(0);
  });

  it('is empty when nothing was recorded', () => {
    expect(histogramBars(new LatencyHistogram(), new LatencyHistogram())).toEqual([]);
  });
});

describe('mergeBins', () => {
  it('fills the [0, 1) ms bin and the bins up to the next one', () => {
    const bars = mergeBins([{ fromMs: 0, toMs: 1, count: 2 }], [{ fromMs: 2, toMs: 2 ** 1.5, count: 1 }], 2);
    expect(bars.map((b) => [b.fromMs, b.latency, b.runtime])).toEqual([
      [0, 2, 0],
      [1, 0, 0],
      [2 ** 0.5, 0, 0],
      [2, 0, 1],
    ]);
  });
});
