import { useMemo } from 'react';
import type { RequestSort, RequestSortKey } from '../../store/index.ts';
import { useWarrenStore } from '../../ui/index.ts';
import { REQUEST_COLUMNS } from './columns.ts';
import { RequestTableRow } from './RequestTableRow.tsx';
import { sortSummaries, type RequestSummary } from './request-summary.ts';

interface Props {
  rows: readonly RequestSummary[];
  selectedName: string | null;
  onToggle(name: string): void;
  /** Sets the filter text (a click on a timed-out count). */
  onFilter(text: string): void;
}

/** The rows, sorted by the column whose header was clicked last (again: the other way). */
export function RequestsTable({ rows, selectedName, onToggle, onFilter }: Props) {
  const sort = useWarrenStore((s) => s.requestsSort);
  const setSort = useWarrenStore((s) => s.setRequestsSort);
  const sorted = useMemo(() => sortSummaries(rows, sort), [rows, sort]);
  const sortBy = (key: RequestSortKey) =>
    // Names read A→Z first; numbers largest first (the busiest, the slowest).
    setSort({ key, descending: key === sort.key ? !sort.descending : key !== 'name' });

  return (
    <div className="requests-table-frame">
      <table className="requests-table">
        <thead>
          <tr>
            <SortHeader sortKey="name" label="task name / request key" title="Celery task name, or the routing key of a non-Celery RPC request (reply_to + correlation_id)" sort={sort} onSort={sortBy} />
            {REQUEST_COLUMNS.map((c) => (
              <SortHeader key={c.key} sortKey={c.key} label={c.label} title={c.title} sort={sort} onSort={sortBy} className={`num col-${c.key}${c.secondary ? ' secondary' : ''}`} />
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <RequestTableRow key={row.id} row={row} selected={row.name === selectedName} onToggle={onToggle} onFilter={onFilter} />
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="empty">No requests yet: Celery task messages or events, or messages with reply_to and correlation_id.</p>}
    </div>
  );
}

interface SortHeaderProps {
  sortKey: RequestSortKey;
  label: string;
  title: string;
  sort: RequestSort;
  onSort(key: RequestSortKey): void;
  className?: string;
}

function SortHeader({ sortKey, label, title, sort, onSort, className }: SortHeaderProps) {
  const active = sort.key === sortKey;
  return (
    <th scope="col" className={className} title={title} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="link requests-sort" data-testid={`requests-sort-${sortKey}`} onClick={() => onSort(sortKey)}>
        {label}
        <span className="requests-sort-mark" aria-hidden="true">{active ? (sort.descending ? '▾' : '▴') : ''}</span>
      </button>
    </th>
  );
}
