/**
 * The view over the capture: filter verdicts, time window, pause snapshot and
 * gap rows, numbered as the table draws them. No React, no store.
 */
export { TraceView, type TimeRange } from './trace-view.ts';
