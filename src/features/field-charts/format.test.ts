import { describe, expect, it } from 'vitest';
import { compactValue, formatValue, timeTicks, valueTicks } from './format.ts';

describe('field chart formatting', () => {
  it('writes summary values exactly enough to read', () => {
    expect(formatValue(1999)).toBe('1,999');
    expect(formatValue(-5.25)).toBe('-5.25');
    expect(formatValue(2 / 3)).toBe('0.667');
  });

  it('writes axis values compactly', () => {
    expect(compactValue(950)).toBe('950');
    expect(compactValue(1250)).toBe('1.3k');
    expect(compactValue(-34_000)).toBe('-34k');
    expect(compactValue(1_500_000)).toBe('1.5M');
    expect(compactValue(0.125)).toBe('0.125');
  });

  it('gives round ticks that cover the values', () => {
    expect(valueTicks(0, 100)).toEqual([0, 25, 50, 75, 100]);
    expect(valueTicks(120, 9800)).toEqual([0, 2500, 5000, 7500, 10000]);
    expect(valueTicks(-3, 7)).toEqual([-5, -2.5, 0, 2.5, 5, 7.5]);
    expect(valueTicks(0.1, 0.3)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3]);
    expect(valueTicks(5, 5)).toEqual([4, 5, 6]);
    expect(valueTicks(0, 0)).toEqual([-1, 0, 1]);
    expect(valueTicks(Number.POSITIVE_INFINITY, 0)).toEqual([0, 1]);
    for (const [min, max] of [[1, 1e15], [-1e-9, 1e-9], [123.456, 123.457]] as const) {
      const ticks = valueTicks(min, max);
      expect(ticks.length).toBeLessThanOrEqual(12);
      expect(ticks[0]).toBeLessThanOrEqual(min);
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
    }
  });

  it('puts six or fewer clock ticks on round times', () => {
    expect(timeTicks(1000, 1299)).toEqual([1020, 1080, 1140, 1200, 1260]);
    expect(timeTicks(0, 3599).length).toBeLessThanOrEqual(6);
    expect(timeTicks(0, 3599).every((t) => t % 600 === 0)).toBe(true);
  });
});
