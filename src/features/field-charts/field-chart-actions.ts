/** What the user does to field charts: chart a field, remove a chart. The store's list follows the session's. */
import type { TraceSession } from '../../session/index.ts';
import { fieldChartsOf } from './session-fields.ts';

/** Charts the field at `path` (from the JSON tree, or typed): backfilled from what is retained, then live. */
export function chartField(session: TraceSession, path: string): boolean {
  const charts = fieldChartsOf(session);
  const result = charts.add(path);
  const state = session.store.getState();
  if (!result.ok) {
    state.setFieldChartNotice(result.error);
    return false;
  }
  state.setFieldChartNotice('');
  state.setFieldChartPaths(charts.list.map((s) => s.path.text));
  state.setFieldChartsOpen(true);
  return true;
}

export function removeFieldChart(session: TraceSession, path: string): void {
  const charts = fieldChartsOf(session);
  charts.remove(path);
  const state = session.store.getState();
  state.setFieldChartNotice('');
  state.setFieldChartPaths(charts.list.map((s) => s.path.text));
}
