/**
 * The tab's one rate feed, wired to the chart settings (breakdown, depth)
 * and to pause, outside React: pausing freezes the charts in the same store
 * update that freezes the table.
 */
import { useSyncExternalStore } from 'react';
import { rates } from '../../app/trace-session.ts';
import { RateReader, type RateSnapshot } from '../../rates/index.ts';
import { useViewStore } from '../../store/index.ts';
import { useChartSettings } from './chart-settings.ts';
import { RateFeed } from './rate-feed.ts';

const initial = useChartSettings.getState();
export const rateFeed = new RateFeed(new RateReader(rates), { breakdown: initial.breakdown, depth: initial.depth });

useChartSettings.subscribe((s) => rateFeed.configure({ breakdown: s.breakdown, depth: s.depth }));
useViewStore.subscribe((s) => rateFeed.setFrozen(s.paused));

/** The current snapshot; re-renders once a second (and on a settings change or pause/resume). */
export function useRateSnapshot(): RateSnapshot {
  return useSyncExternalStore(rateFeed.subscribe, rateFeed.getSnapshot);
}
