/**
 * The drawing of one field chart (recharts): the values themselves as points
 * when the window is sparse (a click on one opens its message), otherwise per
 * step a min–max band over every key and a mean line per routing key (a
 * click picks the step; the chart then offers its min and max messages).
 */
import { useMemo } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { FieldPoint, FieldRow, FieldView } from '../../fields/index.ts';
import { NEUTRAL_COLOR, useChartColors, type ChartColors } from '../../ui/index.ts';
import { clockLabel, compactValue, formatValue, timeTicks, valueTicks } from './format.ts';
import { seriesColor, seriesLabel } from './series-colors.ts';

interface Props {
  view: FieldView;
  onOpen(seq: number): void;
  onPickStep(row: FieldRow): void;
}

const MARGIN = { top: 6, right: 10, bottom: 0, left: 0 };
const bandOf = (row: FieldRow) => (row.min === null || row.max === null ? null : [row.min, row.max]);

export function FieldPlot({ view, onOpen, onPickStep }: Props) {
  const colors = useChartColors();
  const { summary, startSecond, endSecond } = view;
  const yTicks = useMemo(() => (summary === null ? [0, 1] : valueTicks(summary.min, summary.max)), [summary]);
  const xTicks = useMemo(() => timeTicks(startSecond, endSecond + 1), [startSecond, endSecond]);
  const withSeconds = endSecond - startSecond < 120;
  const xAxis = (dataKey: string) => (
    <XAxis
      dataKey={dataKey}
      type="number"
      niceTicks="none"
      domain={[startSecond, endSecond + 1]}
      ticks={xTicks}
      interval={0}
      tickFormatter={(s: number) => clockLabel(s, withSeconds)}
      tick={colors.smallAxisTick}
      stroke={colors.grid}
      allowDataOverflow
    />
  );
  const yAxis = (dataKey?: string) => (
    <YAxis
      dataKey={dataKey}
      type="number"
      niceTicks="none"
      width={44}
      domain={[yTicks[0] ?? 0, yTicks[yTicks.length - 1] ?? 1]}
      ticks={yTicks}
      interval={0}
      tickFormatter={compactValue}
      tick={colors.smallAxisTick}
      stroke={colors.grid}
      allowDataOverflow
    />
  );
  const grid = <CartesianGrid stroke={colors.grid} strokeDasharray="2 4" vertical={false} />;

  if (view.points !== null) {
    const bySeries = view.series.map((_, i) => view.points?.filter((p) => p.series === i) ?? []);
    return (
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={MARGIN}>
          {grid}
          {xAxis('time')}
          {yAxis('value')}
          <Tooltip isAnimationActive={false} cursor={false} content={({ active, payload }) => <PointTooltip colors={colors} view={view} point={active ? (payload?.[0]?.payload as FieldPoint | undefined) : undefined} />} />
          {view.series.map((s, i) => (
            <Scatter
              key={s.key ?? '(other)'}
              name={seriesLabel(s)}
              data={bySeries[i]}
              fill={seriesColor(s, i)}
              isAnimationActive={false}
              shape={(props: { cx?: number; cy?: number; payload?: FieldPoint }) => {
                const point = props.payload;
                if (point === undefined || props.cx === undefined || props.cy === undefined) return <g />;
                return (
                  <circle
                    className="field-chart-point"
                    data-testid="field-chart-point"
                    data-seq={point.seq}
                    data-value={point.value}
                    cx={props.cx}
                    cy={props.cy}
                    r={4}
                    fill={seriesColor(s, i)}
                    onClick={() => onOpen(point.seq)}
                  />
                );
              }}
            />
          ))}
        </ScatterChart>
      </ResponsiveContainer>
    );
  }

  const rows = view.rows;
  // Dots cost a React element per row: only lines that have a lone value get them.
  const isolated = view.series.map((_, i) => rows.some((_row, at) => hasMean(rows, at, i) && !hasMean(rows, at - 1, i) && !hasMean(rows, at + 1, i)));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart
        data={rows}
        margin={MARGIN}
        style={{ cursor: 'pointer' }}
        onClick={(state) => {
          const row = rows[Number(state.activeIndex)];
          if (row !== undefined && row.count > 0) onPickStep(row);
        }}
      >
        {grid}
        {xAxis('second')}
        {yAxis()}
        <Tooltip isAnimationActive={false} content={({ active, payload }) => <StepTooltip colors={colors} view={view} row={active ? (payload?.[0]?.payload as FieldRow | undefined) : undefined} />} />
        <Area dataKey={bandOf} name="min–max" type="linear" stroke="none" fill={NEUTRAL_COLOR} fillOpacity={0.3} isAnimationActive={false} activeDot={false} />
        {view.series.map((s, i) => (
          <Line
            key={s.key ?? '(other)'}
            dataKey={(row: FieldRow) => row.means[i] ?? null}
            name={seriesLabel(s)}
            type="linear"
            stroke={seriesColor(s, i)}
            strokeWidth={1.5}
            dot={isolated[i] === true && ((props: { cx?: number; cy?: number; index?: number }) => <IsolatedDot {...props} rows={rows} series={i} color={seriesColor(s, i)} />)}
            activeDot={{ r: 3 }}
            isAnimationActive={false}
          />
        ))}
      </ComposedChart>
    </ResponsiveContainer>
  );
}

