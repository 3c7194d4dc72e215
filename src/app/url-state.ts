/**
 * Keeps the shareable part of the view in the URL (replaceState, no history
 * spam): today the filter text. Connection and subscriptions are read from the
 * URL at start-up only (see startup.ts); the passcode never goes there.
 */
import { applyFilterText } from './trace-session.ts';

export function setInitialFilter(text: string): void {
  applyFilterText(text);
}

export function setFilterFromUser(text: string): void {
  applyFilterText(text);
  const url = new URL(location.href);
  if (text) url.searchParams.set('filter', text);
  else url.searchParams.delete('filter');
  history.replaceState(history.state, '', url);
}
