import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSession, useWarrenStore } from '../../ui/index.ts';
import { removeFilter, renameFilter, setWatch } from './saved-list.ts';
import { SavedFilterItem } from './SavedFilterItem.tsx';
import { shareLink } from './share-link.ts';
import './saved-filters.css';

/**
 * "★ Saved" beside the filter box: a list of the saved filters that opens
 * below it. Keyboard: the button opens it and focuses the first filter, Tab
 * walks the items and their actions, Escape closes and returns to the button.
 */
export function SavedFiltersMenu() {
  const session = useSession();
  const { savedFilters, note, filterText, subscriptions, setSavedFilters } = useWarrenStore(
    useShallow((s) => ({
      savedFilters: s.savedFilters,
      note: s.savedFiltersNote,
      filterText: s.filterText,
      subscriptions: s.subscriptions,
      setSavedFilters: s.setSavedFilters,
    })),
  );
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLElement>('.saved-filter-apply')?.focus();
    // A click anywhere else closes it, as a menu does.
    const outside = (e: PointerEvent) => {
      if (e.target instanceof Node && !root.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && open) {
      e.preventDefault();
      close();
    }
  };
  const destinations = subscriptions.map((s) => s.destination);

  return (
    <div className="saved-filters" data-testid="saved-filters" ref={root} onKeyDown={onKeyDown}>
      <button
        type="button"
        ref={toggle}
        data-testid="saved-filters-toggle"
        aria-expanded={open}
        aria-controls="saved-filters-list"
        onClick={() => setOpen(!open)}
        title={note || 'Saved filters: apply, watch, copy a link, rename, delete'}
      >
        ★ Saved{savedFilters.length > 0 ? ` (${savedFilters.length})` : ''}
        {note && <span className="saved-filters-warning"> ⚠</span>}
      </button>
      {open && (
        <div className="saved-filters-popover" id="saved-filters-list" data-testid="saved-filters-list" aria-label="Saved filters">
          {note && (
            <p className="hint warning" role="status" data-testid="saved-filters-note">
              {note}
            </p>
          )}
          {savedFilters.length === 0 ? (
            <p className="hint">No saved filters yet: type a filter, then ☆ Save…</p>
          ) : (
            <ul className="saved-filter-list">
              {savedFilters.map((f) => (
                <SavedFilterItem
                  key={f.id}
                  filter={f}
                  current={f.filter === filterText}
                  link={shareLink(location.href, f.filter, destinations)}
                  onApply={() => {
                    session.setFilterText(f.filter);
                    close();
                  }}
                  onToggleWatch={() => setSavedFilters(setWatch(savedFilters, f.id, !f.watch))}
                  onDelete={() => setSavedFilters(removeFilter(savedFilters, f.id))}
                  onRename={(name) => {
                    const change = renameFilter(savedFilters, f.id, name);
                    if (!change.ok) return change.error;
                    setSavedFilters(change.filters);
                    return '';
                  }}
                />
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
