/**
 * History: rewinding a view from the mirror's streams (one per traced
 * exchange), and what the page shows while it does. No React here.
 */
export { HistoryReader, HISTORY_IDLE_MS, type HistoryReaderState } from './history-reader.ts';
export { historyStreamDestination, historyStreamName, isHistoryStreamDestination, HISTORY_STREAM_PREFIX } from './history-stream.ts';
export { describeRange, parseRewindRange, REWIND_CHOICES, rewindStartMs, streamOffsetFor, type RewindRange } from './rewind-range.ts';
export { summariseRewind, type RewindStatus } from './rewind-status.ts';
