import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatCount, useSession, useWarrenStore } from '../../ui/index.ts';

/**
 * The filter and the pause control above the table. The box shows the
 * store's filter text, whoever set it (typing, a chart click, a shared
 * link): one owner, so what the box shows is what filters the table.
 * `children`: further controls of the view, after Pause (the rewind menu).
 */
export function FilterBar({ children }: { children?: ReactNode }) {
  const session = useSession();
  const { filterText, filterError, paused, buffered } = useWarrenStore(
    useShallow((s) => ({ filterText: s.filterText, filterError: s.filterError, paused: s.paused, buffered: s.bufferedWhilePaused })),
  );

  return (
    <div className="filter-bar">
      <input
        id="filter-input"
        data-testid="filter-input"
        value={filterText}
        onChange={(e) => session.setFilterText(e.target.value)}
        placeholder="Filter: orders.*.created   -users.#   exchange:celery   (press / to focus)"
        spellCheck={false}
        aria-label="Filter by routing key"
        aria-invalid={filterError !== ''}
      />
      <button type="button" data-testid="pause-button" onClick={() => session.togglePause()} aria-pressed={paused} className={paused ? 'paused' : ''}>
        {paused ? `▶ Resume${buffered > 0 ? ` (${formatCount(buffered)} new)` : ''}` : '❚❚ Pause'}
      </button>
      {children}
      {filterError && (
        <p className="hint error" role="alert" data-testid="filter-error">
          {filterError}
        </p>
      )}
    </div>
  );
}
