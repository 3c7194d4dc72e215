import { useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useWarrenStore } from '../../ui/index.ts';
import { saveFilter } from './saved-list.ts';
import { newFilterId } from './storage.ts';
import './saved-filters.css';

/**
 * "Save…" beside the filter box: asks for a name in place (the filter text
 * by default); Enter saves, Escape cancels. A name already saved is replaced.
 */
export function SaveFilterButton() {
  const { filterText, filterError, savedFilters, setSavedFilters } = useWarrenStore(
    useShallow((s) => ({ filterText: s.filterText, filterError: s.filterError, savedFilters: s.savedFilters, setSavedFilters: s.setSavedFilters })),
  );
  const [name, setName] = useState<string | null>(null);
  const [error, setError] = useState('');
  const usable = filterText.trim() !== '' && filterError === '';

  const cancel = () => {
    setName(null);
    setError('');
  };
  const save = () => {
    if (name === null) return;
    const change = saveFilter(savedFilters, name, filterText, newFilterId());
    if (!change.ok) {
      setError(change.error);
      return;
    }
    setSavedFilters(change.filters);
    cancel();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') save();
    else if (e.key === 'Escape') cancel();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  if (name === null) {
    return (
      <button
        type="button"
        data-testid="save-filter-button"
        disabled={!usable}
        onClick={() => setName(filterText.trim().slice(0, 80))}
        title={usable ? 'Name this filter and save it (kept in this browser)' : 'Type a valid filter to save it'}
      >
        ☆ Save…
      </button>
    );
  }
  const taken = savedFilters.some((f) => f.name === name.trim());
  return (
    <span className="save-filter-form">
      <input
        data-testid="save-filter-name"
        aria-label="Name of the saved filter (Enter saves, Escape cancels)"
        value={name}
        autoFocus
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={onKeyDown}
        aria-invalid={error !== ''}
        maxLength={200}
        spellCheck={false}
      />
      <button type="button" data-testid="save-filter-confirm" onClick={save}>
        {taken ? 'Replace' : 'Save'}
      </button>
      <button type="button" className="link" onClick={cancel} aria-label="Cancel saving">
        ✕
      </button>
      {error && (
        <span className="hint error" role="alert" data-testid="save-filter-error">
          {error}
        </span>
      )}
    </span>
  );
}
