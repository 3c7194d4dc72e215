import { describe, expect, it } from 'vitest';
import { KeyGrouper, keyPrefix } from './key-groups.ts';

describe('keyPrefix', () => {
  it.each([
    ['orders.eu.created', 1, 'orders'],
    ['orders.eu.created', 2, 'orders.eu'],
    ['orders.eu.created', 3, 'orders.eu.created'],
    ['orders.eu.created', 'full', 'orders.eu.created'],
    ['users.signup', 3, 'users.signup'],
    ['single', 1, 'single'],
    ['a..b', 2, 'a.'], // empty words count, as RabbitMQ counts them
    ['.x', 1, ''],
    ['', 1, ''],
  ] as const)('%s at depth %s is %s', (key, depth, prefix) => {
    expect(keyPrefix(key, depth)).toBe(prefix);
  });
});

describe('KeyGrouper', () => {
  it('gives every key of a prefix the same group object', () => {
    const grouper = new KeyGrouper(1);
    const group = grouper.groupOf('orders.eu.created');
    expect(grouper.groupOf('orders.us.failed')).toBe(group);
    expect(grouper.groupOf('orders')).toBe(group);
    expect(grouper.groupOf('payments.eu')).not.toBe(group);
    expect(group).toEqual({ prefix: 'orders', isEmptyKey: false });
  });

  it('keeps the empty key apart from keys whose first word is empty', () => {
    const grouper = new KeyGrouper(1);
    const empty = grouper.groupOf('');
    const emptyWord = grouper.groupOf('.x');
    expect(empty).not.toBe(emptyWord);
    expect(empty.isEmptyKey).toBe(true);
    expect(emptyWord).toEqual({ prefix: '', isEmptyKey: false });
  });

  it('forgets its memo only between reads, once it is large', () => {
    const grouper = new KeyGrouper('full');
    const first = grouper.groupOf('k0');
    grouper.beginRead();
    expect(grouper.groupOf('k0')).toBe(first);
    for (let i = 0; i < 100_001; i++) grouper.groupOf(`k${i}`);
    expect(grouper.groupOf('k0')).toBe(first);
    grouper.beginRead();
    expect(grouper.groupOf('k0')).not.toBe(first);
    expect(grouper.groupOf('k0')).toEqual(first);
  });
});
