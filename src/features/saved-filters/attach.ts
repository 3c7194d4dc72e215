/**
 * Keeps the saved filters in three places in step: localStorage (read once
 * at start-up, written on every change), the store (what the UI shows) and
 * the session's WatchSet (what is counted). Another tab's change arrives as
 * a `storage` event and is read the same way.
 */
import type { TraceSession } from '../../session/index.ts';
import { watchSpecs } from './saved-list.ts';
import { browserStorage, loadSavedFilters, SAVED_FILTERS_KEY, storeSavedFilters, type StorageLike } from './storage.ts';

/** Loads the saved filters into the session; returns the function that stops following them. */
export function attachSavedFilters(session: TraceSession, storage: StorageLike | null = browserStorage()): () => void {
  const store = session.store;
  /** Set while a list read from storage is applied: it is not written back. */
  let reading = false;
  const load = () => {
    const loaded = loadSavedFilters(storage);
    reading = true;
    store.getState().setSavedFilters(loaded.filters);
    reading = false;
    store.getState().setSavedFiltersNote(loaded.note);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.savedFilters === previous.savedFilters) return;
    session.watches.sync(watchSpecs(state.savedFilters));
    if (reading) return;
    // A successful write replaces whatever unreadable record was there: its note is over.
    const failure = storeSavedFilters(storage, state.savedFilters);
    if (failure !== state.savedFiltersNote) state.setSavedFiltersNote(failure);
  });
  load();
  session.watches.sync(watchSpecs(store.getState().savedFilters));
  const onStorage = (event: StorageEvent) => {
    if (event.key === SAVED_FILTERS_KEY || event.key === null) load();
  };
  if (typeof window !== 'undefined') window.addEventListener('storage', onStorage);
  return () => {
    unsubscribe();
    if (typeof window !== 'undefined') window.removeEventListener('storage', onStorage);
  };
}
