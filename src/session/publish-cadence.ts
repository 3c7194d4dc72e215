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
 * How often the table follows while a file is imported (TraceSession.beginBulkLoad):
 * a million rows go by in ~20 s and nobody reads them; drawing them ten times
 * a second was ~17 % of the import's main thread (the table's layouts 8 %,
 * React and the charts the rest: WARREN_BENCH_PROFILE_ARCHIVE=1 npm run bench
 * -- --only archive). The progress bar has its own cadence.
 */
export const BULK_ROWS_INTERVAL_MS = 1000;
/**
 * How often the socket worker hands messages over, in one batch each (each
 * handover is a task on the main thread, ~0.3-0.5 ms at low rates on the
 * bench machine, bench/rest-trace.ts): a batch goes no sooner than this
 * after the one before, and at once when that one went longer ago, so a lone
 * message is never held. Live, the rows' cadence plus a frame: every batch
 * then finds the table's interval passed and is drawn in the next frame,
 * where one a frame sooner would wait for the interval in the page, and the
 * page's draws stay in step with the batches instead of drifting a frame
 * later each time. Paused, the counters' cadence; hidden, a second, where
 * nothing is drawn (it still counts, so a shown tab is never more than that
 * behind); a trickle or a glance, their own cadence (below). A full batch
 * (64 KB) goes at once whatever the delay.
 */
export const LIVE_BATCH_DELAY_MS = ROWS_INTERVAL_MS + 20;
export const PAUSED_BATCH_DELAY_MS = COUNTERS_INTERVAL_MS;
export const HIDDEN_BATCH_DELAY_MS = 1000;

/**
 * How often the table and the counters follow while the page is visible but
 * nobody attends it (its window does not have focus and the pointer is not
 * over it: a tracer beside other work, PageAttention). Once a second, as a
 * glance needs; a message after a quiet spell is still drawn at once (the
 * cadence counts from the last update), and attention back catches up at once.
 */
export const GLANCE_INTERVAL_MS = 1000;
/** Live batching for a trickle or a glance: the page's cadence plus a frame, as LIVE_BATCH_DELAY_MS. */
export const TRICKLE_BATCH_DELAY_MS = COUNTERS_INTERVAL_MS + 20;
export const GLANCE_BATCH_DELAY_MS = GLANCE_INTERVAL_MS + 20;

/** What the page is doing, for the cadences. */
export interface PageCadenceState {
  hidden: boolean;
  /** Visible, but nobody attends it (PageAttention). */
  glancing: boolean;
  paused: boolean;
  /** Messages come slower than TRICKLE_MSG_PER_S. */
  trickle: boolean;
}

/**
 * How often the socket may hand batches over, for what the page shows now:
 * each handover is a main-thread task, so no more often than the page draws.
 */
export function batchDelayMs(page: PageCadenceState): number {
  if (page.hidden) return HIDDEN_BATCH_DELAY_MS;
  if (page.glancing) return GLANCE_BATCH_DELAY_MS;
  if (page.paused) return PAUSED_BATCH_DELAY_MS;
  return page.trickle ? TRICKLE_BATCH_DELAY_MS : LIVE_BATCH_DELAY_MS;
}

/**
 * Flooded: messages arrive faster than this (msg/s, over the last interval
 * between updates). Every update then replaces every row on screen many
 * times over, and the updates themselves (new rows, their layout and paint:
 * 60-140 ms each on the bench machine at full ingest, traced) were what held
 * inputs and frames back: the table follows at the counters' cadence
 * instead. Measured, same hour: at max ingest long tasks 129 → 58, frame p95
 * 83 → 33 ms, keystroke p95 288 → 104 ms. Above 1,000 msg/s, the rate the
 * latency goal (a row painted within 150 ms) is set at.
 */
export const FLOODED_MSG_PER_S = 1500;

/**
 * A trickle: messages arrive slower than this (msg/s, measured as for
 * FLOODED_MSG_PER_S). The table then follows at the counters' cadence too:
 * each update brings a few rows, which four updates a second show as well as
 * ten, and the update's fixed cost (a render, a layout, a paint of the rows
 * that moved: bench/row-floor.ts, 6-7 % of a core at ten a second) is what a
 * tracer left open all day pays. A message after a quiet spell is not held:
 * the cadence counts from the last update, long past by then.
 */
export const TRICKLE_MSG_PER_S = 200;

/**
 * The fewest milliseconds before the next publish: rows that moved follow
 * sooner than counters alone, ten times a second between a trickle and a
 * flood (the latency goal, a row painted within 150 ms, is set at 1,000 msg/s).
 */
export function publishIntervalMs(change: { rowsMoved: boolean; bulkLoading: boolean; msgPerS: number; glancing: boolean }): number {
  if (change.glancing) return GLANCE_INTERVAL_MS;
  if (!change.rowsMoved) return COUNTERS_INTERVAL_MS;
  if (change.bulkLoading) return BULK_ROWS_INTERVAL_MS;
  return change.msgPerS >= FLOODED_MSG_PER_S || change.msgPerS < TRICKLE_MSG_PER_S ? COUNTERS_INTERVAL_MS : ROWS_INTERVAL_MS;
}
