import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { togglePause } from '../../app/trace-session.ts';
import { setFilterFromUser } from '../../app/url-state.ts';
import { useViewStore } from '../../store/index.ts';

/** The routing-key filter and the pause control above the table. */
export function FilterBar() {
  const { filterText, filterError, paused, buffered } = useViewStore(
    useShallow((s) => ({ filterText: s.filterText, filterError: s.filterError, paused: s.paused, buffered: s.bufferedWhilePaused })),
  );
  const [draft, setDraft] = useState(filterText);

  return (
    <div className="filter-bar">
      <input
        id="filter-input"
        data-testid="filter-input"
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          setFilterFromUser(e.target.value);
        }}
        placeholder="Filter: orders.*.created   -users.#   exchange:celery   (press / to focus)"
        spellCheck={false}
        aria-label="Filter by routing key"
        aria-invalid={filterError !== ''}
      />
      <button type="button" data-testid="pause-button" onClick={togglePause} aria-pressed={paused} className={paused ? 'paused' : ''}>
        {paused ? `▶ Resume${buffered > 0 ? ` (${buffered.toLocaleString('en-US')} new)` : ''}` : '❚❚ Pause'}
      </button>
      {filterError && (
        <p className="hint error" role="alert" data-testid="filter-error">
          {filterError}
        </p>
      )}
    </div>
  );
}
