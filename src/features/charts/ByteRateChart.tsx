import { memo, useMemo } from 'react';
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatBytes, PALETTE, useChartColors } from '../../ui/index.ts';
import { byteTickLabel, byteTicks, clockMinute, clockTime, minuteTicks } from './format.ts';
import type { ChartRow } from './series-view.ts';

const BYTES_COLOR = PALETTE[3];

interface Props {
  rows: ChartRow[];
  startSecond: number;
  endSecond: number;
}

/** Bytes/s (message bodies) over the window; memo: it redraws only when its (deferred) rows do. */
export const ByteRateChart = memo(function ByteRateChart({ rows, startSecond, endSecond }: Props) {
  const colors = useChartColors();
  const ticks = useMemo(() => byteTicks(rows.reduce((max, r) => Math.max(max, r.bytes), 1024)), [rows]);
  return (
    <div className="rate-chart-bytes" data-testid="rate-chart-bytes" aria-label="Bytes per second">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={rows} margin={{ top: 6, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={colors.grid} strokeDasharray="2 4" vertical={false} />
          <XAxis dataKey="second" niceTicks="none" type="number" domain={[startSecond, endSecond]} ticks={minuteTicks(startSecond, endSecond).filter((_, i) => i % 2 === 0)} tickFormatter={clockMinute} tick={colors.axisTick} interval={0} stroke={colors.grid} allowDataOverflow />
          <YAxis niceTicks="none" width={58} tick={colors.axisTick} stroke={colors.grid} ticks={ticks} interval={0} tickFormatter={byteTickLabel} domain={[0, ticks[ticks.length - 1] ?? 1024]} />
          <Tooltip
            isAnimationActive={false}
            labelFormatter={(second) => clockTime(Number(second))}
            formatter={(value) => [`${formatBytes(Number(value))}/s`, 'bytes']}
            contentStyle={colors.tooltip}
          />
          <Area dataKey="bytes" name="bytes/s" type="step" stroke={BYTES_COLOR} fill={BYTES_COLOR} fillOpacity={0.45} isAnimationActive={false} activeDot={false} />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
});
