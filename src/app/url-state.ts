/**
 * The shareable part of the view lives in the URL: today the filter text,
 * kept there with replaceState (no history spam) whenever it changes,
 * however it was changed (typed, a chart click, the URL itself). Connection
 * and subscriptions are read from the URL at start-up only (see startup.ts);
 * the passcode never goes there.
 */
import { afterNextPaint } from '../session/index.ts';
import type { WarrenStore } from '../store/index.ts';

/** `?capacity=N`: messages retained (default in the capture). */
export function capacityFromUrl(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('capacity');
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * The URL follows the filter text after the next paint, at most once per
 * URL_MIN_INTERVAL_MS. A replaceState was the largest single cost of a
 * keystroke in the filter box under load (a few milliseconds each,
 * bench/input-latency.ts with a CPU profile), and Chrome stops obeying a
 * page that calls it too often (a held Backspace would).
 */
export const URL_MIN_INTERVAL_MS = 100;

/** Keeps `?filter=` equal to the store's filter text; returns the unsubscribe. */
export function syncFilterToUrl(store: WarrenStore): () => void {
  let cancelWait: (() => void) | null = null;
  let lastWriteAt = -Infinity;
  // The write reads the text when it runs: changes while one is pending need nothing more.
  const write = () => {
    cancelWait = null;
    lastWriteAt = performance.now();
    const text = store.getState().filterText;
    const url = new URL(location.href);
    if ((url.searchParams.get('filter') ?? '') === text) return;
    if (text) url.searchParams.set('filter', text);
    else url.searchParams.delete('filter');
    history.replaceState(history.state, '', url);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.filterText === previous.filterText || cancelWait !== null) return;
    cancelWait = afterNextPaint(() => {
      const wait = lastWriteAt + URL_MIN_INTERVAL_MS - performance.now();
      if (wait <= 0) return write();
      const timer = setTimeout(write, wait);
      cancelWait = () => clearTimeout(timer);
    });
  });
  return () => {
    cancelWait?.();
    unsubscribe();
  };
}
