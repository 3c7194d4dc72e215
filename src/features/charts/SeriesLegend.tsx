import { DEFAULT_MAX_KEYS_PER_SECOND } from '../../rates/index.ts';
import { formatCount, useSession } from '../../ui/index.ts';
import { filterBySeries } from './chart-actions.ts';
import type { ChartSeries } from './series-view.ts';

interface Props {
  series: ChartSeries[];
  /** Messages in "other" only because their second had too many distinct keys. */
  unkeyed: number;
}

/** The series with their totals over the window; a click filters the table to one (top of the stack first). */
export function SeriesLegend({ series, unkeyed }: Props) {
  const session = useSession();
  return (
    <ul className="rate-legend" data-testid="rate-legend" aria-label="Series, click to filter the table">
      {series.length === 0 && <li className="muted">No messages in the last 5 minutes.</li>}
      {[...series].reverse().map((s) => (
        <li key={s.dataKey}>
          <button
            type="button"
            data-testid="rate-series"
            data-series-name={s.label}
            data-total={s.total}
            aria-disabled={!s.filter.ok}
            title={`${s.label}: ${formatCount(s.total)} msgs. ${s.filter.ok ? `Click to filter the table: ${s.filter.text}` : s.filter.reason}`}
            onClick={() => filterBySeries(session, s)}
          >
            <span className="swatch" style={{ background: s.color }} />
            <span className="rate-legend-label">{s.label}</span>
            <span className="rate-legend-total">{formatCount(s.total)}</span>
          </button>
        </li>
      ))}
      {unkeyed > 0 && (
        <li className="hint warning" data-testid="rate-unkeyed">
          {formatCount(unkeyed)} msgs counted in (other) only: their second had over {DEFAULT_MAX_KEYS_PER_SECOND} distinct keys
        </li>
      )}
    </ul>
  );
}
