/**
 * From a viewers ladder to the sizing model: what keeping up means for one
 * step, and the cost per viewer as the slope of a least-squares line through
 * the steps that kept up (the no-viewer baseline of the same run is N = 0),
 * normalised to 1,000 msg/s.
 */
export interface StepDelivery {
  /** Published in the window. */
  published: number;
  /** Distinct seqs each viewer got within the window and the drain. */
  distinct: number[];
  /** Largest depth seen on any one viewer's queue, and on the shovel's queue on the origin. */
  peakViewerQueue: number;
  peakShovelQueue: number;
}

/** Every viewer gets ≥ 98 % of what was published within the window + drain. */
export const MIN_DELIVERED = 0.98;
/**
 * Queues "do not grow": no viewer queue and no shovel queue ever holds more
 * than this many seconds of traffic. The management API refreshes its counts
 * every 5 s, so a short window shows a queue's shape, not a trend line.
 */
export const MAX_QUEUE_SECONDS = 2;

export function keepsUp(step: StepDelivery, rate: number): boolean {
  const bound = rate * MAX_QUEUE_SECONDS;
  return (
    step.distinct.length > 0 &&
    step.distinct.every((d) => d >= step.published * MIN_DELIVERED) &&
    step.peakViewerQueue <= bound &&
    step.peakShovelQueue <= bound
  );
}

export interface Line {
  slope: number;
  intercept: number;
}

/** Least squares y = slope·x + intercept over the finite points; NaN slope with fewer than two distinct x. */
export function fitLine(all: readonly { x: number; y: number }[]): Line {
  const points = all.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  if (n < 2 || sxx === 0) return { slope: NaN, intercept: n > 0 ? my : NaN };
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

export interface CostModel {
  /** Mirror CPU (% of one core) per viewer per 1,000 msg/s. */
  cpuPerViewer: number;
  /** Mirror CPU with no viewer (the shovel in, the stream written, at the phase's rate): the fit's intercept. */
  cpuBase: number;
  /** Mirror memory per viewer, bytes (connected and receiving at the rate). */
  memoryPerViewer: number;
  /** Largest N that kept up, and the first that did not (null: the ladder ended first). */
  keptUpTo: number;
  firstMissed: number | null;
  /** N (at 1,000 msg/s each) at which the line reaches `coreBudget` % of one core: where one node would run out, had it those cores to itself. */
  projectedN: number;
}

export interface LadderPoint {
  viewers: number;
  /** msg/s actually published in the window. */
  rate: number;
  /** msg/s delivered to all viewers together over the window (N × rate when they keep up). */
  delivered: number;
  mirrorCpu: number;
  /** Mirror memory growth over the no-viewer state before the step, bytes. */
  memoryGrowth: number;
  keptUp: boolean;
}

/**
 * CPU is fitted against deliveries (thousands of msg/s to all viewers
 * together), not against N: on a busy box a starved node delivers less and
 * spends less, and per delivery the cost stays put. One viewer at 1,000 msg/s
 * is 1,000 deliveries/s, so the slope is the cost per viewer per 1,000 msg/s.
 * Memory is fitted against N over the steps that kept up (a step that fell
 * behind holds its backlog, once per viewer queue).
 */
export function costModel(baseline: LadderPoint, ladder: readonly LadderPoint[], coreBudget: number): CostModel {
  const kept = [baseline, ...ladder.filter((p) => p.keptUp)];
  const cpu = fitLine([baseline, ...ladder].map((p) => ({ x: p.delivered / 1000, y: p.mirrorCpu })));
  const memory = fitLine(kept.map((p) => ({ x: p.viewers, y: p.memoryGrowth })));
  const keptUpTo = Math.max(0, ...ladder.filter((p) => p.keptUp).map((p) => p.viewers));
  const missed = ladder.filter((p) => !p.keptUp).map((p) => p.viewers);
  return {
    cpuPerViewer: cpu.slope,
    cpuBase: cpu.intercept,
    memoryPerViewer: memory.slope,
    keptUpTo,
    firstMissed: missed.length > 0 ? Math.min(...missed) : null,
    projectedN: cpu.slope > 0 ? (coreBudget - cpu.intercept) / cpu.slope : NaN,
  };
}
