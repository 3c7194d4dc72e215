import { useShallow } from 'zustand/react/shallow';
import { useWarrenStore } from '../../ui/index.ts';
import { newFilterId, setWatch, watchFilterText } from '../saved-filters/index.ts';
import './watches.css';

/**
 * "Watch" beside the filter box: counts the current filter's matches from
 * now on (it is saved, named after its text, unless already saved). Pressed
 * when the current filter is watched; a second click stops watching it.
 */
export function WatchButton() {
  const { filterText, filterError, savedFilters, setSavedFilters, setNote } = useWarrenStore(
    useShallow((s) => ({
      filterText: s.filterText,
      filterError: s.filterError,
      savedFilters: s.savedFilters,
      setSavedFilters: s.setSavedFilters,
      setNote: s.setSavedFiltersNote,
    })),
  );
  const watched = savedFilters.find((f) => f.watch && f.filter === filterText);
  const usable = filterText.trim() !== '' && filterError === '';

  const onClick = () => {
    if (watched) {
      setSavedFilters(setWatch(savedFilters, watched.id, false));
      return;
    }
    const change = watchFilterText(savedFilters, filterText, newFilterId());
    if (change.ok) setSavedFilters(change.filters);
    else setNote(change.error);
  };

  return (
    <button
      type="button"
      data-testid="watch-button"
      aria-pressed={watched !== undefined}
      disabled={!usable && !watched}
      onClick={onClick}
      title={watched ? `Stop watching "${watched.name}"` : usable ? 'Watch: count the matches of this filter from now on, even paused or hidden' : 'Type a valid filter to watch it'}
    >
      {watched ? '◉ Watching' : '◉ Watch'}
    </button>
  );
}
