/**
 * One requests-view row as React renders it: a frozen copy of the index's
 * live RequestRow (which changes in place), with its percentiles read once.
 * A row whose counts did not move keeps its previous copy, so its quantiles
 * are not read again and its memoised table row does not re-render.
 */
import type { RequestKind, RequestRow } from '../../conversations/index.ts';
import type { RequestSort, RequestSortKey } from '../../store/index.ts';

export interface RequestSummary {
  /** kind + name: two rows may share a name (a Celery task and an RPC key). */
  readonly id: string;
  readonly kind: RequestKind;
  readonly name: string;
  readonly count: number;
  readonly replied: number;
  readonly failed: number;
  readonly pending: number;
  readonly timedOut: number;
  readonly duplicateReplies: number;
  /** Request → first answer, page clock (ms); NaN when nothing was answered. */
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  /** Latencies recorded (answered requests). */
  readonly latencyCount: number;
  /** The worker's own `runtime` (ms, worker clock); NaN when no event carried one. */
  readonly runtimeP50: number;
  readonly runtimeMax: number;
  readonly runtimeCount: number;
}

export const rowId = (kind: RequestKind, name: string): string => `${kind}:${name}`;

/** A summary of `row`, or `previous` itself when none of its numbers moved. */
export function summarize(row: RequestRow, previous?: RequestSummary): RequestSummary {
  if (
    previous !== undefined &&
    previous.count === row.count &&
    previous.replied === row.replied &&
    previous.failed === row.failed &&
    previous.pending === row.pending &&
    previous.timedOut === row.timedOut &&
    previous.duplicateReplies === row.duplicateReplies &&
    previous.latencyCount === row.latency.count &&
    previous.runtimeCount === row.runtime.count
  ) {
    return previous;
  }
  const { latency, runtime } = row;
  const none = latency.count === 0;
  return {
    id: rowId(row.kind, row.name),
    kind: row.kind,
    name: row.name,
    count: row.count,
    replied: row.replied,
    failed: row.failed,
    pending: row.pending,
    timedOut: row.timedOut,
    duplicateReplies: row.duplicateReplies,
    p50: latency.quantile(0.5),
    p95: latency.quantile(0.95),
    p99: latency.quantile(0.99),
    max: none ? NaN : latency.max,
    latencyCount: latency.count,
    runtimeP50: runtime.quantile(0.5),
    runtimeMax: runtime.count === 0 ? NaN : runtime.max,
    runtimeCount: runtime.count,
  };
}

/**
 * The rows in the user's order: by the chosen column, ties by name. Rows
 * without a value in a latency column (NaN) go last either way: "slowest
 * first" must not start with the never-answered.
 */
export function sortSummaries(rows: readonly RequestSummary[], sort: RequestSort): RequestSummary[] {
  const direction = sort.descending ? -1 : 1;
  const byName = (a: RequestSummary, b: RequestSummary) => compareText(a.name, b.name) || compareText(a.kind, b.kind);
  if (sort.key === 'name') return [...rows].sort((a, b) => direction * byName(a, b));
  const key: Exclude<RequestSortKey, 'name'> = sort.key;
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    const xMissing = Number.isNaN(x);
    const yMissing = Number.isNaN(y);
    if (xMissing || yMissing) return xMissing === yMissing ? byName(a, b) : xMissing ? 1 : -1;
    return direction * (x - y) || byName(a, b);
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
