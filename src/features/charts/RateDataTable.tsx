import { formatCount } from '../../ui/index.ts';
import { clockTime } from './format.ts';
import type { ChartRow, ChartSeries } from './series-view.ts';

interface Props {
  rows: ChartRow[];
  series: ChartSeries[];
}

/**
 * The charts' numbers as a table: one row per second that had messages
 * (empty seconds left out), one column per series, then total and bytes.
 * Exactly what the charts draw, for reading and for tests.
 */
export function RateDataTable({ rows, series }: Props) {
  const busy = rows.filter((r) => r.total > 0);
  return (
    <div className="rate-data">
      <table data-testid="rate-chart-data">
        <caption className="hint">
          Messages per second, last 5 minutes ({busy.length} of {rows.length} seconds had messages)
        </caption>
        <thead>
          <tr>
            <th scope="col">second</th>
            {series.map((s) => (
              <th key={s.dataKey} scope="col" data-series={s.label}>
                {s.label}
              </th>
            ))}
            <th scope="col">total</th>
            <th scope="col">bytes</th>
          </tr>
        </thead>
        <tbody>
          {busy.map((r) => (
            <tr key={r.second} data-second={r.second} data-total={r.total} data-bytes={r.bytes}>
              <th scope="row" title={`epoch second ${r.second}`}>
                {clockTime(r.second)}
              </th>
              {series.map((s) => (
                <td key={s.dataKey} data-series={s.label} data-count={r[s.dataKey] ?? 0}>
                  {formatCount(r[s.dataKey] ?? 0)}
                </td>
              ))}
              <td>{formatCount(r.total)}</td>
              <td>{formatCount(r.bytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
