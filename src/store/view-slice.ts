import type { StateCreator } from 'zustand/vanilla';

/**
 * What the table and the counters render, published by the session in one
 * update at most every few frames (never per message). The session reads it
 * from the capture and the view; nothing else writes it.
 */
export interface PublishedView {
  /** Moves when the rows shown change: the table re-renders on it. */
  version: number;
  /** Every message received since the page opened. */
  received: number;
  /** Messages that pass the filter (in the live view, or the frozen one when paused). */
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
  /** The filter text the rows and counts reflect (the box runs a frame ahead while typing, longer while a re-filter runs in slices). */
  filter: string;
}

export interface ViewSlice extends PublishedView {
  /** A file is being imported: the table follows once a second and the charts wait (TraceSession.beginBulkLoad). */
  bulkLoading: boolean;
  publishView(view: PublishedView): void;
  setBulkLoading(on: boolean): void;
}

export const createViewSlice: StateCreator<ViewSlice> = (set) => ({
  version: 0,
  received: 0,
  visible: 0,
  rows: 0,
  missing: 0,
  bufferedWhilePaused: 0,
  dropped: 0,
  paused: false,
  filter: '',
  bulkLoading: false,
  publishView: (view) => set(view),
  setBulkLoading: (bulkLoading) => set({ bulkLoading }),
});
