/**
 * One charted field: its path, what it is computed over, the exact summary
 * of the window, the drawing, and a legend of its routing keys. Re-read only
 * when the panel's clock moves (at most once a second), from the series'
 * fixed-size buckets: never per message.
 */
import { useState } from 'react';
import { readFieldView, type FieldRow, type FieldSeries } from '../../fields/index.ts';
import { useSession, useWarrenStore } from '../../ui/index.ts';
import { removeFieldChart } from './field-chart-actions.ts';
import { FieldPlot } from './FieldPlot.tsx';
import { FieldSummary } from './FieldSummary.tsx';
import { clockLabel, formatValue } from './format.ts';
import { seriesColor, seriesLabel, shortLabels } from './series-colors.ts';

interface Props {
  series: FieldSeries;
  /** Retained messages it still has to read after being added (its backfill), 0 once done. */
  pending: number;
  endSecond: number;
  windowSeconds: number;
  windowLabel: string;
}

export function FieldChart({ series, pending, endSecond, windowSeconds, windowLabel }: Props) {
  const session = useSession();
  const openInspector = useWarrenStore((s) => s.openInspector);
  // Read on every render: renders come from the panel's clock (or a pick), and a read is a pass over the window's slots.
  const view = readFieldView(series, { endSecond, windowSeconds });
  const [picked, setPicked] = useState<FieldRow | null>(null);
  const path = series.path.text;
  const counts = series.counts;
  const labels = shortLabels(view.series);

  return (
    <figure
      className="field-chart"
      data-testid="field-chart"
      data-path={path}
      data-mode={view.points === null ? 'steps' : 'points'}
      data-pending={pending}
      data-start-second={view.startSecond}
      data-end-second={view.endSecond}
      data-newest-second={series.newestSecond}
    >
      <figcaption className="field-chart-head">
        <code className="field-chart-path" title={path}>
          {path}
        </code>
        <span className="field-chart-over" title="Every retained and new message whose decoded body has this field as a number, whatever its exchange or the filter">
          over messages that have this field
        </span>
        <button type="button" className="link field-chart-remove" aria-label={`Remove the chart of ${path}`} title="Remove this chart" onClick={() => removeFieldChart(session, path)}>
          ✕
        </button>
      </figcaption>
      <FieldSummary summary={view.summary} windowLabel={windowLabel} onOpen={openInspector} />
      <p className="field-chart-counts muted" data-testid="field-chart-counts" data-values={counts.values} data-absent={counts.absent} data-not-number={counts.notNumber}>
        {pending > 0 && <span className="field-chart-reading">reading {pending.toLocaleString('en-US')} messages… </span>}
        {counts.values.toLocaleString('en-US')} read with it, {counts.absent.toLocaleString('en-US')} without
        {counts.notNumber > 0 && `, ${counts.notNumber.toLocaleString('en-US')} not a number`}
        {counts.tooOld > 0 && `, ${counts.tooOld.toLocaleString('en-US')} older than an hour`}
        {counts.missed > 0 && `, ${counts.missed.toLocaleString('en-US')} evicted before read`}
      </p>
      <div className="field-chart-body">
        <div className="field-chart-plot">{view.summary !== null && <FieldPlot view={view} onOpen={openInspector} onPickStep={setPicked} />}</div>
        <ul className="field-chart-legend" aria-label={`Routing keys of ${path}`}>
          {view.series.map((s, i) => (
            <li key={s.key ?? '(other)'} title={seriesLabel(s)} data-key={s.key ?? ''} data-count={s.count}>
              <span className="swatch" style={{ background: seriesColor(s, i) }} />
              <span className="field-chart-key">{labels[i]}</span>
              <span className="muted">{s.count.toLocaleString('en-US')}</span>
            </li>
          ))}
        </ul>
      </div>
      {picked !== null && picked.min !== null && picked.max !== null && (
        <p className="field-chart-picked" data-testid="field-chart-picked" data-second={picked.second}>
          {clockLabel(picked.second, true)}
          {view.stepSeconds > 1 ? ` (+${view.stepSeconds} s)` : ''}:{' '}
          <button type="button" className="link" data-testid="field-chart-step-min" onClick={() => openInspector(picked.minSeq)}>
            min {formatValue(picked.min)} (#{picked.minSeq})
          </button>{' '}
          <button type="button" className="link" data-testid="field-chart-step-max" onClick={() => openInspector(picked.maxSeq)}>
            max {formatValue(picked.max)} (#{picked.maxSeq})
          </button>
          <button type="button" className="link" aria-label="Forget the picked second" onClick={() => setPicked(null)}>
            ✕
          </button>
        </p>
      )}
    </figure>
  );
}
