/**
 * The open requests view's data: a RequestsFeed of its own over the
 * session's conversation index, told which row is selected and whether the
 * page is visible. Mounted only while the view is open, so a closed view
 * costs nothing.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { pageHidden, watchPageVisibility } from '../../session/index.ts';
import { useSession } from '../../ui/index.ts';
import { RequestsFeed, type RequestsSnapshot } from './requests-feed.ts';

export function useRequestsFeed(selectedName: string | null): { snapshot: RequestsSnapshot; feed: RequestsFeed } {
  const session = useSession();
  const [feed] = useState(() => new RequestsFeed(session.conversations));
  useEffect(() => feed.setSelected(selectedName), [feed, selectedName]);
  useEffect(() => {
    feed.setHidden(pageHidden());
    return watchPageVisibility((hidden) => feed.setHidden(hidden));
  }, [feed]);
  const snapshot = useSyncExternalStore(feed.subscribe, feed.getSnapshot);
  return { snapshot, feed };
}
