/**
 * The selected row's distributions on log-scaled bins: request → reply
 * latency (page clock) and, where the worker's events carry it, its own
 * runtime (worker clock). Drawn only for the selected row, and only when its
 * bars change (the feed reads at most once a second).
 */
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount, PALETTE, useChartColors } from '../../ui/index.ts';
import { binEdgeLabel, formatLatency } from './format.ts';
import type { HistogramBar } from './histogram-bars.ts';

const LATENCY_COLOR = PALETTE[0];
const RUNTIME_COLOR = PALETTE[1];

interface Props {
  name: string;
  bars: readonly HistogramBar[];
}

export function LatencyChart({ name, bars }: Props) {
  const colors = useChartColors();
  const hasRuntime = bars.some((b) => b.runtime > 0);
  const total = bars.reduce((sum, b) => sum + b.latency, 0);
  return (
    <figure className="requests-chart" data-testid="requests-histogram" data-name={name} data-total={total}>
      <figcaption>
        <span className="requests-chart-name" title={name}>{name}</span>
        <span className="requests-chart-legend">
          ms, log bins
          <span className="swatch" style={{ background: LATENCY_COLOR }} /> latency (page clock)
          {hasRuntime && (
            <>
              {' '}
              <span className="swatch" style={{ background: RUNTIME_COLOR }} /> runtime (worker clock)
            </>
          )}
        </span>
      </figcaption>
      {bars.length === 0 ? (
        <p className="hint">No answer yet: nothing to draw.</p>
      ) : (
        <div className="requests-chart-body">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={bars as HistogramBar[]} margin={{ top: 4, right: 6, bottom: 0, left: 0 }} barCategoryGap={1} barGap={0}>
              <CartesianGrid stroke={colors.grid} strokeDasharray="2 4" vertical={false} />
              <XAxis dataKey="fromMs" tickFormatter={binEdgeLabel} tick={colors.smallAxisTick} stroke={colors.grid} minTickGap={8} />
              <YAxis width={34} tick={colors.smallAxisTick} stroke={colors.grid} allowDecimals={false} tickFormatter={(n: number) => formatCount(n)} />
              <Tooltip
                isAnimationActive={false}
                cursor={{ fill: colors.cursor }}
                content={({ active, payload }) => {
                  const bar = active ? (payload?.[0]?.payload as HistogramBar | undefined) : undefined;
                  return bar ? <BinTooltip bar={bar} hasRuntime={hasRuntime} /> : null;
                }}
              />
              <Bar dataKey="latency" name="latency" fill={LATENCY_COLOR} isAnimationActive={false} />
              {hasRuntime && <Bar dataKey="runtime" name="runtime" fill={RUNTIME_COLOR} isAnimationActive={false} />}
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}

function BinTooltip({ bar, hasRuntime }: { bar: HistogramBar; hasRuntime: boolean }) {
  return (
    <div className="rate-tooltip">
      <div className="rate-tooltip-time">
        {formatLatency(bar.fromMs)} – {formatLatency(bar.toMs)}
      </div>
      <div>latency: {formatCount(bar.latency)}</div>
      {hasRuntime && <div>runtime: {formatCount(bar.runtime)}</div>}
    </div>
  );
}
