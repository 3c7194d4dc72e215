import type { StateCreator } from 'zustand/vanilla';

/** A column of the requests view the user can sort by. */
export type RequestSortKey = 'name' | 'count' | 'replied' | 'failed' | 'pending' | 'timedOut' | 'p50' | 'p95' | 'p99' | 'max' | 'runtimeP50';

export interface RequestSort {
  key: RequestSortKey;
  /** Largest first (names: Z first). */
  descending: boolean;
}

/**
 * How the requests view is shown: the user's choices, not data. Its rows are
 * read from the session's conversation index by the open view itself, once a
 * second at most, never through the store.
 */
export interface RequestsSlice {
  /** The panel is open (closed, it reads nothing and renders nothing). */
  requestsOpen: boolean;
  requestsSort: RequestSort;
  setRequestsOpen(open: boolean): void;
  setRequestsSort(sort: RequestSort): void;
}

export const createRequestsSlice: StateCreator<RequestsSlice> = (set) => ({
  requestsOpen: false,
  requestsSort: { key: 'count', descending: true },
  setRequestsOpen: (requestsOpen) => set({ requestsOpen }),
  setRequestsSort: (requestsSort) => set({ requestsSort }),
});
