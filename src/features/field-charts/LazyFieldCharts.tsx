import { lazy, Suspense } from 'react';
import { useWarrenStore } from '../../ui/index.ts';

// recharts comes with the panel's chunk: nothing is loaded until a field is charted.
const FieldChartsPanel = lazy(() => import('./FieldChartsPanel.tsx').then((m) => ({ default: m.FieldChartsPanel })));

/** The field charts strip, present only once a field is charted (or a refusal is to be shown). */
export function FieldCharts() {
  const count = useWarrenStore((s) => s.fieldChartPaths.length);
  const notice = useWarrenStore((s) => s.fieldChartNotice);
  if (count === 0 && notice === '') return null;
  return (
    <Suspense fallback={<section className="field-charts" aria-label="Field charts" aria-busy="true" />}>
      <FieldChartsPanel />
    </Suspense>
  );
}