const hasMean = (rows: FieldRow[], at: number, series: number) => (rows[at]?.means[series] ?? null) !== null;

/** A mean with no neighbour draws no line: it gets a dot, so a lone second (or a short burst on a long axis) still shows. */
function IsolatedDot({ cx, cy, index, rows, series, color }: { cx?: number; cy?: number; index?: number; rows: FieldRow[]; series: number; color: string }) {
  const at = index ?? -1;
  if (cx === undefined || cy === undefined || !hasMean(rows, at, series) || hasMean(rows, at - 1, series) || hasMean(rows, at + 1, series)) return <g key={at} />;
  return <circle key={at} cx={cx} cy={cy} r={2.5} fill={color} />;
}

function PointTooltip({ point, view, colors }: { point: FieldPoint | undefined; view: FieldView; colors: ChartColors }) {
  if (point === undefined) return null;
  const series = view.series[point.series];
  return (
    <div className="field-tooltip" style={colors.tooltip}>
      <div className="field-tooltip-time">{clockLabel(Math.floor(point.time), true)}</div>
      <div>
        <strong>{formatValue(point.value)}</strong> · message #{point.seq}
      </div>
      {series !== undefined && <div className="field-tooltip-key">{seriesLabel(series)}</div>}
      <div className="muted">click to open it</div>
    </div>
  );
}

function StepTooltip({ row, view, colors }: { row: FieldRow | undefined; view: FieldView; colors: ChartColors }) {
  if (row === undefined || row.count === 0 || row.min === null || row.max === null || row.mean === null) return null;
  return (
    <div className="field-tooltip" style={colors.tooltip}>
      <div className="field-tooltip-time">
        {clockLabel(row.second, true)}
        {view.stepSeconds > 1 ? ` (+${view.stepSeconds} s)` : ''} · {row.count.toLocaleString('en-US')} values
      </div>
      <div>
        min {formatValue(row.min)} · mean {formatValue(row.mean)} · max {formatValue(row.max)}
      </div>
      {view.series.map((s, i) => {
        const mean = row.means[i];
        return mean === null || mean === undefined ? null : (
          <div key={s.key ?? '(other)'} className="field-tooltip-key">
            <span className="swatch" style={{ background: seriesColor(s, i) }} /> {seriesLabel(s)}: mean {formatValue(mean)}
          </div>
        );
      })}
      <div className="muted">click to pick this {view.stepSeconds > 1 ? 'step' : 'second'}</div>
    </div>
  );
}
