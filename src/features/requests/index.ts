/**
 * The requests view: per Celery task name and RPC request key, exact counts
 * (replied, failed, pending, timed out) and latency percentiles, from the
 * session's conversation index; a row click filters the table to it.
 */
export { RequestsToggle } from './RequestsToggle.tsx';
export { RequestsView } from './LazyRequestsView.tsx';
