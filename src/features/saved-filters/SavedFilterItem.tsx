import { useState, type KeyboardEvent } from 'react';
import type { SavedFilter } from '../../store/index.ts';
import { copyLink } from './copy-link.ts';

export interface SavedFilterItemProps {
  filter: SavedFilter;
  /** The filter box shows this filter now. */
  current: boolean;
  /** A link with ?filter= and the page's subscriptions. */
  link: string;
  onApply(): void;
  onToggleWatch(): void;
  onDelete(): void;
  /** Returns why the name was refused, '' when renamed. */
  onRename(name: string): string;
}

/** One saved filter in the menu: apply (click the name), watch, copy link, rename, delete. */
export function SavedFilterItem({ filter, current, link, onApply, onToggleWatch, onDelete, onRename }: SavedFilterItemProps) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const [note, setNote] = useState('');

  const copy = async () => {
    setNote(await copyLink(link));
  };
  const onRenameKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') {
      setRenaming(null);
      setNote('');
    } else if (e.key === 'Enter' && renaming !== null) {
      const refused = onRename(renaming);
      setNote(refused);
      if (!refused) setRenaming(null);
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <li className={`saved-filter${current ? ' current' : ''}`} data-testid="saved-filter-item" data-name={filter.name} data-watch={filter.watch}>
      {renaming === null ? (
        <button type="button" className="saved-filter-apply" data-testid="saved-filter-apply" onClick={onApply} title={`Apply: ${filter.filter}`}>
          <span className="saved-filter-name">{filter.name}</span>
          {filter.name !== filter.filter && <span className="saved-filter-text">{filter.filter}</span>}
        </button>
      ) : (
        <input
          data-testid="saved-filter-rename-input"
          aria-label={`New name for ${filter.name} (Enter renames, Escape cancels)`}
          value={renaming}
          autoFocus
          maxLength={200}
          onChange={(e) => setRenaming(e.target.value)}
          onKeyDown={onRenameKey}
        />
      )}
      <span className="saved-filter-actions">
        <button
          type="button"
          data-testid="saved-filter-watch"
          aria-pressed={filter.watch}
          onClick={onToggleWatch}
          title={filter.watch ? 'Stop watching (counts are dropped)' : 'Watch: count its matches from now on'}
        >
          {filter.watch ? '◉ Watching' : '◉ Watch'}
        </button>
        <button type="button" data-testid="saved-filter-copy-link" data-url={link} onClick={() => void copy()} title="Copy a link that opens this view">
          link
        </button>
        <button type="button" data-testid="saved-filter-rename" onClick={() => setRenaming(filter.name)} title="Rename" aria-label={`Rename ${filter.name}`}>
          ✎
        </button>
        <button type="button" className="danger" data-testid="saved-filter-delete" onClick={onDelete} title="Delete" aria-label={`Delete ${filter.name}`}>
          ✕
        </button>
      </span>
      {note && (
        <p className="hint" role="status" data-testid="saved-filter-note">
          {note}
        </p>
      )}
    </li>
  );
}
