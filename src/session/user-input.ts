/**
 * The page's inputs, seen before any handler runs: the session gives the
 * frame after a keystroke or a press to whatever answers it (input first,
 * FrameScheduler.yieldNextFrame), and the table's rows wait a frame.
 */

/** Calls `onInput()` at every keydown and pointerdown on the page; returns the unsubscribe. */
export function watchUserInput(onInput: () => void): () => void {
  if (typeof window === 'undefined' || typeof window.addEventListener !== 'function') return () => undefined;
  const options = { capture: true, passive: true };
  window.addEventListener('keydown', onInput, options);
  window.addEventListener('pointerdown', onInput, options);
  return () => {
    window.removeEventListener('keydown', onInput, options);
    window.removeEventListener('pointerdown', onInput, options);
  };
}
