/**
 * The table's keyboard: ↑/↓ and k/j move the selection, Enter opens the
 * inspector, `/` focuses the filter, space pauses, `p` pins the selected
 * message for a diff (again: unpins), `d` diffs the pinned message with the
 * selected one, Escape closes the diff, else the inspector. Keys typed into
 * a text field stay with that field.
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

/** The shortcuts above, for the table's tooltip. */
export const TABLE_SHORTCUTS =
  '↑/↓ or k/j: move · Enter: inspect · /: filter · Space: pause · p: pin for diff · d: diff pinned with selected · Ctrl/Cmd/Shift-click: diff with the selected row · Esc: close';

/**
 * A row click: a plain one inspects the row (closing any diff); with
 * Ctrl/Cmd/Shift held and another row selected, the two are diffed, the
 * older on the left, and the clicked row becomes the selection.
 */
export function selectRow(session: TraceSession, seq: number, pair: boolean): void {
  const state = session.store.getState();
  const other = state.selectedSeq;
  if (pair && other !== null && other !== seq) {
    const a = session.capture.buffer.get(other);
    const b = session.capture.buffer.get(seq);
    if (a !== undefined && b !== undefined) {
      state.selectMessage(seq);
      state.openDiff(a.seq < b.seq ? a : b, a.seq < b.seq ? b : a);
      return;
    }
  }
  state.closeDiff();
  state.openInspector(seq);
}

/** `d`: the pinned message (left) against the selected one. */
function diffPinnedWithSelected(session: TraceSession): void {
  const { pinned, selectedSeq, openDiff } = session.store.getState();
  if (pinned === null || selectedSeq === null || selectedSeq === pinned.seq) return;
  const selected = session.capture.buffer.get(selectedSeq);
  if (selected !== undefined) openDiff(pinned, selected);
}

/** `p`: pins the selected message, or unpins it. */
function togglePinSelected(session: TraceSession): void {
  const { selectedSeq, togglePin } = session.store.getState();
  if (selectedSeq === null) return;
  const selected = session.capture.buffer.get(selectedSeq);
  if (selected !== undefined) togglePin(selected);
}

/** The window's keydown handler for this session's table. */
export function tableKeyHandler(session: TraceSession): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const state = session.store.getState();
    if (event.key === 'Escape') {
      if (state.diffPair !== null) state.closeDiff();
      else state.closeInspector();
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
      case 'p':
        togglePinSelected(session);
        break;
      case 'd':
        diffPinnedWithSelected(session);
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
