import { describe, expect, it } from 'vitest';
import { parseFilterQuery, type CompiledFilter } from './query.ts';
import { tokenizeQuery } from './query-tokenizer.ts';
import { message, passes } from './standalone.ts';

function compile(text: string): CompiledFilter {
  const result = parseFilterQuery(text);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(text)} to parse: ${result.error}`);
  return result.filter;
}

function errorOf(text: string): string {
  const result = parseFilterQuery(text);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
  return result.error;
}

/** [exchange, routingKey] pairs used across cases. */
const MESSAGES: Array<[string, string]> = [
  ['app.events', 'orders.eu.created'],
  ['app.events', 'orders.us.created'],
  ['app.events', 'Orders.EU.Deleted'],
  ['app.events', 'payments.card.failed'],
  ['celery', 'celery'],
  ['celeryev', 'task.succeeded'],
  ['', 'amq.gen-reply.1'],
  ['', ''],
  ['my ex', 'user:42.login'],
];

function visible(text: string): string[] {
  const filter = compile(text);
  return MESSAGES.filter(([x, k]) => filter.matchesKey(x, k)).map(([x, k]) => `${x}/${k}`);
}

describe('parseFilterQuery', () => {
  it('empty or blank text matches everything and says so', () => {
    for (const text of ['', '   ', '\t\n']) {
      const filter = compile(text);
      expect(filter.isEmpty).toBe(true);
      expect(filter.text).toBe(text);
      expect(filter.matchesKey('any', 'thing')).toBe(true);
    }
    expect(compile('orders').isEmpty).toBe(false);
  });

  it('keeps the text verbatim', () => {
    expect(compile('  x:celery  ').text).toBe('  x:celery  ');
  });

  it('plain terms are case-insensitive substrings of the routing key', () => {
    expect(visible('eu')).toEqual(['app.events/orders.eu.created', 'app.events/Orders.EU.Deleted']);
    expect(visible('ORDERS.eu')).toEqual(['app.events/orders.eu.created', 'app.events/Orders.EU.Deleted']);
    expect(visible('events')).toEqual([]); // never the exchange
  });

  it('terms with whole-word wildcards are case-sensitive topic patterns', () => {
    expect(visible('orders.*.created')).toEqual(['app.events/orders.eu.created', 'app.events/orders.us.created']);
    expect(visible('#.failed')).toEqual(['app.events/payments.card.failed']);
    expect(visible('*')).toEqual(['celery/celery']);
    expect(visible('#')).toHaveLength(MESSAGES.length); // `#` matches even the empty key
    expect(visible('orders.#')).toHaveLength(2); // not Orders.EU.Deleted
  });

  it('a wildcard inside a word is plain text, as for the broker', () => {
    expect(visible('orders*')).toEqual([]);
    expect(compile('a*').matchesKey('', 'xa*y')).toBe(true);
  });

  it('exchange: and x: match the exchange exactly', () => {
    expect(visible('exchange:celery')).toEqual(['celery/celery']);
    expect(visible('x:celery')).toEqual(['celery/celery']);
    expect(visible('X:celery')).toEqual(['celery/celery']); // field names ignore case
    expect(visible('x:Celery')).toEqual([]); // exchange names do not
    expect(visible('x:celer')).toEqual([]);
    expect(visible('exchange:""')).toEqual(['/amq.gen-reply.1', '/']);
    expect(visible('x:"my ex"')).toEqual(['my ex/user:42.login']);
  });

  it('key: forces topic semantics: exact without wildcards', () => {
    expect(visible('key:celery')).toEqual(['celery/celery']);
    expect(visible('key:orders')).toEqual([]);
    expect(visible('key:orders.*.created')).toHaveLength(2);
    expect(visible('key:""')).toEqual(['/']);
    expect(visible('KEY:task.succeeded')).toEqual(['celeryev/task.succeeded']);
  });

  it('terms combine with AND', () => {
    expect(visible('x:app.events orders eu')).toEqual(['app.events/orders.eu.created', 'app.events/Orders.EU.Deleted']);
    expect(visible('x:app.events x:celery')).toEqual([]);
    expect(visible('orders.# created')).toHaveLength(2);
  });

  it('a leading - negates any term', () => {
    expect(visible('x:app.events -eu')).toEqual(['app.events/orders.us.created', 'app.events/payments.card.failed']);
    expect(visible('-x:app.events -x:""')).toEqual(['celery/celery', 'celeryev/task.succeeded', 'my ex/user:42.login']);
    expect(visible('-#')).toEqual([]);
    expect(visible('-key:celery x:celery')).toEqual([]);
    expect(visible('--')).not.toContain('/amq.gen-reply.1'); // the text "-", negated
    expect(visible('--')).toHaveLength(MESSAGES.length - 1);
  });

  it('a lone - and a quoted leading - are plain text', () => {
    expect(visible('-')).toEqual(['/amq.gen-reply.1']);
    expect(visible('"-reply"')).toEqual(['/amq.gen-reply.1']);
  });

  it('unknown prefixes are plain text, so keys with colons stay searchable', () => {
    expect(visible('user:42')).toEqual(['my ex/user:42.login']);
    expect(visible('"exchange:celery"')).toEqual([]); // quoted: the text, not the field
  });

  it('quotes group spaces and may appear mid-term', () => {
    expect(compile('"a b"').matchesKey('', 'xa by')).toBe(true);
    expect(compile('"a b"').matchesKey('', 'a')).toBe(false);
    expect(compile('x:my" "ex').matchesKey('my ex', 'k')).toBe(true);
    expect(compile('"a\\"b"').matchesKey('', 'a"b')).toBe(true);
  });

  it('rejects a field with nothing after it, with a helpful message', () => {
    expect(errorOf('exchange:')).toMatch(/exchange name.*exchange:""/);
    expect(errorOf('orders -x:')).toMatch(/"-x:" needs an exchange name/);
    expect(errorOf('key:')).toMatch(/key:""/);
  });

  it('rejects an unclosed quote', () => {
    expect(errorOf('x:"celery')).toMatch(/Unclosed quote/);
  });
});

