/**
 * A field chart's time axis, as the rate charts' (src/features/charts/window-axis.tsx):
 * recharts is given seconds since the window's start (0 … window length),
 * not epoch seconds, so its `data`, x domain and ticks are the same objects
 * at every redraw, and the clock labels are drawn here with its x scale.
 * What is drawn in the window comes from the view by index (FieldSteps,
 * FieldPoints, the step tooltip and the click).
 */
import { useMemo } from 'react';
import { useChartWidth, usePlotArea, useXAxisScale } from 'recharts';
import { TimeTickLabels } from '../../ui/index.ts';
import { clockLabel, timeTicks } from './format.ts';

/** One row per step, at its offset from the window's start (s): what recharts is given as `data`. */
export type StepOffset = { readonly x: number };

export interface FieldAxis {
  data: readonly StepOffset[];
  domain: readonly [number, number];
}

const axisOf = new Map<string, FieldAxis>();

/** recharts' `data` and x `domain` for `steps` steps of `stepSeconds` over a window of `seconds`: the same objects for the same shape. */
export function fieldAxis(steps: number, stepSeconds: number, seconds: number): FieldAxis {
  const key = `${steps}:${stepSeconds}:${seconds}`;
  let axis = axisOf.get(key);
  if (axis === undefined) {
    axis = { data: Array.from({ length: steps }, (_, i) => ({ x: i * stepSeconds })), domain: [0, seconds] };
    axisOf.set(key, axis);
  }
  return axis;
}

interface Props {
  startSecond: number;
  /** The window's length, s: the axis runs from startSecond to startSecond + seconds. */
  seconds: number;
  stroke: string;
  tick: { fontSize: number; fill: string };
}

/** Round clock times under the plot (with seconds on a window under two minutes). */
export function FieldTimeTicks({ startSecond, seconds, stroke, tick }: Props) {
  const xScale = useXAxisScale();
  const plot = usePlotArea();
  const width = useChartWidth();
  const ticks = useMemo(() => timeTicks(startSecond, startSecond + seconds), [startSecond, seconds]);
  if (xScale === undefined || plot === undefined || width === undefined) return null;
  const withSeconds = seconds <= 120;
  return (
    <TimeTickLabels
      ticks={ticks}
      xOf={(second) => xScale(second - startSecond) ?? 0}
      top={plot.y + plot.height}
      right={width}
      label={(second) => clockLabel(second, withSeconds)}
      stroke={stroke}
      tick={tick}
      className="field-time-tick"
    />
  );
}
