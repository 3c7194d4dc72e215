/** A field chart's series: colours (the palette in rank order, neutral grey for "other keys") and legend labels. */
import type { FieldViewSeries } from '../../fields/index.ts';
import { NEUTRAL_COLOR, PALETTE } from '../../ui/index.ts';

export function seriesColor(series: FieldViewSeries, index: number): string {
  return series.key === null ? NEUTRAL_COLOR : (PALETTE[index % PALETTE.length] ?? NEUTRAL_COLOR);
}

/** A routing key in full, as tooltips and titles show it: the empty key is named, not blank. */
export function seriesLabel(series: FieldViewSeries): string {
  if (series.key === null) return '(other keys)';
  return series.key === '' ? '(empty key)' : series.key;
}

/**
 * Legend labels that fit a narrow column: the words every key shares at the
 * start are shown as "…", since keys of one field often differ only at the
 * end (`shop.orders.eu`, `shop.orders.us` → `…eu`, `…us`).
 */
export function shortLabels(series: readonly FieldViewSeries[]): string[] {
  const keys = series.flatMap((s) => (s.key === null || s.key === '' ? [] : [s.key]));
  const prefix = keys.length < 2 ? '' : sharedWords(keys);
  return series.map((s) => (s.key !== null && prefix !== '' && s.key.startsWith(prefix) ? `…${s.key.slice(prefix.length)}` : seriesLabel(s)));
}

/** The longest run of whole words, dot included, that starts every key ('' when none). */
function sharedWords(keys: string[]): string {
  let shared = keys[0] ?? '';
  for (const key of keys) {
    let i = 0;
    while (i < shared.length && i < key.length && shared[i] === key[i]) i++;
    shared = shared.slice(0, i);
  }
  const dot = shared.lastIndexOf('.');
  return dot === -1 ? '' : shared.slice(0, dot + 1);
}
