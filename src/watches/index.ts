/**
 * Watches: filters whose matches are counted from the moment they are set
 * (per second, per minute, total), at append time, with an alert when one
 * matches after a quiet period. Plain classes attached to the session's
 * capture; no React, no store.
 */
export { WatchSet, type CompileWatchFilter, type WatchSetOptions, type WatchSnapshot, type WatchSource, type WatchSpec } from './watch-set.ts';
export { WatchCounter } from './watch-counter.ts';
export { DEFAULT_QUIET_MS, quietPeriodFromUrl, type QuietFromUrl } from './quiet-period.ts';
export { titleWithCount, UnseenMatches } from './title-count.ts';
