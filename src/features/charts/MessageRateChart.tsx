/**
 * Messages/s, stacked by series, over the window. Clicking an area filters
 * the table to that series; dragging across seconds limits the table to
 * them (drawn as a shaded band, which stays on its seconds as time moves).
 */
import { useMemo } from 'react';
import { AreaChart, CartesianGrid, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TimeWindow } from '../../store/index.ts';
import { NO_TICKS, TOOLTIP_SHOWN, useChartColors, useSession, useStableHandlers, useStableNumbers } from '../../ui/index.ts';
import { brushSeconds, filterBySeries } from './chart-actions.ts';
import { compactCount, countTicks } from './format.ts';
import { RateTooltip } from './RateTooltip.tsx';
import { StackedStepAreas, type StepSeries } from './StackedStepAreas.tsx';
import type { RateSnapshot } from '../../rates/index.ts';
import type { ChartSeries } from './series-view.ts';
import { useDragSelect } from './use-drag-select.ts';
import { windowAxis, WindowTimeTicks } from './window-axis.tsx';

interface Props {
  /** The window's messages per second (the series' counts are in `series`). */
  snapshot: RateSnapshot;
  series: ChartSeries[];
  timeWindow: TimeWindow | null;
}

// Every axis is given its ticks (and niceTicks="none"): recharts's own nice-tick
// search runs decimal.js arithmetic on every render (CPU profile of a chart update).
// Ticks, margins and handlers keep their identity across refreshes (src/ui/stable-props.ts).
const MARGIN = { top: 6, right: 8, bottom: 0, left: 0 };

export function MessageRateChart({ snapshot, series, timeWindow }: Props) {
  const { messages, startSecond } = snapshot;
  const session = useSession();
  const colors = useChartColors();
  const drag = useDragSelect(
    (index) => (index >= 0 && index < messages.length ? startSecond + index : undefined),
    (a, b) => brushSeconds(session, a, b),
  );
  const yTicks = useStableNumbers(countTicks(messages.reduce((max, total) => Math.max(max, total), 0)));
  const axis = windowAxis(messages.length);
  const areaClick = useStableHandlers((dataKey: string) => {
    const picked = series.find((s) => s.dataKey === dataKey);
    if (picked && !drag.wasDrag()) filterBySeries(session, picked);
  });
  const layers = useMemo(
    (): StepSeries[] =>
      series.map((s) => ({ key: s.dataKey, color: s.color, values: s.counts, onClick: areaClick(s.dataKey), cursor: s.filter.ok ? 'pointer' : 'crosshair' })),
    [series, areaClick],
  );
  const band = drag.range ?? (timeWindow && { from: timeWindow.fromSecond, to: timeWindow.toSecond });

  return (
    <div className="rate-chart-messages" data-testid="rate-chart-messages" aria-label="Messages per second">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart
          data={axis.data}
          margin={MARGIN}
          onMouseDown={drag.onMouseDown}
          onMouseMove={drag.onMouseMove}
          onMouseUp={drag.onMouseUp}
          onMouseLeave={drag.onMouseLeave}
          style={{ cursor: 'crosshair', userSelect: 'none' }}
        >
          <CartesianGrid stroke={colors.grid} strokeDasharray="2 4" vertical={false} />
          <XAxis dataKey="i" niceTicks="none" type="number" domain={axis.domain} ticks={NO_TICKS} tick={false} tickLine={false} stroke={colors.grid} allowDataOverflow />
          <YAxis niceTicks="none" allowDataOverflow width={40} tick={colors.axisTick} stroke={colors.grid} ticks={yTicks} interval={0} tickFormatter={compactCount} domain={[0, yTicks[yTicks.length - 1] ?? 4]} />
          <Tooltip content={(props) => props.active && <RateTooltip activeIndex={props.activeIndex} snapshot={snapshot} series={series} />} wrapperStyle={TOOLTIP_SHOWN} isAnimationActive={false} />
          <WindowTimeTicks startSecond={startSecond} seconds={messages.length} stroke={colors.grid} tick={colors.axisTick} />
          <StackedStepAreas seconds={messages.length} series={layers} fillOpacity={0.55} />
          {band && <ReferenceArea
              className="rate-band"
              x1={Math.min(band.from, band.to) - startSecond - 0.5}
              x2={Math.max(band.from, band.to) - startSecond + 0.5}
              fill={colors.accent}
              fillOpacity={0.15}
              stroke={colors.accent}
              strokeOpacity={0.6}
              ifOverflow="hidden"
            />}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
