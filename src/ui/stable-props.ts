/**
 * Props that keep their identity while their value does not change. recharts 3
 * keeps a redux store per chart: an axis or area that re-renders with a new
 * array or handler dispatches its settings again, and every dispatch re-runs
 * the chart's selectors and re-renders what reads them (a profile of one chart
 * refresh showed ~15 renders from one new `data`). Same value, same object:
 * only the data moves.
 */
import { useEffect, useMemo, useRef, useState } from 'react';

/** An array of numbers that is the same array for as long as it holds the same numbers (a few ticks: the key is short). */
export function useStableNumbers(values: readonly number[]): number[] {
  const key = values.join(',');
  return useMemo(() => (key === '' ? [] : key.split(',').map(Number)), [key]);
}

/**
 * One click handler per key that lives as long as the chart does (and the
 * lookup itself keeps its identity), calling
 * the `onClick` of the latest render: an area's handler is not a new function
 * every refresh, so the area is not drawn again for it.
 */
export function useStableHandlers<K>(onClick: (key: K) => void): (key: K) => () => void {
  const latest = useRef(onClick);
  useEffect(() => {
    latest.current = onClick;
  });
  const [handlerOf] = useState(() => {
    const handlers = new Map<K, () => void>();
    return (key: K) => {
      let handler = handlers.get(key);
      if (handler === undefined) {
        handler = () => latest.current(key);
        handlers.set(key, handler);
      }
      return handler;
    };
  });
  return handlerOf;
}
