/**
 * The bars of the selected row's chart: request → reply latency (page clock)
 * and worker runtime (worker clock) counted on the same log-scaled bins, so
 * the two distributions sit side by side and the gap between them is the
 * time spent queued and in transit. Bin edges are powers of 2^(1/n); the
 * resolution n is the finest that keeps the chart at most MAX_BARS wide.
 */
import type { LatencyBin, LatencyHistogram } from '../../conversations/index.ts';

export interface HistogramBar {
  fromMs: number;
  toMs: number;
  /** Requests answered within [fromMs, toMs). */
  latency: number;
  /** Tasks whose worker runtime was within [fromMs, toMs). */
  runtime: number;
}

const MAX_BARS = 40;
/** Bins per doubling tried, finest first (divisors of the histogram's 32). */
const RESOLUTIONS = [8, 4, 2, 1];

export function histogramBars(latency: LatencyHistogram, runtime: LatencyHistogram): HistogramBar[] {
  let bars: HistogramBar[] = [];
  for (const perDoubling of RESOLUTIONS) {
    bars = mergeBins(latency.bins(perDoubling), runtime.bins(perDoubling), perDoubling);
    if (bars.length <= MAX_BARS) break;
  }
  return bars;
}

/**
 * One bar per bin from the lowest to the highest non-empty one of either
 * series, empty bins included (each histogram trims only its own ends, so
 * two distributions that do not overlap would leave a hole in the axis).
 */
export function mergeBins(latency: readonly LatencyBin[], runtime: readonly LatencyBin[], perDoubling: number): HistogramBar[] {
  const byIndex = new Map<number, HistogramBar>();
  const add = (bin: LatencyBin, field: 'latency' | 'runtime') => {
    const index = binIndex(bin.fromMs, perDoubling);
    let bar = byIndex.get(index);
    if (bar === undefined) {
      bar = { fromMs: bin.fromMs, toMs: bin.toMs, latency: 0, runtime: 0 };
      byIndex.set(index, bar);
    }
    bar[field] += bin.count;
  };
  for (const bin of latency) add(bin, 'latency');
  for (const bin of runtime) add(bin, 'runtime');
  if (byIndex.size === 0) return [];
  const indexes = [...byIndex.keys()];
  const first = Math.min(...indexes);
  const last = Math.max(...indexes);
  const bars: HistogramBar[] = [];
  for (let i = first; i <= last; i++) bars.push(byIndex.get(i) ?? { fromMs: edgeOf(i, perDoubling), toMs: edgeOf(i + 1, perDoubling), latency: 0, runtime: 0 });
  return bars;
}

/** Bin [0, 1) ms is -1; bin [2^(j/n), 2^((j+1)/n)) is j. */
function binIndex(fromMs: number, perDoubling: number): number {
  return fromMs === 0 ? -1 : Math.round(Math.log2(fromMs) * perDoubling);
}

function edgeOf(index: number, perDoubling: number): number {
  return index < 0 ? 0 : 2 ** (index / perDoubling);
}
