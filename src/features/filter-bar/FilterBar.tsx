import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatCount, useSession, useWarrenStore } from '../../ui/index.ts';
import { FilterError } from './FilterError.tsx';
import { FilterInput } from './FilterInput.tsx';
import { FilterProgress } from './FilterProgress.tsx';
import './filter-bar.css';

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
      <FilterInput text={filterText} invalid={filterError !== ''} />
      <FilterProgress view={session.view} />
      <button type="button" data-testid="pause-button" onClick={() => session.togglePause()} aria-pressed={paused} className={paused ? 'paused' : ''}>
        {paused ? `▶ Resume${buffered > 0 ? ` (${formatCount(buffered)} new)` : ''}` : '❚❚ Pause'}
      </button>
      {children}
      {filterError && <FilterError text={filterText} error={filterError} />}
    </div>
  );
}
