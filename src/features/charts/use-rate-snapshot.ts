/**
 * The rate snapshot the open chart panel draws, from a RateFeed of its own
 * over the session's rate model: re-read once a second, on a settings
 * change, and on pause (frozen at the second the view was paused: the view
 * owns pause) or resume. A hidden tab reads nothing; shown again, it catches up.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { RateReader, type RateSnapshot } from '../../rates/index.ts';
import { useSession, useWarrenStore } from '../../ui/index.ts';
import { RateFeed } from './rate-feed.ts';

export function useRateSnapshot(): RateSnapshot {
  const session = useSession();
  const breakdown = useWarrenStore((s) => s.breakdown);
  const depth = useWarrenStore((s) => s.depth);
  const paused = useWarrenStore((s) => s.paused);
  const [feed] = useState(() => new RateFeed(new RateReader(session.rates), { breakdown, depth }));
  useEffect(() => feed.configure({ breakdown, depth }), [feed, breakdown, depth]);
  useEffect(() => feed.setFrozenAt(paused ? session.view.pausedAtMs : null), [feed, paused, session]);
  useEffect(() => {
    const sync = () => feed.setHidden(document.visibilityState === 'hidden');
    sync();
    document.addEventListener('visibilitychange', sync);
    return () => document.removeEventListener('visibilitychange', sync);
  }, [feed]);
  return useSyncExternalStore(feed.subscribe, feed.getSnapshot);
}
