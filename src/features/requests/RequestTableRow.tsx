import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import { formatCount } from '../../ui/index.ts';
import { cellValue, REQUEST_COLUMNS } from './columns.ts';
import { isFilterableName, taskFilterTerm } from './filter-term.ts';
import { formatLatency, latencyDataValue } from './format.ts';
import type { RequestSummary } from './request-summary.ts';

interface Props {
  row: RequestSummary;
  selected: boolean;
  onToggle(name: string): void;
  onFilter(text: string): void;
}

/**
 * One task name or request key. Its name is production data: a React text
 * node only, ellipsized, whole in the tooltip. Memoised: a row whose numbers
 * did not move keeps its summary object and is not rendered again.
 */
export const RequestTableRow = memo(function RequestTableRow({ row, selected, onToggle, onFilter }: Props) {
  const filterable = isFilterableName(row.name);
  const ref = useRef<HTMLTableRowElement>(null);
  // Selecting opens the chart, which shrinks the rows' frame: keep the chosen row in sight (once, not on every update).
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  const toggle = () => {
    if (filterable) onToggle(row.name);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    toggle();
  };
  const kindLabel = row.kind === 'celery' ? 'Celery task' : 'RPC request key';
  return (
    <tr
      ref={ref}
      data-testid="requests-row"
      data-name={row.name}
      data-kind={row.kind}
      className={`${selected ? 'selected' : ''} ${filterable ? 'filterable' : ''}`}
      aria-selected={selected}
      tabIndex={filterable ? 0 : -1}
      onClick={toggle}
      onKeyDown={onKeyDown}
    >
      <th scope="row" className="requests-name" title={`${kindLabel}: ${row.name}${filterable ? (selected ? '\nClick to clear the filter' : '\nClick to filter the table to it') : ''}`}>
        <span className={`requests-kind kind-${row.kind}`}>{row.kind === 'celery' ? 'task' : 'rpc'}</span>
        <span className="requests-name-text">{row.name}</span>
      </th>
      {REQUEST_COLUMNS.map((column) => {
        const value = cellValue(row, column);
        const isCount = column.unit === 'count';
        return (
          <td
            key={column.key}
            data-testid={column.testId}
            data-value={isCount ? String(value) : latencyDataValue(value)}
            className={`num col-${column.key}${column.secondary ? ' secondary' : ''}${column.key === 'timedOut' && value > 0 ? ' bad' : ''}${column.key === 'failed' && value > 0 ? ' bad' : ''}`}
          >
            {column.key === 'timedOut' && value > 0 && filterable ? (
              // The requests that never got an answer, listed in the table.
              <button
                type="button"
                className="link requests-cell-link"
                data-testid="requests-show-timed-out"
                title="Show these requests (no answer within the timeout) in the table"
                onClick={(e) => {
                  e.stopPropagation();
                  onFilter(`${taskFilterTerm(row.name)} state:timed-out`);
                }}
              >
                {formatCount(value)}
              </button>
            ) : isCount ? (
              formatCount(value)
            ) : (
              formatLatency(value)
            )}
          </td>
        );
      })}
    </tr>
  );
});
