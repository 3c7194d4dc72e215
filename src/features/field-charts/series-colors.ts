/** A field chart's series colours: the palette in rank order, the neutral grey for "other keys". */
import type { FieldViewSeries } from '../../fields/index.ts';
import { NEUTRAL_COLOR, PALETTE } from '../../ui/index.ts';

export function seriesColor(series: FieldViewSeries, index: number): string {
  return series.key === null ? NEUTRAL_COLOR : (PALETTE[index % PALETTE.length] ?? NEUTRAL_COLOR);
}

/** A routing key as the legend shows it: the empty key is named, not blank. */
export function seriesLabel(series: FieldViewSeries): string {
  if (series.key === null) return '(other keys)';
  return series.key === '' ? '(empty key)' : series.key;
}
