import { describe, expect, it } from 'vitest';
import { completionAt, keyTerm, suggest, type Vocabulary } from './completion.ts';
import { parseFilterQuery } from './query.ts';

const VOCABULARY: Vocabulary = {
  keys: ['orders.eu.created', 'orders.us.created', 'payments.eu.failed', 'my key', 'user:42', '-dash'],
  headers: ['x-tenant', 'X-Request-Id', 'content-type', 'x-warren-seq'],
  fields: ['$.customer.country', '$.customer.id', '$.items[0].sku', '$.total_cents'],
};
const labels = (text: string, cursor = text.length) => suggest(text, cursor, VOCABULARY).map((s) => s.label);

describe('completionAt', () => {
  it('finds the kind and the typed name of the term under the cursor', () => {
    expect(completionAt('ord', 3)).toMatchObject({ kind: 'key', typed: 'ord', from: 0, to: 3 });
    expect(completionAt('x:celery -pay', 13)).toMatchObject({ kind: 'key', typed: 'pay', from: 10 });
    expect(completionAt('header:x-t', 10)).toMatchObject({ kind: 'header', typed: 'x-t', from: 7 });
    expect(completionAt('HEADER:x', 8)).toMatchObject({ kind: 'header', typed: 'x' });
    expect(completionAt('prop:co', 7)).toMatchObject({ kind: 'prop', typed: 'co' });
    expect(completionAt('key:orders', 10)).toMatchObject({ kind: 'key', typed: 'orders', from: 4 });
    expect(completionAt('$.cust', 6)).toMatchObject({ kind: 'field', typed: '$.cust', from: 0 });
    expect(completionAt('ord other', 2)).toMatchObject({ typed: 'or', to: 3 });
  });

  it('has nothing to complete in values, quotes, regexes, patterns and other fields', () => {
    for (const text of ['', 'a ', 'header:x=1', '$.a>5', '"ord', '/ord', 'orders.*', 'x:cel', 'size>1', 'body:x']) {
      expect(completionAt(text, text.length)).toBeNull();
    }
  });
});

describe('suggest', () => {
  it('routing keys: those starting with the text first, then those containing it', () => {
    expect(labels('eu')).toEqual(['orders.eu.created', 'payments.eu.failed']);
    expect(labels('pay')).toEqual(['payments.eu.failed']);
    expect(labels('orders.eu.created')).toEqual([]); // nothing left to complete
  });

  it('header names without regard to case, property names, field paths from the root', () => {
    expect(labels('header:x-')).toEqual(['X-Request-Id', 'x-tenant', 'x-warren-seq']);
    expect(labels('prop:corr')).toEqual(['correlation-id']);
    expect(labels('$.customer')).toEqual(['$.customer.country', '$.customer.id']);
    expect(labels('$.Customer')).toEqual([]);
  });

  it('accepting replaces the term and puts the cursor after it', () => {
    const [first] = suggest('x:celery pay -z', 12, VOCABULARY);
    expect(first).toMatchObject({ text: 'x:celery payments.eu.failed -z', cursor: 27 });
    const [header] = suggest('header:x-te', 11, VOCABULARY);
    expect(header).toMatchObject({ text: 'header:x-tenant', cursor: 15 });
    const [key] = suggest('eu', 2, VOCABULARY);
    expect(key?.text).toBe('orders.eu.created ');
  });

  it('quotes a key that would not read back as itself', () => {
    expect(keyTerm('orders.eu')).toBe('orders.eu');
    expect(keyTerm('my key')).toBe('"my key"');
    expect(keyTerm('-dash')).toBe('"-dash"');
    expect(keyTerm('header:x')).toBe('"header:x"');
    expect(keyTerm('a"b\\c')).toBe('"a\\"b\\\\c"');
    for (const key of ['my key', '-dash', 'header:x', 'a"b\\c', 'OR', 'size>1']) {
      const parsed = parseFilterQuery(keyTerm(key));
      expect(parsed.ok && parsed.filter.keyOnly && parsed.filter.matchesKey('', key)).toBe(true);
    }
  });
});
