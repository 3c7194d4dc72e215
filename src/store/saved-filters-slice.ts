import type { StateCreator } from 'zustand/vanilla';

/** A filter the user named and saved (kept in localStorage: filters are not secrets). */
export interface SavedFilter {
  /** Stable across renames (a watch's counts follow it). */
  id: string;
  /** Unique among the saved filters. */
  name: string;
  /** The filter box's text. */
  filter: string;
  /** Counted from the moment it was set: a watch (see src/watches). */
  watch: boolean;
  /** A watch that alerts: desktop notification (when allowed) and the title's count. */
  notify: boolean;
}

/** Notification.permission, or 'unavailable' where the page has no Notification API. */
export type NotifyPermission = 'default' | 'granted' | 'denied' | 'unavailable';

/**
 * The saved filters and watches as the UI shows them. The saved-filters
 * feature loads them from localStorage, writes them back on every change,
 * and hands the watches to the session's WatchSet; the counts themselves are
 * read from the WatchSet, never kept here.
 */
export interface SavedFiltersSlice {
  savedFilters: readonly SavedFilter[];
  /** Why stored filters were ignored or could not be stored; '' when all is well. */
  savedFiltersNote: string;
  notifyPermission: NotifyPermission;
  /** Replaces the list (the feature computes it with its pure list operations). */
  setSavedFilters(filters: readonly SavedFilter[]): void;
  setSavedFiltersNote(note: string): void;
  setNotifyPermission(permission: NotifyPermission): void;
}

export const createSavedFiltersSlice: StateCreator<SavedFiltersSlice> = (set) => ({
  savedFilters: [],
  savedFiltersNote: '',
  notifyPermission: 'unavailable',
  setSavedFilters: (savedFilters) => set({ savedFilters }),
  setSavedFiltersNote: (savedFiltersNote) => set({ savedFiltersNote }),
  setNotifyPermission: (notifyPermission) => set({ notifyPermission }),
});
