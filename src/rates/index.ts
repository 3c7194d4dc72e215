/**
 * The rate model: per-second counts of every ingested message (total,
 * bytes, by routing key with bounded state, by exchange, by subscription)
 * over the last five minutes, and the read side the charts use.
 * Design notes and measurements: README.md in this folder.
 *
 * @module
 */
export { RateRecorder, RATE_WINDOW_SECONDS, DEFAULT_MAX_KEYS_PER_SECOND, type RateRecorderOptions } from './rate-recorder.ts';
export type { RateSample } from './rate-bucket.ts';
export { countRatesOf, type RateSource } from './attach.ts';
export { keyPrefix, type KeyDepth } from './key-groups.ts';
export { RateReader, type RateBreakdown, type RateSeries, type RateSeriesKind, type RateSnapshot, type RateSnapshotOptions } from './rate-snapshot.ts';
