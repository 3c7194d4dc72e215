import { describe, expect, it } from 'vitest';
import { quietPeriodFromUrl, DEFAULT_QUIET_MS } from './quiet-period.ts';
import { titleWithCount, UnseenMatches } from './title-count.ts';

describe('UnseenMatches', () => {
  it('counts matches since the page was last seen and clears when it is seen again', () => {
    const unseen = new UnseenMatches();
    expect(unseen.unseen(5)).toBe(0);
    unseen.setSeen(false, 5);
    expect(unseen.unseen(5)).toBe(0);
    expect(unseen.unseen(8)).toBe(3);
    unseen.setSeen(true, 8);
    expect(unseen.unseen(8)).toBe(0);
    expect(unseen.unseen(9)).toBe(0);
    unseen.setSeen(false, 9);
    expect(unseen.unseen(12)).toBe(3);
  });

  it('never goes below zero when a watch (and its count) is removed while unseen', () => {
    const unseen = new UnseenMatches();
    unseen.setSeen(false, 10);
    expect(unseen.unseen(4)).toBe(0);
    expect(unseen.unseen(6)).toBe(2);
  });
});

describe('titleWithCount', () => {
  it('prefixes the count, caps it, and leaves the title alone at zero', () => {
    expect(titleWithCount('Warren', 3)).toBe('(3) Warren');
    expect(titleWithCount('Warren', 0)).toBe('Warren');
    expect(titleWithCount('Warren', 12_345)).toBe('(999+) Warren');
  });
});

describe('quietPeriodFromUrl', () => {
  it('reads whole seconds, and says why anything else is refused', () => {
    expect(quietPeriodFromUrl('')).toBeNull();
    expect(quietPeriodFromUrl('?watchQuiet=2')).toEqual({ ok: true, quietMs: 2000 });
    expect(quietPeriodFromUrl('?watchQuiet=0')).toEqual({ ok: true, quietMs: 0 });
    for (const bad of ['-1', '1.5', 'abc', '', '86401', '1e3', '99999999999']) {
      const parsed = quietPeriodFromUrl(`?watchQuiet=${bad}`);
      expect(parsed?.ok, bad).toBe(false);
    }
    expect(DEFAULT_QUIET_MS).toBe(300_000);
  });
});
