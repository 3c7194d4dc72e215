/**
 * The table's keyboard: ↑/↓ and k/j move the selection, Enter opens the
 * inspector, `/` focuses the filter, space pauses, Escape closes the
 * inspector. Keys typed into a text field stay with that field.
 */
import type { TraceSession } from '../../session/index.ts';

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * Moves the selection by `delta` message rows (gap markers are stepped
 * over); with nothing selected, starts from the newest row.
 */
export function moveSelection(session: TraceSession, delta: number): void {
  const { view } = session;
  const state = session.store.getState();
  const rows = view.rowCount;
  if (rows === 0) return;
  const current = state.selectedSeq === null ? -1 : view.rowOfSeq(state.selectedSeq);
  let row = current === -1 ? rows - 1 : Math.min(rows - 1, Math.max(0, current + delta));
  const step = delta < 0 ? -1 : 1;
  while (view.seqAtRow(row) < 0 && row + step >= 0 && row + step < rows) row += step;
  const seq = view.seqAtRow(row);
  if (seq < 0) return;
  state.selectMessage(seq);
  // Reading older rows must not be yanked away by new arrivals.
  state.setFollowing(row === rows - 1);
}

/** The window's keydown handler for this session's table. */
export function tableKeyHandler(session: TraceSession): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const state = session.store.getState();
    if (event.key === 'Escape') {
      state.closeInspector();
      return;
    }
    if (isTextField(event.target)) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'j':
        moveSelection(session, 1);
        break;
      case 'ArrowUp':
      case 'k':
        moveSelection(session, -1);
        break;
      case 'Enter':
        if (state.selectedSeq !== null) state.openInspector(state.selectedSeq);
        break;
      case '/':
        document.getElementById('filter-input')?.focus();
        break;
      case ' ':
        if (event.target instanceof HTMLButtonElement) return; // the button's own click handles it
        session.togglePause();
        break;
      default:
        return;
    }
    event.preventDefault();
  };
}
