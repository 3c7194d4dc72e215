import { create } from 'zustand';

/** Arrival seconds the table is limited to (epoch seconds, both inclusive), brushed on the rate chart. */
export interface TimeWindow {
  fromSecond: number;
  toSecond: number;
}

/**
 * What the table and the counters render. Written at most once per animation
 * frame by the ingest path (never per message); `version` tells the table
 * that rows moved.
 */
export interface ViewState {
  version: number;
  /** Every message received since the page opened. */
  received: number;
  /** Rows that pass the filter (in the live view, or the frozen one when paused). */
  visible: number;
  /** Table rows: the visible messages plus a marker row above each one that follows a sequence gap. */
  rows: number;
  /** Numbers missing from x-warren-seq streams: messages the broker dropped or never delivered. */
  missing: number;
  /** Messages that arrived while paused and are not shown yet. */
  bufferedWhilePaused: number;
  /** Messages evicted by the buffer's capacity. */
  dropped: number;
  paused: boolean;
  filterText: string;
  /** Why the filter text was refused, '' when it compiled. */
  filterError: string;
  /**
   * Bumped when the filter is set from outside the filter box (a chart
   * click), so the box shows the new text; typing does not bump it.
   */
  filterRevision: number;
  /** The table shows only messages received in this window; null = live. */
  timeWindow: TimeWindow | null;
  selectedSeq: number | null;
  /** The table sticks to the newest row; scrolling up or moving the selection up stops it. */
  following: boolean;
  /** The inspector panel shows the selected message. */
  inspectorOpen: boolean;
}

export const useViewStore = create<ViewState>()(() => ({
  version: 0,
  received: 0,
  visible: 0,
  rows: 0,
  missing: 0,
  bufferedWhilePaused: 0,
  dropped: 0,
  paused: false,
  filterText: '',
  filterError: '',
  filterRevision: 0,
  timeWindow: null,
  selectedSeq: null,
  inspectorOpen: false,
  following: true,
}));

export const setFollowing = (following: boolean) => useViewStore.setState({ following });

export const selectMessage = (seq: number | null) => useViewStore.setState({ selectedSeq: seq });
/** A click selects and opens; the keyboard moves the selection and opens with Enter. */
export const openInspector = (seq: number) => useViewStore.setState({ selectedSeq: seq, inspectorOpen: true });
export const closeInspector = () => useViewStore.setState({ inspectorOpen: false });
