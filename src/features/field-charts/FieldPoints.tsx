/**
 * A sparse field chart's values themselves, placed with its recharts chart's
 * scales (x: seconds since the window's start, field-axis.tsx): one circle
 * each, a click opens its message, the pointer over one shows its tooltip
 * (FieldPlot draws it; no recharts `<Scatter>`, whose per-point work was the
 * redraw's cost).
 */
import { usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import type { FieldPoint, FieldViewSeries } from '../../fields/index.ts';
import { seriesColor } from './series-colors.ts';

/** The point under the pointer, where it is drawn (px in the chart). */
export interface HoveredPoint {
  point: FieldPoint;
  x: number;
  y: number;
  /** In the plot's right half: the tooltip goes to its left. */
  flip: boolean;
  /** In the plot's lower half: the tooltip goes above it (else it would spill out of the chart). */
  flipY: boolean;
}

interface Props {
  points: readonly FieldPoint[];
  series: readonly FieldViewSeries[];
  startSecond: number;
  onOpen(seq: number): void;
  onHover(hovered: HoveredPoint | null): void;
}

export function FieldPoints({ points, series, startSecond, onOpen, onHover }: Props) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const plot = usePlotArea();
  if (xScale === undefined || yScale === undefined || plot === undefined) return null;
  const middle = plot.x + plot.width / 2;
  const halfway = plot.y + plot.height / 2;
  const colors = series.map((s, i) => seriesColor(s, i));
  return (
    <g className="field-points" onMouseLeave={() => onHover(null)}>
      {points.map((point) => {
        const x = xScale(point.time - startSecond) ?? 0;
        const y = yScale(point.value) ?? 0;
        return (
          <circle
            key={point.seq}
            className="field-chart-point"
            data-testid="field-chart-point"
            data-seq={point.seq}
            data-value={point.value}
            cx={x}
            cy={y}
            r={4}
            fill={colors[point.series]}
            onClick={() => onOpen(point.seq)}
            onMouseEnter={() => onHover({ point, x, y, flip: x > middle, flipY: y > halfway })}
          />
        );
      })}
    </g>
  );
}
