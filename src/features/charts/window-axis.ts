/**
 * The charts' time axis in seconds since the window's start (0 … n-1), not
 * in epoch seconds. recharts keeps a store per chart and re-runs its
 * selectors (tooltip, both axes' domains, grid) whenever `data` changes; in
 * index space the data is the same array at every refresh, and only the
 * ticks move. What is drawn in the window comes from the rows by index
 * (StackedStepAreas, the tooltips, the drag), so recharts never reads them.
 */
import { useCallback } from 'react';
import { clockMinute, minuteTicks } from './format.ts';
import { useStableNumbers } from './stable-props.ts';

/** One row per second of the window, `{ i }`: what recharts is given as `data`. */
export type IndexRow = { readonly i: number };

const indexRowsOf = new Map<number, readonly IndexRow[]>();

/** The same array for the same length, for every chart. */
export function indexRows(seconds: number): readonly IndexRow[] {
  let rows = indexRowsOf.get(seconds);
  if (rows === undefined) {
    rows = Array.from({ length: seconds }, (_, i) => ({ i }));
    indexRowsOf.set(seconds, rows);
  }
  return rows;
}

/** Props for an `<XAxis dataKey="i">` over `seconds` seconds from `startSecond`: minute ticks (every `tickEvery`-th one), labelled as clock times. */
export function useWindowAxis(startSecond: number, seconds: number, tickEvery = 1) {
  const ticks = useStableNumbers(
    minuteTicks(startSecond, startSecond + seconds - 1)
      .filter((_, n) => n % tickEvery === 0)
      .map((second) => second - startSecond),
  );
  const domain = useStableNumbers([0, Math.max(0, seconds - 1)]);
  const tickFormatter = useCallback((i: number) => clockMinute(startSecond + i), [startSecond]);
  return { data: indexRows(seconds), ticks, domain, tickFormatter };
}
