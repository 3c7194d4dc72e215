/**
 * What a watch that notifies does when it matches after a quiet period (see
 * src/watches/quiet-period.ts): a desktop notification, when the user
 * allowed them (asked on a click, never unasked); and, whatever the
 * permission, the tab title counts the notifying watches' matches nobody
 * has seen yet: "(3) Warren", cleared when the page is visible and focused.
 * Plain code attached at start-up: it works with the tab hidden, where
 * nothing is drawn.
 */
import type { TraceSession } from '../../session/index.ts';
import type { NotifyPermission } from '../../store/index.ts';
import { quietPeriodFromUrl, titleWithCount, UnseenMatches, type WatchSnapshot } from '../../watches/index.ts';

/** Notification.permission, or 'unavailable' without the API. */
export function notifyPermission(): NotifyPermission {
  return typeof Notification === 'undefined' ? 'unavailable' : Notification.permission;
}

/** Asks for the permission (call it from a click); records the answer in the store. */
export async function requestNotifyPermission(session: TraceSession): Promise<NotifyPermission> {
  let permission = notifyPermission();
  if (permission === 'default') {
    try {
      permission = await Notification.requestPermission();
    } catch {
      permission = notifyPermission();
    }
  }
  session.store.getState().setNotifyPermission(permission);
  return permission;
}

/**
 * Starts notifying and counting in the title; returns the function that
 * stops it. `search`: the page's query, for `?watchQuiet=SECONDS`.
 */
export function attachWatchAlerts(session: TraceSession, search = ''): () => void {
  const { store, watches } = session;
  const quiet = quietPeriodFromUrl(search);
  if (quiet?.ok) watches.setQuietMs(quiet.quietMs);
  else if (quiet) store.getState().setSavedFiltersNote([store.getState().savedFiltersNote, quiet.error].filter(Boolean).join(' '));
  store.getState().setNotifyPermission(notifyPermission());
  const baseTitle = document.title;
  const unseen = new UnseenMatches();
  const seen = () => document.visibilityState === 'visible' && document.hasFocus();

  const updateTitle = () => {
    const title = titleWithCount(baseTitle, unseen.unseen(watches.notifyingTotal()));
    if (document.title !== title) document.title = title;
  };
  const onSeenChange = () => {
    unseen.setSeen(seen(), watches.notifyingTotal());
    updateTitle();
  };
  const notify = (alerts: readonly WatchSnapshot[]) => {
    if (notifyPermission() !== 'granted') return;
    const saved = store.getState().savedFilters;
    for (const alert of alerts) {
      const name = saved.find((f) => f.id === alert.id)?.name ?? alert.filter;
      // Text only: a notification renders no markup. One per watch: a newer one replaces it.
      new Notification(`Warren: watch "${name}" matched`, { body: `${alert.filter}\n${alert.total} match${alert.total === 1 ? '' : 'es'} since it was set`, tag: `warren-watch-${alert.id}` });
    }
  };

  unseen.setSeen(seen(), watches.notifyingTotal());
  const stopAlerts = watches.onAlert(notify);
  const stopCounts = watches.subscribe(updateTitle);
  document.addEventListener('visibilitychange', onSeenChange);
  window.addEventListener('focus', onSeenChange);
  window.addEventListener('blur', onSeenChange);
  return () => {
    stopAlerts();
    stopCounts();
    document.removeEventListener('visibilitychange', onSeenChange);
    window.removeEventListener('focus', onSeenChange);
    window.removeEventListener('blur', onSeenChange);
    document.title = baseTitle;
  };
}
