import { describe, expect, it } from 'vitest';
import { bandPath, linePath } from './field-paths.ts';

// 10 px per unit, 0 at y = 100: the chart's y axis upside down, as in SVG.
const y = (v: number) => 100 - v * 10;

describe('bandPath', () => {
  it('outlines the band along the highs and back along the lows', () => {
    expect(bandPath([0, 10, 20], [1, 0, 2], [3, 4, 5], y)).toBe('M0,70L10,60L20,50L20,80L10,100L0,90Z');
  });

  it('breaks where a step has no value, one outline per run', () => {
    expect(bandPath([0, 10, 20, 30, 40], [1, 1, null, 2, 2], [3, 3, null, 4, 4], y)).toBe('M0,70L10,70L10,90L0,90ZM30,60L40,60L40,80L30,80Z');
  });

  it('draws a lone step as a vertical line and nothing for no values', () => {
    expect(bandPath([0, 10, 20], [null, 1, null], [null, 2, null], y)).toBe('M10,80L10,90Z');
    expect(bandPath([0, 10], [null, null], [null, null], y)).toBe('');
    expect(bandPath([], [], [], y)).toBe('');
  });

  it('keeps a tenth of a pixel', () => {
    expect(bandPath([0, 3.333], [0, 0], [1.234, 1], y)).toBe('M0,87.7L3.3,90L3.3,100L0,100Z');
  });
});

describe('linePath', () => {
  it('joins consecutive values and starts a new segment after a gap', () => {
    expect(linePath([0, 10, 20, 30, 40], [1, 2, null, 3, 4], y)).toEqual({ d: 'M0,90L10,80M30,70L40,60', lone: [] });
  });

  it('gives a value with no neighbour to a dot instead of a segment', () => {
    expect(linePath([0, 10, 20, 30], [1, null, 2, 3], y)).toEqual({ d: 'M20,80L30,70', lone: [0] });
    expect(linePath([0, 10, 20], [null, 5, null], y)).toEqual({ d: '', lone: [1] });
  });

  it('reads 0 as a value, not as a gap', () => {
    expect(linePath([0, 10], [0, 0], y)).toEqual({ d: 'M0,100L10,100', lone: [] });
  });
});