describe('tokenizeQuery', () => {
  it('splits on any whitespace and keeps quote boundaries', () => {
    const result = tokenizeQuery(' a\tb\n"c d"-e x:"" ');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.tokens.map((t) => t.raw)).toEqual(['a', 'b', '"c d"-e', 'x:""']);
    expect(result.tokens[2]?.segments).toEqual([
      { text: 'c d', quoted: true },
      { text: '-e', quoted: false },
    ]);
    expect(result.tokens[3]?.segments).toEqual([
      { text: 'x:', quoted: false },
      { text: '', quoted: true },
    ]);
  });
});

describe('body: terms', () => {
  it('compile to a per-message test, separate from the key terms', () => {
    const filter = compile('orders.# body:ORD_42');
    expect(filter.matchesKey('app.events', 'orders.eu.created')).toBe(true);
    expect(filter.matchesKey('app.events', 'users.signup')).toBe(false);
    expect(filter.keyOnly).toBe(false);
    expect(passes(filter, message({ routingKey: 'orders.eu.created', body: '{"id":"ord_42"}' }))).toBe(true);
    expect(passes(filter, message({ routingKey: 'orders.eu.created', body: '{"id":"ord_43"}' }))).toBe(false);
  });

  it('negate, quote, and refuse an empty needle', () => {
    const filter = compile('-body:"payment failed"');
    expect(passes(filter, message({ body: 'the Payment Failed twice' }))).toBe(false);
    expect(passes(filter, message({ body: 'ok' }))).toBe(true);
    expect(parseFilterQuery('body:')).toMatchObject({ ok: false });
  });

  it('leave key-only filters deciding by key alone', () => {
    expect(compile('orders.#').keyOnly).toBe(true);
    expect(compile('orders.# -eu x:app.events').keyOnly).toBe(true);
  });
});
