import { lazy, Suspense } from 'react';

// recharts is most of the bundle: the table must not wait for it.
const ChartPanel = lazy(() => import('./ChartPanel.tsx').then((m) => ({ default: m.ChartPanel })));

/** The rate panel, loaded as its own chunk; a same-sized strip holds its place meanwhile. */
export function LazyChartPanel() {
  return (
    <Suspense fallback={<section className="rate-panel" aria-label="Message rates" aria-busy="true" />}>
      <ChartPanel />
    </Suspense>
  );
}
