import { describe, expect, it } from 'vitest';
import { byteTickLabel, byteTicks } from './format.ts';

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
