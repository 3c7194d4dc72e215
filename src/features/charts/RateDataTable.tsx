import { formatCount } from '../../ui/index.ts';
import { clockTime } from './format.ts';
import type { RateSnapshot } from '../../rates/index.ts';
import type { ChartSeries } from './series-view.ts';

interface Props {
  snapshot: RateSnapshot;
  series: ChartSeries[];
}

/**
 * The charts' numbers as a table: one row per second that had messages
 * (empty seconds left out), one column per series, then total and bytes.
 * Exactly what the charts draw, for reading and for tests.
 */
export function RateDataTable({ snapshot, series }: Props) {
  const { messages, bytes, startSecond } = snapshot;
  const busy = messages.flatMap((total, i) => (total > 0 ? [i] : []));
  return (
    <div className="rate-data">
      <table data-testid="rate-chart-data">
        <caption className="hint">
          Messages per second, last 5 minutes ({busy.length} of {messages.length} seconds had messages)
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
          {busy.map((i) => (
            <tr key={startSecond + i} data-second={startSecond + i} data-total={messages[i]} data-bytes={bytes[i]}>
              <th scope="row" title={`epoch second ${startSecond + i}`}>
                {clockTime(startSecond + i)}
              </th>
              {series.map((s) => (
                <td key={s.dataKey} data-series={s.label} data-count={s.counts[i] ?? 0}>
                  {formatCount(s.counts[i] ?? 0)}
                </td>
              ))}
              <td>{formatCount(messages[i] ?? 0)}</td>
              <td>{formatCount(bytes[i] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
