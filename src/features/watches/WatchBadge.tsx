import { useWatchFeed } from './use-watch-feed.ts';
import './watches.css';

/** The header's badge: how many watches matched in the last minute (nothing when there is no watch). */
export function WatchBadge() {
  const { watches, matchedLastMinute } = useWatchFeed();
  if (watches.length === 0) return null;
  const title = `${matchedLastMinute} of ${watches.length} watch${watches.length === 1 ? '' : 'es'} matched in the last minute`;
  return (
    <span className={`watch-badge${matchedLastMinute > 0 ? ' active' : ''}`} data-testid="watch-badge" data-value={matchedLastMinute} title={title} role="status" aria-label={title}>
      ◉ {matchedLastMinute}/{watches.length}
    </span>
  );
}
