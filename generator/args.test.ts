import { describe, expect, it } from 'vitest';
import { parseGeneratorArgs, parseWorkerArgs } from './args.ts';

describe('generator flags', () => {
  it('has production defaults', () => {
    expect(parseGeneratorArgs([])).toEqual({ rate: 50, duration: null, count: null, seqStart: 1, mix: 'default', seed: null, quiet: false, help: false });
  });

  it('parses every flag', () => {
    const o = parseGeneratorArgs(['--rate', '100', '--duration', '10', '--count', '500', '--seq-start', '7', '--mix', 'awkward', '--seed', '3', '--quiet']);
    expect(o).toMatchObject({ rate: 100, duration: 10, count: 500, seqStart: 7, mix: 'awkward', seed: 3, quiet: true });
  });

  it('rejects nonsense', () => {
    expect(() => parseGeneratorArgs(['--rate', '0'])).toThrow(/--rate/);
    expect(() => parseGeneratorArgs(['--count', '1.5'])).toThrow(/--count/);
    expect(() => parseGeneratorArgs(['--mix', 'chaos'])).toThrow(/--mix/);
    expect(() => parseGeneratorArgs(['--bogus'])).toThrow();
  });
});

describe('worker flags', () => {
  it('defaults to a 5% failure rate', () => {
    expect(parseWorkerArgs([]).failRate).toBe(0.05);
    expect(() => parseWorkerArgs(['--fail-rate', '2'])).toThrow(/--fail-rate/);
  });
});
