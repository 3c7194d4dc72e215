/** Picking the top N series of a window, deterministically. */

/** A series' running totals while a snapshot is read. */
export interface Accumulator {
  /** Messages in the window. */
  total: number;
  /** A member key is longer than the group's prefix (so the group is a `prefix.#`). */
  hasLongerKeys: boolean;
  /** Position among the top series, -1 when not among them. */
  rank: number;
}

/**
 * The `n` largest accumulators, largest first, ties broken by label so the
 * order does not flicker between reads; sets their `rank`. One pass over the
 * series with an insertion into a list of at most n: linear in the number
 * of series for the n = 8 the charts use (10,000 keys need no sort).
 */
export function selectTop<T>(totals: Map<T, Accumulator>, n: number, labelOf: (id: T, acc: Accumulator) => string): [T, Accumulator][] {
  const best: [T, Accumulator][] = [];
  const before = (a: [T, Accumulator], b: [T, Accumulator]) =>
    a[1].total !== b[1].total ? a[1].total > b[1].total : labelOf(a[0], a[1]) < labelOf(b[0], b[1]);
  for (const entry of totals) {
    if (n <= 0 || entry[1].total === 0) continue;
    const last = best[best.length - 1];
    if (best.length === n && last !== undefined && !before(entry, last)) continue;
    let at = best.length;
    while (at > 0 && before(entry, best[at - 1] as [T, Accumulator])) at--;
    best.splice(at, 0, entry);
    if (best.length > n) best.pop();
  }
  best.forEach(([, acc], rank) => (acc.rank = rank));
  return best;
}
