/** The field charts' tooltips: a point's value and message, a step's min / mean / max per key. */
import type { FieldPoint, FieldRow, FieldView } from '../../fields/index.ts';
import type { ChartColors } from '../../ui/index.ts';
import { clockLabel, formatValue } from './format.ts';
import { seriesColor, seriesLabel } from './series-colors.ts';

export function PointTooltip({ point, view, colors }: { point: FieldPoint | undefined; view: FieldView; colors: ChartColors }) {
  if (point === undefined) return null;
  const series = view.series[point.series];
  return (
    <div className="field-tooltip" style={colors.tooltip}>
      <div className="field-tooltip-time">{clockLabel(Math.floor(point.time), true)}</div>
      <div>
        <strong>{formatValue(point.value)}</strong> · message #{point.seq}
      </div>
      {series !== undefined && <div className="field-tooltip-key">{seriesLabel(series)}</div>}
      <div className="muted">click to open it</div>
    </div>
  );
}

export function StepTooltip({ row, view, colors }: { row: FieldRow | undefined; view: FieldView; colors: ChartColors }) {
  if (row === undefined || row.count === 0 || row.min === null || row.max === null || row.mean === null) return null;
  return (
    <div className="field-tooltip" style={colors.tooltip}>
      <div className="field-tooltip-time">
        {clockLabel(row.second, true)}
        {view.stepSeconds > 1 ? ` (+${view.stepSeconds} s)` : ''} · {row.count.toLocaleString('en-US')} values
      </div>
      <div>
        min {formatValue(row.min)} · mean {formatValue(row.mean)} · max {formatValue(row.max)}
      </div>
      {view.series.map((s, i) => {
        const mean = row.means[i];
        return mean === null || mean === undefined ? null : (
          <div key={s.key ?? '(other)'} className="field-tooltip-key">
            <span className="swatch" style={{ background: seriesColor(s, i) }} /> {seriesLabel(s)}: mean {formatValue(mean)}
          </div>
        );
      })}
      <div className="muted">click to pick this {view.stepSeconds > 1 ? 'step' : 'second'}</div>
    </div>
  );
}
