/**
 * The filter-box text that shows exactly one chart series in the table,
 * written in the grammar of src/filter/query.ts:
 * - a routing key → `key:<key>` (exact: `key:` without wildcards is equality);
 * - a group of keys starting with N words → `<prefix>.#` (the AMQP pattern
 *   matching the prefix itself and every longer key starting with it);
 * - an exchange → `exchange:<name>`;
 * - a subscription → its exchange plus its binding pattern as a `key:`
 *   pattern (a queue subscription has no such filter);
 * - "other" has none: it is everything outside the top series.
 * Values are quoted when the tokenizer needs it (spaces, quotes, backslash,
 * empty). A key whose words are literally `*` or `#` filters as a pattern:
 * the grammar cannot say "literal #".
 *
 * @module
 */
import { checkDestination } from '../../model/index.ts';
import type { RateSeries } from '../../rates/index.ts';

/** A filter to apply, or why this series has none. */
export type SeriesFilter = { ok: true; text: string } | { ok: false; reason: string };

// Bare text that the tokenizer and parser read as one plain pattern term:
// no quotes, spaces, field prefix (`x:`), or leading `-` (negation).
const BARE_SAFE = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** `value` as the tokenizer reads it back verbatim after a field prefix. */
export function quoteFilterValue(value: string): string {
  if (value !== '' && !/[\s"\\]/.test(value)) return value;
  return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/**
 * The filter for a series. `destinationOf` maps a subscription id to its
 * destination (undefined once the subscription was removed).
 */
export function seriesFilter(series: Pick<RateSeries, 'kind' | 'value'>, destinationOf: (id: string) => string | undefined): SeriesFilter {
  switch (series.kind) {
    case 'key':
      return { ok: true, text: `key:${quoteFilterValue(series.value)}` };
    case 'key-prefix': {
      const pattern = `${series.value}.#`;
      return { ok: true, text: BARE_SAFE.test(series.value) ? pattern : `key:${quoteFilterValue(pattern)}` };
    }
    case 'exchange':
      return { ok: true, text: `exchange:${quoteFilterValue(series.value)}` };
    case 'subscription':
      return subscriptionFilter(destinationOf(series.value));
    case 'other':
      return { ok: false, reason: 'Everything outside the top series: pick a finer grouping, or type a filter.' };
  }
}

function subscriptionFilter(destination: string | undefined): SeriesFilter {
  if (destination === undefined) return { ok: false, reason: 'This subscription was removed.' };
  const check = checkDestination(destination);
  if (!check.ok || check.destination.kind === 'queue' || check.destination.kind === 'amq-queue') {
    return { ok: false, reason: 'A queue subscription has no exchange and binding to filter on.' };
  }
  const { exchange, routingKey: pattern } = check.destination;
  const exchangeTerm = `exchange:${quoteFilterValue(exchange)}`;
  // `#` matches every key: the exchange alone says the same, shorter.
  return { ok: true, text: pattern === '#' ? exchangeTerm : `${exchangeTerm} key:${quoteFilterValue(pattern)}` };
}
