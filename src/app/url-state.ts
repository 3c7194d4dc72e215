/**
 * The shareable part of the view lives in the URL: today the filter text,
 * kept there with replaceState (no history spam) whenever it changes,
 * however it was changed (typed, a chart click, the URL itself). Connection
 * and subscriptions are read from the URL at start-up only (see startup.ts);
 * the passcode never goes there.
 */
import type { WarrenStore } from '../store/index.ts';

/** `?capacity=N`: messages retained (default in the capture). */
export function capacityFromUrl(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('capacity');
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Keeps `?filter=` equal to the store's filter text; returns the unsubscribe. */
export function syncFilterToUrl(store: WarrenStore): () => void {
  return store.subscribe((state, previous) => {
    if (state.filterText === previous.filterText) return;
    const url = new URL(location.href);
    if (state.filterText) url.searchParams.set('filter', state.filterText);
    else url.searchParams.delete('filter');
    history.replaceState(history.state, '', url);
  });
}
