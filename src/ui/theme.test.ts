import { describe, expect, it } from 'vitest';
import { nextThemeChoice, resolveTheme } from './theme.ts';

describe('theme', () => {
  it('cycles system → light → dark → system', () => {
    expect(nextThemeChoice('system')).toBe('light');
    expect(nextThemeChoice('light')).toBe('dark');
    expect(nextThemeChoice('dark')).toBe('system');
  });
  it('follows the system only when the choice is system', () => {
    expect(resolveTheme({ choice: 'system', system: 'light' })).toBe('light');
    expect(resolveTheme({ choice: 'system', system: 'dark' })).toBe('dark');
    expect(resolveTheme({ choice: 'dark', system: 'light' })).toBe('dark');
    expect(resolveTheme({ choice: 'light', system: 'dark' })).toBe('light');
  });
});
