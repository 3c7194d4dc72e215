/**
 * The watches as the UI shows them: one WatchFeed per session, shared by
 * the list and the badge, told whether the page is visible.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { pageHidden, watchPageVisibility, type TraceSession } from '../../session/index.ts';
import { useSession } from '../../ui/index.ts';
import { WatchFeed, type WatchesView } from './watch-feed.ts';

const feeds = new WeakMap<TraceSession, WatchFeed>();

function feedOf(session: TraceSession): WatchFeed {
  let feed = feeds.get(session);
  if (feed === undefined) {
    feed = new WatchFeed(session.watches);
    feeds.set(session, feed);
  }
  return feed;
}

export function useWatchFeed(): WatchesView {
  const feed = feedOf(useSession());
  useEffect(() => {
    feed.setHidden(pageHidden());
    return watchPageVisibility((hidden) => feed.setHidden(hidden));
  }, [feed]);
  return useSyncExternalStore(feed.subscribe, feed.getSnapshot);
}
