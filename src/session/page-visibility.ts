/**
 * Whether anyone can see the page. A hidden tab (document.hidden) keeps
 * capturing and counting but draws nothing: it publishes no update and the
 * charts read nothing, and on return one update catches the view up.
 */

/** The page is in a background tab or minimised; false where there is no document (Node, tests). */
export function pageHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

/** Calls `onChange(hidden)` whenever the page is hidden or shown; returns the unsubscribe. */
export function watchPageVisibility(onChange: (hidden: boolean) => void): () => void {
  if (typeof document === 'undefined') return () => undefined;
  const handler = () => onChange(pageHidden());
  document.addEventListener('visibilitychange', handler);
  return () => document.removeEventListener('visibilitychange', handler);
}
