import { describe, expect, it } from 'vitest';
import { parseFilterQuery, type CompiledFilter } from './query.ts';
import { message, passes } from './standalone.ts';
import type { TracedMessage } from '../model/index.ts';

function compile(text: string): CompiledFilter {
  const result = parseFilterQuery(text);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(text)} to parse: ${result.error}`);
  return result.filter;
}

function rejected(text: string): { error: string; term: string } {
  const result = parseFilterQuery(text);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
  return { error: result.error, term: text.slice(result.start, result.end) };
}

const ORDERS: TracedMessage[] = [
  message({ routingKey: 'orders.eu.created', headers: { 'content-type': 'application/json', 'x-tenant': 'acme', priority: '5', 'amqp-message-id': 'm-1' }, body: JSON.stringify({ customer: { country: 'FR' }, total_cents: 7200, items: [{ sku: 'A1' }, { sku: 'B2' }], tags: ['vip', 'new'], 'a key': { b: 1 } }) }),
  message({ routingKey: 'orders.us.created', headers: { 'content-type': 'application/json; charset=utf-8', 'X-Tenant': 'Globex', 'reply-to': '/reply-queue/amq.gen-1', persistent: 'true' }, body: JSON.stringify({ customer: { country: 'US' }, total_cents: 300, items: [], tags: ['new'] }) }),
  message({ routingKey: 'payments.eu.failed', headers: { 'content-type': 'application/x-protobuf', type: 'PaymentFailed', persistent: '1' }, body: new Uint8Array(20 * 1024) }),
  message({ routingKey: 'users.signup', headers: { 'content-type': 'text/plain' }, body: 'user Ann signed up at 10:42' }),
];

/** The indexes of ORDERS the filter shows. */
const shown = (text: string) => ORDERS.flatMap((m, i) => (passes(compile(text), m) ? [i] : []));

describe('header: terms', () => {
  it('presence, exact value, substring, with header names in any case', () => {
    expect(shown('header:x-tenant')).toEqual([0, 1]);
    expect(shown('header:X-TENANT')).toEqual([0, 1]);
    expect(shown('header:x-tenant=acme')).toEqual([0]);
    expect(shown('header:x-tenant=ACME')).toEqual([]); // values are exact
    expect(shown('header:x-tenant~glob')).toEqual([1]);
    expect(shown('header:x-tenant!=acme')).toEqual([1]); // != needs the header
    expect(shown('-header:x-tenant=acme')).toEqual([1, 2, 3]);
    expect(shown('header:priority>4')).toEqual([0]);
    expect(shown('header:"x-tenant"="acme"')).toEqual([0]);
  });

  it('own properties only: a header named like an Object member is absent', () => {
    expect(shown('header:constructor')).toEqual([]);
    expect(shown('header:__proto__')).toEqual([]);
  });

  it('errors name the term', () => {
    expect(rejected('orders header:')).toEqual({ error: expect.stringMatching(/needs a header name/), term: 'header:' });
    expect(rejected('header:x=').error).toMatch(/needs a value after =/);
    expect(rejected('header:x>big').error).toMatch(/> needs a number/);
  });
});

describe('prop: terms', () => {
  it('read AMQP properties as RabbitMQ carries them in STOMP headers', () => {
    expect(shown('prop:message-id=m-1')).toEqual([0]);
    expect(shown('prop:message_id=m-1')).toEqual([0]);
    expect(shown('prop:reply-to=amq.gen-1')).toEqual([1]);
    expect(shown('prop:delivery-mode=2')).toEqual([1]);
    expect(shown('prop:delivery-mode=1')).toEqual([2]);
    expect(shown('prop:type=PaymentFailed')).toEqual([2]);
    expect(shown('prop:priority>=5')).toEqual([0]);
    expect(shown('prop:content-type~json')).toEqual([0, 1]);
  });

  it('refuse an unknown property, listing the known ones', () => {
    expect(rejected('prop:colour=red').error).toMatch(/prop: is one of content-type, .*timestamp/);
  });
});

describe('ct: terms', () => {
  it('a prefix with a slash, a substring without one', () => {
    expect(shown('ct:application/json')).toEqual([0, 1]);
    expect(shown('ct:APPLICATION/')).toEqual([0, 1, 2]);
    expect(shown('ct:json')).toEqual([0, 1]);
    expect(shown('ct:protobuf')).toEqual([2]);
    expect(shown('-ct:json')).toEqual([2, 3]);
    expect(passes(compile('ct:""'), message({}))).toBe(true);
    expect(rejected('ct:').term).toBe('ct:');
  });
});

describe('size terms', () => {
  it('compare the body size, units 1024-based', () => {
    expect(shown('size>10k')).toEqual([2]);
    expect(shown('size>=20kb')).toEqual([2]);
    expect(shown('size>20k')).toEqual([]);
    expect(shown('size<1k')).toEqual([0, 1, 3]);
    expect(shown('size=20480')).toEqual([2]);
    expect(shown('size=20480b')).toEqual([2]);
    expect(shown('size:<=0.5m')).toEqual([0, 1, 2, 3]);
    expect(shown('-size>10K')).toEqual([0, 1, 3]);
    expect(passes(compile('size=0'), message({}))).toBe(true);
  });

  it('refuse a size that is not a number', () => {
    expect(rejected('size>big').error).toMatch(/size>10k/);
    expect(rejected('size>10q').term).toBe('size>10q');
  });

  it('a word that merely starts with size is routing-key text', () => {
    expect(compile('sizes').keyOnly).toBe(true);
  });
});

describe('regex terms', () => {
  it('/regex/ is on the routing key, with flags', () => {
    expect(shown('/^orders\\.(eu|us)\\./')).toEqual([0, 1]);
    expect(shown('/ORDERS/')).toEqual([]);
    expect(shown('/ORDERS/i')).toEqual([0, 1]);
    expect(shown('key:/signup$/')).toEqual([3]);
    expect(shown('-/^orders/')).toEqual([2, 3]);
    expect(compile('/a b/').keyOnly).toBe(true); // spaces inside the literal
    expect(compile('/[/]x/').keyOnly).toBe(true); // a slash inside a class
  });

  it('the g and y flags are dropped: test() stays stateless', () => {
    const filter = compile('/orders/g');
    expect(passes(filter, ORDERS[0]!)).toBe(true);
    expect(passes(filter, ORDERS[0]!)).toBe(true);
  });

  it('body:/regex/ reads the body as text', () => {
    expect(shown('body:/"country":"(FR|US)"/')).toEqual([0, 1]);
    expect(shown('body:/signed up at \\d+:\\d+/')).toEqual([3]);
    expect(shown('-body:/country/')).toEqual([2, 3]);
  });

  it('a bad regex is an error pointing at it', () => {
    const bad = rejected('orders /(unclosed/ x:celery');
    expect(bad.term).toBe('/(unclosed/');
    expect(bad.error).toMatch(/\/\(unclosed\/.*(Unterminated group|Invalid)/);
    expect(rejected('/abc/q').error).toMatch(/Invalid/);
    expect(rejected('a /abc').error).toMatch(/Unclosed regular expression/);
    expect(rejected('/abc/def/').error).toMatch(/unexpected text after/);
  });
});

describe('JSON field terms', () => {
  it('compare numbers as numbers and the rest as text', () => {
    expect(shown('$.customer.country=FR')).toEqual([0]);
    expect(shown('$.total_cents>5000')).toEqual([0]);
    expect(shown('$.total_cents>=300')).toEqual([0, 1]);
    expect(shown('$.total_cents<300')).toEqual([]);
    expect(shown('$.total_cents<=300')).toEqual([1]);
    expect(shown('$.total_cents=7200.0')).toEqual([0]);
    expect(shown('$.customer.country!=FR')).toEqual([1]); // only where the field exists
    expect(shown('-$.customer.country=FR')).toEqual([1, 2, 3]);
    expect(shown('$.customer.country~f')).toEqual([0]);
  });

  it('paths with indexes, wildcards, quoted names; alone they ask for existence', () => {
    expect(shown('$.items[0].sku=A1')).toEqual([0]);
    expect(shown('$.items[1].sku=A1')).toEqual([]);
    expect(shown('$.items[*].sku=B2')).toEqual([0]);
    expect(shown('$.tags[*]=new')).toEqual([0, 1]);
    expect(shown('$.tags=vip')).toEqual([0]); // an array matches when an element does
    expect(shown('$["a key"].b=1')).toEqual([0]);
    expect(parseFilterQuery("$['a key'].b=1")).toMatchObject({ ok: false, start: 0, end: 4 }); // a space outside double quotes ends the term
    expect(passes(compile("$['a.b']=1"), message({ body: '{"a.b":1}' }))).toBe(true);
    expect(shown('$.customer')).toEqual([0, 1]);
    expect(shown('$.items[0]')).toEqual([0]);
    expect(shown('$.constructor')).toEqual([]);
    expect(shown('$.customer.country="FR"')).toEqual([0]);
  });

  it('mark the filter as reading decoded bodies', () => {
    expect(compile('$.a').readsValues).toBe(true);
    expect(compile('orders header:a').readsValues).toBe(false);
  });

  it('errors name the term', () => {
    expect(rejected('$.a>x').error).toMatch(/"\$\.a>x": > needs a number/);
    expect(rejected('$.a[x]=1').error).toMatch(/is not an index/);
    expect(rejected('$.=1').error).toMatch(/name is missing/);
    expect(rejected('$.a= orders').term).toBe('$.a=');
    expect(rejected('$.a[0').error).toMatch(/not closed/);
  });
});

describe('OR', () => {
  it('separates AND groups', () => {
    expect(shown('orders eu OR users')).toEqual([0, 3]);
    expect(shown('orders eu || users')).toEqual([0, 3]);
    expect(shown('$.customer.country=US OR ct:text/')).toEqual([1, 3]);
    expect(shown('header:x-tenant=acme OR size>10k')).toEqual([0, 2]);
    expect(compile('"OR"').groups).toHaveLength(1); // quoted: the text OR (in "orders")
    expect(shown('or')).toEqual([0, 1]); // lower case: text (in "orders")
  });

  it('keeps an OR of key terms on the per-key fast path', () => {
    const filter = compile('orders.eu.# OR #.failed');
    expect(filter.keyOnly).toBe(true);
    expect(filter.matchesKey('app.events', 'payments.eu.failed')).toBe(true);
    expect(filter.matchesKey('app.events', 'users.signup')).toBe(false);
  });

  it('a mixed OR gives a key condition only when every group has key terms', () => {
    expect(compile('orders $.a OR payments').matchesKey('x', 'users.signup')).toBe(false);
    expect(compile('orders OR $.a').matchesKey('x', 'users.signup')).toBe(true);
  });

  it('refuses an OR with a side missing, pointing at it', () => {
    expect(rejected('OR orders')).toEqual({ error: expect.stringMatching(/"OR" needs terms on both sides/), term: 'OR' });
    expect(rejected('orders OR')).toMatchObject({ term: 'OR' });
    expect(rejected('a OR OR b')).toMatchObject({ term: 'OR' });
  });
});

describe('hostile input', () => {
  it('a huge filter text parses or fails with a message, never throws', () => {
    const huge = 'orders '.repeat(20_000);
    expect(compile(huge).matchesKey('', 'orders.x')).toBe(true);
    expect(parseFilterQuery('"'.repeat(10_001)).ok).toBe(false);
    expect(parseFilterQuery('$' + '.a'.repeat(100)).ok).toBe(false);
    expect(parseFilterQuery('/'.repeat(5000)).ok).toBe(false);
    expect(parseFilterQuery('['.repeat(5000)).ok).toBe(true);
  });

  it('body:/regex/ sees at most the first 16 KiB of a body', () => {
    const big = message({ body: 'a'.repeat(64 * 1024) + 'NEEDLE' });
    expect(passes(compile('body:/NEEDLE/'), big)).toBe(false);
    expect(passes(compile('body:NEEDLE'), big)).toBe(true); // the byte search reads it all
  });

  it('field terms on bodies that are not JSON, or deeply nested, just do not match', () => {
    const deep = message({ body: '['.repeat(5000) + ']'.repeat(5000) });
    expect(passes(compile('$.a'), deep)).toBe(false);
    expect(passes(compile('$[0][0][0]'), deep)).toBe(true);
    expect(passes(compile('$.a=1'), message({ body: '\u0000\uffff' }))).toBe(false);
  });
});
