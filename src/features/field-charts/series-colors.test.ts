import { describe, expect, it } from 'vitest';
import { shortLabels } from './series-colors.ts';

const series = (...keys: (string | null)[]) => keys.map((key) => ({ key, count: 1 }));

describe('legend labels', () => {
  it('drops the words every key starts with', () => {
    expect(shortLabels(series('t1.orders.eu', 't1.orders.us', null))).toEqual(['…eu', '…us', '(other keys)']);
    expect(shortLabels(series('a.b.c', 'a.bx.c'))).toEqual(['…b.c', '…bx.c']);
  });

  it('keeps whole keys when they share no whole word, or there is only one', () => {
    expect(shortLabels(series('orders', 'ordersx'))).toEqual(['orders', 'ordersx']);
    expect(shortLabels(series('t1.orders.eu'))).toEqual(['t1.orders.eu']);
    expect(shortLabels(series('a.b', ''))).toEqual(['a.b', '(empty key)']);
  });

  it('never hides a key that is the shared prefix itself', () => {
    expect(shortLabels(series('a.b.', 'a.b.c'))).toEqual(['…', '…c']);
  });
});
