/**
 * The requests view's number columns, in order: what each shows, the
 * data-testid of its cells, and which clock it comes from (the header's
 * tooltip), shared by the header and the rows.
 */
import type { RequestSortKey } from '../../store/index.ts';
import type { RequestSummary } from './request-summary.ts';

export interface RequestColumn {
  key: Exclude<RequestSortKey, 'name'>;
  label: string;
  /** The header's tooltip: what the number is, and its clock. */
  title: string;
  testId: string;
  /** Counts are integers; latencies milliseconds (rounded in data-value). */
  unit: 'count' | 'ms';
  /** Dropped first when the panel is narrow (the inspector is open). */
  secondary?: boolean;
}

const LATENCY_CLOCK =
  'request arrival → first answer arrival, both on this page (ms, one clock; the request and its answer may travel through different shovels, whose lag differs)';
const RUNTIME_CLOCK = "the worker's own runtime field of task-succeeded (worker clock)";

export const REQUEST_COLUMNS: readonly RequestColumn[] = [
  { key: 'count', label: 'count', title: 'Requests received (exact, including those since evicted from the buffer)', testId: 'requests-count', unit: 'count' },
  { key: 'replied', label: 'replied', title: 'Answered: a reply, or task-succeeded', testId: 'requests-replied', unit: 'count' },
  { key: 'failed', label: 'failed', title: 'Answered with a failure: task-failed / rejected / revoked, or a reply whose status is FAILURE', testId: 'requests-failed', unit: 'count' },
  { key: 'pending', label: 'pending', title: 'No answer yet, within the timeout', testId: 'requests-pending', unit: 'count' },
  { key: 'timedOut', label: 'timed out', title: 'No answer within the timeout (a late answer still counts as replied)', testId: 'requests-timed-out', unit: 'count' },
  { key: 'p50', label: 'p50', title: `Median latency: ${LATENCY_CLOCK}`, testId: 'requests-p50', unit: 'ms' },
  { key: 'p95', label: 'p95', title: `95th percentile latency: ${LATENCY_CLOCK}`, testId: 'requests-p95', unit: 'ms' },
  { key: 'p99', label: 'p99', title: `99th percentile latency: ${LATENCY_CLOCK}`, testId: 'requests-p99', unit: 'ms', secondary: true },
  { key: 'max', label: 'max', title: `Largest latency: ${LATENCY_CLOCK}`, testId: 'requests-max', unit: 'ms', secondary: true },
  { key: 'runtimeP50', label: 'runtime p50', title: `Median worker runtime: ${RUNTIME_CLOCK}`, testId: 'requests-runtime-p50', unit: 'ms' },
];

export function cellValue(row: RequestSummary, column: RequestColumn): number {
  return row[column.key];
}
