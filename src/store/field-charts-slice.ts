import type { StateCreator } from 'zustand/vanilla';

/** Seconds a field chart shows, ending now (or at the pause): 1 min, 5 min (the default, as the rate charts), 1 h. */
export type FieldChartWindow = 60 | 300 | 3600;

/**
 * Which fields are charted and how the field charts are shown: the user's
 * choices, not data. The values live in the session's field charts
 * (src/fields), read by the open panel at most once a second.
 */
export interface FieldChartsSlice {
  /** Charted paths (canonical text, e.g. `$.total_cents`), in the order they were added. */
  fieldChartPaths: string[];
  /** The panel is expanded (collapsed, it reads and renders nothing; the fields are still read). */
  fieldChartsOpen: boolean;
  fieldChartWindow: FieldChartWindow;
  /** Why the last "chart this field" was refused, '' when it was not. */
  fieldChartNotice: string;
  /** Records the charted paths (the field-charts feature keeps this equal to the session's list). */
  setFieldChartPaths(paths: string[]): void;
  setFieldChartsOpen(open: boolean): void;
  setFieldChartWindow(window: FieldChartWindow): void;
  setFieldChartNotice(notice: string): void;
}

export const createFieldChartsSlice: StateCreator<FieldChartsSlice> = (set) => ({
  fieldChartPaths: [],
  fieldChartsOpen: true,
  fieldChartWindow: 300,
  fieldChartNotice: '',
  setFieldChartPaths: (fieldChartPaths) => set({ fieldChartPaths }),
  setFieldChartsOpen: (fieldChartsOpen) => set({ fieldChartsOpen }),
  setFieldChartWindow: (fieldChartWindow) => set({ fieldChartWindow }),
  setFieldChartNotice: (fieldChartNotice) => set({ fieldChartNotice }),
});
