/**
 * The rate snapshot the open chart panel draws, from a RateFeed of its own
 * over the session's rate model: re-read every CHART_REFRESH_MS, on a settings
 * change, and on pause (frozen at the second the view was paused: the view
 * owns pause) or resume. A hidden tab reads nothing, nor a page importing a
 * file; shown again or done, it catches up.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { RateReader, type RateSnapshot } from '../../rates/index.ts';
import { watchPageAttention, windowFocused } from '../../session/index.ts';
import { useSession, useWarrenStore } from '../../ui/index.ts';
import { RateFeed } from './rate-feed.ts';

/**
 * How often the open charts are redrawn. One redraw was 60-75 ms of recharts
 * work on the bench machine while recharts drew the areas and moved the
 * axis ticks; drawn from recharts' scales instead (StackedStepAreas,
 * window-axis.tsx) it is ~5-10 ms. Every 2 s still halves what a page left
 * open pays for it; a second on a five-minute axis is ~3 px, and RabbitMQ's
 * own management UI refreshes every 5 s.
 */
const CHART_REFRESH_MS = 2000;
/**
 * While nobody attends the page: the charts' redraw is what a tracer left
 * beside other work pays most for (bench: at rest, charts open against
 * collapsed), and a glance reads a trend, not a second.
 */
const GLANCE_CHART_REFRESH_MS = 5000;

export function useRateSnapshot(): RateSnapshot {
  const session = useSession();
  const breakdown = useWarrenStore((s) => s.breakdown);
  const depth = useWarrenStore((s) => s.depth);
  const paused = useWarrenStore((s) => s.paused);
  const [feed] = useState(() => new RateFeed(new RateReader(session.rates), { breakdown, depth }, Date.now, CHART_REFRESH_MS));
  useEffect(() => feed.configure({ breakdown, depth }), [feed, breakdown, depth]);
  useEffect(() => feed.setFrozenAt(paused ? session.view.pausedAtMs : null), [feed, paused, session]);
  // A hidden tab reads nothing, nor does a page importing a file (its seconds fill in all at once); both catch up after.
  const importing = useWarrenStore((s) => s.bulkLoading);
  useEffect(() => {
    const sync = () => feed.setSuspended(importing || document.visibilityState === 'hidden');
    sync();
    document.addEventListener('visibilitychange', sync);
    return () => document.removeEventListener('visibilitychange', sync);
  }, [feed, importing]);
  useEffect(() => {
    feed.setIntervalMs(windowFocused() ? CHART_REFRESH_MS : GLANCE_CHART_REFRESH_MS);
    return watchPageAttention((attended) => feed.setIntervalMs(attended ? CHART_REFRESH_MS : GLANCE_CHART_REFRESH_MS));
  }, [feed]);
  return useSyncExternalStore(feed.subscribe, feed.getSnapshot);
}
