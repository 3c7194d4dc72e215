/**
 * The requests view's rows: one per Celery task name and one per RPC
 * request routing key, with exact counts by state and the latency
 * distributions. Counted at ingest, so they stay exact for requests whose
 * messages the buffer has since evicted.
 */
import { LatencyHistogram } from './latency-histogram.ts';

export type RequestKind = 'celery' | 'rpc';

export class RequestRow {
  count = 0;
  replied = 0;
  failed = 0;
  pending = 0;
  timedOut = 0;
  duplicateReplies = 0;
  /** Request arrival → first answer arrival, page clock (ms). */
  readonly latency = new LatencyHistogram();
  /** The worker's own `runtime` of each succeeded task (ms, worker clock). */
  readonly runtime = new LatencyHistogram();

  constructor(
    readonly kind: RequestKind,
    readonly name: string,
  ) {}
}

/** Distinct rows kept before new names are counted together in one overflow row per kind. */
export const MAX_REQUEST_ROWS = 1000;
export const OVERFLOW_ROW_NAME = '(other names)';
/** The row of requests whose task name or routing key is not known (a Celery event without `name`). */
export const UNNAMED_ROW_NAME = '(unnamed)';

export class RequestRows {
  private readonly rows = new Map<string, RequestRow>();

  /** The row of this kind and name, created on first use (or the overflow row once there are too many). */
  rowFor(kind: RequestKind, name: string): RequestRow {
    const id = `${kind}\u0000${name}`;
    let row = this.rows.get(id);
    if (row === undefined) {
      if (this.rows.size >= MAX_REQUEST_ROWS && name !== OVERFLOW_ROW_NAME) return this.rowFor(kind, OVERFLOW_ROW_NAME);
      row = new RequestRow(kind, name);
      this.rows.set(id, row);
    }
    return row;
  }

  all(): RequestRow[] {
    return [...this.rows.values()];
  }

  clear(): void {
    this.rows.clear();
  }
}
