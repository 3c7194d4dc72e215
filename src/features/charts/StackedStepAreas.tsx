/**
 * Stacked step areas drawn inside a recharts chart from its own axis scales
 * (`useXAxisScale`/`useYAxisScale`): recharts keeps the axes, grid, tooltip,
 * drag band and pointer handling; the areas are two paths per series from
 * step-paths.ts instead of recharts `<Area>`s, whose per-point work was
 * nearly all of a chart redraw (see step-paths.ts and README Performance).
 */
import { useMemo } from 'react';
import { useXAxisScale, useYAxisScale } from 'recharts';
import { stackedStepPaths } from './step-paths.ts';

/** One series of the stack, bottom first. */
export interface StepSeries {
  key: string;
  color: string;
  /** Values per second of the window, oldest first. */
  values: ArrayLike<number>;
  onClick?: () => void;
  cursor?: string;
}

interface Props {
  /** Seconds drawn: the x axis counts them from 0 (window-axis.tsx). */
  seconds: number;
  series: readonly StepSeries[];
  fillOpacity: number;
}

export function StackedStepAreas({ seconds, series, fillOpacity }: Props) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const paths = useMemo(() => {
    if (xScale === undefined || yScale === undefined) return null;
    const xs = new Float64Array(seconds);
    for (let i = 0; i < seconds; i++) xs[i] = xScale(i) ?? 0;
    const floor = yScale(0) ?? 0;
    return stackedStepPaths(xs, series, (v) => yScale(v) ?? floor);
  }, [xScale, yScale, seconds, series]);
  if (paths === null) return null;
  return (
    <g className="rate-areas">
      {series.map((s, i) => (
        <g key={s.key} className="rate-area" data-series-key={s.key} onClick={s.onClick} style={s.cursor === undefined ? undefined : { cursor: s.cursor }}>
          <path d={paths[i]?.area} fill={s.color} fillOpacity={fillOpacity} stroke="none" />
          <path d={paths[i]?.top} fill="none" stroke={s.color} strokeWidth={1} />
        </g>
      ))}
    </g>
  );
}
