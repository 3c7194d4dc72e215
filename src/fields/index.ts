/**
 * Field charts' core: paths into a decoded body, per-second min/mean/max of
 * a numeric field in fixed memory, and the set of charted fields fed from
 * the capture off the ingest path. Plain classes, no React, no store.
 */
export { childPathText, formatFieldPath, parseFieldPath, valueAtPath, numberOf, type FieldPath, type PathSegment, type ParsedPath } from './field-path.ts';
export { FieldSeries, SERIES_SECONDS, POINT_CAPACITY, MAX_KEYS_PER_SECOND, type FieldCounts } from './field-series.ts';
export { FieldStats } from './field-stats.ts';
export { readFieldView, type FieldPoint, type FieldRow, type FieldSummary, type FieldView, type FieldViewOptions, type FieldViewSeries } from './field-view.ts';
export { FieldCharts, MAX_FIELD_CHARTS, DRAIN_DELAY_MS, type AddFieldResult } from './field-charts.ts';
