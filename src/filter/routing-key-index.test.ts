import { describe, expect, it } from 'vitest';
import { parseFilterQuery, MATCH_ALL_FILTER, type CompiledFilter } from './query.ts';
import { RoutingKeyMatchCache } from './routing-key-index.ts';

function compile(text: string): CompiledFilter {
  const result = parseFilterQuery(text);
  if (!result.ok) throw new Error(result.error);
  return result.filter;
}

/** Wraps a filter so the test can count real matcher calls. */
function counting(filter: CompiledFilter): { filter: CompiledFilter; calls: () => number } {
  let calls = 0;
  return {
    filter: {
      text: filter.text,
      isEmpty: filter.isEmpty,
      matchesBody: filter.matchesBody,
      matchesKey: (exchange, key) => {
        calls++;
        return filter.matchesKey(exchange, key);
      },
    },
    calls: () => calls,
  };
}

describe('RoutingKeyMatchCache', () => {
  it('runs the matcher once per distinct (exchange, key), however many messages', () => {
    const { filter, calls } = counting(compile('orders.#'));
    const cache = new RoutingKeyMatchCache(filter);
    const keys = ['orders.eu.created', 'payments.failed', 'orders.us.created'];
    let passed = 0;
    for (let i = 0; i < 30_000; i++) if (cache.matches('app.events', keys[i % 3] as string)) passed++;
    expect(passed).toBe(20_000);
    expect(calls()).toBe(3);
    expect(cache.size).toBe(3);
  });

  it('keeps verdicts apart per exchange', () => {
    const cache = new RoutingKeyMatchCache(compile('x:celery'));
    expect(cache.matches('celery', 'k')).toBe(true);
    expect(cache.matches('celeryev', 'k')).toBe(false);
    expect(cache.matches('', 'k')).toBe(false);
    expect(cache.matches('celery', 'k')).toBe(true);
    expect(cache.size).toBe(3);
  });

  it('forgets verdicts when the filter changes', () => {
    const cache = new RoutingKeyMatchCache(compile('eu'));
    expect(cache.matches('x', 'orders.eu')).toBe(true);
    expect(cache.setFilter(compile('-eu'))).toBe(true);
    expect(cache.size).toBe(0);
    expect(cache.matches('x', 'orders.eu')).toBe(false);
  });

  it('keeps verdicts for the same filter, or one compiled from the same text', () => {
    const first = compile('eu');
    const cache = new RoutingKeyMatchCache(first);
    cache.matches('x', 'orders.eu');
    expect(cache.setFilter(first)).toBe(false);
    expect(cache.setFilter(compile('eu'))).toBe(false);
    expect(cache.size).toBe(1);
  });

  it('does not cache for the empty filter', () => {
    const cache = new RoutingKeyMatchCache();
    expect(cache.filter).toBe(MATCH_ALL_FILTER);
    expect(cache.matches('x', 'anything')).toBe(true);
    expect(cache.size).toBe(0);
  });

  it('starts over instead of growing past maxEntries', () => {
    const { filter, calls } = counting(compile('k'));
    const cache = new RoutingKeyMatchCache(filter, { maxEntries: 4 });
    for (let i = 0; i < 10; i++) cache.matches('x', `k${i}`);
    expect(cache.size).toBeLessThanOrEqual(4);
    expect(cache.size).toBe(2); // cleared at the 5th and 9th new pair
    expect(calls()).toBe(10);
    expect(cache.matches('x', 'k9')).toBe(true);
    expect(calls()).toBe(10); // still remembered after the reset
  });

  it('rejects a nonsensical maxEntries', () => {
    expect(() => new RoutingKeyMatchCache(MATCH_ALL_FILTER, { maxEntries: 0 })).toThrow(RangeError);
  });
});
