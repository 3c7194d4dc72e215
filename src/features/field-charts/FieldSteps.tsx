/**
 * A field chart's steps drawing inside its recharts chart, from the chart's
 * own scales: the min–max band over every key and a mean line per routing
 * key (field-paths.ts), a dot for a mean with no neighbour. recharts keeps
 * the axes, grid, tooltip and pointer; its `<Area>` and `<Line>`s did
 * per-point work at every redraw.
 */
import { useMemo } from 'react';
import { useXAxisScale, useYAxisScale } from 'recharts';
import type { FieldRow, FieldViewSeries } from '../../fields/index.ts';
import { NEUTRAL_COLOR } from '../../ui/index.ts';
import { bandPath, linePath } from './field-paths.ts';
import { seriesColor } from './series-colors.ts';

interface Props {
  rows: readonly FieldRow[];
  series: readonly FieldViewSeries[];
  stepSeconds: number;
}

export function FieldSteps({ rows, series, stepSeconds }: Props) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const drawn = useMemo(() => {
    if (xScale === undefined || yScale === undefined) return null;
    const xs = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) xs[i] = xScale(i * stepSeconds) ?? 0;
    const y = (v: number) => yScale(v) ?? 0;
    const band = bandPath(
      xs,
      rows.map((r) => r.min),
      rows.map((r) => r.max),
      y,
    );
    const lines = series.map((_, s) => linePath(xs, rows.map((r) => r.means[s]), y));
    return { xs, y, band, lines };
  }, [xScale, yScale, rows, series, stepSeconds]);
  if (drawn === null) return null;
  return (
    <g className="field-steps">
      <path className="field-band" d={drawn.band} fill={NEUTRAL_COLOR} fillOpacity={0.3} stroke="none" />
      {series.map((s, i) => {
        const line = drawn.lines[i];
        const color = seriesColor(s, i);
        return (
          <g key={s.key ?? '(other)'} className="field-mean" data-key={s.key ?? ''}>
            <path d={line?.d} fill="none" stroke={color} strokeWidth={1.5} />
            {line?.lone.map((at) => <circle key={at} cx={drawn.xs[at]} cy={drawn.y(rows[at]?.means[i] ?? 0)} r={2.5} fill={color} />)}
          </g>
        );
      })}
    </g>
  );
}
