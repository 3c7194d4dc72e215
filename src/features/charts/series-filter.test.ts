import { describe, expect, it } from 'vitest';
import { parseFilterQuery } from '../../filter/index.ts';
import { RateReader, RateRecorder, type KeyDepth } from '../../rates/index.ts';
import { quoteFilterValue, seriesFilter } from './series-filter.ts';

const noSubscriptions = () => undefined;

function filterText(series: Parameters<typeof seriesFilter>[0], destinationOf: (id: string) => string | undefined = noSubscriptions): string {
  const filter = seriesFilter(series, destinationOf);
  if (!filter.ok) throw new Error(filter.reason);
  return filter.text;
}

function accepts(text: string, exchange: string, routingKey: string): boolean {
  const parsed = parseFilterQuery(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.error}`);
  return parsed.filter.matchesKey(exchange, routingKey);
}

describe('seriesFilter', () => {
  it('writes the filters the issue asks for', () => {
    expect(filterText({ kind: 'key-prefix', value: 'orders' })).toBe('orders.#');
    expect(filterText({ kind: 'key', value: 'orders.eu.created' })).toBe('key:orders.eu.created');
    expect(filterText({ kind: 'exchange', value: 'celery' })).toBe('exchange:celery');
    expect(filterText({ kind: 'exchange', value: '' })).toBe('exchange:""');
    expect(seriesFilter({ kind: 'other', value: '' }, noSubscriptions).ok).toBe(false);
  });

  it('filters a subscription by its exchange and binding pattern', () => {
    const destinations: Record<string, string> = { a: '/exchange/app.events/#', b: '/exchange/app.events/orders.*', c: '/topic/x.#', d: '/queue/jobs' };
    const of = (id: string) => destinations[id];
    expect(filterText({ kind: 'subscription', value: 'a' }, of)).toBe('exchange:app.events');
    expect(filterText({ kind: 'subscription', value: 'b' }, of)).toBe('exchange:app.events key:orders.*');
    expect(filterText({ kind: 'subscription', value: 'c' }, of)).toBe('exchange:amq.topic key:x.#');
    expect(seriesFilter({ kind: 'subscription', value: 'd' }, of).ok).toBe(false);
    expect(seriesFilter({ kind: 'subscription', value: 'gone' }, of).ok).toBe(false);
  });

  it('quotes what the tokenizer would split or misread', () => {
    expect(quoteFilterValue('a b')).toBe('"a b"');
    expect(quoteFilterValue('say "hi"\\')).toBe('"say \\"hi\\"\\\\"');
    expect(quoteFilterValue('')).toBe('""');
    for (const key of ['a b', 'say "hi"\\', '', '-neg', 'x:y', 'exchange:z']) {
      const text = filterText({ kind: 'key', value: key });
      expect(accepts(text, 'e', key), text).toBe(true);
      expect(accepts(text, 'e', `${key}.more`), text).toBe(false);
    }
  });

  // The property that matters: clicking a series shows exactly the keys counted in it.
  it.each<KeyDepth>([1, 2, 3, 'full'])('at depth %s, every series filter accepts exactly its own keys', (depth) => {
    const keys = ['orders', 'orders.eu', 'orders.eu.created', 'orders.eu.created.v2', 'orders.us.failed', 'users.signup', 'a..b', '.x', '', 'sp ace.x', '-neg.y', 'x:y.z', 'a.b.c.d.e'];
    const rates = new RateRecorder();
    for (const routingKey of keys) rates.record({ receivedAt: 1_700_000_000_000, size: 1, subscriptionId: 's', exchange: 'e', routingKey });
    const reader = new RateReader(rates);
    const snapshot = reader.snapshot({ endSecond: 1_700_000_000, breakdown: 'key', depth, topN: 100 });
    let covered = 0;
    for (const series of snapshot.series) {
      const text = filterText(series);
      const members = keys.filter((k) => accepts(text, 'e', k));
      expect(members.length, `${text} matches ${members.join(' | ')}`).toBe(series.total);
      covered += members.length;
    }
    expect(covered).toBe(keys.length);
  });
});
