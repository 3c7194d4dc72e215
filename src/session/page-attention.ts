/**
 * Whether anyone attends the page: its window has focus, or the pointer is
 * over it. A tracer left open beside other work (on a second screen, the
 * editor focused) is glanced at, not read: the session then follows once a
 * second (GLANCE_INTERVAL_MS) and the charts redraw less often. A click, a
 * key, or the pointer over the page brings the full cadence back at once.
 * Where there is no document or window (Node, tests), the page is attended.
 */

/** The window has focus (document.hasFocus); true where that cannot be known. */
export function windowFocused(): boolean {
  return typeof document === 'undefined' || typeof document.hasFocus !== 'function' || document.hasFocus();
}

/**
 * Calls `onChange(attended)` whenever attention comes or goes; returns the
 * unsubscribe. The pointer starts outside: a page that loads under a still
 * pointer in an unfocused window is not attended until the pointer moves.
 */
export function watchPageAttention(onChange: (attended: boolean) => void): () => void {
  if (typeof window === 'undefined' || typeof window.addEventListener !== 'function') return () => undefined;
  const seen = { focused: windowFocused(), pointerOver: false };
  let attended = seen.focused;
  const when = (signal: keyof typeof seen, value: boolean) => () => {
    seen[signal] = value;
    const now = seen.focused || seen.pointerOver;
    if (now === attended) return;
    attended = now;
    onChange(now);
  };
  const onFocus = when('focused', true);
  const onBlur = when('focused', false);
  const onEnter = when('pointerOver', true);
  const onLeave = when('pointerOver', false);
  // pointerenter/pointerleave on the root fire once as the pointer enters or leaves the page, not at every element.
  const root = typeof document === 'undefined' ? undefined : document.documentElement;
  window.addEventListener('focus', onFocus);
  window.addEventListener('blur', onBlur);
  root?.addEventListener('pointerenter', onEnter);
  root?.addEventListener('pointerleave', onLeave);
  return () => {
    window.removeEventListener('focus', onFocus);
    window.removeEventListener('blur', onBlur);
    root?.removeEventListener('pointerenter', onEnter);
    root?.removeEventListener('pointerleave', onLeave);
  };
}
