/**
 * A rate snapshot as the charts draw it: each series gets a label, a stable
 * colour, the filter a click applies, and a recharts data key (`s0`, `s1`,
 * ...: never the label, which recharts would read as a dotted path).
 *
 * @module
 */
import type { RateSeries, RateSnapshot } from '../../rates/index.ts';
import { NEUTRAL_COLOR, PALETTE } from '../../ui/index.ts';
import { seriesFilter, type SeriesFilter } from './series-filter.ts';

/** One series, ready to draw. */
export interface ChartSeries {
  dataKey: string;
  label: string;
  color: string;
  total: number;
  counts: number[];
  filter: SeriesFilter;
}

/** The subscription facts the view needs. */
export interface SubscriptionInfo {
  destination: string;
  color: string;
}

export const OTHER_COLOR = NEUTRAL_COLOR;
export const OTHER_LABEL = '(other)';

/** Labels and colours for a snapshot's series. */
export function presentSeries(snapshot: RateSnapshot, subscriptions: ReadonlyMap<string, SubscriptionInfo>): ChartSeries[] {
  const destinationOf = (id: string) => subscriptions.get(id)?.destination;
  const colors = assignColors(snapshot.series, subscriptions);
  const seen = new Map<string, number>();
  return snapshot.series.map((series, i) => {
    const base = labelOf(series, subscriptions);
    const repeats = seen.get(base) ?? 0;
    seen.set(base, repeats + 1);
    return {
      dataKey: `s${i}`,
      label: repeats === 0 ? base : `${base} #${repeats + 1}`,
      color: colors[i] ?? OTHER_COLOR,
      total: series.total,
      counts: series.counts,
      filter: seriesFilter(series, destinationOf),
    };
  });
}

function labelOf(series: RateSeries, subscriptions: ReadonlyMap<string, SubscriptionInfo>): string {
  switch (series.kind) {
    case 'key':
      return series.value === '' ? '(empty key)' : series.value;
    case 'key-prefix':
      return `${series.value}.#`;
    case 'exchange':
      return series.value === '' ? '(default exchange)' : series.value;
    case 'subscription':
      return subscriptions.get(series.value)?.destination ?? `${series.value} (removed)`;
    case 'other':
      return OTHER_LABEL;
  }
}

/**
 * Colours that stay put while the top series do: a subscription keeps its
 * own colour; anything else hashes its value into the palette, probing past
 * colours already taken in this snapshot.
 */
function assignColors(series: RateSeries[], subscriptions: ReadonlyMap<string, SubscriptionInfo>): string[] {
  const colors = new Array<string>(series.length).fill(OTHER_COLOR);
  const taken = new Set<number>();
  // Probing in name order, not rank order: two series swapping ranks keep their colours.
  const byName = series.map((s, i) => ({ s, i, name: `${s.kind}:${s.value}` })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { s, i, name } of byName) {
    if (s.kind === 'other') continue;
    const own = s.kind === 'subscription' ? subscriptions.get(s.value)?.color : undefined;
    if (own !== undefined) {
      colors[i] = own;
      continue;
    }
    let slot = hashString(name) % PALETTE.length;
    for (let probe = 0; probe < PALETTE.length && taken.has(slot); probe++) slot = (slot + 1) % PALETTE.length;
    taken.add(slot);
    colors[i] = PALETTE[slot] ?? OTHER_COLOR;
  }
  return colors;
}

function hashString(text: string): number {
  let hash = 2166136261; // FNV-1a
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/** `{ label: messages in the window }`, the panel's `data-series` attribute. */
export function seriesTotals(series: ChartSeries[]): Record<string, number> {
  return Object.fromEntries(series.map((s) => [s.label, s.total]));
}
