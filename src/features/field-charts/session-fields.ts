/**
 * The session's field charts (src/fields), made on first use. Kept beside
 * the session rather than in it: trace-session.ts is at its size limit, and
 * with no chart the set is not even attached to the capture.
 */
import { FieldCharts } from '../../fields/index.ts';
import type { TraceSession } from '../../session/index.ts';

const bySession = new WeakMap<TraceSession, FieldCharts>();

export function fieldChartsOf(session: TraceSession): FieldCharts {
  let charts = bySession.get(session);
  if (charts === undefined) {
    charts = new FieldCharts(session.capture, session.payloads);
    bySession.set(session, charts);
  }
  return charts;
}
