import { describe, expect, it } from 'vitest';
import { byteTickLabel, byteTicks, countTicks } from './format.ts';

describe('byteTicks', () => {
  it('steps in round numbers of the unit the labels use, at most four steps', () => {
    expect(byteTicks(8.4 * 1024)).toEqual([0, 5, 10].map((k) => k * 1024));
    expect(byteTicks(3000)).toEqual([0, 1024, 2048, 3072]);
    expect(byteTicks(1024)).toEqual([0, 1024]);
    expect(byteTicks(700)).toEqual([0, 200, 400, 600, 800]);
    expect(byteTicks(3.2 * 1024 * 1024)).toEqual([0, 1, 2, 3, 4].map((m) => m * 1024 * 1024));
  });

  it('labels ticks as whole numbers of their unit', () => {
    expect(byteTicks(8.4 * 1024).map(byteTickLabel)).toEqual(['0 B', '5 KiB', '10 KiB']);
  });
});

describe('countTicks', () => {
  it('steps in 1, 2 or 5 times a power of ten, at most four steps, the last at or above the max', () => {
    expect(countTicks(0)).toEqual([0, 1, 2, 3, 4]);
    expect(countTicks(3)).toEqual([0, 1, 2, 3, 4]);
    expect(countTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(countTicks(10)).toEqual([0, 5, 10]);
    expect(countTicks(51)).toEqual([0, 20, 40, 60]);
    expect(countTicks(4321)).toEqual([0, 2000, 4000, 6000]);
  });
});
