/**
 * The view over the capture: filter verdicts, time window, pause snapshot and
 * gap rows, numbered as the table draws them; and the words the filter box
 * completes from. No React, no store.
 */
export { TraceView, type TimeRange } from './trace-view.ts';
export { sampleVocabulary, VOCABULARY_LIMITS } from './filter-vocabulary.ts';
export type { ScanProgress, ScanStats } from './sliced-scan.ts';
