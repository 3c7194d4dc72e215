/** What a chart interaction does to the table. */
import { setTimeWindow } from '../../app/trace-session.ts';
import { setFilterFromUser } from '../../app/url-state.ts';
import { useViewStore, type TimeWindow } from '../../store/index.ts';
import type { ChartSeries } from './series-view.ts';

/** Sets the table's filter to show exactly this series (no-op for "other"); the filter box shows it too. */
export function filterBySeries(series: ChartSeries): void {
  if (!series.filter.ok) return;
  setFilterFromUser(series.filter.text);
  useViewStore.setState((s) => ({ filterRevision: s.filterRevision + 1 }));
}

/** Limits the table to the brushed seconds (in either order, both included). */
export function brushSeconds(a: number, b: number): void {
  const window: TimeWindow = { fromSecond: Math.min(a, b), toSecond: Math.max(a, b) };
  setTimeWindow(window);
}

/** Back to the live table. */
export function clearTimeWindow(): void {
  setTimeWindow(null);
}
