import { describe, expect, it } from 'vitest';
import { epochSecondsToIso, exchangeLabel, formatExactBytes, formatSeconds, formatShovelLag } from './format.ts';

describe('inspector formatting', () => {
  it('gives exact byte counts with separators', () => {
    expect(formatExactBytes(1)).toBe('1 byte');
    expect(formatExactBytes(2301)).toBe('2,301 bytes');
  });

  it('states the mirror lag with its one-second uncertainty', () => {
    expect(formatShovelLag(400)).toBe('shovelled 0.4 s before arrival (±1 s)');
    expect(formatShovelLag(0)).toBe('shovelled 0.0 s before arrival (±1 s)');
    expect(formatShovelLag(-300)).toBe('shovelled 0.3 s after arrival (±1 s)');
    expect(formatShovelLag(42_000)).toBe('shovelled 42 s before arrival (±1 s)');
  });

  it('formats long durations in minutes', () => {
    expect(formatSeconds(185_000)).toBe('3 min 5 s');
  });

  it('names the default exchange', () => {
    expect(exchangeLabel('')).toBe('(default)');
    expect(exchangeLabel('celery')).toBe('celery');
  });

  it('turns float epoch seconds into ISO, keeping out-of-range numbers', () => {
    expect(epochSecondsToIso(1795451602.396)).toBe('2026-11-23T16:33:22.396Z');
    expect(epochSecondsToIso(1e20)).toBe('100000000000000000000');
  });
});
