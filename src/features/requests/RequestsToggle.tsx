import { useWarrenStore } from '../../ui/index.ts';

/** Opens or closes the requests view (the filter bar's button). */
export function RequestsToggle() {
  const open = useWarrenStore((s) => s.requestsOpen);
  const setOpen = useWarrenStore((s) => s.setRequestsOpen);
  return (
    <button
      type="button"
      data-testid="requests-tab"
      aria-pressed={open}
      className={open ? 'active' : ''}
      onClick={() => setOpen(!open)}
      title="Requests by Celery task name and RPC request key: counts, timeouts, latency"
    >
      Requests
    </button>
  );
}
