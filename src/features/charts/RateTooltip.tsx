import { formatBytes, formatCount } from '../../ui/index.ts';
import { clockTime } from './format.ts';
import type { ChartRow, ChartSeries } from './series-view.ts';

/**
 * The chart's `<Tooltip wrapperStyle>`: recharts hides its tooltip box while
 * no graphical item of its own has a value under the pointer, which, with
 * these areas, is always; the tooltip content draws nothing while inactive.
 */
export const TOOLTIP_SHOWN = { visibility: 'visible' } as const;

interface Props {
  activeIndex: unknown;
  rows: ChartRow[];
  series: ChartSeries[];
}

/** The hovered second of the byte chart. */
export function ByteTooltip({ activeIndex, rows }: Omit<Props, 'series'>) {
  const row = rows[Number(activeIndex)];
  if (row === undefined) return null;
  return (
    <div className="rate-tooltip">
      <div className="rate-tooltip-time">{clockTime(row.second)}</div>
      <table>
        <tbody>
          <tr className="rate-tooltip-total">
            <td>bytes/s</td>
            <td>{formatBytes(row.bytes)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** The hovered second: each non-zero series (top of the stack first), the total, and what a click does. */
export function RateTooltip({ activeIndex, rows, series }: Props) {
  const row = rows[Number(activeIndex)];
  if (row === undefined) return null;
  const shown = series.filter((s) => (row[s.dataKey] ?? 0) > 0).reverse();
  return (
    <div className="rate-tooltip">
      <div className="rate-tooltip-time">{clockTime(row.second)}</div>
      <table>
        <tbody>
          {shown.map((s) => (
            <tr key={s.dataKey}>
              <td>
                <span className="swatch" style={{ background: s.color }} />
                {s.label}
              </td>
              <td>{formatCount(row[s.dataKey] ?? 0)}</td>
            </tr>
          ))}
          <tr className="rate-tooltip-total">
            <td>total msg/s</td>
            <td>{formatCount(row.total)}</td>
          </tr>
        </tbody>
      </table>
      <div className="hint">click: filter by series · drag: time window</div>
    </div>
  );
}
