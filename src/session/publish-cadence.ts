/** The session's cadences: how often the page follows the capture, and how long the socket may batch. */

/**
 * How often the table and the counters follow. Each update costs a React
 * render, a layout, a paint and a frame whatever the number of new rows
 * (several milliseconds of main thread on the bench machine, see
 * bench/rest-trace.ts), so a tracer left open pays it 10 times a second while rows
 * move, and 4 times a second when only counters do (paused, or everything
 * new is filtered out): nobody reads a number changing faster.
 */
export const ROWS_INTERVAL_MS = 100;
export const COUNTERS_INTERVAL_MS = 250;
/**
 * How long the socket worker may hold messages back to hand them over in
 * one batch (each handover is a task on the main thread, ~0.5 ms at low
 * rates on the bench machine): not at all while rows are drawn live; as long
 * as the counters' own cadence while paused; a second while hidden, where
 * nothing is drawn (it still counts, so a shown tab is never more than that
 * behind). A full batch (64 KB) goes at once whatever the delay.
 */
export const PAUSED_BATCH_DELAY_MS = COUNTERS_INTERVAL_MS;
export const HIDDEN_BATCH_DELAY_MS = 1000;
