/**
 * The drawing of one field chart: the values themselves as points when the
 * window is sparse (a click on one opens its message), otherwise per step a
 * min–max band over every key and a mean line per routing key (a click picks
 * the step; the chart then offers its min and max messages).
 *
 * recharts lays the chart out (plot area, y axis, grid, the step tooltip and
 * pointer); the points, band, lines and clock labels are drawn from its
 * scales (FieldPoints, FieldSteps, field-axis.tsx), and everything recharts
 * is given keeps its identity while its value does: a redraw as the window
 * slides then re-runs none of recharts' axis selectors (README Performance).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CartesianGrid, ComposedChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FieldRow, FieldView } from '../../fields/index.ts';
import { NO_TICKS, TOOLTIP_SHOWN, useChartColors, useStableNumbers } from '../../ui/index.ts';
import { fieldAxis, FieldTimeTicks } from './field-axis.tsx';
import { FieldPoints, type HoveredPoint } from './FieldPoints.tsx';
import { FieldSteps } from './FieldSteps.tsx';
import { PointTooltip, StepTooltip } from './FieldTooltips.tsx';
import { compactValue, valueTicks } from './format.ts';

interface Props {
  view: FieldView;
  onOpen(seq: number): void;
  onPickStep(row: FieldRow): void;
}

const MARGIN = { top: 6, right: 10, bottom: 0, left: 0 };
const EMPTY_TICKS = [0, 1];
const STEPS_STYLE = { cursor: 'pointer' };

export function FieldPlot({ view, onOpen, onPickStep }: Props) {
  const colors = useChartColors();
  const { summary, startSecond, endSecond, stepSeconds, rows, points } = view;
  const seconds = endSecond + 1 - startSecond;
  const yTicks = useStableNumbers(summary === null ? EMPTY_TICKS : valueTicks(summary.min, summary.max));
  const yDomain = useMemo(() => [yTicks[0] ?? 0, yTicks[yTicks.length - 1] ?? 1], [yTicks]);
  const axis = fieldAxis(points === null ? rows.length : 0, stepSeconds, seconds);
  const [hovered, setHovered] = useState<HoveredPoint | null>(null);
  const onHover = useCallback((next: HoveredPoint | null) => setHovered(next), []);
  // One handler for the chart's life, reading the latest rows (a new one every redraw would be one more prop for recharts to diff).
  const latestRows = useRef(rows);
  useEffect(() => {
    latestRows.current = rows;
  });
  const pick = useCallback(
    (state: { activeIndex?: unknown }) => {
      const row = latestRows.current[Number(state.activeIndex)];
      if (row !== undefined && row.count > 0) onPickStep(row);
    },
    [onPickStep],
  );

  return (
    <div className="field-plot">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={axis.data} margin={MARGIN} style={points === null ? STEPS_STYLE : undefined} onClick={points === null ? pick : undefined}>
          <CartesianGrid stroke={colors.grid} strokeDasharray="2 4" vertical={false} />
          <XAxis dataKey="x" type="number" niceTicks="none" domain={axis.domain} ticks={NO_TICKS} tick={false} tickLine={false} stroke={colors.grid} allowDataOverflow />
          <YAxis type="number" niceTicks="none" width={44} domain={yDomain} ticks={yTicks} interval={0} tickFormatter={compactValue} tick={colors.smallAxisTick} stroke={colors.grid} allowDataOverflow />
          <FieldTimeTicks startSecond={startSecond} seconds={seconds} stroke={colors.grid} tick={colors.smallAxisTick} />
          {points === null ? (
            <>
              <Tooltip
                isAnimationActive={false}
                wrapperStyle={TOOLTIP_SHOWN}
                content={(props) => props.active && <StepTooltip colors={colors} view={view} row={rows[Number(props.activeIndex)]} />}
              />
              <FieldSteps rows={rows} series={view.series} stepSeconds={stepSeconds} />
            </>
          ) : (
            <FieldPoints points={points} series={view.series} startSecond={startSecond} onOpen={onOpen} onHover={onHover} />
          )}
        </ComposedChart>
      </ResponsiveContainer>
      {points !== null && hovered !== null && (
        <div
          className="field-point-tooltip"
          style={{
            left: hovered.x + (hovered.flip ? -10 : 10),
            top: hovered.y + (hovered.flipY ? -10 : 10),
            transform: `translate(${hovered.flip ? '-100%' : '0'}, ${hovered.flipY ? '-100%' : '0'})`,
          }}
        >
          <PointTooltip colors={colors} view={view} point={hovered.point} />
        </div>
      )}
    </div>
  );
}
