import { describe, expect, it } from 'vitest';
import { stackedStepPaths } from './step-paths.ts';

// 10 px per unit, 0 at y = 100: the chart's y axis upside down, as in SVG.
const y = (v: number) => 100 - v * 10;

describe('stackedStepPaths', () => {
  it('steps at the midpoints between seconds, as recharts type="step" (d3 curveStep) does', () => {
    const [only] = stackedStepPaths([0, 10, 20], [{ values: [1, 2, 0] }], y);
    expect(only?.top).toBe('M0,90H5V80H15V100H20');
    expect(only?.area).toBe('M0,90H5V80H15V100H20V100H0Z');
  });

  it('stacks each layer on the ones below it, its outline returning along their top', () => {
    const [, upper] = stackedStepPaths([0, 10, 20], [{ values: [1, 2, 0] }, { values: [1, 1, 1] }], y);
    expect(upper?.top).toBe('M0,80H5V70H15V90H20');
    expect(upper?.area).toBe('M0,80H5V70H15V90H20V100H15V80H5V90H0Z');
  });

  it('draws runs of equal values as one segment', () => {
    const [only] = stackedStepPaths([0, 10, 20, 30], [{ values: [2, 2, 2, 3] }], y);
    expect(only?.top).toBe('M0,80H25V70H30');
  });

  it('reads a missing value as 0 and keeps a tenth of a pixel', () => {
    const [only] = stackedStepPaths([0, 3.333, 6.667], [{ values: [1] }], y);
    expect(only?.top).toBe('M0,90H1.7V100H6.7');
  });

  it('gives a single second a zero-width outline and no seconds nothing', () => {
    expect(stackedStepPaths([5], [{ values: [3] }], y)).toEqual([{ top: 'M5,70H5', area: 'M5,70H5V100H5Z' }]);
    expect(stackedStepPaths([], [{ values: [] }], y)).toEqual([{ top: '', area: '' }]);
  });
});
