import { formatBytes, formatCount } from '../../ui/index.ts';
import { clockTime } from './format.ts';
import type { RateSnapshot } from '../../rates/index.ts';
import type { ChartSeries } from './series-view.ts';

/** The hovered second of the byte chart (`activeIndex`: seconds since `startSecond`). */
export function ByteTooltip({ activeIndex, bytes, startSecond }: { activeIndex: unknown; bytes: readonly number[]; startSecond: number }) {
  const index = Number(activeIndex);
  const value = bytes[index];
  if (value === undefined) return null;
  return (
    <div className="rate-tooltip">
      <div className="rate-tooltip-time">{clockTime(startSecond + index)}</div>
      <table>
        <tbody>
          <tr className="rate-tooltip-total">
            <td>bytes/s</td>
            <td>{formatBytes(value)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** The hovered second: each non-zero series (top of the stack first), the total, and what a click does. */
export function RateTooltip({ activeIndex, snapshot, series }: { activeIndex: unknown; snapshot: RateSnapshot; series: ChartSeries[] }) {
  const index = Number(activeIndex);
  const total = snapshot.messages[index];
  if (total === undefined) return null;
  const shown = series.filter((s) => (s.counts[index] ?? 0) > 0).reverse();
  return (
    <div className="rate-tooltip">
      <div className="rate-tooltip-time">{clockTime(snapshot.startSecond + index)}</div>
      <table>
        <tbody>
          {shown.map((s) => (
            <tr key={s.dataKey}>
              <td>
                <span className="swatch" style={{ background: s.color }} />
                {s.label}
              </td>
              <td>{formatCount(s.counts[index] ?? 0)}</td>
            </tr>
          ))}
          <tr className="rate-tooltip-total">
            <td>total msg/s</td>
            <td>{formatCount(total)}</td>
          </tr>
        </tbody>
      </table>
      <div className="hint">click: filter by series · drag: time window</div>
    </div>
  );
}
