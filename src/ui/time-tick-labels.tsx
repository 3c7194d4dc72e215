/**
 * Time labels under a chart's plot, drawn by Warren rather than by the
 * chart's x axis: an axis whose ticks change at every redraw (a sliding
 * window) makes recharts re-run its selectors, most of a redraw (README
 * Performance, "Rate charts drawn from recharts' scales"). The caller places
 * them with the chart's own x scale; no recharts import here, so the eager
 * bundle can share it.
 */

/** recharts draws a tick 6 px long and its label 2 px below it (CartesianAxis defaults): the same here. */
const TICK_SIZE = 6;
const TICK_MARGIN = 2;

interface Props {
  /** The ticks, in the caller's units (epoch seconds); keyed by value, so a label moves rather than remounts. */
  ticks: readonly number[];
  /** A tick's x in the plot's pixels. */
  xOf(tick: number): number;
  /** The plot's bottom edge, px. */
  top: number;
  /** The chart's right edge, px: a label that would cross it (cut there) is left out. */
  right: number;
  label(tick: number): string;
  stroke: string;
  tick: { fontSize: number; fill: string };
  /** The labels' class (tests and themes find them by it). */
  className: string;
}

/** Half a label's width, px, near enough: digits and colons are ~0.6 em wide in the sans-serif fonts charts use. */
const halfWidth = (text: string, fontSize: number) => text.length * fontSize * 0.3;

export function TimeTickLabels({ ticks, xOf, top, right, label, stroke, tick, className }: Props) {
  return (
    <g className={`${className}s`}>
      {ticks.map((t) => {
        const x = xOf(t);
        const text = label(t);
        if (x + halfWidth(text, tick.fontSize) > right) return null;
        return (
          <g key={t}>
            <line x1={x} x2={x} y1={top} y2={top + TICK_SIZE} stroke={stroke} />
            <text className={className} x={x} y={top + TICK_SIZE + TICK_MARGIN} dy="0.71em" textAnchor="middle" fontSize={tick.fontSize} fill={tick.fill}>
              {text}
            </text>
          </g>
        );
      })}
    </g>
  );
}
