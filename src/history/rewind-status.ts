import type { HistoryReader } from './history-reader.ts';

/** What the rewind bar shows; published by the session with its counters, never per message. */
export interface RewindStatus {
  state: 'reading' | 'done' | 'cancelled';
  /** "the last 15m", "everything the mirror retains", ... */
  label: string;
  /** Where the range starts, epoch ms; null for the start of retention. */
  fromMs: number | null;
  /** When the rewind began: history ends, live begins. */
  untilMs: number;
  /** History messages that matched and reached the capture. */
  loaded: number;
  /** Frames read from the streams, matching or not. */
  read: number;
  /** Oldest history time loaded, epoch ms (-1: none yet). */
  oldestMs: number;
  /** How far the history is read: while reading, the slowest reader's newest time; then the newest of all (-1: none yet). */
  newestMs: number;
  /** How far through its time range the slowest reader is, 0..1; null when not known (no message yet and no start). */
  fraction: number | null;
  /** Subscriptions that cannot rewind, each with why (they go on live). */
  skipped: string[];
  /** Subscriptions whose stream could not be read, each with the broker's reason. */
  failed: string[];
}

/** The status of a rewind from its readers. */
export function summariseRewind(
  base: Pick<RewindStatus, 'label' | 'fromMs' | 'untilMs' | 'skipped'>,
  readers: Iterable<HistoryReader>,
  cancelled: boolean,
): RewindStatus {
  let loaded = 0;
  let read = 0;
  let oldestMs = -1;
  let newestMs = -1;
  let slowestMs = Infinity;
  let reading = false;
  let fraction: number | null = 1;
  const failed: string[] = [];
  for (const r of readers) {
    loaded += r.kept;
    read += r.read;
    if (r.oldestMs >= 0 && (oldestMs < 0 || r.oldestMs < oldestMs)) oldestMs = r.oldestMs;
    if (r.newestMs > newestMs) newestMs = r.newestMs;
    if (r.state === 'failed') failed.push(`${r.exchange}: ${r.failure}`);
    if (r.state !== 'reading') continue;
    reading = true;
    if (r.newestMs >= 0) slowestMs = Math.min(slowestMs, r.newestMs);
    const from = base.fromMs ?? r.oldestMs;
    const own = r.newestMs < 0 || from < 0 || base.untilMs <= from ? null : Math.min(1, Math.max(0, (r.newestMs - from) / (base.untilMs - from)));
    fraction = fraction === null || own === null ? null : Math.min(fraction, own);
  }
  const state = cancelled ? 'cancelled' : reading ? 'reading' : 'done';
  if (state === 'reading' && slowestMs !== Infinity) newestMs = slowestMs;
  return { ...base, state, loaded, read, oldestMs, newestMs, fraction: state === 'done' ? 1 : fraction, failed };
}
