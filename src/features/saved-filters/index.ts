/**
 * Saved filters: name the filter box's text and save it (localStorage,
 * versioned key), pick one from a list, rename, delete, copy a link that
 * reproduces the view elsewhere. Watches are saved filters with `watch`.
 */
export { attachSavedFilters } from './attach.ts';
export { SaveFilterButton } from './SaveFilterButton.tsx';
export { SavedFiltersMenu } from './SavedFiltersMenu.tsx';
export { newFilterId, SAVED_FILTERS_KEY } from './storage.ts';
export { removeFilter, setNotify, setWatch, watchFilterText } from './saved-list.ts';
