import { memo, useMemo, useRef } from 'react';
import { AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { NEUTRAL_COLOR, NO_TICKS, PALETTE, TOOLTIP_SHOWN, useChartColors, useMeasured, useStableNumbers } from '../../ui/index.ts';
import { byteTickLabel, byteTicks } from './format.ts';
import { ByteTooltip } from './RateTooltip.tsx';
import { StackedStepAreas, type StepSeries } from './StackedStepAreas.tsx';
import { windowAxis, WindowTimeTicks } from './window-axis.tsx';

const BYTES_COLOR = PALETTE[3] ?? NEUTRAL_COLOR;
const MARGIN = { top: 6, right: 8, bottom: 0, left: 0 };

interface Props {
  /** Bytes per second of the window, oldest first (the snapshot's own array). */
  bytes: readonly number[];
  startSecond: number;
}

/**
 * Room to draw in: the layout hides the chart (`display: none`) while the
 * inspector narrows the panel, and recharts would still compute it at every
 * refresh, warning of a 0×0 chart each time.
 */
const hasRoom = (el: HTMLElement) => el.clientWidth > 0 && el.clientHeight > 0;

/** Bytes/s (message bodies) over the window; memo: it redraws only when its bytes do, and only while it has room. */
export const ByteRateChart = memo(function ByteRateChart({ bytes, startSecond }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const shown = useMeasured(container, hasRoom, false);
  return (
    <div className="rate-chart-bytes" data-testid="rate-chart-bytes" aria-label="Bytes per second" ref={container}>
      {shown && <ByteAreas bytes={bytes} startSecond={startSecond} />}
    </div>
  );
});

function ByteAreas({ bytes, startSecond }: Props) {
  const colors = useChartColors();
  // Same values, same arrays: an axis given a new one dispatches its settings again (src/ui/stable-props.ts).
  const ticks = useStableNumbers(byteTicks(bytes.reduce((max, b) => Math.max(max, b), 1024)));
  const axis = windowAxis(bytes.length);
  const layers = useMemo((): StepSeries[] => [{ key: 'bytes', color: BYTES_COLOR, values: bytes }], [bytes]);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <AreaChart data={axis.data} margin={MARGIN}>
        <CartesianGrid stroke={colors.grid} strokeDasharray="2 4" vertical={false} />
        <XAxis dataKey="i" niceTicks="none" type="number" domain={axis.domain} ticks={NO_TICKS} tick={false} tickLine={false} stroke={colors.grid} allowDataOverflow />
        <WindowTimeTicks startSecond={startSecond} seconds={bytes.length} every={2} stroke={colors.grid} tick={colors.axisTick} />
        <YAxis niceTicks="none" allowDataOverflow width={58} tick={colors.axisTick} stroke={colors.grid} ticks={ticks} interval={0} tickFormatter={byteTickLabel} domain={[0, ticks[ticks.length - 1] ?? 1024]} />
        <Tooltip content={(props) => props.active && <ByteTooltip activeIndex={props.activeIndex} bytes={bytes} startSecond={startSecond} />} wrapperStyle={TOOLTIP_SHOWN} isAnimationActive={false} />
        <StackedStepAreas seconds={bytes.length} series={layers} fillOpacity={0.45} />
      </AreaChart>
    </ResponsiveContainer>
  );
}
