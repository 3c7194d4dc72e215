import { describe, expect, it } from 'vitest';
import { binEdgeLabel, formatLatency, latencyDataValue } from './format.ts';

describe('formatLatency', () => {
  it('picks the unit that reads best', () => {
    expect(formatLatency(0)).toBe('0 ms');
    expect(formatLatency(0.44)).toBe('0.4 ms');
    expect(formatLatency(3)).toBe('3 ms');
    expect(formatLatency(9.96)).toBe('10 ms');
    expect(formatLatency(345.4)).toBe('345 ms');
    expect(formatLatency(1234)).toBe('1.23 s');
    expect(formatLatency(2000)).toBe('2 s');
    expect(formatLatency(12_345)).toBe('12.3 s');
    expect(formatLatency(150_000)).toBe('2.5 min');
    expect(formatLatency(4_320_000)).toBe('1.2 h');
  });

  it('shows a dash when there is no value', () => {
    expect(formatLatency(NaN)).toBe('–');
  });
});

describe('latencyDataValue', () => {
  it('is whole milliseconds, or empty', () => {
    expect(latencyDataValue(12.6)).toBe('13');
    expect(latencyDataValue(0.2)).toBe('0');
    expect(latencyDataValue(NaN)).toBe('');
  });
});

describe('binEdgeLabel', () => {
  it('is short', () => {
    expect(binEdgeLabel(0)).toBe('0');
    expect(binEdgeLabel(1.189)).toBe('1.2');
    expect(binEdgeLabel(35.2)).toBe('35');
    expect(binEdgeLabel(1448)).toBe('1.4k');
    expect(binEdgeLabel(23_170)).toBe('23k');
  });
});
