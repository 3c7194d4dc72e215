import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * `measure(element)`, kept up to date by a ResizeObserver: read in render
 * without forcing a layout. React skips the re-render when the value is the
 * same, so measure only what the caller draws by (`measure` is best a
 * module-level function: a new one each render re-observes).
 */
export function useMeasured<T>(ref: RefObject<HTMLElement | null>, measure: (element: HTMLElement) => T, initial: T): T {
  const [value, setValue] = useState(initial);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => setValue(measure(el));
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, measure]);
  return value;
}
