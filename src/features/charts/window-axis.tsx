/**
 * The charts' time axis. recharts is given the window in seconds since its
 * start (0 … n-1), not epoch seconds, and the minute labels are drawn here
 * from its x scale: an axis whose ticks or formatter change dispatches its
 * settings, and every dispatch re-runs the chart's selectors (tooltip, both
 * axes, grid) and re-renders what reads them. Measured on the bench's
 * chart-refresh row: ~23 of a redraw's ~27 ms went to the moving ticks. In
 * index space the data, the domain and recharts' own x axis (its line only)
 * stay the same at every refresh; what is drawn in the window comes from the
 * snapshot by index (StackedStepAreas, the tooltips, the drag).
 */
import { useMemo } from 'react';
import { useChartWidth, usePlotArea, useXAxisScale } from 'recharts';
import { TimeTickLabels } from '../../ui/index.ts';
import { clockMinute, minuteTicks } from './format.ts';

/** One row per second of the window, `{ i }`: what recharts is given as `data`. */
export type IndexRow = { readonly i: number };

/** recharts' `data` and x `domain` for a window of a given length. */
export interface WindowAxis {
  data: readonly IndexRow[];
  domain: readonly [number, number];
}

const axisOf = new Map<number, WindowAxis>();

/** recharts' `data` and x `domain` for a window of `seconds`: the same objects for the same length, for every chart. */
export function windowAxis(seconds: number): WindowAxis {
  let axis = axisOf.get(seconds);
  if (axis === undefined) {
    axis = { data: Array.from({ length: seconds }, (_, i) => ({ i })), domain: [0, Math.max(0, seconds - 1)] };
    axisOf.set(seconds, axis);
  }
  return axis;
}

interface Props {
  startSecond: number;
  seconds: number;
  /** Every `every`-th minute gets a label (a narrow chart: 2). */
  every?: number;
  stroke: string;
  tick: { fontSize: number; fill: string };
}

/** Minute labels under the plot, placed with the chart's x scale; keyed by their second, so a label moves, not remounts. */
export function WindowTimeTicks({ startSecond, seconds, every = 1, stroke, tick }: Props) {
  const xScale = useXAxisScale();
  const plot = usePlotArea();
  const width = useChartWidth();
  const ticks = useMemo(() => minuteTicks(startSecond, startSecond + seconds - 1).filter((_, n) => n % every === 0), [startSecond, seconds, every]);
  if (xScale === undefined || plot === undefined || width === undefined) return null;
  return (
    <TimeTickLabels
      ticks={ticks}
      xOf={(second) => xScale(second - startSecond) ?? 0}
      top={plot.y + plot.height}
      right={width}
      label={clockMinute}
      stroke={stroke}
      tick={tick}
      className="rate-time-tick"
    />
  );
}
