/**
 * The field charts, under the rate strip: one small chart per charted field,
 * all on one clock (useChartClock: a render every 2 s at most, and only
 * when a value arrived or every 6 s; none while hidden; frozen while the
 * view is paused). Collapsed, it renders and reads
 * nothing, while the fields go on being read so nothing is missing on reopen.
 */
import { useSyncExternalStore } from 'react';
import type { FieldChartWindow } from '../../store/index.ts';
import { useSession, useWarrenStore } from '../../ui/index.ts';
import { FieldChart } from './FieldChart.tsx';
import { fieldChartsOf } from './session-fields.ts';
import { useChartClock } from './use-chart-clock.ts';
import './field-charts.css';

const WINDOWS: { seconds: FieldChartWindow; label: string }[] = [
  { seconds: 60, label: '1 min' },
  { seconds: 300, label: '5 min' },
  { seconds: 3600, label: '1 h' },
];

export function FieldChartsPanel() {
  const open = useWarrenStore((s) => s.fieldChartsOpen);
  const count = useWarrenStore((s) => s.fieldChartPaths.length);
  const notice = useWarrenStore((s) => s.fieldChartNotice);
  const windowSeconds = useWarrenStore((s) => s.fieldChartWindow);
  const setOpen = useWarrenStore((s) => s.setFieldChartsOpen);
  const setWindow = useWarrenStore((s) => s.setFieldChartWindow);
  return (
    <section className="field-charts" data-testid="field-charts" data-open={open} aria-label="Field charts">
      <header className="field-charts-header">
        <button type="button" className="link field-charts-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'} Fields ({count})
        </button>
        {notice !== '' && (
          <span className="field-charts-notice" role="status">
            {notice}
          </span>
        )}
        <span className="segmented" role="group" aria-label="Field chart window">
          {WINDOWS.map((w) => (
            <button key={w.seconds} type="button" className={w.seconds === windowSeconds ? 'active' : ''} aria-pressed={w.seconds === windowSeconds} onClick={() => setWindow(w.seconds)}>
              {w.label}
            </button>
          ))}
        </span>
      </header>
      {open && <OpenFieldCharts windowSeconds={windowSeconds} />}
    </section>
  );
}

function OpenFieldCharts({ windowSeconds }: { windowSeconds: FieldChartWindow }) {
  const session = useSession();
  const charts = fieldChartsOf(session);
  // Re-renders when a chart is added, removed or has read the retained messages (even while paused).
  useSyncExternalStore(
    (listener) => charts.subscribe(listener),
    () => charts.version,
  );
  const list = charts.list;
  const endSecond = useChartClock(charts);
  const windowLabel = WINDOWS.find((w) => w.seconds === windowSeconds)?.label ?? `${windowSeconds} s`;
  return (
    <div className="field-charts-grid">
      {list.map((series) => (
        <FieldChart key={series.path.text} series={series} pending={charts.backfillPending(series)} endSecond={endSecond} windowSeconds={windowSeconds} windowLabel={windowLabel} />
      ))}
    </div>
  );
}
