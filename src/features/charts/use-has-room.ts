import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * Whether the element has room to draw in (a width and a height), kept by a
 * ResizeObserver. A chart whose container the layout hides (`display: none`:
 * the byte chart while the inspector narrows the panel) would otherwise
 * still be computed at every refresh, and recharts warns of a 0×0 chart each time.
 */
export function useHasRoom(ref: RefObject<HTMLElement | null>): boolean {
  const [hasRoom, setHasRoom] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setHasRoom(el.clientWidth > 0 && el.clientHeight > 0);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return hasRoom;
}
