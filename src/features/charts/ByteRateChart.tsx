import { memo, useRef } from 'react';
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatBytes, PALETTE, useChartColors, useMeasured } from '../../ui/index.ts';
import { byteTickLabel, byteTicks, clockMinute, clockTime, minuteTicks } from './format.ts';
import type { ChartRow } from './series-view.ts';
import { useStableNumbers } from './stable-props.ts';

const BYTES_COLOR = PALETTE[3];
const MARGIN = { top: 6, right: 8, bottom: 0, left: 0 };
const tooltipLabel = (second: unknown) => clockTime(Number(second));
const tooltipValue = (value: unknown): [string, string] => [`${formatBytes(Number(value))}/s`, 'bytes'];

interface Props {
  rows: ChartRow[];
  startSecond: number;
  endSecond: number;
}

/**
 * Room to draw in: the layout hides the chart (`display: none`) while the
 * inspector narrows the panel, and recharts would still compute it at every
 * refresh, warning of a 0×0 chart each time.
 */
const hasRoom = (el: HTMLElement) => el.clientWidth > 0 && el.clientHeight > 0;

/** Bytes/s (message bodies) over the window; memo: it redraws only when its (deferred) rows do, and only while it has room. */
export const ByteRateChart = memo(function ByteRateChart({ rows, startSecond, endSecond }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const shown = useMeasured(container, hasRoom, false);
  return (
    <div className="rate-chart-bytes" data-testid="rate-chart-bytes" aria-label="Bytes per second" ref={container}>
      {shown && <ByteAreas rows={rows} startSecond={startSecond} endSecond={endSecond} />}
    </div>
  );
});

function ByteAreas({ rows, startSecond, endSecond }: Props) {
  const colors = useChartColors();
  // Same values, same arrays: an axis given a new one dispatches its settings again (stable-props.ts).
  const ticks = useStableNumbers(byteTicks(rows.reduce((max, r) => Math.max(max, r.bytes), 1024)));
  const xTicks = useStableNumbers(minuteTicks(startSecond, endSecond).filter((_, i) => i % 2 === 0));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <AreaChart data={rows} margin={MARGIN}>
        <CartesianGrid stroke={colors.grid} strokeDasharray="2 4" vertical={false} />
        <XAxis dataKey="second" niceTicks="none" type="number" domain={[startSecond, endSecond]} ticks={xTicks} tickFormatter={clockMinute} tick={colors.axisTick} interval={0} stroke={colors.grid} allowDataOverflow />
        <YAxis niceTicks="none" width={58} tick={colors.axisTick} stroke={colors.grid} ticks={ticks} interval={0} tickFormatter={byteTickLabel} domain={[0, ticks[ticks.length - 1] ?? 1024]} />
        <Tooltip
          isAnimationActive={false}
          labelFormatter={tooltipLabel}
          formatter={tooltipValue}
          contentStyle={colors.tooltip}
        />
        <Area dataKey="bytes" name="bytes/s" type="step" stroke={BYTES_COLOR} fill={BYTES_COLOR} fillOpacity={0.45} isAnimationActive={false} activeDot={false} />
      </AreaChart>
    </ResponsiveContainer>
  );
}
