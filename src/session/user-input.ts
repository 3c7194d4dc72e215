/**
 * The page's inputs, seen before any handler runs: the session gives the
 * frame after a keystroke, a press or a click to whatever answers it (input
 * first, FrameScheduler.yieldNextFrame), and the table's rows wait a frame.
 *
 * Why the click as well as the press: a click is answered (a row selected,
 * the inspector opened) when the button is released, often frames after
 * the press, whose frame has gone by then. Traced at full rate, the slow
 * clicks' frames drew a batch of rows too (LoAF: the click's handlers 44 ms,
 * then the rows' 29 ms, in one frame of 169 ms).
 */

const INPUTS = ['keydown', 'pointerdown', 'click'] as const;

/** Calls `onInput()` at every keydown, pointerdown and click on the page; returns the unsubscribe. */
export function watchUserInput(onInput: () => void): () => void {
  if (typeof window === 'undefined' || typeof window.addEventListener !== 'function') return () => undefined;
  const options = { capture: true, passive: true };
  for (const type of INPUTS) window.addEventListener(type, onInput, options);
  return () => {
    for (const type of INPUTS) window.removeEventListener(type, onInput, options);
  };
}
