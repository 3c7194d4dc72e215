/** What a chart interaction does to the table, through the session's actions. */
import type { TraceSession } from '../../session/index.ts';
import type { ChartSeries } from './series-view.ts';

/** Filters the table to exactly this series (no-op for "other"); the filter box shows the new text. */
export function filterBySeries(session: TraceSession, series: ChartSeries): void {
  if (series.filter.ok) session.setFilterText(series.filter.text);
}

/** Limits the table to the brushed seconds (in either order, both included). */
export function brushSeconds(session: TraceSession, a: number, b: number): void {
  session.setTimeWindow({ fromSecond: Math.min(a, b), toSecond: Math.max(a, b) });
}
