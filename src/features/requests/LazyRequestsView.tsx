import { lazy, Suspense } from 'react';
import { useWarrenStore } from '../../ui/index.ts';
// In the first chunk (it is small): the placeholder holds the panel's room while the panel loads.
import './requests.css';

// The panel draws its histogram with recharts: the first paint of a page with the view closed must not wait for it.
const RequestsPanel = lazy(() => import('./RequestsPanel.tsx').then((m) => ({ default: m.RequestsPanel })));

/** The requests view when open (loaded as its own chunk on first open); nothing at all when closed. */
export function RequestsView() {
  const open = useWarrenStore((s) => s.requestsOpen);
  if (!open) return null;
  return (
    <Suspense fallback={<section className="requests-view" data-loading="true" aria-label="Requests by task name and request key" aria-busy="true" />}>
      <RequestsPanel />
    </Suspense>
  );
}
