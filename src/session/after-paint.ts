/**
 * Runs `fn` once the next frame has been painted: in a task after that
 * frame's animation-frame callbacks (a timer set from inside them fires
 * after the frame is produced). Where no frame will come (a hidden tab,
 * Node), at the next task. Returns a cancel.
 */
export function afterNextPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let frame: number | null = null;
  const framesComing = typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && document.visibilityState === 'visible';
  if (framesComing) {
    frame = requestAnimationFrame(() => {
      frame = null;
      timer = setTimeout(fn, 0);
    });
  } else timer = setTimeout(fn, 0);
  return () => {
    if (frame !== null) cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
    frame = null;
    timer = null;
  };
}
