import type { StateCreator } from 'zustand/vanilla';
import type { KeyDepth, RateBreakdown } from '../rates/index.ts';

/** How the rate panel is shown; the user's choices, not data. */
export interface ChartSettings {
  /** The panel is expanded (collapsed, it reads nothing and renders nothing). */
  chartsOpen: boolean;
  /** What messages/s is stacked by. */
  breakdown: RateBreakdown;
  /** Routing keys grouped by their first N words, or the full key. */
  depth: KeyDepth;
  /** Show the numbers as a table instead of the charts. */
  showData: boolean;
}

export interface ChartsSlice extends ChartSettings {
  setChartSettings(patch: Partial<ChartSettings>): void;
}

export const createChartsSlice: StateCreator<ChartsSlice> = (set) => ({
  chartsOpen: true,
  breakdown: 'key',
  depth: 1,
  showData: false,
  setChartSettings: (patch) => set(patch),
});
