import { describe, expect, it } from 'vitest';
import { epochSecondsToIso, exchangeLabel, formatBytes, formatExactBytes, formatSeconds, formatShovelLag } from './format.ts';

describe('inspector formatting', () => {
  it('formats sizes the way the decode limit note reads', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(1023)).toBe('1023 bytes');
    expect(formatBytes(256 * 1024)).toBe('256 KiB');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(1024 * 1024)).toBe('1.0 MB');
    expect(formatBytes(1024 * 1024 - 1)).toBe('1.0 MB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10.0 MB');
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
