/**
 * The view over the capture: filter verdicts, time window, pause snapshot and
 * gap rows, numbered as the table draws them. No React, no store.
 */
export { TraceView, type BodyPredicate, type TimeRange } from './trace-view.ts';
export { type KeyPredicate } from './key-verdicts.ts';
