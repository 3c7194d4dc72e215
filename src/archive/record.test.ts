import { describe, expect, it } from 'vitest';
import { headersJsonOf, parseRecordLine, recordLine, type ArchivableMessage } from './record.ts';

const message = (overrides: Partial<ArchivableMessage> = {}): ArchivableMessage => ({
  receivedAt: 1764547200123,
  exchange: 'app.events',
  routingKey: 'orders.eu.created',
  headers: { destination: '/exchange/app.events/orders.eu.created', 'content-type': 'application/json', 'x-warren-seq': '1' },
  body: new TextEncoder().encode('{"order":1}'),
  ...overrides,
});

const line = (fields: Record<string, unknown>) =>
  JSON.stringify({ v: 1, receivedAt: 1, exchange: 'x', routingKey: 'k', subscription: '', headers: {}, bodyEncoding: 'utf8', body: '', ...fields });

describe('one message per line', () => {
  it('writes the documented fields in a fixed order and reads them back', () => {
    const text = recordLine(message(), '/exchange/app.events/#');
    expect(text).toBe(
      '{"v":1,"receivedAt":1764547200123,"exchange":"app.events","routingKey":"orders.eu.created","subscription":"/exchange/app.events/#",' +
        '"headers":{"destination":"/exchange/app.events/orders.eu.created","content-type":"application/json","x-warren-seq":"1"},' +
        '"bodyEncoding":"utf8","body":"{\\"order\\":1}"}',
    );
    const parsed = parseRecordLine(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.record.headers).toEqual(message().headers);
    expect(parsed.bytes).toEqual(message().body);
  });

  it('carries a 1 MB header value and newlines inside values on one line', () => {
    const huge = 'x'.repeat(1024 * 1024);
    const text = recordLine(message({ headers: { 'x-huge': huge, 'x-multi': 'a\nb\r\nc\u2028' } }), '');
    expect(text.includes('\n')).toBe(false);
    const parsed = parseRecordLine(text);
    expect(parsed.ok && parsed.record.headers['x-huge']).toBe(huge);
    expect(parsed.ok && parsed.record.headers['x-multi']).toBe('a\nb\r\nc\u2028');
  });

  it('takes a header named __proto__ as a header, not as a prototype', () => {
    const parsed = parseRecordLine(line({}).replace('"headers":{}', '"headers":{"__proto__":"x","toString":"y"}'));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(Object.entries(parsed.record.headers)).toEqual([['__proto__', 'x'], ['toString', 'y']]);
  });

  it.each([
    ['{"v":1,', /^not JSON \(/],
    ['[1,2]', /^not a JSON object$/],
    ['"text"', /^not a JSON object$/],
    [line({ v: undefined }), /^no version field "v"$/],
    [line({ v: 2 }), /^unknown version 2 /],
    [line({ v: '1' }), /^unknown version "1" /],
    [line({ receivedAt: '2024' }), /^no receivedAt/],
    [line({ exchange: null }), /^no exchange$/],
    [line({ routingKey: undefined }), /^no routingKey$/],
    [line({ subscription: 3 }), /^subscription is not a string$/],
    [line({ headers: [] }), /^no headers object$/],
    [line({ headers: { priority: 5 } }), /^header "priority" is not a string$/],
    [line({ bodyEncoding: 'hex' }), /^bodyEncoding is neither/],
    [line({ body: undefined }), /^no body$/],
    [line({ bodyEncoding: 'base64', body: 'not base64!' }), /^body is not valid base64$/],
  ])('refuses %s with a reason', (text, reason) => {
    const parsed = parseRecordLine(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  it('accepts a line without subscription', () => {
    const parsed = parseRecordLine(line({ subscription: undefined }));
    expect(parsed.ok && parsed.record.subscription).toBe('');
  });
});

describe("the headers' own text, cut from a line (headersJsonOf)", () => {
  const cut = (text: string) => {
    const parsed = parseRecordLine(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    return { text: headersJsonOf(parsed), headers: parsed.record.headers };
  };

  it('is exactly the headers object of a line Warren wrote, whatever the values hold', () => {
    const tricky = {
      destination: '/exchange/x/k',
      a: '},"bodyEncoding":"utf8',
      b: ',"headers":{"x":"y"}',
      headers: '{}',
      'ünï': '"\\"\n😀',
      __proto__x: 'p',
    };
    for (const headers of [tricky, {}, { destination: '/queue/q' }] as Record<string, string>[]) {
      const { text, headers: read } = cut(recordLine(message({ headers, body: new TextEncoder().encode('},"bodyEncoding":"') }), '/exchange/x/#'));
      expect(text).toBeDefined();
      expect(JSON.parse(text!)).toEqual(read);
      expect(read).toEqual(headers);
    }
  });

  it('is undefined, for the caller to stringify, when the line is laid out otherwise', () => {
    const fields = { v: 1, receivedAt: 1, exchange: 'x', routingKey: 'k', subscription: '', headers: { a: '1' }, bodyEncoding: 'utf8', body: '' };
    const { headers, ...rest } = fields;
    const cases = [
      JSON.stringify({ headers, ...rest }), // headers first: no comma before the key
      JSON.stringify({ ...fields, extra: { headers: { b: '2' } } }), // a field Warren does not write
      JSON.stringify({ ...fields, subscription: undefined, extra: 1 }), // eight fields, but not the eight
      JSON.stringify(fields).replace('"headers":', '"headers": '), // whitespace
      JSON.stringify(fields).replace(',"bodyEncoding"', ',"bodyEncoding" '),
      // A duplicate key: JSON.parse keeps the last one.
      JSON.stringify(fields).replace(',"bodyEncoding"', ',"headers":{"dup":"1"},"bodyEncoding"'),
    ];
    for (const text of cases) {
      const { text: cutText, headers: read } = cut(text);
      expect(cutText, text).toBeUndefined();
      expect(read).toBeDefined();
    }
  });
});
