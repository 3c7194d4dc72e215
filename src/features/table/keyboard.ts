/**
 * The table's keyboard: ↑/↓ and k/j move the selection, Enter opens the
 * inspector, `/` focuses the filter, space pauses, Escape closes the
 * inspector. Keys typed into a text field stay with that field.
 */
import { ingest, togglePause } from '../../app/trace-session.ts';
import { closeInspector, openInspector, selectMessage, setFollowing, useViewStore } from '../../store/index.ts';

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Moves the selection by `delta` rows; with nothing selected, starts from the newest row. */
export function moveSelection(delta: number): void {
  const rows = ingest.rowCount;
  if (rows === 0) return;
  const { selectedSeq } = useViewStore.getState();
  const current = selectedSeq === null ? -1 : ingest.rowOfSeq(selectedSeq);
  const next = current === -1 ? rows - 1 : Math.min(rows - 1, Math.max(0, current + delta));
  selectMessage(ingest.seqAtRow(next));
  // Reading older rows must not be yanked away by new arrivals.
  setFollowing(next === rows - 1);
}

export function handleTableKey(event: KeyboardEvent): void {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === 'Escape') {
    closeInspector();
    return;
  }
  if (isTextField(event.target)) return;
  switch (event.key) {
    case 'ArrowDown':
    case 'j':
      moveSelection(1);
      break;
    case 'ArrowUp':
    case 'k':
      moveSelection(-1);
      break;
    case 'Enter': {
      const { selectedSeq } = useViewStore.getState();
      if (selectedSeq !== null) openInspector(selectedSeq);
      break;
    }
    case '/':
      document.getElementById('filter-input')?.focus();
      break;
    case ' ':
      if (event.target instanceof HTMLButtonElement) return; // the button's own click handles it
      togglePause();
      break;
    default:
      return;
  }
  event.preventDefault();
}
