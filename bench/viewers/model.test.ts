import { describe, expect, it } from 'vitest';
import { costModel, fitLine, keepsUp } from './model.ts';

describe('keepsUp', () => {
  const step = { published: 10_000, distinct: [10_000, 9_850], peakViewerQueue: 300, peakShovelQueue: 0 };
  it('needs every viewer at ≥ 98 % and no queue past two seconds of traffic', () => {
    expect(keepsUp(step, 1000)).toBe(true);
    expect(keepsUp({ ...step, distinct: [10_000, 9_790] }, 1000)).toBe(false);
    expect(keepsUp({ ...step, peakViewerQueue: 2_500 }, 1000)).toBe(false);
    expect(keepsUp({ ...step, peakShovelQueue: 2_500 }, 1000)).toBe(false);
    expect(keepsUp({ ...step, distinct: [] }, 1000)).toBe(false);
  });
});

describe('fitLine', () => {
  it('fits an exact line and refuses a single x', () => {
    expect(fitLine([{ x: 0, y: 1 }, { x: 2, y: 5 }, { x: 4, y: 9 }])).toEqual({ slope: 2, intercept: 1 });
    expect(fitLine([{ x: 3, y: 1 }, { x: 3, y: 2 }]).slope).toBeNaN();
    expect(fitLine([{ x: 0, y: 1 }, { x: 1, y: NaN }, { x: 2, y: 5 }])).toEqual({ slope: 2, intercept: 1 });
  });
});

describe('costModel', () => {
  it('fits CPU per 1,000 deliveries/s (a starved step included), memory over the steps that kept up, and projects where the cores run out', () => {
    const point = (viewers: number, delivered: number, mirrorCpu: number, keptUp = true) => ({ viewers, rate: 1000, delivered, mirrorCpu, memoryGrowth: keptUp ? viewers * 100_000 : 9e9, keptUp });
    // 20 % with nobody watching, 4 % per 1,000 deliveries/s; eight viewers were starved to 500 msg/s each.
    const model = costModel(point(0, 0, 20), [point(1, 1000, 24), point(2, 2000, 28), point(4, 4000, 36), point(8, 4000, 36, false)], 100);
    expect(model.cpuBase).toBeCloseTo(20);
    expect(model.cpuPerViewer).toBeCloseTo(4);
    expect(model.memoryPerViewer).toBeCloseTo(100_000);
    expect(model.keptUpTo).toBe(4);
    expect(model.firstMissed).toBe(8);
    expect(model.projectedN).toBeCloseTo(20);
  });
});
