/**
 * The paced publish loop. Message i is due at start + i/rate; the loop sends
 * whatever is due and sleeps until the next one, so the average rate holds even
 * though timers are coarse (at 5,000 msg/s it sends small bursts per tick).
 */
import { setImmediate as yieldToLoop, setTimeout as sleep } from 'node:timers/promises';
import type { Mix } from './mix.ts';
import type { Publisher } from './publisher.ts';

export type StopReason = 'count' | 'duration' | 'signal';

export interface RunOptions {
  rate: number;
  durationMs: number | null;
  count: number | null;
  seqStart: number;
  mix: Mix;
  publisher: Pick<Publisher, 'publish'>;
  signal: AbortSignal;
  now?: () => number;
}

export interface RunResult {
  /** Numbered messages handed to the publisher (a task's task-sent event not counted); seqs used were seqStart .. seqStart + sent - 1. */
  sent: number;
  reason: StopReason;
}

/** After falling this far behind (e.g. a blocked connection), forget the debt instead of bursting. */
const MAX_LAG_MS = 1000;
/** Yield to the event loop every this many messages inside one burst, so the socket gets flushed. */
const BURST_YIELD = 256;

export async function runGenerator(options: RunOptions): Promise<RunResult> {
  const now = options.now ?? Date.now;
  const { rate, signal } = options;
  const startedAt = now();
  let scheduleStart = startedAt;
  let sent = 0;
  let burst = 0;

  for (;;) {
    if (signal.aborted) return { sent, reason: 'signal' };
    if (options.count !== null && sent >= options.count) return { sent, reason: 'count' };
    const t = now();
    if (options.durationMs !== null && t - startedAt >= options.durationMs) return { sent, reason: 'duration' };

    const nextDueAt = scheduleStart + (sent * 1000) / rate;
    if (t - nextDueAt > MAX_LAG_MS) scheduleStart += t - nextDueAt - MAX_LAG_MS;

    if (t >= nextDueAt) {
      const next = options.mix.next(options.seqStart + sent, t);
      for (const message of Array.isArray(next) ? next : [next]) await options.publisher.publish(message);
      sent++;
      if (++burst % BURST_YIELD === 0) await yieldToLoop();
      continue;
    }
    burst = 0;
    let wait = nextDueAt - t;
    if (options.durationMs !== null) wait = Math.min(wait, startedAt + options.durationMs - t);
    try {
      await sleep(Math.max(1, Math.ceil(wait)), undefined, { signal });
    } catch {
      // Aborted: the loop head reports the signal.
    }
  }
}
