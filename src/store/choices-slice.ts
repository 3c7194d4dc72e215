import type { StateCreator } from 'zustand/vanilla';

/** Arrival seconds the table is limited to (epoch seconds, both inclusive), brushed on the rate chart. */
export interface TimeWindow {
  fromSecond: number;
  toSecond: number;
}

/** What the user chose to look at: the filter, the time window, the selection, following. */
export interface ChoicesSlice {
  /** The filter as typed; the filter box shows exactly this (it is the only owner). */
  filterText: string;
  /** Why the filter text was refused, '' when it compiled (the last good filter stays on). */
  filterError: string;
  /** The table shows only messages received in this window; null = live. */
  timeWindow: TimeWindow | null;
  selectedSeq: number | null;
  /** The table sticks to the newest row; scrolling up or moving the selection up stops it. */
  following: boolean;
  /** The inspector panel shows the selected message. */
  inspectorOpen: boolean;
  /** Records the filter the session applied (or refused, with why). Call the session's setFilterText to filter. */
  setFilterState(text: string, error: string): void;
  /** Records the window the session applied. Call the session's setTimeWindow to change it. */
  setTimeWindowState(window: TimeWindow | null): void;
  selectMessage(seq: number | null): void;
  /** A click selects and opens; the keyboard moves the selection and opens with Enter. */
  openInspector(seq: number): void;
  closeInspector(): void;
  setFollowing(following: boolean): void;
}

export const createChoicesSlice: StateCreator<ChoicesSlice> = (set) => ({
  filterText: '',
  filterError: '',
  timeWindow: null,
  selectedSeq: null,
  following: true,
  inspectorOpen: false,
  setFilterState: (text, error) => set({ filterText: text, filterError: error }),
  setTimeWindowState: (timeWindow) => set({ timeWindow }),
  selectMessage: (seq) => set({ selectedSeq: seq }),
  openInspector: (seq) => set({ selectedSeq: seq, inspectorOpen: true }),
  closeInspector: () => set({ inspectorOpen: false }),
  setFollowing: (following) => set({ following }),
});
