/**
 * Light and dark: the page follows `prefers-color-scheme` unless the user
 * picked one with the toggle (kept in localStorage, per browser). CSS reads
 * the choice from `<html data-theme>` (see app/theme.css); the charts, whose
 * SVG attributes cannot use CSS variables, read resolved colours from
 * {@link useChartColors}. One store for the document, not per session: the
 * theme belongs to the page, whatever it traces.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type ResolvedTheme = 'light' | 'dark';

const STORAGE_KEY = 'warren.theme';
const CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

export interface ThemeState {
  choice: ThemeChoice;
  /** What the operating system prefers, followed live. */
  system: ResolvedTheme;
}

function readChoice(): ThemeChoice {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    return CHOICES.find((c) => c === saved) ?? 'system';
  } catch {
    return 'system'; // storage disabled: follow the system
  }
}

function systemQuery(): MediaQueryList | null {
  return typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: light)') : null;
}

const themeStore = createStore<ThemeState>()(() => ({ choice: readChoice(), system: systemQuery()?.matches ? 'light' : 'dark' }));

export function resolveTheme(state: ThemeState): ResolvedTheme {
  return state.choice === 'system' ? state.system : state.choice;
}

/** Mirrors the choice onto `<html data-theme>` and follows the system preference; call once at start-up. */
export function installTheme(): void {
  const apply = () => {
    const root = globalThis.document?.documentElement;
    if (root) root.dataset.theme = resolveTheme(themeStore.getState());
  };
  apply();
  themeStore.subscribe(apply);
  systemQuery()?.addEventListener('change', (e) => themeStore.setState({ system: e.matches ? 'light' : 'dark' }));
}

/** The toggle's step: system → light → dark → system. */
export function nextThemeChoice(choice: ThemeChoice): ThemeChoice {
  return CHOICES[(CHOICES.indexOf(choice) + 1) % CHOICES.length] ?? 'system';
}

/** `?theme=light|dark|system`: this tab only (not saved), e.g. for screenshots of both themes. */
export function applyThemeFromUrl(search: string): void {
  const wanted = new URLSearchParams(search).get('theme');
  const choice = CHOICES.find((c) => c === wanted);
  if (choice !== undefined) themeStore.setState({ choice });
}

export function setThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') globalThis.localStorage?.removeItem(STORAGE_KEY);
    else globalThis.localStorage?.setItem(STORAGE_KEY, choice);
  } catch {
    // Not saved (storage disabled): the choice still applies to this tab.
  }
  themeStore.setState({ choice });
}

export function useThemeChoice(): { choice: ThemeChoice; resolved: ResolvedTheme } {
  const choice = useStore(themeStore, (s) => s.choice);
  const resolved = useStore(themeStore, resolveTheme);
  return { choice, resolved };
}

/** Colours the charts draw their frame with (series keep the palette, readable on both). */
export interface ChartColors {
  grid: string;
  axis: string;
  /** recharts `tick` props, one object per theme so a re-render passes the same reference. */
  axisTick: { fontSize: number; fill: string };
  smallAxisTick: { fontSize: number; fill: string };
  tooltip: { background: string; border: string; fontSize: number };
  /** The brushed time window and other highlights. */
  accent: string;
  /** A faint fill under the pointer (bar charts). */
  cursor: string;
}

function chartColors(grid: string, axis: string, background: string, accent: string, cursor: string): ChartColors {
  return {
    grid,
    axis,
    axisTick: { fontSize: 11, fill: axis },
    smallAxisTick: { fontSize: 10, fill: axis },
    tooltip: { background, border: `1px solid ${grid}`, fontSize: 12 },
    accent,
    cursor,
  };
}

const CHART_COLORS: Record<ResolvedTheme, ChartColors> = {
  dark: chartColors('#2c3244', '#8a93a8', '#1b1f2a', '#f28e2b', 'rgba(255,255,255,0.06)'),
  light: chartColors('#cfd5df', '#535c70', '#ffffff', '#a9530a', 'rgba(0,0,0,0.06)'),
};

export function useChartColors(): ChartColors {
  return CHART_COLORS[useStore(themeStore, resolveTheme)];
}
